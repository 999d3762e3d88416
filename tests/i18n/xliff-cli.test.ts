/**
 * The XLIFF round trip through the real CLI: export the tiny module, translate every unit, import
 * the file, and check what import writes (only translations/fr.xlf), what it reports (missing and
 * stale texts), and what it refuses (malformed files, other languages, unknown units).
 */
import { mkdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { pathExists } from '../../src/fs-exists.js';
import { readXliff } from '../../src/i18n/xliff.js';
import { runCli } from '../helpers/cli.js';
import { copyProject } from '../helpers/projects.js';
import { collectTexts } from '../../src/i18n/units.js';
import { MODULE, exportXliffText, fillTargets, hashFolder, loadModule, unitIds } from './helpers.js';

const dirs: string[] = [];
afterAll(async () => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

/** How many texts the tiny module has: one unit each. */
let unitCount: number;
beforeAll(async () => {
  unitCount = collectTexts(await loadModule(await project())).length;
});

async function project(): Promise<string> {
  const dir = await copyProject('tiny');
  dirs.push(dir);
  return dir;
}

const moduleDir = (dir: string) => path.join(dir, 'modules', MODULE);
const translationFile = (dir: string) => path.join(moduleDir(dir), 'translations', 'fr.xlf');

async function importJson(
  dir: string,
  file: string,
  extra: string[] = [],
): Promise<{ code: number; diagnostics: Diagnostic[]; stderr: string }> {
  const run = await runCli(['xliff', 'import', file, '--format', 'json', ...extra], dir);
  return { code: run.code, diagnostics: JSON.parse(run.stdout) as Diagnostic[], stderr: run.stderr };
}

async function editJson(file: string, edit: (data: any) => void): Promise<void> {
  const data = JSON.parse(await readFile(file, 'utf8'));
  edit(data);
  await writeFile(file, `${JSON.stringify(data, null, 2)}\n`);
}

const lineOf = (text: string, needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length;

describe('coursekit xliff export', () => {
  it('writes XLIFF 2.0 with one <file> per content file and a unit per learner-visible text', async () => {
    const dir = await project();
    const xliff = await exportXliffText(dir);
    expect(xliff.split('\n').slice(0, 2)).toEqual([
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" xmlns:ck="urn:coursekit" version="2.0" srcLang="en" trgLang="fr" ck:module="tiny-course">',
    ]);
    const read = readXliff(xliff, 'fr.xlf');
    expect(read.diagnostics).toEqual([]);
    const exported = [...read.document!.units.values()];
    expect(exported).toHaveLength(unitCount);
    expect([...new Set(exported.map((u) => u.original))]).toEqual([
      'module.json',
      'lessons/01-contributions.json',
      'lessons/02-ministries.json',
      'questions/para-74.json',
      'questions/para-75.json',
      'glossary.json',
    ]);
    // Unit ids are NMTOKENs (no "/") and unique.
    const ids = unitIds(xliff);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9][a-zA-Z0-9._-]*$/);
    expect(ids).toEqual(
      expect.arrayContaining([
        'module.title',
        'module.source.A_58_275.title',
        'module.assessment.introduction',
        'lesson.01-contributions.objective.obj-74-contributions.text',
        'lesson.01-contributions.block.1.markdown',
        'lesson.01-contributions.block.2.text',
        'lesson.01-contributions.block.3.item.1',
        'lesson.01-contributions.block.5.alt',
        'lesson.01-contributions.block.7.guidance',
        'question.kc74-remittances.feedback.incorrect',
        'question.q74-overshadow.option.b.feedback',
        'question.q74-word.accept',
        'question.q75-match.pair.b.match',
        'question.q75-order.item.c.text',
        'glossary.remittances.definition',
      ]),
    );
    // Nothing that is not shown as text: ids, citations, paths, types, levels, variants, answers.
    const sources = exported.map((u) => u.source);
    for (const notText of [
      'A/58/275',
      'media/dot.svg',
      'background',
      'remember',
      'knowledgeCheck',
      'obj-74-contributions',
      'a',
      'true',
      '74',
    ]) {
      expect(sources).not.toContain(notText);
    }
    expect(read.document!.units.get('question.q74-word.accept')!.source).toBe('remittances | remittance');
    // The quote carries the translator's instruction.
    expect(xliff).toContain(
      '<note category="coursekit">Quote the official French (fr) version of A/58/275, paragraph 74, word for word, rather than translating this quote: a quote must be the document\'s own words, and a translated quote cannot be checked against the English (en) source.</note>',
    );
    // Multi-line markdown survives as it is.
    expect(read.document!.units.get('lesson.01-contributions.block.1.markdown')!.source).toBe(
      'Paragraph 74 looks at **economic**, *social* and cultural contributions.\n\n- remittances\n- the feminization of migration',
    );
  });

  it('gives the same bytes every time, from any folder', async () => {
    const a = await project();
    const b = await project();
    const first = await exportXliffText(a);
    expect(await exportXliffText(a)).toBe(first);
    expect(await exportXliffText(b)).toBe(first);
  });

  it('derives unit ids from the place only: new content adds units without renaming the others', async () => {
    const dir = await project();
    const before = readXliff(await exportXliffText(dir), 'before.xlf').document!.units;
    const lessons = path.join(moduleDir(dir), 'lessons');
    // A block at the end of lesson 1, a question in the bank, a glossary term, an option.
    await editJson(path.join(lessons, '01-contributions.json'), (l) =>
      l.blocks.push({ type: 'text', markdown: 'A new closing paragraph.' }),
    );
    await editJson(path.join(moduleDir(dir), 'questions', 'para-74.json'), (bank) => {
      bank.questions.unshift({ ...structuredClone(bank.questions[0]), id: 'q74-new', prompt: 'A new first question?' });
      bank.questions[1].options.push({ id: 'd', text: 'A fourth option', feedback: 'Not in paragraph 74.' });
    });
    await editJson(path.join(moduleDir(dir), 'glossary.json'), (g) =>
      g.terms.unshift({ id: 'aaa', term: 'A', definition: 'First.', background: true }),
    );
    const after = readXliff(await exportXliffText(dir), 'after.xlf').document!.units;
    for (const [id, unit] of before) expect(after.get(id)?.source, id).toBe(unit.source);
    expect([...after.keys()].filter((id) => !before.has(id)).sort()).toEqual(
      [
        'glossary.aaa.definition',
        'glossary.aaa.term',
        'lesson.01-contributions.block.9.markdown',
        'question.q74-new.option.a.feedback',
        'question.q74-new.option.a.text',
        'question.q74-new.option.b.feedback',
        'question.q74-new.option.b.text',
        'question.q74-new.option.c.feedback',
        'question.q74-new.option.c.text',
        'question.q74-new.prompt',
        'question.q74-overshadow.option.d.feedback',
        'question.q74-overshadow.option.d.text',
      ].sort(),
    );
  });

  it('numbers blocks, so a block inserted early renumbers only the blocks after it', async () => {
    const dir = await project();
    const before = unitIds(await exportXliffText(dir));
    await editJson(path.join(moduleDir(dir), 'lessons', '01-contributions.json'), (l) =>
      l.blocks.unshift({ type: 'text', markdown: 'New opening.' }),
    );
    const after = unitIds(await exportXliffText(dir));
    const unchanged = before.filter((id) => !id.includes('.block.'));
    expect(after).toEqual(expect.arrayContaining(unchanged));
    expect(after).toContain('lesson.01-contributions.block.8.prompt'); // the reflection was block 7
    expect(after).not.toContain('lesson.01-contributions.block.7.prompt');
  });

  it('writes --out and prints a summary; refuses other file names, bad tags and the module language', async () => {
    const dir = await project();
    const run = await runCli(['xliff', 'export', MODULE, '--lang', 'fr', '--out', 'fr.xlf'], dir);
    expect(run).toEqual({
      code: 0,
      stdout: `Wrote fr.xlf: ${unitCount} text(s) of tiny-course for French (fr): 0 already translated, ${unitCount} to translate.\n`,
      stderr: '',
    });
    expect(await readFile(path.join(dir, 'fr.xlf'), 'utf8')).toBe(await exportXliffText(dir));

    const json = await runCli(['xliff', 'export', MODULE, '--lang', 'fr', '--out', path.join('modules', MODULE, 'module.json')], dir);
    expect(json.code).toBe(1);
    expect(json.stderr).toContain("--out modules/tiny-course/module.json: the XLIFF file's name must end in .xlf (or .xliff).");

    const bad = await runCli(['xliff', 'export', MODULE, '--lang', '../../x'], dir);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('error language-tag-invalid\n  --lang "../../x" is not a language tag coursekit accepts.');

    const same = await runCli(['xliff', 'export', MODULE, '--lang', 'en'], dir);
    expect(same.code).toBe(1);
    expect(same.stderr).toContain(
      'modules/tiny-course/module.json error translation-language-mismatch\n  module `tiny-course` is written in "en"; export its texts for another language.',
    );
    expect(same.stdout).toBe('');
  });
});

describe('coursekit xliff import', () => {
  it('writes translations/fr.xlf, unchanged, and touches no other file', async () => {
    const dir = await project();
    const translated = fillTargets(await exportXliffText(dir));
    await writeFile(path.join(dir, 'fr-done.xlf'), translated);
    const before = await hashFolder(moduleDir(dir));

    const run = await runCli(['xliff', 'import', 'fr-done.xlf'], dir);
    expect(run).toEqual({
      code: 0,
      stdout:
        `Wrote modules/tiny-course/translations/fr.xlf: ${unitCount} of ${unitCount} text(s) translated into French (fr).\n` +
        'To publish it, add "fr" to "translations" in modules/tiny-course/module.json: coursekit does not change module.json for you.\n',
      stderr: '',
    });
    expect(await readFile(translationFile(dir), 'utf8')).toBe(translated);
    const after = await hashFolder(moduleDir(dir));
    const { 'translations/fr.xlf': written, ...rest } = after;
    expect(written).toBeDefined();
    expect(rest).toEqual(before);

    // Once declared, the import says the build will publish it; importing again replaces the file.
    await editJson(path.join(moduleDir(dir), 'module.json'), (m) => (m.translations = ['fr']));
    const again = await runCli(['xliff', 'import', 'fr-done.xlf'], dir);
    expect(again.stdout).toBe(
      `Wrote modules/tiny-course/translations/fr.xlf (replacing the earlier translation): ${unitCount} of ${unitCount} text(s) translated into French (fr).\nThe next build packages the French (fr) version.\n`,
    );
  });

  it('reports units translated from an older text as stale, and export sends them back for translation', async () => {
    const dir = await project();
    const translated = fillTargets(await exportXliffText(dir));
    await writeFile(path.join(dir, 'fr-done.xlf'), translated);
    expect((await runCli(['xliff', 'import', 'fr-done.xlf'], dir)).code).toBe(0);
    await editJson(path.join(moduleDir(dir), 'lessons', '01-contributions.json'), (l) => (l.title = 'What migrants bring'));

    const imported = await importJson(dir, 'fr-done.xlf');
    expect(imported.code).toBe(0);
    expect(imported.diagnostics).toEqual([
      {
        code: 'translation-stale',
        severity: 'warning',
        file: 'fr-done.xlf',
        line: lineOf(translated, '<unit id="lesson.01-contributions.title"'),
        column: 5,
        message:
          'lesson `01-contributions` title (unit `lesson.01-contributions.title`) changed after it was translated: What migrants [contribute → bring]',
        hint: 'Export again (`coursekit xliff export tiny-course --lang fr`): changed texts come back for translation, with the earlier translation in a note.',
      },
    ]);

    // Export carries every translation over from translations/fr.xlf, except the changed text.
    const run = await runCli(['xliff', 'export', MODULE, '--lang', 'fr'], dir);
    expect(run.stderr).toBe(
      `${unitCount} text(s) of tiny-course for French (fr): ${unitCount - 1} already translated, 1 changed since translation, 1 to translate.\n`,
    );
    const units = readXliff(run.stdout, 'next.xlf').document!.units;
    expect(units.get('lesson.01-contributions.title')).toMatchObject({
      source: 'What migrants bring',
      target: undefined,
      state: 'initial',
    });
    expect(units.get('lesson.02-ministries.title')).toMatchObject({ target: 'FR: Not only national security', state: 'translated' });
    expect(run.stdout).toContain(
      [
        '    <unit id="lesson.01-contributions.title" name="/title" xml:space="preserve">',
        '      <notes>',
        '        <note category="coursekit-previous-source">This text changed after it was translated. It used to read: What migrants contribute</note>',
        '        <note category="coursekit-previous-target">The earlier translation was: FR: What migrants contribute</note>',
        '      </notes>',
        '      <segment state="initial">',
        '        <source>What migrants bring</source>',
        '      </segment>',
      ].join('\n'),
    );
    // Translating the one new unit completes the file again.
    await writeFile(path.join(dir, 'fr-2.xlf'), fillTargets(run.stdout));
    expect(await importJson(dir, 'fr-2.xlf')).toMatchObject({ code: 0, diagnostics: [] });
  });

  it('writes a file with untranslated units and reports them', async () => {
    const dir = await project();
    const translated = fillTargets(await exportXliffText(dir)).replace(
      '<target>FR: Not only national security</target>',
      '<target></target>',
    );
    await writeFile(path.join(dir, 'fr-part.xlf'), translated);
    const imported = await importJson(dir, 'fr-part.xlf');
    expect(imported.code).toBe(0);
    expect(imported.diagnostics).toEqual([
      {
        code: 'translation-missing',
        severity: 'warning',
        file: 'fr-part.xlf',
        line: lineOf(translated, '<unit id="lesson.02-ministries.title"'),
        column: 5,
        message: 'lesson `02-ministries` title (unit `lesson.02-ministries.title`) has no translation into French (fr).',
        hint: 'Translate the text in the XLIFF file and import it again (`coursekit xliff import <file>`). Until every text is translated the build leaves the language out (`--draft` builds it as a draft); the source language and complete languages build as usual.',
      },
    ]);
    expect(await readFile(translationFile(dir), 'utf8')).toBe(translated);

    // Declared, it is still incomplete: import says the build leaves it out until it is done.
    await editJson(path.join(moduleDir(dir), 'module.json'), (m) => (m.translations = ['fr']));
    const run = await runCli(['xliff', 'import', 'fr-part.xlf'], dir);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(
      `Wrote modules/tiny-course/translations/fr.xlf (replacing the earlier translation): ${unitCount - 1} of ${unitCount} text(s) translated into French (fr); 1 not translated.\n` +
        'Until those texts are translated, the build leaves the French (fr) version out (`--draft` packages it as a draft).\n',
    );
  });

  it('reports a malformed file cleanly: location, message, exit code 1, no stack trace, nothing written', async () => {
    const dir = await project();
    const broken = fillTargets(await exportXliffText(dir)).replace('<target>FR: Tiny course</target>', '<target>FR: Tiny course</targt>');
    await writeFile(path.join(dir, 'fr-bad.xlf'), broken);
    const run = await runCli(['xliff', 'import', 'fr-bad.xlf'], dir);
    const line = lineOf(broken, '</targt>');
    const column = broken.split('\n')[line - 1]!.indexOf('</targt>') + 1;
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(
      `fr-bad.xlf:${line}:${column} error xliff-invalid\n  fr-bad.xlf: the file is not well-formed XML: </targt> closes <target>, which was opened at line ${line}, column 9.\n`,
    );
    expect(run.stderr).toContain(
      '  hint: coursekit reads the XLIFF 2.0 files that `coursekit xliff export` writes, as a translation tool saves them back. Check that the tool saved XLIFF 2.0 (or 2.1) and kept the unit ids.\n',
    );
    expect(run.stderr).toContain('Nothing was written.');
    expect(run.stderr).not.toMatch(/\n\s+at |internal error/);
    expect(await pathExists(path.join(moduleDir(dir), 'translations'))).toBe(false);
  });

  it('refuses a file translated from another language than the module is written in', async () => {
    const dir = await project();
    const xliff = fillTargets(await exportXliffText(dir)).replace('srcLang="en"', 'srcLang="de"');
    await writeFile(path.join(dir, 'fr-de.xlf'), xliff);
    const imported = await importJson(dir, 'fr-de.xlf');
    expect(imported.code).toBe(1);
    expect(imported.diagnostics).toEqual([
      {
        code: 'translation-language-mismatch',
        severity: 'error',
        file: 'fr-de.xlf',
        line: 2,
        column: 1,
        message: 'fr-de.xlf translates from "de", but module `tiny-course` is written in "en".',
        hint: 'Translate a file exported from the current module (`coursekit xliff export tiny-course --lang fr`); the translation tool must keep "en" as the source language.',
      },
    ]);
    expect(await pathExists(path.join(moduleDir(dir), 'translations'))).toBe(false);
  });

  it('refuses units that are not texts of the module, and says how to carry the translations over', async () => {
    const dir = await project();
    const xliff = fillTargets(await exportXliffText(dir)).replace(
      '<unit id="glossary.civil-society.term"',
      '<unit id="glossary.civil-society.term-old"',
    );
    await writeFile(path.join(dir, 'fr-old.xlf'), xliff);
    const imported = await importJson(dir, 'fr-old.xlf');
    expect(imported.code).toBe(1);
    expect(imported.diagnostics).toEqual([
      {
        code: 'translation-unknown-unit',
        severity: 'error',
        file: 'fr-old.xlf',
        line: lineOf(xliff, 'glossary.civil-society.term-old'),
        column: 5,
        message: 'unit `glossary.civil-society.term-old` is not a text of module `tiny-course`.',
        hint: 'The text was removed from the module or a tool changed the unit id. Carry the translations over to the current texts with `coursekit xliff export tiny-course --lang fr --from fr-old.xlf --out <new file>`, and import that file.',
      },
    ]);
    expect(await pathExists(path.join(moduleDir(dir), 'translations'))).toBe(false);

    // The suggested command works: every translation is carried over (the renamed unit's is found
    // by its text), and the new file imports cleanly.
    const carried = await runCli(['xliff', 'export', MODULE, '--lang', 'fr', '--from', 'fr-old.xlf', '--out', 'fr-new.xlf'], dir);
    expect(carried.stdout).toBe(
      `Wrote fr-new.xlf: ${unitCount} text(s) of tiny-course for French (fr): ${unitCount} already translated, 0 to translate.\n`,
    );
    expect(await importJson(dir, 'fr-new.xlf')).toMatchObject({ code: 0, diagnostics: [] });
  });

  it('refuses XLIFF 1.2, files without a module, and target languages that are not tags', async () => {
    const dir = await project();
    const xliff = fillTargets(await exportXliffText(dir));
    await writeFile(
      path.join(dir, 'v12.xlf'),
      '<?xml version="1.0"?>\n<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file/></xliff>\n',
    );
    expect((await importJson(dir, 'v12.xlf')).diagnostics).toEqual([
      {
        code: 'xliff-invalid',
        severity: 'error',
        file: 'v12.xlf',
        line: 2,
        column: 1,
        message: 'v12.xlf: the file is XLIFF 1.2; coursekit reads XLIFF 2.0.',
        hint: 'Save or export the file as XLIFF 2.0 in your translation tool (XLIFF 2.1 works too), keeping the unit ids coursekit wrote.',
      },
    ]);

    await writeFile(path.join(dir, 'anon.xlf'), xliff.replace(' ck:module="tiny-course"', ''));
    expect((await importJson(dir, 'anon.xlf')).diagnostics).toEqual([
      {
        code: 'xliff-invalid',
        severity: 'error',
        file: 'anon.xlf',
        line: 2,
        column: 1,
        message: 'anon.xlf does not say which module it translates (the ck:module attribute of <xliff> is missing).',
        hint: 'Name the module: `coursekit xliff import <file> --module <module>`.',
      },
    ]);
    expect(await importJson(dir, 'anon.xlf', ['--module', MODULE])).toMatchObject({ code: 0, diagnostics: [] });

    await writeFile(path.join(dir, 'evil.xlf'), xliff.replace('trgLang="fr"', 'trgLang="../../module"'));
    expect((await importJson(dir, 'evil.xlf')).diagnostics).toEqual([
      {
        code: 'language-tag-invalid',
        severity: 'error',
        file: 'evil.xlf',
        line: 2,
        column: 1,
        message: 'evil.xlf translates into "../../module", which is not a language tag coursekit accepts.',
        hint: 'Use a BCP 47 tag as module.json does: a two- or three-letter language code in lowercase, optionally followed by a script or region (fr, ar, zh-Hans, pt-BR).',
      },
    ]);

    const missing = await runCli(['xliff', 'import', 'nope.xlf'], dir);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('nope.xlf error file-unreadable\n  cannot read nope.xlf: there is no such file.');
  });

  it('refuses to import into a module that does not validate', async () => {
    const dir = await project();
    await writeFile(path.join(dir, 'fr-done.xlf'), fillTargets(await exportXliffText(dir)));
    await editJson(path.join(moduleDir(dir), 'lessons', '02-ministries.json'), (l) => (l.objectives = []));
    const run = await runCli(['xliff', 'import', 'fr-done.xlf'], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('error schema-length');
    expect(await pathExists(path.join(moduleDir(dir), 'translations'))).toBe(false);
  });

  it('refuses a file larger than any translation, before reading it, and copies nothing', async () => {
    const dir = await project();
    // A real translation with 20 MB of comment after it: valid XML, but no translation is this large.
    const translated = fillTargets(await exportXliffText(dir));
    await writeFile(path.join(dir, 'huge.xlf'), `${translated}<!--${'x'.repeat(20 * 1024 * 1024)}-->\n`);
    const run = await importJson(dir, 'huge.xlf');
    expect(run.code).toBe(1);
    expect(run.diagnostics).toMatchObject([
      { code: 'file-too-large', file: 'huge.xlf', message: 'huge.xlf is 20.0 MB; XLIFF files may be at most 16.0 MB.' },
    ]);
    expect(await pathExists(path.join(moduleDir(dir), 'translations'))).toBe(false);
  });

  it('refuses elements nested thousands deep with a diagnostic, not a stack overflow', async () => {
    const dir = await project();
    const translated = fillTargets(await exportXliffText(dir));
    const deep = `${'<mrk id="m">'.repeat(3000)}x${'</mrk>'.repeat(3000)}`;
    await writeFile(path.join(dir, 'deep.xlf'), translated.replace(/<target>[^<]*<\/target>/, `<target>${deep}</target>`));
    const run = await importJson(dir, 'deep.xlf');
    expect(run.code).toBe(1);
    expect(run.stderr).not.toMatch(/internal error|RangeError/);
    expect(run.diagnostics).toMatchObject([{ code: 'xliff-invalid', file: 'deep.xlf' }]);
    expect(run.diagnostics[0]!.message).toContain('nested more than 100 deep');
    expect(await pathExists(path.join(moduleDir(dir), 'translations'))).toBe(false);
  });
});

describe('a translation in the module folder', () => {
  it('is not read when it is a link to a file outside the module', async () => {
    const dir = await project();
    await writeFile(path.join(dir, 'fr-elsewhere.xlf'), fillTargets(await exportXliffText(dir)));
    await mkdir(path.join(moduleDir(dir), 'translations'));
    await symlink(path.join(dir, 'fr-elsewhere.xlf'), translationFile(dir));
    await editJson(path.join(moduleDir(dir), 'module.json'), (m) => (m.translations = ['fr']));
    const run = await runCli(['validate', '--format', 'json'], dir);
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout)).toMatchObject([{ code: 'file-outside-module', file: 'modules/tiny-course/translations/fr.xlf' }]);
  });
});
