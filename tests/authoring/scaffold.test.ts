/** `coursekit new module` and `coursekit new lesson`: valid files, never an overwrite. */
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, rename, rm, symlink } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { appendToLessonOrder, json } from '../../src/scaffold/index.js';
import { PLACEHOLDERS, type Placeholder, placeholder } from '../../src/validate/placeholders.js';
import { copyProject } from '../helpers/projects.js';
import { hashTree, runCli } from './cli.js';

const made: string[] = [];
afterAll(async () => {
  await Promise.all(made.map((dir) => rm(dir, { recursive: true, force: true })));
});
async function emptyProject(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'coursekit-new-'));
  made.push(dir);
  return dir;
}

describe('coursekit new module', () => {
  it('creates a module that validates, with a warning at each placeholder left to replace', async () => {
    const dir = await emptyProject();
    const run = await runCli(['new', 'module', 'migration-basics'], dir);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatchInlineSnapshot(`
      "created modules/migration-basics/module.json
      created modules/migration-basics/lessons/01-introduction.json
      created modules/migration-basics/questions/para-1.json
      created modules/migration-basics/sources/source.txt

      Next:
        - Put the text of your source document in modules/migration-basics/sources/source.txt and describe it in "sources" in module.json.
        - Write the lesson in modules/migration-basics/lessons/01-introduction.json; add lessons with \`coursekit new lesson migration-basics <lesson-id>\`.
        - Check your work with \`coursekit validate migration-basics\`.
      "
    `);
    const run2 = await runCli(['validate', '--format', 'json'], dir);
    expect(run2.code).toBe(0);
    const warned = (JSON.parse(run2.stdout) as Diagnostic[]).map(
      (d) => `${d.code} ${d.file?.replace(/^modules\/migration-basics\//, '')} ${d.pointer}`,
    );
    expect(warned).toMatchInlineSnapshot(`
      [
        "placeholder-text lessons/01-introduction.json /summary",
        "placeholder-text lessons/01-introduction.json /blocks/0/markdown",
        "placeholder-text lessons/01-introduction.json /blocks/1/text",
        "placeholder-text lessons/01-introduction.json /blocks/2/items/0",
        "placeholder-text module.json /description",
        "placeholder-text module.json /audience",
        "placeholder-text module.json /sources/0/document",
        "placeholder-text module.json /sources/0/title",
        "placeholder-text module.json /sources/0/file",
        "placeholder-text module.json /assessment/introduction",
        "placeholder-text questions/para-1.json /questions/0/prompt",
        "placeholder-text questions/para-1.json /questions/0/options/0/text",
        "placeholder-text questions/para-1.json /questions/0/options/0/feedback",
        "placeholder-text questions/para-1.json /questions/0/options/1/text",
        "placeholder-text questions/para-1.json /questions/0/options/1/feedback",
        "placeholder-text questions/para-1.json /questions/0/options/2/text",
        "placeholder-text questions/para-1.json /questions/0/options/2/feedback",
        "placeholder-text questions/para-1.json /questions/1/prompt",
        "placeholder-text questions/para-1.json /questions/1/feedback/correct",
        "placeholder-text questions/para-1.json /questions/1/feedback/incorrect",
      ]
    `);
    // A placeholder must never reach learners: --strict refuses it.
    expect((await runCli(['validate', '--strict'], dir)).code).toBe(1);
  });

  it('writes every placeholder validation knows of, so the list holds only what coursekit new writes', async () => {
    const dir = await emptyProject();
    await runCli(['new', 'module', 'migration-basics'], dir);
    await runCli(['new', 'lesson', 'migration-basics', '02-more'], dir);
    const folder = path.join(dir, 'modules', 'migration-basics');
    const files = ['module.json', 'lessons/01-introduction.json', 'lessons/02-more.json', 'questions/para-1.json', 'sources/source.txt'];
    const written = (await Promise.all(files.map((f) => readFile(path.join(folder, f), 'utf8')))).join('\n');
    const unused = (Object.keys(PLACEHOLDERS) as Placeholder[]).filter((name) => !written.includes(placeholder(name)));
    expect(unused).toEqual([]);
  });

  it('points every $schema at the schemas, relative to the file', async () => {
    const dir = await emptyProject();
    await runCli(['new', 'module', 'migration-basics'], dir);
    for (const file of ['module.json', 'lessons/01-introduction.json', 'questions/para-1.json']) {
      const absolute = path.join(dir, 'modules', 'migration-basics', file);
      const schema = (JSON.parse(await readFile(absolute, 'utf8')) as { $schema: string }).$schema;
      expect(path.isAbsolute(schema)).toBe(false);
      expect(existsSync(path.resolve(path.dirname(absolute), schema)), `${file}: ${schema}`).toBe(true);
    }
  });

  it('takes a title and a language', async () => {
    const dir = await emptyProject();
    expect((await runCli(['new', 'module', 'droits-des-migrants', '--title', 'Droits des migrants', '--language', 'fr'], dir)).code).toBe(
      0,
    );
    const meta = JSON.parse(await readFile(path.join(dir, 'modules', 'droits-des-migrants', 'module.json'), 'utf8')) as {
      title: string;
      language: string;
    };
    expect(meta).toMatchObject({ title: 'Droits des migrants', language: 'fr' });
  });

  it('never overwrites an existing module', async () => {
    const dir = await emptyProject();
    await runCli(['new', 'module', 'migration-basics'], dir);
    const before = await hashTree(dir);
    const run = await runCli(['new', 'module', 'migration-basics'], dir);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatchInlineSnapshot(`
      "modules/migration-basics error scaffold-exists
        modules/migration-basics/ already exists; coursekit did not change it.
        hint: Choose another id: coursekit never overwrites your files.

      "
    `);
    expect(await hashTree(dir)).toEqual(before);
  });

  it('rejects ids that are not identifiers, and suggests one', async () => {
    const dir = await emptyProject();
    const runs = await Promise.all([
      runCli(['new', 'module', 'Migration Basics'], dir),
      runCli(['new', 'module', '1-course'], dir),
      runCli(['new', 'module', 'ok-id', '--language', 'English'], dir),
    ]);
    expect(runs.map((r) => r.code)).toEqual([1, 1, 1]);
    expect(runs.map((r) => r.stderr).join('')).toMatchInlineSnapshot(`
      "error scaffold-bad-id
        "Migration Basics" is not a valid module id: use lowercase letters, digits and hyphens, starting with a letter, 2 to 64 characters.
        hint: Did you mean \`migration-basics\`?

      error scaffold-bad-id
        "1-course" is not a valid module id: use lowercase letters, digits and hyphens, starting with a letter, 2 to 64 characters.
        hint: Use lowercase letters, digits and hyphens (e.g. migration-basics).

      error scaffold-bad-id
        "English" is not a valid language tag: use a BCP 47 tag such as en, fr, ar or zh-Hans.
        hint: Did you mean \`en\`?

      "
    `);
    expect(existsSync(path.join(dir, 'modules'))).toBe(false);
  });
});

