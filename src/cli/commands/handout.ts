import path from 'node:path';
import { InvalidArgumentError, Option, type Command } from 'commander';
import { diagnostic } from '../../diagnostics/create.js';
import { hasErrors, type Diagnostic } from '../../diagnostics/diagnostic.js';
import type { OutputFormat } from '../../diagnostics/format.js';
import { toDisplayPath } from '../../load/index.js';
import { HANDOUTS_FOLDER } from '../../pipeline/output-folder.js';
import { checkModules } from '../../pipeline/check.js';
import { makeHandouts, type PaperSize } from '../../handout/index.js';
import { refuseHandoutFolder, writeHandoutFolder } from '../../handout/output.js';
import { CHROMIUM_PATHS, findChromium, printPdfs } from '../../handout/pdf.js';
import { printDiagnostics, summaryLine, withReportingOptions, type CommandContext } from '../context.js';

interface HandoutCliOptions {
  modules: string;
  format: OutputFormat;
  lang?: string;
  paper: PaperSize;
  seed?: number;
  out?: string;
  chromium?: string;
  pdf: boolean;
}

export function registerHandout(program: Command, { io, setExitCode }: CommandContext): void {
  withReportingOptions(
    program
      .command('handout')
      .description(
        'print a workshop pack for a module: participant workbook, facilitator guide, quiz forms A and B with answer keys, and a results sheet for coursekit results (HTML, and PDF with a Chromium)',
      )
      .argument('<module>', 'module folder name')
      .option('--lang <language>', 'a language the module is published in (its own, or one of its translations)')
      .addOption(new Option('--paper <size>', 'paper size').choices(['a4', 'letter']).default('a4'))
      .option('--seed <number>', "form A's seed (form B's follows from it); the same seed prints the same forms", parseSeed)
      .option('--out <dir>', `folder for the handouts (default: dist/${HANDOUTS_FOLDER}/<module>)`)
      .option('--chromium <path>', `the Chromium or Chrome that prints the PDFs (default: ${CHROMIUM_PATHS.join(' or ')}, if there)`)
      .option('--no-pdf', 'write the HTML only'),
  ).action(async (moduleName: string, options: HandoutCliOptions) => {
    const modulesDir = path.resolve(io.cwd, options.modules);
    const fail = (diagnostics: Diagnostic[], code = 1) => {
      printDiagnostics(io, diagnostics, options.format);
      setExitCode(code);
    };
    const checked = await checkModules({ cwd: io.cwd, modulesDir, only: [moduleName] });
    const source = checked.modules[0];
    if (!source || hasErrors(checked.diagnostics)) {
      fail(checked.diagnostics);
      if (options.format === 'pretty')
        io.stderr(
          `No handout for ${moduleName}: ${summaryLine(checked.diagnostics)}. Handouts quote the validated module, so it must validate first.\n`,
        );
      return;
    }
    const module = options.lang === undefined ? source : checked.modules.find((m) => m.meta.language === options.lang);
    if (!module) {
      const published = checked.modules.map((m) => m.meta.language).join(', ');
      return fail([
        ...checked.diagnostics,
        diagnostic('handout-language-unknown', {
          message: `\`${source.id}\` is not published in "${options.lang}": its languages are ${published}.`,
        }),
      ]);
    }
    const outDir = options.out ?? path.join('dist', HANDOUTS_FOLDER, module.id);
    const refused = await refuseHandoutFolder(outDir, { cwd: io.cwd, modulesDir });
    if (refused) return fail([...checked.diagnostics, refused], 2);

    const chromium = options.pdf ? await findChromium(options.chromium) : undefined;
    if (options.pdf && options.chromium !== undefined && chromium === undefined) {
      return fail([
        ...checked.diagnostics,
        diagnostic('handout-chromium-missing', { message: `there is no program to run at ${options.chromium}; nothing was written.` }),
      ]);
    }
    const handouts = await makeHandouts(module, { paper: options.paper, seed: options.seed, sourceId: source.id });
    const diagnostics = [...checked.diagnostics, ...handouts.diagnostics];
    let pdfs: string[] = [];
    const unwritable = await writeHandoutFolder(outDir, handouts.files, { cwd: io.cwd, modulesDir }, async (folder) => {
      if (!chromium) return;
      try {
        pdfs = await printPdfs(folder, handouts.documents, chromium);
      } catch (error) {
        diagnostics.push(
          diagnostic('handout-pdf-failed', {
            message: `${chromium} could not print the handouts: ${(error as Error).message.split('\n')[0]}`,
          }),
        );
      }
    });
    if (unwritable) return fail([...diagnostics, unwritable]);
    printDiagnostics(io, diagnostics, options.format);
    if (options.format !== 'pretty') return;
    const shown = toDisplayPath(io.cwd, path.resolve(io.cwd, outDir));
    const forms = handouts.forms ? ` Quiz forms A (seed ${handouts.forms.A.seed}) and B (seed ${handouts.forms.B.seed}).` : '';
    io.stdout(`Wrote the handouts of ${module.id} (${options.paper === 'a4' ? 'A4' : 'US Letter'}) in ${shown}/.${forms}\n`);
    for (const name of [...handouts.documents, ...pdfs, ...(handouts.forms ? ['results-sheet.csv'] : [])])
      io.stdout(`  ${shown}/${name}\n`);
    if (pdfs.length === 0) {
      const why = options.pdf
        ? chromium
          ? 'The PDFs could not be printed'
          : `No Chromium was found (${CHROMIUM_PATHS.join(', ')})`
        : 'No PDFs (--no-pdf)';
      io.stdout(
        `${why}: open each HTML file in a browser and print it (Ctrl+P or Cmd+P), with paper size ${options.paper === 'a4' ? 'A4' : 'Letter'}, margins "Default" and "Headers and footers" off; choose "Save as PDF" to keep a PDF. Or give --chromium <path>.\n`,
      );
    }
  });
}

/** A seed as the forms print it: a whole number from 0 to 2147483647. */
function parseSeed(value: string): number {
  const seed = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(seed) || seed > 0x7fffffff)
    throw new InvalidArgumentError(`"${value}" is not a seed: give a whole number from 0 to 2147483647, as printed on a form.`);
  return seed;
}
