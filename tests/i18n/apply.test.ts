/**
 * applyTranslation and loadTranslations: the translated module the build renders. Every text is
 * replaced, nothing else changes, and every way a translation can be incomplete or out of date
 * is reported against the .xlf file.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkModules } from '../../src/pipeline/check.js';
import { applyTranslation, loadTranslations } from '../../src/i18n/index.js';
import type { CourseModule } from '../../src/model/course.js';
import { collectTexts } from '../../src/i18n/units.js';
import { runCli } from '../helpers/cli.js';
import { copyProject } from '../helpers/projects.js';
import { MODULE, exportXliffText, fillTargets, loadModule } from './helpers.js';

const dirs: string[] = [];
afterAll(async () => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

let dir: string;
let module: CourseModule;
let translated: string;
const FILE = 'fr.xlf';
const lineOf = (text: string, needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length;

beforeAll(async () => {
  dir = await copyProject('tiny');
  dirs.push(dir);
  module = await loadModule(dir);
  translated = fillTargets(await exportXliffText(dir));
});

/** Keys whose strings are not shown to learners as text: they must come through unchanged. */
const NOT_TEXT = new Set([
  'id',
  'type',
  'level',
  'variant',
  'correct',
  'document',
  'objective',
  'src',
  'file',
  'completion',
  'terms',
  'version',
  'rationale',
  '$schema',
  'language',
  'start',
  'next',
  'reflections',
]);

function isText(at: string[]): boolean {
  const last = at.length - 1;
  // An array item is named by its array: terms/0 is a term id, accept/0 an accepted answer.
  const index = /^\d+$/.test(at[last]!) ? last - 1 : last;
  const key = at[index]!;
  if (key === 'correct') return at[index - 1] === 'feedback'; // feedback.correct is text, an answer key is not
  if (NOT_TEXT.has(key)) return false;
  if (
    at[0] === 'folder' ||
    at[0] === 'media' ||
    at[0] === 'mediaDetails' ||
    at[0] === 'coverage' ||
    (at[0] === 'meta' && at[1] === 'lessons') ||
    (at[0] === 'meta' && at[1] === 'workshop') // clock times and minutes
  )
    return false;
  // A source's declaration: only its title is text; "display" edits the source document's own words.
  if (at[0] === 'meta' && at[1] === 'sources') return at[3] === 'title';
  return at[0] !== 'sources' || at[2] === 'title';
}

/** Walks `original` and `result` together: strings under text keys must be translated, everything else equal. */
function compare(original: unknown, result: unknown, at: string[], found: { translated: number }): void {
  const where = at.join('.');
  if (typeof original === 'string') {
    if (!isText(at)) expect(result, where).toBe(original);
    else {
      expect(result, where).toBe(`FR: ${original}`);
      found.translated++;
    }
  } else if (original instanceof Map || typeof original !== 'object' || original === null) {
    expect(result, where).toEqual(original);
  } else {
    expect(Object.keys(result as object).sort(), where).toEqual(Object.keys(original).sort());
    for (const [key, value] of Object.entries(original)) compare(value, (result as Record<string, unknown>)[key], [...at, key], found);
  }
}

