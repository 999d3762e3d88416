/**
 * The preview's incremental rebuilds: after each kind of edit, the pages it serves are exactly
 * the pages a full build of the same content gives, and only the pages the edit touches are
 * rendered again.
 */
import { readFile, rm, unlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FileMap } from '../../src/model/files.js';
import { checkModules } from '../../src/pipeline/check.js';
import { PreviewBuilder, type BuildOutcome } from '../../src/preview/builder.js';
import { renderSite } from '../../src/render/index.js';
import { copyProject } from '../helpers/projects.js';

const MODULE = 'tiny-course';

interface Project {
  dir: string;
  folder: string;
  builder: PreviewBuilder;
}

const errorsOf = (outcome: BuildOutcome) => [...outcome.checked.values()].flat().filter((d) => d.severity === 'error');

async function editJson(file: string, edit: (data: Record<string, unknown>) => void): Promise<void> {
  const data = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
  edit(data);
  await writeFile(file, JSON.stringify(data, null, 2));
}

/** A copy of a fixture project, with `extraLessons` more lessons made from its second one. */
async function project(fixture: string, extraLessons = 0): Promise<Project> {
  const dir = await copyProject(fixture);
  const folder = path.join(dir, 'modules', MODULE);
  const template = JSON.parse(await readFile(path.join(folder, 'lessons', '02-ministries.json'), 'utf8')) as Record<string, unknown>;
  const ids: string[] = [];
  const withoutIds = (template.blocks as { id?: string }[]).filter((block) => block.id === undefined);
  for (let i = 3; i < 3 + extraLessons; i++) {
    const id = `${String(i).padStart(2, '0')}-extra`;
    ids.push(id);
    const objectives = [{ ...(template.objectives as object[])[0], id: `obj-75-extra-${i}` }];
    await writeFile(
      path.join(folder, 'lessons', `${id}.json`),
      // Without the blocks that declare ids of their own: those must be unique in the module.
      JSON.stringify({ ...template, id, title: `Extra lesson ${i}`, objectives, blocks: withoutIds }),
    );
  }
  await editJson(path.join(folder, 'module.json'), (m) => {
    m.lessons = [...(m.lessons as string[]), ...ids];
  });
  const builder = new PreviewBuilder({ cwd: dir, modulesDir: path.join(dir, 'modules') });
  const first = errorsOf(await builder.build());
  if (first.length > 0) throw new Error(JSON.stringify(first, null, 2));
  return { dir, folder, builder };
}

