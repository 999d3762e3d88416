/**
 * `coursekit xliff export`: the module's texts as XLIFF 2.0 for a translator. When the module
 * already has a translation (translations/<lang>.xlf, or the file given with --from), texts
 * whose source is unchanged keep their translation and state, so the translator sees only new
 * work. A text that changed since it was translated goes out untranslated (state="initial", no
 * <target>) with the earlier source and translation in notes: the translator revises it, and a
 * stale translation can never slip through as if it were current.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { hasErrors } from '../diagnostics/diagnostic.js';
import { type CourseModule, citedUnit, unitName } from '../model/course.js';
import { languageDiagnostics, translationMatcher, type Match } from '../i18n/compare.js';
import { languageName } from '../i18n/language.js';
import { ACCEPT_SEPARATOR, collectTexts, type QuestionFiles, type TranslatableText } from '../i18n/units.js';
import { readXliff, writeXliff, type XliffNote, type XliffOutFile, type XliffOutUnit } from '../i18n/xliff.js';

export interface ExportOptions {
  /** An earlier translation to carry over: its text and its path as messages show it. */
  previous?: { text: string; file: string };
  /** Where each bank question lives, for `<file original>` and the unit names (see `locateBankQuestions`). */
  questionFiles?: QuestionFiles;
}

export interface ExportCounts {
  /** Every text of the module. */
  units: number;
  /** Texts whose translation was carried over. */
  translated: number;
  /** Texts that were translated but changed since: they go out again, untranslated. */
  changed: number;
  /** Texts never translated. */
  untranslated: number;
}

export interface ExportResult {
  /** The XLIFF document; undefined when the earlier translation could not be used. */
  text: string | undefined;
  diagnostics: Diagnostic[];
  counts: ExportCounts;
}

export function exportXliff(module: CourseModule, lang: string, options: ExportOptions = {}): ExportResult {
  const counts: ExportCounts = { units: 0, translated: 0, changed: 0, untranslated: 0 };
  const diagnostics: Diagnostic[] = [];
  let match: ((text: TranslatableText) => Match) | undefined;
  if (options.previous) {
    const read = readXliff(options.previous.text, options.previous.file);
    diagnostics.push(...read.diagnostics);
    if (read.document) diagnostics.push(...languageDiagnostics(read.document, { file: options.previous.file, module, lang }));
    if (!read.document || hasErrors(diagnostics)) return { text: undefined, diagnostics, counts };
    match = translationMatcher(read.document.units);
  }

  const files = new Map<string, XliffOutFile>();
  for (const text of collectTexts(module, options.questionFiles)) {
    counts.units++;
    const unit: XliffOutUnit = {
      id: text.id,
      name: text.pointer,
      source: text.text,
      state: 'initial',
      notes: notesFor(text, module.meta.language, lang),
    };
    const earlier = match?.(text);
    if (earlier?.target !== undefined && !earlier.stale) {
      unit.target = earlier.target;
      const state = earlier.unit!.state;
      unit.state = state && state !== 'initial' ? state : 'translated';
      counts.translated++;
    } else if (earlier?.target !== undefined) {
      unit.notes.push(
        {
          category: 'coursekit-previous-source',
          text: `This text changed after it was translated. It used to read: ${earlier.unit!.source}`,
        },
        { category: 'coursekit-previous-target', text: `The earlier translation was: ${earlier.target}` },
      );
      counts.changed++;
    } else {
      counts.untranslated++;
    }
    let file = files.get(text.file);
    if (!file) {
      file = { id: fileId(text.file), original: text.file, units: [] };
      files.set(text.file, file);
    }
    file.units.push(unit);
  }
  const text = writeXliff({ srcLang: module.meta.language, trgLang: lang, moduleId: module.id, files: [...files.values()] });
  return { text, diagnostics, counts };
}

function notesFor(text: TranslatableText, srcLang: string, lang: string): XliffNote[] {
  const note = (t: string): XliffNote[] => [{ category: 'coursekit', text: t }];
  switch (text.kind) {
    case 'quote': {
      const c = text.citation!;
      const { kind, id } = citedUnit(c);
      return note(
        `Quote the official ${languageName(lang)} version of ${c.document}, ${unitName(kind, id)}, word for word, rather than translating this quote: a quote must be the document's own words, and a translated quote cannot be checked against the ${languageName(srcLang)} source.`,
      );
    }
    case 'markdown':
      return note(
        'Markdown: translate the words and keep the marks where they are: **bold**, *italic*, the blank lines between paragraphs, list markers ("- ", "1. "), "## " before a sub-heading, "> " before a quoted line, the "|" of table rows, and links as [words](address), translating the words in brackets only. HTML tags are shown to learners as text.',
      );
    case 'accept':
      return note(
        `The answers accepted as correct for a fill-in question, separated by "${ACCEPT_SEPARATOR}". List every answer a learner writing in ${languageName(lang)} may give; you may list more or fewer answers than the source. Case and extra spaces are ignored when answers are compared.`,
      );
    case 'alt':
      return note('Alternative text for learners who cannot see the image: describe what the image shows.');
    case 'plain':
      return [];
  }
}

/** `lessons/01-x.json` → `lessons.01-x`: an XLIFF id (NMTOKEN) unique per content file. */
function fileId(original: string): string {
  return (
    original
      .replace(/\.json$/, '')
      .replace(/\//g, '.')
      .replace(/[^-.0-9A-Za-z_]/g, '_') || 'file'
  );
}

/** Which questions/*.json file holds each bank question, read the way the loader reads them (sorted by name). */
export async function locateBankQuestions(module: CourseModule): Promise<QuestionFiles> {
  const located = new Map<string, { file: string; index: number }>();
  const folder = path.join(module.folder, 'questions');
  let names: string[];
  try {
    names = (await readdir(folder)).filter((n) => n.endsWith('.json')).sort();
  } catch {
    return located;
  }
  for (const name of names) {
    try {
      const data = JSON.parse((await readFile(path.join(folder, name), 'utf8')).replace(/^\uFEFF/, '')) as {
        questions?: { id?: unknown }[];
      };
      data.questions?.forEach((q, index) => {
        if (typeof q.id === 'string' && !located.has(q.id)) located.set(q.id, { file: `questions/${name}`, index });
      });
    } catch {
      // The module validated, so this does not happen; the unit then names the questions folder.
    }
  }
  return located;
}