describe('coursekit new lesson', () => {
  it('adds a lesson to the sample module that brings no new problem but its placeholders to replace, quoting its paragraph', async () => {
    const dir = await copyProject('sample');
    made.push(dir);
    const moduleFile = path.join(dir, 'modules', 'migration-human-rights', 'module.json');
    const before = await readFile(moduleFile, 'utf8');
    const problemsBefore = await runCli(['validate', '--format', 'json'], dir);
    const run = await runCli(['new', 'lesson', 'migration-human-rights', '06-review', '--title', 'Review'], dir);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatchInlineSnapshot(`
      "created modules/migration-human-rights/lessons/06-review.json
      updated modules/migration-human-rights/module.json

      Next:
        - The lesson was added at the end of "lessons" in module.json; move its id within that list to change the order.
        - Write the lesson in modules/migration-human-rights/lessons/06-review.json; its objective cites A/58/275 paragraph 74, so change the citation if the lesson teaches another paragraph.
        - Check your work with \`coursekit validate migration-human-rights\`.
      "
    `);
    // The lesson order gets one line; nothing else in module.json changes.
    expect(await readFile(moduleFile, 'utf8')).toBe(
      before.replace('"05-applied-policy-review"\n', '"05-applied-policy-review",\n    "06-review"\n'),
    );
    const lesson = JSON.parse(await readFile(path.join(dir, 'modules', 'migration-human-rights', 'lessons', '06-review.json'), 'utf8')) as {
      blocks: { type: string; text?: string }[];
    };
    expect(lesson.blocks.find((b) => b.type === 'quote')?.text).toBe(
      'The economic contribution made by migrants to both countries of origin and of destination is widely recognized.',
    );
    const check = await runCli(['validate', '--format', 'json'], dir);
    expect(check.code).toBe(problemsBefore.code);
    const problem = (d: Diagnostic) => `${d.code} ${d.file?.split('/').at(-1)} ${d.pointer}`;
    const known = new Set((JSON.parse(problemsBefore.stdout) as Diagnostic[]).map(problem));
    expect((JSON.parse(check.stdout) as Diagnostic[]).map(problem).filter((p) => !known.has(p))).toEqual([
      'placeholder-text 06-review.json /summary',
      'placeholder-text 06-review.json /blocks/0/markdown',
      'placeholder-text 06-review.json /blocks/2/items/0',
    ]);
  });

  it('never overwrites an existing lesson', async () => {
    const dir = await copyProject('tiny');
    made.push(dir);
    const before = await hashTree(dir);
    const run = await runCli(['new', 'lesson', 'tiny-course', '02-ministries'], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatchInlineSnapshot(`
      "modules/tiny-course/lessons/02-ministries.json error scaffold-exists
        modules/tiny-course/lessons/02-ministries.json already exists; coursekit did not change it.
        hint: Choose another id: coursekit never overwrites your files.

      "
    `);
    expect(await hashTree(dir)).toEqual(before);
  });

  it('says when the module or the id is wrong', async () => {
    const dir = await copyProject('tiny');
    made.push(dir);
    const before = await hashTree(dir);
    const runs = await Promise.all([
      runCli(['new', 'lesson', 'tiny', '03-more'], dir),
      runCli(['new', 'lesson', 'tiny-course', '03_More'], dir),
    ]);
    expect(runs.map((r) => r.code)).toEqual([1, 1]);
    expect(runs.map((r) => r.stderr).join('')).toMatchInlineSnapshot(`
      "error module-not-found
        There is no module \`tiny\` in modules/ (no modules/tiny/module.json).
        hint: Check the module's folder name, or create the module with \`coursekit new module tiny\`.

      error scaffold-bad-id
        "03_More" is not a valid lesson id: use lowercase letters, digits and hyphens, starting with a letter or digit, at most 64 characters.
        hint: Did you mean \`03-more\`?

      "
    `);
    expect(await hashTree(dir)).toEqual(before);
  });

  it('refuses a module given as a path, and writes nothing outside the modules folder', async () => {
    // A module.json two folders up: `new lesson ../../victim` used to add a lesson there.
    const root = await mkdtemp(path.join(os.tmpdir(), 'coursekit-outside-'));
    made.push(root);
    const tiny = await copyProject('tiny');
    made.push(tiny);
    await cp(path.join(tiny, 'modules', 'tiny-course'), path.join(root, 'victim'), { recursive: true });
    const dir = path.join(root, 'project');
    await mkdir(path.join(dir, 'modules'), { recursive: true });
    const before = await hashTree(root);
    for (const name of ['../../victim', '../victim', '..', 'tiny-course/../../victim']) {
      const run = await runCli(['new', 'lesson', name, '03-planted'], dir);
      expect(run.code, name).toBe(1);
      expect(run.stderr, name).toContain(`error scaffold-bad-id\n  "${name}" is a path, not a module`);
    }
    expect(await hashTree(root)).toEqual(before);
  });

  it('writes nothing through a lessons folder that is a link out of the module', async () => {
    const dir = await copyProject('tiny');
    made.push(dir);
    const lessons = path.join(dir, 'modules', 'tiny-course', 'lessons');
    await rename(lessons, path.join(dir, 'elsewhere'));
    await symlink(path.join(dir, 'elsewhere'), lessons);
    const before = await hashTree(dir);
    const run = await runCli(['new', 'lesson', 'tiny-course', '03-planted'], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('modules/tiny-course/lessons/ leads outside the module folder (through a symbolic link)');
    expect(await hashTree(dir)).toEqual(before);
  });
});

describe('appendToLessonOrder', () => {
  it('keeps the layout of the lesson order', () => {
    expect(appendToLessonOrder('{ "lessons": ["a", "b"] }', 'c')).toBe('{ "lessons": ["a", "b", "c"] }');
    expect(appendToLessonOrder('{\n  "lessons": [\n    "a"\n  ]\n}', 'b')).toBe('{\n  "lessons": [\n    "a",\n    "b"\n  ]\n}');
    expect(appendToLessonOrder('{ "lessons": [] }', 'a')).toBe('{ "lessons": ["a"] }');
    expect(appendToLessonOrder('\uFEFF{ "lessons": ["a"] }', 'b')).toBe('\uFEFF{ "lessons": ["a", "b"] }');
    expect(appendToLessonOrder('{ "lessons": "a" }', 'b')).toBeUndefined();
    expect(appendToLessonOrder('{ "lessons": [', 'b')).toBeUndefined();
  });

  it('writes JSON the way the sample module is written', () => {
    const lesson = {
      id: 'x',
      paragraphs: [1, 2],
      source: { document: 'A/1', paragraph: 3 },
      blocks: [{ type: 'keyPoints', items: ['One point.', 'Another point.'] }],
    };
    expect(json(lesson)).toBe(
      [
        '{',
        '  "id": "x",',
        '  "paragraphs": [1, 2],',
        '  "source": { "document": "A/1", "paragraph": 3 },',
        '  "blocks": [',
        '    { "type": "keyPoints", "items": ["One point.", "Another point."] }',
        '  ]',
        '}',
        '',
      ].join('\n'),
    );
  });
});
