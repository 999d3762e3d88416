/**
 * Matching an XLIFF file against the module's current texts, and the diagnostics that follow.
 * Import and apply both use it, so they report a missing or stale text in the same words.
 */
import { diagnostic } from '../diagnostics/create.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { CourseModule } from '../model/course.js';
import { languageName, sameLanguage } from './language.js';
import { splitAccepted, type TranslatableText } from './units.js';
import { wordDiff } from './word-diff.js';
import type { XliffDocument, XliffUnit } from './xliff.js';

export interface TranslatedText {
  text: TranslatableText;
  unit: XliffUnit;
  /** The target, trimmed. */
  target: string;
  /** The unit's source is not the module's current text. */
  stale: boolean;
}

export interface Comparison {
  translated: TranslatedText[];
  /** Texts the file does not translate: no unit (`unit` undefined), or a unit without a target. */
  missing: { text: TranslatableText; unit: XliffUnit | undefined }[];
  /** Units that are not texts of the module. */
  unknown: XliffUnit[];
}

export function compareUnits(texts: readonly TranslatableText[], document: XliffDocument): Comparison {
  const result: Comparison = { translated: [], missing: [], unknown: [] };
  const match = translationMatcher(document.units);
  const known = new Set<string>();
  for (const text of texts) {
    known.add(text.id);
    const found = match(text);
    if (found.target === undefined) result.missing.push({ text, unit: found.unit });
    else result.translated.push({ text, unit: found.unit!, target: found.target, stale: found.stale });
  }
  for (const unit of document.units.values()) if (!known.has(unit.id)) result.unknown.push(unit);
  return result;
}

export interface Match {
  /** The unit the translation comes from, or the text's own unit when it has none. */
  unit: XliffUnit | undefined;
  /** The translation, trimmed; undefined when there is none. */
  target: string | undefined;
  /** The translation was made from another text. */
  stale: boolean;
}

/**
 * Finds the translation of a text: its own unit when that was translated from the same text;
 * otherwise any unit translated from the same text (a block renumbered by an insertion above it
 * keeps its translation, and a repeated text is translated once); otherwise its own unit's
 * translation of an older text (stale).
 */
export function translationMatcher(units: ReadonlyMap<string, XliffUnit>): (text: TranslatableText) => Match {
  const usable = (unit: XliffUnit | undefined, text: TranslatableText): string | undefined => {
    const target = unit?.target?.trim();
    if (target === undefined || target === '' || (text.kind === 'accept' && splitAccepted(target).length === 0)) return undefined;
    return target;
  };
  const bySource = new Map<string, XliffUnit>();
  for (const unit of units.values()) {
    const key = normalize(unit.source);
    if (!bySource.has(key) && unit.target?.trim()) bySource.set(key, unit);
  }
  return (text) => {
    const own = units.get(text.id);
    const ownTarget = usable(own, text);
    if (own && ownTarget !== undefined && sameText(own.source, text.text)) return { unit: own, target: ownTarget, stale: false };
    const same = bySource.get(normalize(text.text));
    const sameTarget = usable(same, text);
    if (same && sameTarget !== undefined) return { unit: same, target: sameTarget, stale: false };
    return { unit: own, target: ownTarget, stale: ownTarget !== undefined };
  };
}

/** Spacing alone (line breaks, repeated spaces, a tool's trimming) does not make a text stale. */
export function sameText(a: string, b: string): boolean {
  return normalize(a) === normalize(b);
}

function normalize(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

export interface ReportContext {
  /** The .xlf file as messages show it. */
  file: string;
  module: CourseModule;
  lang: string;
}

const basename = (file: string) => file.split('/').pop() ?? file;

export function languageDiagnostics(document: XliffDocument, context: ReportContext): Diagnostic[] {
  const { file, module, lang } = context;
  const name = basename(file);
  const at = { file, line: document.line, column: document.column };
  const out: Diagnostic[] = [];
  if (document.moduleId !== undefined && document.moduleId !== module.id) {
    out.push(
      diagnostic('translation-wrong-module', {
        ...at,
        message: `${name} was exported from module \`${document.moduleId}\`, not \`${module.id}\`.`,
      }),
    );
  }
  if (!sameLanguage(document.srcLang, module.meta.language)) {
    out.push(
      diagnostic('translation-language-mismatch', {
        ...at,
        message: `${name} translates from "${document.srcLang}", but module \`${module.id}\` is written in "${module.meta.language}".`,
        hint: `Translate a file exported from the current module (\`coursekit xliff export ${module.id} --lang ${lang}\`); the translation tool must keep "${module.meta.language}" as the source language.`,
      }),
    );
  }
  if (!sameLanguage(document.trgLang, lang)) {
    out.push(
      diagnostic('translation-language-mismatch', {
        ...at,
        message: `${name} translates into "${document.trgLang}", not "${lang}".`,
        hint: `translations/${lang}.xlf must translate into "${lang}". Import the translation with \`coursekit xliff import <file>\`: it is saved under the language it translates into.`,
      }),
    );
  } else if (sameLanguage(document.trgLang, module.meta.language)) {
    out.push(
      diagnostic('translation-language-mismatch', {
        ...at,
        message: `${name} translates into "${document.trgLang}", the language module \`${module.id}\` is written in.`,
        hint: 'A translation needs another language: export with `--lang <language>` for the language you publish in.',
      }),
    );
  }
  return out;
}

export function missingDiagnostics(comparison: Comparison, context: ReportContext): Diagnostic[] {
  const { file, module, lang } = context;
  return comparison.missing.map(({ text, unit }) =>
    unit
      ? diagnostic('translation-missing', {
          file,
          line: unit.line,
          column: unit.column,
          message: `${text.place} (unit \`${text.id}\`) has no translation into ${languageName(lang)}.`,
        })
      : diagnostic('translation-missing', {
          file,
          message: `${text.place} (unit \`${text.id}\`) is not in ${basename(file)}: the text was added after the file was exported.`,
          hint: `Export again (\`coursekit xliff export ${module.id} --lang ${lang}\`): the new file keeps every translation that still applies and adds the new texts for the translator.`,
        }),
  );
}

export function staleDiagnostics(comparison: Comparison, context: ReportContext): Diagnostic[] {
  return comparison.translated
    .filter((t) => t.stale)
    .map(({ text, unit }) =>
      diagnostic('translation-stale', {
        file: context.file,
        line: unit.line,
        column: unit.column,
        message: `${text.place} (unit \`${text.id}\`) changed after it was translated: ${wordDiff(unit.source, text.text)}`,
        hint: `Export again (\`coursekit xliff export ${context.module.id} --lang ${context.lang}\`): changed texts come back for translation, with the earlier translation in a note.`,
      }),
    );
}
