/**
 * A translated course stays editable (issue 19): translate the whole tiny module into French,
 * publish it, then edit the English as an author would (add, change or delete a text) and run
 * validate, export and build. Translation gaps never stop the export or the English packages;
 * the French version is left out (or built as a draft with --draft) until the translator is
 * done, and --strict makes the gap an error.
 */
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { runCli } from '../helpers/cli.js';
import { copyProject } from '../helpers/projects.js';
import { collectTexts } from '../../src/i18n/units.js';
import { MODULE, exportXliffText, fillTargets, loadModule } from './helpers.js';

const dirs: string[] = [];

/** How many texts the tiny module has: one unit each. */
let unitCount: number;
beforeAll(async () => {
  const dir = await copyProject('tiny');
  dirs.push(dir);
  unitCount = collectTexts(await loadModule(dir)).length;
});
afterAll(async () => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

const moduleDir = (dir: string) => path.join(dir, 'modules', MODULE);
const lessonFile = (dir: string) => path.join(moduleDir(dir), 'lessons', '01-contributions.json');

async function editJson(file: string, edit: (data: any) => void): Promise<void> {
  const data = JSON.parse(await readFile(file, 'utf8'));
  edit(data);
  await writeFile(file, `${JSON.stringify(data, null, 2)}\n`);
}

/** The tiny module translated into French in full and published, as the author did it. */
async function translatedProject(): Promise<string> {
  const dir = await copyProject('tiny');
  dirs.push(dir);
  await writeFile(path.join(dir, 'fr-done.xlf'), fillTargets(await exportXliffText(dir)));
  expect((await runCli(['xliff', 'import', 'fr-done.xlf'], dir)).code).toBe(0);
  await editJson(path.join(moduleDir(dir), 'module.json'), (m) => (m.translations = ['fr']));
  expect(await validate(dir)).toMatchObject({ code: 0, diagnostics: [] });
  return dir;
}

async function validate(dir: string): Promise<{ code: number; diagnostics: Diagnostic[] }> {
  const run = await runCli(['validate', '--format', 'json'], dir);
  return { code: run.code, diagnostics: JSON.parse(run.stdout) as Diagnostic[] };
}

async function build(dir: string, extra: string[] = []) {
  const run = await runCli(['build', '--target', 'scorm12,web', ...extra], dir);
  let packages: string[] = [];
  try {
    packages = (await readdir(path.join(dir, 'dist', 'packages'))).sort();
  } catch {
    // No dist/ yet.
  }
  return { ...run, packages };
}

const ENGLISH = ['tiny-course-scorm12.zip', 'tiny-course-web.zip'];
const FRENCH = ['tiny-course-fr-scorm12.zip', 'tiny-course-fr-web.zip'];
const DRAFT = ['tiny-course-fr-draft-scorm12.zip', 'tiny-course-fr-draft-web.zip'];

describe('editing a translated course', () => {
  it('a new paragraph: validate warns, export sends it to the translator, English builds, French waits', async () => {
    const dir = await translatedProject();
    expect((await build(dir)).packages).toEqual([...ENGLISH, ...FRENCH].sort());
    await editJson(lessonFile(dir), (l) => l.blocks.push({ type: 'text', markdown: 'A paragraph added after translation.' }));

    const validated = await validate(dir);
    expect(validated.code).toBe(0);
    expect(validated.diagnostics.map((d) => [d.code, d.severity, d.message])).toEqual([
      [
        'translation-incomplete',
        'warning',
        'the French (fr) version of `tiny-course` is left out of the build: 1 text(s) not translated (`lesson.01-contributions.block.9.markdown`).',
      ],
      [
        'translation-missing',
        'warning',
        'lesson `01-contributions` block 9 (text) text (unit `lesson.01-contributions.block.9.markdown`) is not in fr.xlf: the text was added after the file was exported.',
      ],
    ]);
    expect(validated.diagnostics[0]!.hint).toBe(
      'Send the translator the texts to do (`coursekit xliff export tiny-course --lang fr --out tiny-course.fr.xlf`) and import the translation (`coursekit xliff import tiny-course.fr.xlf`). Meanwhile `coursekit build --draft` packages it as a draft for review.',
    );

    const exported = await runCli(['xliff', 'export', MODULE, '--lang', 'fr', '--out', 'tiny-course.fr.xlf'], dir);
    expect(exported).toEqual({
      code: 0,
      stdout: `Wrote tiny-course.fr.xlf: ${unitCount + 1} text(s) of tiny-course for French (fr): ${unitCount} already translated, 1 to translate.\n`,
      stderr: '',
    });

    const built = await build(dir);
    expect(built.code).toBe(0);
    expect(built.packages).toEqual(ENGLISH);
    expect(built.stdout).toBe(
      'Built 1 module(s) in 1 language(s) (en): 2 package(s), ' +
        built.stdout.match(/package\(s\), (.*?), in/)![1] +
        ', in dist/packages/.\n' +
        'Left out: the French (fr) version of tiny-course (1 text(s) not translated); --draft packages it as a draft.\n',
    );
    expect(built.stderr).toContain('warning translation-incomplete');

    const draft = await build(dir, ['--draft']);
    expect(draft.code).toBe(0);
    expect(draft.packages).toEqual([...ENGLISH, ...DRAFT].sort());
    expect(draft.stdout).toMatch(/^Built 1 module\(s\) in 2 language\(s\) \(en, fr draft\): 4 package\(s\), /);

    const strict = await build(dir, ['--strict']);
    expect(strict.code).toBe(1);
    expect(strict.stdout).toMatch(/^Build failed: 0 error\(s\), 2 warning\(s\)\. dist\/ was left as it was\.\n$/);
    expect(strict.packages).toEqual([...ENGLISH, ...DRAFT].sort());

    // The translator's work comes back: French is published again.
    await writeFile(path.join(dir, 'tiny-course.fr.xlf'), fillTargets(await readFile(path.join(dir, 'tiny-course.fr.xlf'), 'utf8')));
    expect((await runCli(['xliff', 'import', 'tiny-course.fr.xlf'], dir)).code).toBe(0);
    expect(await validate(dir)).toEqual({ code: 0, diagnostics: [] });
    expect((await build(dir)).packages).toEqual([...ENGLISH, ...FRENCH].sort());
  });

  it('a changed text: the word that changed is shown, export sends it back, English builds, French waits', async () => {
    const dir = await translatedProject();
    await editJson(lessonFile(dir), (l) => (l.title = 'What migrants bring'));

    const validated = await validate(dir);
    expect(validated.code).toBe(0);
    expect(validated.diagnostics.map((d) => [d.code, d.message])).toEqual([
      [
        'translation-incomplete',
        'the French (fr) version of `tiny-course` is left out of the build: 1 text(s) changed after translation (`lesson.01-contributions.title`).',
      ],
      [
        'translation-stale',
        'lesson `01-contributions` title (unit `lesson.01-contributions.title`) changed after it was translated: What migrants [contribute → bring]',
      ],
    ]);

    const exported = await runCli(['xliff', 'export', MODULE, '--lang', 'fr', '--out', 'tiny-course.fr.xlf'], dir);
    expect(exported.code).toBe(0);
    expect(exported.stdout).toContain(`${unitCount - 1} already translated, 1 changed since translation, 1 to translate.`);

    const built = await build(dir);
    expect(built.code).toBe(0);
    expect(built.packages).toEqual(ENGLISH);
    expect(built.stdout).toContain(
      'Left out: the French (fr) version of tiny-course (1 changed after translation); --draft packages it as a draft.\n',
    );
  });

  it('a deleted text: its translation is obsolete, and French still builds in full', async () => {
    const dir = await translatedProject();
    await editJson(lessonFile(dir), (l) => l.blocks.splice(0, 1)); // the blocks after it are renumbered

    const validated = await validate(dir);
    expect(validated.code).toBe(0);
    expect(new Set(validated.diagnostics.map((d) => `${d.code} ${d.severity}`))).toEqual(new Set(['translation-obsolete-unit warning']));

    const exported = await runCli(['xliff', 'export', MODULE, '--lang', 'fr', '--out', 'tiny-course.fr.xlf'], dir);
    // The deleted text block had two texts, its heading and its markdown.
    expect(exported.stdout).toBe(
      `Wrote tiny-course.fr.xlf: ${unitCount - 2} text(s) of tiny-course for French (fr): ${unitCount - 2} already translated, 0 to translate.\n`,
    );

    const built = await build(dir);
    expect(built.code).toBe(0);
    expect(built.packages).toEqual([...ENGLISH, ...FRENCH].sort());
    expect(built.stdout).toMatch(/^Built 1 module\(s\) in 2 language\(s\) \(en, fr\): 4 package\(s\), [^\n]*\n$/);
  });
});
