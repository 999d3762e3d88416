/**
 * `coursekit xliff import`: checks a translated XLIFF file against the module it came from and
 * saves it, unchanged, as modules/<id>/translations/<lang>.xlf. That file is the only thing it
 * writes: source files are never touched, and module.json is not edited (the author adds the
 * language to "translations" when the translation is ready to publish).
 *
 * Nothing is written when the file cannot be used: not XLIFF 2.0, another module, other
 * languages, or units that are not texts of the module. A file that leaves texts untranslated or
 * was translated from older texts is written (it is the translator's work) and those texts are
 * reported, as the build would report them.
 */
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { diagnostic } from '../diagnostics/create.js';
import { describeSystemError, systemErrorHint } from '../diagnostics/system-error.js';
import { hasErrors, type Diagnostic } from '../diagnostics/diagnostic.js';
import { pathExists } from '../fs-exists.js';
import { readXliffFile } from '../i18n/apply.js';
import { compareUnits, languageDiagnostics, missingDiagnostics, staleDiagnostics } from '../i18n/compare.js';
import { isLanguageTag, sameLanguage } from '../i18n/language.js';
import { collectTexts } from '../i18n/units.js';
import { readXliff } from '../i18n/xliff.js';
import { toDisplayPath } from '../load/index.js';
import { checkModules } from '../pipeline/check.js';
import { locateBankQuestions } from './export.js';

export interface ImportOptions {
  /** The translated XLIFF file (absolute). */
  file: string;
  /** Folder holding the modules (absolute). */
  modulesDir: string;
  /** Paths in messages are relative to this folder. */
  cwd: string;
  /** The module, when the file does not say (a tool dropped `ck:module`). */
  module?: string;
}

export interface ImportResult {
  /** The file written (as messages show it); undefined when nothing was written. */
  written: string | undefined;
  /** An earlier translation into the same language was replaced. */
  replaced: boolean;
  moduleId: string | undefined;
  /** The language, spelt as module.json spells it when it lists it. */
  lang: string | undefined;
  /** module.json lists the language in "translations". */
  declared: boolean;
  /** module.json, as messages show it. */
  moduleJson: string | undefined;
  counts: { units: number; translated: number; missing: number; stale: number };
  diagnostics: Diagnostic[];
}

export async function importXliff(options: ImportOptions): Promise<ImportResult> {
  const display = (p: string) => toDisplayPath(options.cwd, p);
  const file = display(options.file);
  const name = path.basename(options.file);
  const result: ImportResult = {
    written: undefined,
    replaced: false,
    moduleId: undefined,
    lang: undefined,
    declared: false,
    moduleJson: undefined,
    counts: { units: 0, translated: 0, missing: 0, stale: 0 },
    diagnostics: [],
  };
  const fail = (...diagnostics: Diagnostic[]) => {
    result.diagnostics.push(...diagnostics);
    return result;
  };

  const read = await readXliffFile(options.file, file);
  if (read.text === undefined) {
    return fail(
      read.diagnostic ??
        diagnostic('file-unreadable', {
          file,
          message: `cannot read ${name}: there is no such file.`,
          hint: 'Check the path of the XLIFF file.',
        }),
    );
  }
  const parsed = readXliff(read.text, file);
  if (!parsed.document) return fail(...parsed.diagnostics);
  const document = parsed.document;
  const at = { file, line: document.line, column: document.column };

  const moduleId = options.module ?? document.moduleId;
  if (moduleId === undefined) {
    return fail(
      diagnostic('xliff-invalid', {
        ...at,
        message: `${name} does not say which module it translates (the ck:module attribute of <xliff> is missing).`,
        hint: 'Name the module: `coursekit xliff import <file> --module <module>`.',
      }),
    );
  }
  if (!isLanguageTag(document.trgLang)) {
    return fail(
      diagnostic('language-tag-invalid', {
        ...at,
        message: `${name} translates into "${document.trgLang}", which is not a language tag coursekit accepts.`,
      }),
    );
  }

  // The module as written, without its translations: a broken earlier translation must not
  // stop the import of the file that replaces it.
  const checked = await checkModules({ cwd: options.cwd, modulesDir: options.modulesDir, only: [moduleId], translations: false });
  const module = checked.modules[0];
  if (!module || hasErrors(checked.diagnostics)) return fail(...checked.diagnostics);
  result.moduleId = module.id;
  result.moduleJson = display(path.join(module.folder, 'module.json'));
  const declared = module.meta.translations?.find((t) => sameLanguage(t, document.trgLang));
  const lang = declared ?? document.trgLang;
  result.lang = lang;
  result.declared = declared !== undefined;

  const context = { file, module, lang };
  const languages = languageDiagnostics(document, context);
  if (hasErrors(languages)) return fail(...languages);

  const texts = collectTexts(module, await locateBankQuestions(module));
  const comparison = compareUnits(texts, document);
  if (comparison.unknown.length > 0) {
    return fail(
      ...comparison.unknown.map((unit) =>
        diagnostic('translation-unknown-unit', {
          file,
          line: unit.line,
          column: unit.column,
          message: `unit \`${unit.id}\` is not a text of module \`${module.id}\`.`,
          hint: `The text was removed from the module or a tool changed the unit id. Carry the translations over to the current texts with \`coursekit xliff export ${module.id} --lang ${lang} --from ${file} --out <new file>\`, and import that file.`,
        }),
      ),
    );
  }

  const target = path.join(module.folder, 'translations', `${lang}.xlf`);
  result.replaced = await pathExists(target);
  try {
    await mkdir(path.dirname(target), { recursive: true });
    // The bytes that were checked, written beside the target, then renamed: the translation is
    // never half written, and is exactly the file that was read.
    const temporary = `${target}.${process.pid}.tmp`;
    try {
      await writeFile(temporary, read.bytes, { flag: 'wx' });
      await rename(temporary, target);
    } finally {
      await rm(temporary, { force: true });
    }
  } catch (error) {
    return fail(
      diagnostic('output-unwritable', {
        file: display(target),
        message: `cannot write ${display(target)}: ${describeSystemError(error)}.`,
        hint: systemErrorHint(error),
      }),
    );
  }
  result.written = display(target);
  result.counts = {
    units: texts.length,
    translated: comparison.translated.length,
    missing: comparison.missing.length,
    stale: comparison.translated.filter((t) => t.stale).length,
  };
  result.diagnostics.push(...missingDiagnostics(comparison, context), ...staleDiagnostics(comparison, context));
  return result;
}