describe('applyTranslation', () => {
  it('replaces every learner-visible text and leaves ids, citations, sources and coverage alone', () => {
    const result = applyTranslation(module, translated, 'fr', { file: FILE });
    expect(result.diagnostics).toEqual([]);
    const fr = result.module!;
    expect(fr.id).toBe('tiny-course-fr');
    expect(fr.meta.id).toBe('tiny-course-fr');
    expect(fr.meta.language).toBe('fr');
    expect(fr.meta.translations).toBeUndefined();
    expect(fr.translation).toEqual({ sourceLanguage: 'en', draft: false, untranslated: [] });
    const { id: _a, meta: metaFr, translation: _t, ...restFr } = fr;
    const { id: _b, meta: metaEn, ...restEn } = module;
    const { id: _c, language: _d, ...metaFrRest } = metaFr;
    const { id: _e, language: _f, ...metaEnRest } = metaEn;
    const found = { translated: 0 };
    compare({ ...restEn, meta: metaEnRest }, { ...restFr, meta: metaFrRest }, [], found);
    // One string per unit, except that a fill-in unit holds each accepted answer, and source titles appear in meta and in sources.
    const texts = collectTexts(module);
    const answers = texts.filter((t) => t.kind === 'accept').reduce((n, t) => n + t.text.split(' | ').length - 1, 0);
    expect(found.translated).toBe(texts.length + answers + module.sources.length);
    expect(fr.bank.find((q) => q.id === 'q74-word')).toMatchObject({ accept: ['FR: remittances', 'FR: remittance'] });
    // The original module is untouched.
    expect(module.meta.title).toBe('Tiny course');
    expect(module.id).toBe('tiny-course');
  });

  it('translates every text of the sample module', async () => {
    const sample = await copyProject('sample');
    dirs.push(sample);
    const id = 'migration-human-rights';
    const run = await runCli(['xliff', 'export', id, '--lang', 'fr'], sample);
    expect(run.code).toBe(0);
    const checked = await checkModules({ cwd: sample, modulesDir: path.join(sample, 'modules'), only: [id] });
    const source = checked.modules[0]!;
    const result = applyTranslation(source, fillTargets(run.stdout), 'fr', { file: FILE });
    expect(result.diagnostics).toEqual([]);
    const {
      id: _a,
      meta: { id: _b, language: _c, ...metaFr },
      translation: _t,
      ...restFr
    } = result.module!;
    const {
      id: _d,
      meta: { id: _e, language: _f, translations: _g, ...metaEn },
      ...restEn
    } = source;
    const found = { translated: 0 };
    compare({ ...restEn, meta: metaEn }, { ...restFr, meta: metaFr }, [], found);
    expect(found.translated).toBeGreaterThan(500);
  });

  it('lets a translation accept more (or fewer) answers than the source', () => {
    const xliff = translated.replace(
      '<target>FR: remittances | FR: remittance</target>',
      '<target>envois de fonds | transferts de fonds|  remises </target>',
    );
    const fr = applyTranslation(module, xliff, 'fr', { file: FILE }).module!;
    expect(fr.bank.find((q) => q.id === 'q74-word')).toMatchObject({ accept: ['envois de fonds', 'transferts de fonds', 'remises'] });
  });

  it('reports a text that changed since it was translated, with the words that changed, and gives no module', () => {
    const changed = structuredClone(module);
    changed.glossary[0]!.definition = 'Money that migrants send home to their countries of origin.';
    const result = applyTranslation(changed, translated, 'fr', { file: FILE });
    expect(result.diagnostics.map((d) => [d.code, d.severity, d.message])).toEqual([
      [
        'translation-stale',
        'warning',
        'glossary term `remittances` definition (unit `glossary.remittances.definition`) changed after it was translated: Money [+ that] migrants send [+ home] to their countries …',
      ],
    ]);
    expect(result.module).toBeUndefined();
    expect(result.gaps).toEqual({ missing: [], stale: ['glossary.remittances.definition'] });
  });

  it('shows the change in a long text, not two excerpts cut at the same place', () => {
    const changed = structuredClone(module);
    const text = changed.lessons[0]!.blocks.find((b) => b.type === 'quote')!;
    const before = text.type === 'quote' ? text.text : '';
    if (text.type === 'quote') text.text = `${before} and of development`;
    const [stale] = applyTranslation(changed, translated, 'fr', { file: FILE }).diagnostics;
    expect(stale!.message).toBe(
      'lesson `01-contributions` block 2 (quote) (unit `lesson.01-contributions.block.2.text`) changed after it was translated: … component of migration [+ and of development]',
    );
  });

  it('builds a draft when asked: translated texts replaced, the others kept in the source language and listed', () => {
    const changed = structuredClone(module);
    changed.lessons[0]!.title = 'What migrants bring';
    changed.lessons[1]!.summary = 'A new summary.';
    const result = applyTranslation(changed, translated, 'fr', { file: FILE, draft: true });
    expect(result.gaps).toEqual({ missing: ['lesson.02-ministries.summary'], stale: ['lesson.01-contributions.title'] });
    const draft = result.module!;
    expect(draft.id).toBe('tiny-course-fr-draft');
    expect(draft.meta.language).toBe('fr');
    expect(draft.translation).toEqual({ sourceLanguage: 'en', draft: true, untranslated: ['A new summary.', 'What migrants bring'] });
    expect(draft.lessons[0]!.title).toBe('What migrants bring');
    expect(draft.lessons[1]!.summary).toBe('A new summary.');
    expect(draft.lessons[1]!.title).toBe('FR: Not only national security');
    // A complete translation asked for as a draft is simply complete.
    expect(applyTranslation(module, translated, 'fr', { file: FILE, draft: true }).module!.id).toBe('tiny-course-fr');
  });

  it('does not count changes of spacing alone as a change of text', () => {
    const changed = structuredClone(module);
    changed.lessons[0]!.title = '  What migrants\ncontribute ';
    expect(applyTranslation(changed, translated, 'fr', { file: FILE }).diagnostics).toEqual([]);
  });

  it('warns when a text has no translation, or is not in the file at all, and gives no module', () => {
    const noTarget = translated.replace('<target>FR: Final check</target>', '');
    const a = applyTranslation(module, noTarget, 'fr', { file: FILE });
    expect(a.module).toBeUndefined();
    expect(a.diagnostics).toMatchObject([
      {
        code: 'translation-missing',
        severity: 'warning',
        file: FILE,
        message: 'assessment title (unit `module.assessment.title`) has no translation into French (fr).',
      },
    ]);

    const added = structuredClone(module);
    added.lessons[1]!.summary = 'A new summary.';
    const b = applyTranslation(added, translated, 'fr', { file: FILE });
    expect(b.module).toBeUndefined();
    expect(b.diagnostics).toEqual([
      {
        code: 'translation-missing',
        severity: 'warning',
        file: FILE,
        message:
          'lesson `02-ministries` summary (unit `lesson.02-ministries.summary`) is not in fr.xlf: the text was added after the file was exported.',
        hint: 'Export again (`coursekit xliff export tiny-course --lang fr`): the new file keeps every translation that still applies and adds the new texts for the translator.',
      },
    ]);
  });

  it('finds the translation of a block that moved by its text, not its number', () => {
    const fewer = structuredClone(module);
    fewer.lessons[0]!.blocks.shift(); // every later block of lesson 1 is renumbered
    const result = applyTranslation(fewer, translated, 'fr', { file: FILE });
    expect(result.diagnostics.map((d) => `${d.code} ${d.message.split(' ')[1]}`)).toEqual(
      [
        'block.1.heading',
        'block.1.markdown',
        'block.2.text',
        'block.3.item.1',
        'block.4.heading',
        'block.4.markdown',
        'block.5.alt',
        'block.5.caption',
        'block.7.prompt',
        'block.7.guidance',
        'block.7.modelAnswer',
      ].map((id) => `translation-obsolete-unit \`lesson.01-contributions.${id}\``),
    );
    const blocks = result.module!.lessons[0]!.blocks;
    expect(blocks[0]).toMatchObject({
      type: 'quote',
      text: 'FR: Remittances sent to countries of origin represent a valuable and positive component of migration',
    });
    expect(blocks[5]).toMatchObject({ type: 'reflection', prompt: 'FR: Which contributions of migrants does your ministry record?' });
  });

  it('warns about units for texts the module no longer has', () => {
    const fewer = structuredClone(module);
    delete fewer.meta.audience;
    const result = applyTranslation(fewer, translated, 'fr', { file: FILE });
    expect(result.module).toBeDefined();
    expect(result.diagnostics).toMatchObject([
      {
        code: 'translation-obsolete-unit',
        severity: 'warning',
        file: FILE,
        line: lineOf(translated, '<unit id="module.audience"'),
        column: 5,
        message: 'unit `module.audience` translates a text that module `tiny-course` no longer has.',
      },
    ]);
  });

  it('refuses a file for other languages or another module', () => {
    const de = applyTranslation(module, translated, 'de', { file: 'de.xlf' });
    expect(de.module).toBeUndefined();
    expect(de.diagnostics).toEqual([
      {
        code: 'translation-language-mismatch',
        severity: 'error',
        file: 'de.xlf',
        line: 2,
        column: 1,
        message: 'de.xlf translates into "fr", not "de".',
        hint: 'translations/de.xlf must translate into "de". Import the translation with `coursekit xliff import <file>`: it is saved under the language it translates into.',
      },
    ]);
    const other = applyTranslation(module, translated.replace('ck:module="tiny-course"', 'ck:module="other-course"'), 'fr', { file: FILE });
    expect(other.diagnostics).toMatchObject([
      { code: 'translation-wrong-module', message: 'fr.xlf was exported from module `other-course`, not `tiny-course`.' },
    ]);
    // Tags compare without regard to case.
    expect(applyTranslation(module, translated.replace('trgLang="fr"', 'trgLang="FR"'), 'fr', { file: FILE }).diagnostics).toEqual([]);
  });

  it('reads what translation tools write back: XLIFF 2.1, groups, split segments, prefixes, CRLF, notes and extensions', () => {
    const tool = [
      '<?xml version="1.0" encoding="utf-8"?>',
      '<x:xliff xmlns:x="urn:oasis:names:tc:xliff:document:2.0" xmlns:mda="urn:oasis:names:tc:xliff:metadata:2.0" xmlns:k="urn:coursekit" version="2.1" srcLang="en-US" trgLang="fr" k:module="tiny-course">',
      '<x:file id="f1"><x:group id="g1"><mda:metadata><mda:metaGroup><mda:meta type="x">y</mda:meta></mda:metaGroup></mda:metadata>',
      '<x:unit id="module.title"><x:notes><x:note>n</x:note></x:notes>',
      '<x:segment state="final"><x:source>Tiny</x:source><x:target>Petit</x:target></x:segment>',
      '<x:ignorable><x:source> </x:source></x:ignorable>',
      '<x:segment><x:source>course</x:source><x:target><![CDATA[cours & co]]></x:target></x:segment>',
      '</x:unit></x:group></x:file></x:xliff>',
    ].join('\r\n');
    const units = new Map([...translated.matchAll(/<unit id="([^"]+)"[\s\S]*?<\/unit>/g)].map((m) => [m[1]!, m[0]]));
    units.delete('module.title');
    const rest = `<file id="rest">${[...units.values()].join('')}</file>`;
    const xliff = tool.replace('</x:file>', `</x:file>${rest.replace(/<(\/?)(file|unit|segment|source|target|notes|note)\b/g, '<$1x:$2')}`);
    const result = applyTranslation({ ...module, meta: { ...module.meta, language: 'en-us' } }, xliff, 'fr', { file: FILE });
    expect(result.diagnostics).toEqual([]);
    expect(result.module!.meta.title).toBe('Petit cours & co');
  });

  it('reports markup inside a target at its place', () => {
    const xliff = translated.replace('<target>FR: Final check</target>', '<target>FR: <ph id="1"/>Final check</target>');
    const result = applyTranslation(module, xliff, 'fr', { file: FILE });
    expect(result.module).toBeUndefined();
    expect(result.diagnostics).toMatchObject([
      {
        code: 'xliff-invalid',
        message: 'fr.xlf: the <target> of unit `module.assessment.title` contains markup (<ph>), but coursekit texts are plain text.',
        line: lineOf(xliff, '<ph id="1"/>'),
        column: 21,
      },
    ]);
  });
});

describe('loadTranslations', () => {
  it('applies every declared language (the tiny-translated fixture)', async () => {
    const fixture = await copyProject('tiny-translated');
    dirs.push(fixture);
    const source = await loadModule(fixture);
    expect(source.meta.translations).toEqual(['fr']);
    const result = await loadTranslations(source, { cwd: fixture });
    expect(result.diagnostics).toEqual([]);
    expect(result.modules.map((m) => [m.id, m.meta.language, m.lessons[0]!.title])).toEqual([
      ['tiny-course-fr', 'fr', 'FR: What migrants contribute'],
    ]);
  });

  it('reports a declared language without its file, and a file for an undeclared language', async () => {
    const project = await copyProject('tiny-translated');
    dirs.push(project);
    const source = await loadModule(project);
    const folder = path.join(project, 'modules', MODULE, 'translations');
    await rm(path.join(folder, 'fr.xlf'));
    await mkdir(folder, { recursive: true });
    await writeFile(path.join(folder, 'ar.xlf'), translated);
    const result = await loadTranslations(source, { cwd: project });
    expect(result.modules).toEqual([]);
    expect(result.diagnostics).toEqual([
      {
        code: 'translation-file-missing',
        severity: 'error',
        file: 'modules/tiny-course/module.json',
        message: 'module `tiny-course` lists "fr" in "translations", but modules/tiny-course/translations/fr.xlf does not exist.',
        hint: 'Export the texts for the translator (`coursekit xliff export <module> --lang <language>`) and import the translation (`coursekit xliff import <file>`), or remove the language from "translations" in module.json.',
      },
      {
        code: 'translation-undeclared',
        severity: 'warning',
        file: 'modules/tiny-course/translations/ar.xlf',
        message: 'ar.xlf is a translation, but module.json does not list "ar" in "translations", so the build does not publish it.',
        hint: 'Add "ar" to "translations" in modules/tiny-course/module.json to publish the translation, or delete ar.xlf.',
      },
    ]);
  });

  it("reports the module's own language listed as a translation", async () => {
    const own = structuredClone(module);
    own.meta.translations = ['en'];
    expect((await loadTranslations(own, { cwd: dir })).diagnostics).toEqual([
      {
        code: 'translation-language-mismatch',
        severity: 'error',
        file: 'modules/tiny-course/module.json',
        message: 'module `tiny-course` lists "en" in "translations", but it is written in "en".',
        hint: 'Remove "en" from "translations": the module is published in "en" anyway; "translations" lists the other languages.',
      },
    ]);
  });

  it('returns no modules when the module declares no translations', async () => {
    expect(await loadTranslations(module, { cwd: dir })).toEqual({ modules: [], incomplete: [], diagnostics: [] });
  });
});