/** What a build renders for each module now (with drafts, as the preview builds): its folder's files and its report. */
async function fullBuild(dir: string): Promise<Map<string, { files: FileMap; report: Uint8Array | undefined }>> {
  const checked = await checkModules({ cwd: dir, modulesDir: path.join(dir, 'modules'), drafts: true });
  expect(checked.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const rendered = await renderSite(checked.modules, { outDir: path.join(os.tmpdir(), 'coursekit-full-build') });
  return new Map(
    checked.modules.map((m) => [m.id, { files: rendered.moduleFiles.get(m.id)!, report: rendered.siteFiles.get(`reports/${m.id}.html`) }]),
  );
}

const text = (bytes: Uint8Array | undefined) => (bytes ? new TextDecoder().decode(bytes) : undefined);

async function expectSameAsFullBuild({ dir, builder }: Project): Promise<void> {
  const full = await fullBuild(dir);
  expect([...builder.modules.keys()].sort()).toEqual([...full.keys()].sort());
  for (const [id, expected] of full) {
    const served = builder.modules.get(id)!;
    expect([...served.files.keys()].sort(), id).toEqual([...expected.files.keys()].sort());
    const different = [...expected.files].filter(([name, bytes]) => text(served.files.get(name)) !== text(bytes)).map(([name]) => name);
    expect(different, id).toEqual([]);
    expect(text(served.report), id).toBe(text(expected.report));
  }
}

/** Edits the module, rebuilds it as the preview does, and returns the pages rendered again. */
async function rebuildAfter(p: Project, edit: () => Promise<void>): Promise<{ rendered: number; pages: number }> {
  const before = p.builder.modules.get(MODULE)!.version;
  await edit();
  expect(errorsOf(await p.builder.build([MODULE]))).toEqual([]);
  const build = p.builder.modules.get(MODULE)!;
  expect(build.version).not.toBe(before);
  return { rendered: build.renderedPages, pages: build.pageInputs.size };
}

const lessonFile = (p: Project, id: string) => path.join(p.folder, 'lessons', `${id}.json`);

describe.each([
  ['a module whose pages list every lesson', 0],
  ['a module long enough that pages list only the lessons near them', 43],
])('incremental rebuilds of %s', (_name, extraLessons) => {
  let p: Project;
  beforeAll(async () => {
    p = await project('tiny', extraLessons);
  });
  afterAll(async () => {
    await rm(p.dir, { recursive: true, force: true });
  });

  it('lesson text: only the lesson page is rendered again', async () => {
    const { rendered } = await rebuildAfter(p, () =>
      editJson(lessonFile(p, '01-contributions'), (lesson) => {
        (lesson.blocks as { markdown?: string }[])[0]!.markdown = 'Paragraph 74 looks at **all** the contributions of migrants.';
      }),
    );
    expect(rendered).toBe(1);
    await expectSameAsFullBuild(p);
  });

  it("lesson title: every page whose contents list or pager shows it, and the start page's list", async () => {
    const { rendered, pages } = await rebuildAfter(p, () =>
      editJson(lessonFile(p, '02-ministries'), (lesson) => {
        lesson.title = 'Beyond national security';
      }),
    );
    if (extraLessons === 0) expect(rendered).toBe(pages);
    else expect(rendered).toBeLessThan(pages / 2);
    await expectSameAsFullBuild(p);
  });

  it('objective', async () => {
    await rebuildAfter(p, () =>
      editJson(lessonFile(p, '01-contributions'), (lesson) => {
        (lesson.objectives as { text: string }[])[0]!.text = 'Name three contributions of migrants that paragraph 74 describes.';
      }),
    );
    await expectSameAsFullBuild(p);
  });

  it('glossary term', async () => {
    await rebuildAfter(p, () =>
      editJson(path.join(p.folder, 'glossary.json'), (glossary) => {
        (glossary.terms as { definition: string }[])[1]!.definition = 'Organizations and groups that are not part of government.';
      }),
    );
    await expectSameAsFullBuild(p);
  });

  it('question bank: only the assessment page is rendered again', async () => {
    const { rendered } = await rebuildAfter(p, () =>
      editJson(path.join(p.folder, 'questions', 'para-74.json'), (bank) => {
        (bank.questions as { prompt: string }[])[0]!.prompt = 'According to paragraph 74, what do economic benefits overshadow?';
      }),
    );
    expect(rendered).toBe(1);
    await expectSameAsFullBuild(p);
  });

  it('a new lesson, then the lesson deleted again', async () => {
    await rebuildAfter(p, async () => {
      await writeFile(
        lessonFile(p, '99-new'),
        JSON.stringify({
          $schema: '../../../../../../../schemas/lesson.schema.json',
          id: '99-new',
          title: 'A new lesson',
          objectives: [
            { id: 'obj-75-new', text: 'List the ministries paragraph 75 names.', source: { document: 'A/58/275', paragraph: 75 } },
          ],
          blocks: [{ type: 'keyPoints', items: ['Migration is more than security.'] }],
        }),
      );
      await editJson(path.join(p.folder, 'module.json'), (m) => {
        m.lessons = [...(m.lessons as string[]), '99-new'];
      });
    });
    await expectSameAsFullBuild(p);
    expect(p.builder.modules.get(MODULE)!.files.has('99-new.html')).toBe(true);

    await rebuildAfter(p, async () => {
      await editJson(path.join(p.folder, 'module.json'), (m) => {
        m.lessons = (m.lessons as string[]).filter((id) => id !== '99-new');
      });
      await unlink(lessonFile(p, '99-new'));
    });
    await expectSameAsFullBuild(p);
    expect(p.builder.modules.get(MODULE)!.files.has('99-new.html')).toBe(false);
  });

  it('an edit of the same size right after the file was read is not missed', async () => {
    const file = lessonFile(p, '02-ministries');
    for (const title of ['Beyond national securitx', 'Beyond national securitz']) {
      await rebuildAfter(p, () =>
        editJson(file, (lesson) => {
          lesson.title = title;
        }),
      );
    }
    await expectSameAsFullBuild(p);
  });
});

describe('incremental rebuilds of a module and its translation', () => {
  let p: Project;
  beforeAll(async () => {
    p = await project('tiny-translated');
  });
  afterAll(async () => {
    await rm(p.dir, { recursive: true, force: true });
  });

  it('a lesson title in the source (the translation becomes a draft), then a text in the translation', async () => {
    await rebuildAfter(p, () =>
      editJson(lessonFile(p, '02-ministries'), (lesson) => {
        lesson.title = 'Beyond national security';
      }),
    );
    await expectSameAsFullBuild(p);
    // The changed title is not translated yet: French is previewed as a draft.
    expect([...p.builder.modules.keys()].sort()).toEqual([MODULE, `${MODULE}-fr-draft`]);
    const xliff = path.join(p.folder, 'translations', 'fr.xlf');
    const draft = p.builder.modules.get(`${MODULE}-fr-draft`)!.version;
    await writeFile(xliff, (await readFile(xliff, 'utf8')).replace('<target>FR:', '<target>FR (revu) :'));
    await p.builder.build([MODULE]);
    expect(p.builder.modules.get(`${MODULE}-fr-draft`)!.version).not.toBe(draft);
    await expectSameAsFullBuild(p);
  });
});
