import path from 'node:path';
import type { Command } from 'commander';
import { checkModules } from '../../pipeline/check.js';
import { hasErrors, type Diagnostic } from '../../diagnostics/diagnostic.js';
import type { OutputFormat } from '../../diagnostics/format.js';
import { toDisplayPath } from '../../load/index.js';
import { analyseExports } from '../../results/index.js';
import { renderResultsHtml } from '../../results/html.js';
import { writeOutput } from '../../results/output.js';
import { resultsDocument, resultsJson, terminalSummary } from '../../results/report.js';
import { printDiagnostics, summaryLine, withReportingOptions, type CommandContext } from '../context.js';

interface ResultsCliOptions {
  modules: string;
  format: OutputFormat;
  out?: string;
  json?: boolean;
  names?: boolean;
}

export function registerResults(program: Command, { io, setExitCode }: CommandContext): void {
  withReportingOptions(
    program
      .command('results')
      .description(
        'analyse LMS exports of a module by recommendation, question, objective and level, into an HTML report and JSON (see docs/results.md)',
      )
      .argument('<module>', 'module folder name')
      .argument(
        '<exports...>',
        'export files or folders: Moodle SCORM reports (CSV, Excel, OpenDocument), "Download my results" files, CMI dumps',
      )
      .option('--out <dir>', 'write results.html and results.json into this folder (default: results/<module>, or none with --json)')
      .option('--json', 'print the results as JSON on standard output')
      .option('--names', "show learners' names and e-mail addresses (otherwise pseudonymous ids)"),
  ).action(async (moduleName: string, exports: string[], options: ResultsCliOptions) => {
    const modulesDir = path.resolve(io.cwd, options.modules);
    // With --json, standard output carries the results document alone: problems go to standard
    // error, or into the document's "warnings" with --format json.
    const report = (diagnostics: Diagnostic[]) => {
      if (!options.json) printDiagnostics(io, diagnostics, options.format);
      else if (options.format !== 'json') printDiagnostics({ ...io, stdout: io.stderr }, diagnostics, options.format);
    };
    const checked = await checkModules({ cwd: io.cwd, modulesDir, only: [moduleName] });
    const module = checked.modules[0];
    if (!module || hasErrors(checked.diagnostics)) {
      printDiagnostics(io, checked.diagnostics, options.format);
      if (options.format === 'pretty')
        io.stderr(
          `No results analysis for ${moduleName}: ${summaryLine(checked.diagnostics)}. The module must validate, since its questions give the exports their meaning.\n`,
        );
      setExitCode(1);
      return;
    }
    const translatedIds = checked.modules.slice(1).map((m) => m.id);
    const outcome = await analyseExports({ cwd: io.cwd, module, translatedIds, inputs: exports, names: options.names === true });
    const analysis = outcome.analysis;
    if (!analysis) {
      printDiagnostics(io, outcome.diagnostics, options.format);
      setExitCode(1);
      return;
    }
    const json = resultsJson(resultsDocument(analysis, outcome.files, outcome.diagnostics));
    // Written first, so that a refused --out stops the command before anything is printed.
    const outDir = options.out ?? (options.json ? undefined : path.join('results', module.id));
    if (outDir !== undefined) {
      const html = renderResultsHtml(analysis, outcome.files, outcome.diagnostics, { names: options.names === true });
      const refused = await writeOutput(
        outDir,
        [
          { name: 'results.html', content: html },
          { name: 'results.json', content: json },
        ],
        { cwd: io.cwd, modulesDir },
      );
      if (refused) {
        printDiagnostics(options.json ? { ...io, stdout: io.stderr } : io, [refused], options.format);
        setExitCode(1);
        return;
      }
    }
    report(outcome.diagnostics);
    if (options.json) io.stdout(json);
    if (options.format === 'pretty' && !options.json && outDir !== undefined) {
      const shown = toDisplayPath(io.cwd, path.resolve(io.cwd, outDir));
      io.stdout(`${terminalSummary(analysis, outcome.files)}Wrote ${shown}/results.html and ${shown}/results.json.\n`);
    }
  });
}
