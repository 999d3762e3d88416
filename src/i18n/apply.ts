/**
 * A translated module: the validated module with every text replaced by its translation from
 * translations/<lang>.xlf. Ids, citations, sources, media and coverage stay exactly as they are,
 * so the translated packages track the same SCORM interactions as the original.
 */
import { readdir, realpath } from 'node:fs/promises';
import path from 'node:path';
import { diagnostic } from '../diagnostics/create.js';
import { hasErrors, type Diagnostic } from '../diagnostics/diagnostic.js';
import { readBoundedFile } from '../fs-read.js';
import { toDisplayPath } from '../load/index.js';
import { readProblemDiagnostic } from '../load/json-file.js';
import { markdownProblems } from '../markdown/index.js';
import type { CourseModule } from '../model/course.js';
import { compareUnits, languageDiagnostics, missingDiagnostics, staleDiagnostics } from './compare.js';
import { languageName, sameLanguage } from './language.js';
import { collectTexts } from './units.js';
import { readXliff } from './xliff.js';

export interface ApplyOptions {
  /** The .xlf file as messages name it; default translations/<lang>.xlf in the module folder, relative to the working directory. */
  file?: string;
  /** An incomplete translation still gives a module: a draft, its untranslated texts in the source language. */
  draft?: boolean;
}

/** Unit ids of the texts a translation does not cover yet. */
export interface TranslationGaps {
  /** Not in the file, or without a target. */
  missing: string[];
  /** Translated from a text that has changed since. */
  stale: string[];
}

export interface ApplyResult {
  /**
   * The translated module. Undefined when the file cannot be used (errors), and when texts are
   * not translated yet and no draft was asked for.
   */
  module: CourseModule | undefined;
  gaps: TranslationGaps;
  diagnostics: Diagnostic[];
}

/**
 * Applies the XLIFF text `xliffText` (translations/<lang>.xlf of `module`). The result has
 * `meta.language = lang` and `id = meta.id = <id>-<lang>` (the tag in lowercase, as module ids
 * are), no `meta.translations`, and `translation` set. Texts without a translation and texts
 * translated from an older version are warnings, and leave the language incomplete: it gives a
 * module only as a draft (`<id>-<lang>-draft`), which shows those texts in the source language.
 * Units for texts the module no longer has are warnings too; they change nothing.
 */
export function applyTranslation(module: CourseModule, xliffText: string, lang: string, options: ApplyOptions = {}): ApplyResult {
  const file = options.file ?? defaultDisplayPath(module, lang);
  const gaps: TranslationGaps = { missing: [], stale: [] };
  const read = readXliff(xliffText, file);
  if (!read.document) return { module: undefined, gaps, diagnostics: read.diagnostics };
  const document = read.document;
  const context = { file, module, lang };
  const diagnostics = languageDiagnostics(document, context);
  if (hasErrors(diagnostics)) return { module: undefined, gaps, diagnostics };

  const translated = structuredClone(module);
  const comparison = compareUnits(collectTexts(translated), document);
  diagnostics.push(...missingDiagnostics(comparison, context), ...staleDiagnostics(comparison, context));
  for (const unit of comparison.unknown) {
    diagnostics.push(
      diagnostic('translation-obsolete-unit', {
        file,
        line: unit.line,
        column: unit.column,
        message: `unit \`${unit.id}\` translates a text that module \`${module.id}\` no longer has.`,
      }),
    );
  }
  for (const { text, unit, target } of comparison.translated) {
    if (text.kind !== 'markdown') continue;
    // The translator's markdown, as the author's is checked (validate/rules/text.ts), at its place in the .xlf.
    for (const problem of markdownProblems(target)) {
      diagnostics.push(
        diagnostic('markdown-unsupported', {
          file,
          line: unit.line,
          column: unit.column,
          message: `the translation of ${text.place} (unit \`${unit.id}\`): ${problem.message}`,
          hint: problem.hint,
        }),
      );
    }
  }
  if (hasErrors(diagnostics)) return { module: undefined, gaps, diagnostics };
  gaps.missing = comparison.missing.map(({ text }) => text.id);
  gaps.stale = comparison.translated.filter((t) => t.stale).map(({ text }) => text.id);
  const draft = gaps.missing.length + gaps.stale.length > 0;
  if (draft && !options.draft) return { module: undefined, gaps, diagnostics };

  // A draft shows the current source text, not a translation of an older one: it may no longer say the same.
  const untranslated = new Set(comparison.missing.map(({ text }) => text.text));
  for (const { text, target, stale } of comparison.translated) {
    if (stale) untranslated.add(text.text);
    else text.set(target);
  }
  const id = `${module.id}-${lang.toLowerCase()}${draft ? '-draft' : ''}`;
  translated.id = id;
  translated.meta.id = id;
  translated.meta.language = lang;
  delete translated.meta.translations;
  translated.translation = { sourceLanguage: module.meta.language, draft, untranslated: [...untranslated] };
  return { module: translated, gaps, diagnostics };
}

