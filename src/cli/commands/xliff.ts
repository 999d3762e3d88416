import { realpath, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { checkModules } from '../../pipeline/check.js';
import { diagnostic } from '../../diagnostics/create.js';
import { describeSystemError, systemErrorHint } from '../../diagnostics/system-error.js';
import { hasErrors, type Diagnostic } from '../../diagnostics/diagnostic.js';
import type { OutputFormat } from '../../diagnostics/format.js';
import { readXliffFile } from '../../i18n/apply.js';
import { exportXliff, locateBankQuestions } from '../../xliff/export.js';
import { importXliff } from '../../xliff/import.js';
import { isLanguageTag, languageName, sameLanguage } from '../../i18n/language.js';
import { toDisplayPath } from '../../load/index.js';
import { printDiagnostics, withModulesOption, withReportingOptions, type CommandContext } from '../context.js';

interface ExportCliOptions {
  lang: string;
  out?: string;
  from?: string;
  modules: string;
}

interface ImportCliOptions {
  module?: string;
  modules: string;
  format: OutputFormat;
}

export function registerXliff(program: Command, { io, setExitCode }: CommandContext): void {
  const command = program.command('xliff').description('translate the texts of a module with XLIFF 2.0 files (see docs/translation.md)');

  withModulesOption(
    command
      .command('export')
      .description('write the texts of a module as XLIFF 2.0 for a translator; texts already translated keep their translation')
      .argument('<module>', 'the module folder name')
      .requiredOption('--lang <language>', 'the language to translate into (BCP 47 tag, e.g. fr)')
      .option('--out <file>', 'write the XLIFF file here (.xlf) instead of to standard output')
      .option('--from <file>', "carry over the translations in this XLIFF file (default: the module's translations/<language>.xlf)"),
  ).action(async (moduleName: string, options: ExportCliOptions) => {
    const display = (p: string) => toDisplayPath(io.cwd, p);
    const failWith = (...diagnostics: Diagnostic[]) => {
      printDiagnostics(io, diagnostics, 'pretty');
      setExitCode(1);
    };
    const lang = options.lang;
    if (!isLanguageTag(lang))
      return failWith(diagnostic('language-tag-invalid', { message: `--lang "${lang}" is not a language tag coursekit accepts.` }));
    const out = options.out === undefined ? undefined : path.resolve(io.cwd, options.out);
    if (out && !/\.(xlf|xliff)$/i.test(out)) {
      return failWith(
        diagnostic('output-unwritable', {
          message: `--out ${options.out}: the XLIFF file's name must end in .xlf (or .xliff).`,
          hint: `For example --out ${lang}.xlf.`,
        }),
      );
    }

    // The module as written, without its translations: export is how an incomplete or outdated
    // translation gets fixed, so the translation's own problems must not stop it.
    const checked = await checkModules({
      cwd: io.cwd,
      modulesDir: path.resolve(io.cwd, options.modules),
      only: [moduleName],
      translations: false,
    });
    const module = checked.modules[0];
    if (!module || hasErrors(checked.diagnostics)) {
      failWith(...checked.diagnostics);
      if (module || checked.diagnostics.some((d) => d.code !== 'module-not-found'))
        io.stderr('Nothing was exported: fix the module first (`coursekit validate`).\n');
      return;
    }
    if (sameLanguage(lang, module.meta.language)) {
      return failWith(
        diagnostic('translation-language-mismatch', {
          file: display(path.join(module.folder, 'module.json')),
          message: `module \`${module.id}\` is written in "${module.meta.language}"; export its texts for another language.`,
          hint: 'Pass the language of the translation, e.g. `--lang fr`.',
        }),
      );
    }

    // The translation to carry over: --from, or the one the module already has.
    const spelled = module.meta.translations?.find((t) => sameLanguage(t, lang)) ?? lang;
    const previousPath = options.from ? path.resolve(io.cwd, options.from) : path.join(module.folder, 'translations', `${spelled}.xlf`);
    // The module's own translation must be inside the module; a file named with --from is the author's choice.
    const within = options.from ? undefined : await realpath(module.folder);
    const previousRead = await readXliffFile(previousPath, display(previousPath), within);
    if (previousRead.text === undefined && (options.from || !previousRead.missing)) {
      return failWith(
        previousRead.diagnostic ??
          diagnostic('file-unreadable', {
            file: display(previousPath),
            message: `cannot read ${path.basename(previousPath)}: there is no such file.`,
            hint: 'Check the path given to --from.',
          }),
      );
    }
    const result = exportXliff(module, lang, {
      ...(previousRead.text === undefined ? {} : { previous: { text: previousRead.text, file: display(previousPath) } }),
      questionFiles: await locateBankQuestions(module),
    });
    if (result.text === undefined) {
      failWith(...result.diagnostics);
      io.stderr('Nothing was exported: the earlier translation cannot be carried over.\n');
      return;
    }
    if (out) {
      try {
        await writeFile(out, result.text);
      } catch (error) {
        return failWith(
          diagnostic('output-unwritable', {
            file: display(out),
            message: `cannot write ${display(out)}: ${describeSystemError(error)}.`,
            hint: systemErrorHint(error),
          }),
        );
      }
    } else {
      io.stdout(result.text);
    }
    const c = result.counts;
    const parts = [`${c.translated} already translated`];
    if (c.changed > 0) parts.push(`${c.changed} changed since translation`);
    parts.push(`${c.untranslated + c.changed} to translate`);
    const summary = `${out ? `Wrote ${display(out)}: ` : ''}${c.units} text(s) of ${module.id} for ${languageName(lang)}: ${parts.join(', ')}.\n`;
    // With no --out the XLIFF is on standard output, so the summary goes to standard error.
    if (out) io.stdout(summary);
    else io.stderr(summary);
    setExitCode(0);
  });

  withReportingOptions(
    command
      .command('import')
      .description("check a translated XLIFF file and save it as the module's translations/<language>.xlf (source files are never changed)")
      .argument('<file>', 'the translated XLIFF 2.0 file')
      .option('--module <module>', 'the module it translates (default: the one named in the file)'),
  ).action(async (file: string, options: ImportCliOptions) => {
    const result = await importXliff({
      file: path.resolve(io.cwd, file),
      modulesDir: path.resolve(io.cwd, options.modules),
      cwd: io.cwd,
      ...(options.module === undefined ? {} : { module: options.module }),
    });
    printDiagnostics(io, result.diagnostics, options.format);
    const failed = hasErrors(result.diagnostics);
    setExitCode(failed ? 1 : 0);
    if (options.format !== 'pretty') return;
    if (!result.written || !result.lang) {
      io.stderr('Nothing was written.\n');
      return;
    }
    const c = result.counts;
    const language = languageName(result.lang);
    const extra = [
      c.missing > 0 ? `${c.missing} not translated` : '',
      c.stale > 0 ? `${c.stale} translated from an older text` : '',
    ].filter(Boolean);
    const lines = [
      `Wrote ${result.written}${result.replaced ? ' (replacing the earlier translation)' : ''}: ${c.translated} of ${c.units} text(s) translated into ${language}${extra.length > 0 ? `; ${extra.join(', ')}` : ''}.`,
    ];
    if (!result.declared) {
      lines.push(
        `To publish it, add "${result.lang}" to "translations" in ${result.moduleJson}: coursekit does not change module.json for you.`,
      );
    } else if (c.missing + c.stale > 0) {
      lines.push(`Until those texts are translated, the build leaves the ${language} version out (\`--draft\` packages it as a draft).`);
    } else if (!failed) {
      lines.push(`The next build packages the ${language} version.`);
    }
    io.stdout(`${lines.join('\n')}\n`);
  });
}
