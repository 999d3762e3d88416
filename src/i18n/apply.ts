/**
 * A translated module: the validated module with every text replaced by its translation from
 * translations/<lang>.xlf. Ids, citations, sources, media and coverage stay exactly as they are,
 * so the translated packages track the same SCORM interactions as the original.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { diagnostic } from '../diagnostics/create.js';
import { hasErrors, type Diagnostic } from '../diagnostics/diagnostic.js';
import { toDisplayPath } from '../load/index.js';
import type { CourseModule } from '../model/course.js';
import { compareUnits, languageDiagnostics, missingDiagnostics, staleDiagnostics } from './compare.js';
import { sameLanguage } from './language.js';
import { collectTexts } from './units.js';
import { readXliff } from './xliff.js';

export interface ApplyOptions {
  /** The .xlf file as messages name it; default translations/<lang>.xlf in the module folder, relative to the working directory. */
  file?: string;
}

export interface ApplyResult {
  /** Undefined when the translation has errors (a text without translation, the wrong languages, a file that cannot be read). */
  module: CourseModule | undefined;
  diagnostics: Diagnostic[];
}

/**
 * Applies the XLIFF text `xliffText` (translations/<lang>.xlf of `module`). The result has
 * `meta.language = lang` and `id = meta.id = <id>-<lang>` (the tag in lowercase, as module ids
 * are), and no `meta.translations`. Missing translations are errors; translations made from a
 * text that has changed since are warnings (the old translation is used); units for texts the
 * module no longer has are warnings.
 */
export function applyTranslation(module: CourseModule, xliffText: string, lang: string, options: ApplyOptions = {}): ApplyResult {
  const file = options.file ?? defaultDisplayPath(module, lang);
  const read = readXliff(xliffText, file);
  if (!read.document) return { module: undefined, diagnostics: read.diagnostics };
  const document = read.document;
  const context = { file, module, lang };
  const diagnostics = languageDiagnostics(document, context);
  if (hasErrors(diagnostics)) return { module: undefined, diagnostics };

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
  if (hasErrors(diagnostics)) return { module: undefined, diagnostics };
  for (const { text, target } of comparison.translated) text.set(target);
  const id = `${module.id}-${lang.toLowerCase()}`;
  translated.id = id;
  translated.meta.id = id;
  translated.meta.language = lang;
  delete translated.meta.translations;
  return { module: translated, diagnostics };
}

export interface LoadTranslationsOptions {
  /** Paths in messages are relative to this folder (default: the process's working directory). */
  cwd?: string;
}

export interface LoadTranslationsResult {
  /** One translated module per language in `meta.translations` that applied without errors, in that order. */
  modules: CourseModule[];
  diagnostics: Diagnostic[];
}

/**
 * The translated modules of a validated module: for each language in `module.meta.translations`,
 * reads translations/<lang>.xlf and applies it. A declared language without its file is an
 * error (`translation-file-missing`); an .xlf file in translations/ for an undeclared language
 * is a warning (`translation-undeclared`).
 */
export async function loadTranslations(module: CourseModule, options: LoadTranslationsOptions = {}): Promise<LoadTranslationsResult> {
  const cwd = options.cwd ?? process.cwd();
  const display = (p: string) => toDisplayPath(cwd, p);
  const declared = module.meta.translations ?? [];
  const modules: CourseModule[] = [];
  const diagnostics: Diagnostic[] = [];
  const folder = path.join(module.folder, 'translations');
  const moduleJson = display(path.join(module.folder, 'module.json'));
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
    const read = await readXliffFile(absolute, file);
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
    const applied = applyTranslation(module, read.text, lang, { file });
    diagnostics.push(...applied.diagnostics);
    if (applied.module) modules.push(applied.module);
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
  return { modules, diagnostics };
}

export type ReadXliffFileResult =
  | { text: string; missing?: undefined; diagnostic?: undefined }
  | { text: undefined; missing: boolean; diagnostic?: Diagnostic };

/** Reads an .xlf file as text: UTF-8, or UTF-16 with a byte order mark (as some tools save it). */
export async function readXliffFile(absolutePath: string, displayPath: string): Promise<ReadXliffFileResult> {
  let bytes: Buffer;
  try {
    bytes = await readFile(absolutePath);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { text: undefined, missing: true };
    const reason =
      code === 'EISDIR' ? 'it is a folder' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : (error as Error).message;
    return {
      text: undefined,
      missing: false,
      diagnostic: diagnostic('file-unreadable', { file: displayPath, message: `cannot read ${path.basename(displayPath)}: ${reason}.` }),
    };
  }
  try {
    if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le', { fatal: true }).decode(bytes.subarray(2)) };
    if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be', { fatal: true }).decode(bytes.subarray(2)) };
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
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