export interface LoadTranslationsOptions {
  /** Paths in messages are relative to this folder (default: the process's working directory). */
  cwd?: string;
  /** Incomplete translations become draft modules (`<id>-<lang>-draft`) instead of being left out. */
  drafts?: boolean;
}

/** A declared language whose translation does not cover every text. */
export interface IncompleteTranslation {
  moduleId: string;
  lang: string;
  gaps: TranslationGaps;
  /** Built as a draft; otherwise left out. */
  draft: boolean;
}

export interface LoadTranslationsResult {
  /** One translated module per language in `meta.translations` that applied without errors (drafts included), in that order. */
  modules: CourseModule[];
  incomplete: IncompleteTranslation[];
  diagnostics: Diagnostic[];
}

/** Unit ids listed in a message; the warnings above it name every one. */
const LISTED_UNITS = 5;

/**
 * The translated modules of a validated module: for each language in `module.meta.translations`,
 * reads translations/<lang>.xlf and applies it. A declared language without its file is an
 * error (`translation-file-missing`); an .xlf file in translations/ for an undeclared language
 * is a warning (`translation-undeclared`). A translation that leaves texts untranslated is a
 * warning (`translation-incomplete`): the language is left out, or becomes a draft with `drafts`;
 * the source module never depends on its translations.
 */
export async function loadTranslations(module: CourseModule, options: LoadTranslationsOptions = {}): Promise<LoadTranslationsResult> {
  const cwd = options.cwd ?? process.cwd();
  const display = (p: string) => toDisplayPath(cwd, p);
  const declared = module.meta.translations ?? [];
  const modules: CourseModule[] = [];
  const incomplete: IncompleteTranslation[] = [];
  const diagnostics: Diagnostic[] = [];
  const folder = path.join(module.folder, 'translations');
  const moduleJson = display(path.join(module.folder, 'module.json'));
  const realFolder = await realpath(module.folder);
  for (const lang of declared) {
    if (sameLanguage(lang, module.meta.language)) {
      diagnostics.push(
        diagnostic('translation-language-mismatch', {
          file: moduleJson,
          message: `module \`${module.id}\` lists "${lang}" in "translations", but it is written in "${module.meta.language}".`,
          hint: `Remove "${lang}" from "translations": the module is published in "${module.meta.language}" anyway; "translations" lists the other languages.`,
        }),
      );
      continue;
    }
    const absolute = path.join(folder, `${lang}.xlf`);
    const file = display(absolute);
    const read = await readXliffFile(absolute, file, realFolder);
    if (read.text === undefined) {
      diagnostics.push(
        read.missing
          ? diagnostic('translation-file-missing', {
              file: moduleJson,
              message: `module \`${module.id}\` lists "${lang}" in "translations", but ${file} does not exist.`,
            })
          : read.diagnostic!,
      );
      continue;
    }
    const draft = options.drafts === true;
    const applied = applyTranslation(module, read.text, lang, { file, draft });
    diagnostics.push(...applied.diagnostics);
    if (applied.module) modules.push(applied.module);
    const { missing, stale } = applied.gaps;
    if (missing.length + stale.length === 0) continue;
    incomplete.push({ moduleId: module.id, lang, gaps: applied.gaps, draft });
    diagnostics.push(incompleteDiagnostic(module.id, lang, applied.gaps, { file, draft }));
  }
  let present: string[] = [];
  try {
    present = (await readdir(folder)).filter((n) => n.endsWith('.xlf')).sort();
  } catch {
    // No translations/ folder: nothing undeclared.
  }
  for (const name of present) {
    const lang = name.slice(0, -'.xlf'.length);
    if (declared.includes(lang)) continue;
    diagnostics.push(
      diagnostic('translation-undeclared', {
        file: display(path.join(folder, name)),
        message: `${name} is a translation, but module.json does not list "${lang}" in "translations", so the build does not publish it.`,
        hint: `Add "${lang}" to "translations" in ${moduleJson} to publish the translation, or delete ${name}.`,
      }),
    );
  }
  return { modules, incomplete, diagnostics };
}

/** One warning per incomplete language: what it lacks, what the build does about it, and what to do next. */
function incompleteDiagnostic(moduleId: string, lang: string, gaps: TranslationGaps, at: { file: string; draft: boolean }): Diagnostic {
  const counts = [
    gaps.missing.length > 0 ? `${gaps.missing.length} text(s) not translated` : '',
    gaps.stale.length > 0 ? `${gaps.stale.length} text(s) changed after translation` : '',
  ].filter(Boolean);
  const units = [...gaps.missing, ...gaps.stale];
  const listed = units.slice(0, LISTED_UNITS).map((id) => `\`${id}\``);
  if (units.length > LISTED_UNITS) listed.push(`${units.length - LISTED_UNITS} more`);
  const outcome = at.draft
    ? `is built as a draft (\`${moduleId}-${lang.toLowerCase()}-draft\`), those texts in the source language`
    : 'is left out of the build';
  const exportCommand = `coursekit xliff export ${moduleId} --lang ${lang} --out ${moduleId}.${lang}.xlf`;
  return diagnostic('translation-incomplete', {
    file: at.file,
    message: `the ${languageName(lang)} version of \`${moduleId}\` ${outcome}: ${counts.join(', ')} (${listed.join(', ')}).`,
    hint: at.draft
      ? `A draft is for review, not for learners. To complete it, send the translator the texts to do (\`${exportCommand}\`) and import the translation (\`coursekit xliff import ${moduleId}.${lang}.xlf\`).`
      : `Send the translator the texts to do (\`${exportCommand}\`) and import the translation (\`coursekit xliff import ${moduleId}.${lang}.xlf\`). Meanwhile \`coursekit build --draft\` packages it as a draft for review.`,
  });
}

export type ReadXliffFileResult =
  | { text: string; bytes: Buffer; missing?: undefined; diagnostic?: undefined }
  | { text: undefined; missing: boolean; diagnostic?: Diagnostic };

/**
 * A translation is a whole module's texts, so it may be larger than one content file; anything
 * past this is not a translation (a 200 MB file would be read, parsed and copied into modules/).
 */
export const MAX_XLIFF_BYTES = 16 * 1024 * 1024;

/**
 * Reads an .xlf file as text: UTF-8, or UTF-16 with a byte order mark (as some tools save it).
 * `within`: the real path of the module folder, for a translation the module holds.
 */
export async function readXliffFile(absolutePath: string, displayPath: string, within?: string): Promise<ReadXliffFileResult> {
  const read = readBoundedFile(absolutePath, { maxBytes: MAX_XLIFF_BYTES, within });
  if (!read.ok) {
    if (read.kind === 'missing' && read.linkTarget === undefined) return { text: undefined, missing: true };
    return {
      text: undefined,
      missing: false,
      diagnostic: readProblemDiagnostic(read, displayPath, MAX_XLIFF_BYTES, {
        what: 'XLIFF files',
        tooLargeHint:
          'A translation of a whole module is a few megabytes at most: check that this is the XLIFF file the translator sent back.',
      }),
    };
  }
  const bytes = read.bytes;
  try {
    if (bytes[0] === 0xff && bytes[1] === 0xfe)
      return { bytes, text: new TextDecoder('utf-16le', { fatal: true }).decode(bytes.subarray(2)) };
    if (bytes[0] === 0xfe && bytes[1] === 0xff)
      return { bytes, text: new TextDecoder('utf-16be', { fatal: true }).decode(bytes.subarray(2)) };
    return { bytes, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return {
      text: undefined,
      missing: false,
      diagnostic: diagnostic('file-not-utf8', {
        file: displayPath,
        message: `${path.basename(displayPath)} is not UTF-8 text.`,
        hint: 'Save the XLIFF file as UTF-8 in the translation tool.',
      }),
    };
  }
}

function defaultDisplayPath(module: CourseModule, lang: string): string {
  return toDisplayPath(process.cwd(), path.join(module.folder, 'translations', `${lang}.xlf`));
}
