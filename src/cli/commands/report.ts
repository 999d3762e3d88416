import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { checkModules } from '../../pipeline/check.js';
import { diagnostic } from '../../diagnostics/create.js';
import { hasErrors } from '../../diagnostics/diagnostic.js';
import type { OutputFormat } from '../../diagnostics/format.js';
import { toDisplayPath } from '../../load/index.js';
import { loadStrings } from '../../render/strings.js';
import { buildCoverageReport, coverageJson, coverageMarkdown } from '../../report/coverage.js';
import { printDiagnostics, summaryLine, withReportingOptions, type CommandContext } from '../context.js';

interface ReportOptions {
  modules: string;
  out: string | undefined;
  json: boolean;
  format: OutputFormat;
}

export function registerReport(program: Command, { io, setExitCode }: CommandContext): void {
  withReportingOptions(
    program
      .command('report')
      .description('print how the recommendations are covered by objectives, lessons and questions, as Markdown')
      .argument('<module>', 'module folder name')
      .option('--json', 'print the report as JSON data instead (its shape: docs/coverage-report.md)', false)
      .option('--out <file>', 'write the report to this file instead of printing it'),
  ).action(async (moduleName: string, options: ReportOptions) => {
    const result = await checkModules({ cwd: io.cwd, modulesDir: path.resolve(io.cwd, options.modules), only: [moduleName] });
    const module = result.modules[0];
    // Warnings do not block a report; errors do, because coverage of broken content would mislead.
    if (hasErrors(result.diagnostics) || !module) {
      printDiagnostics(io, result.diagnostics, options.format);
      if (options.format === 'pretty')
        io.stderr(`No report for ${moduleName}: ${summaryLine(result.diagnostics)}. Fix the errors, then run the report again.\n`);
      setExitCode(1);
      return;
    }
    const report = buildCoverageReport(module, loadStrings(module.meta.language));
    const text = options.json ? coverageJson(report) : coverageMarkdown(report);
    if (options.out === undefined) {
      io.stdout(text);
      return;
    }
    const target = path.resolve(io.cwd, options.out);
    try {
      await writeFile(target, text);
    } catch (error) {
      const reason = (error as { code?: string }).code === 'ENOENT' ? 'its folder does not exist' : (error as Error).message;
      printDiagnostics(
        io,
        [
          diagnostic('output-unwritable', {
            file: toDisplayPath(io.cwd, target),
            message: `cannot write the report to ${toDisplayPath(io.cwd, target)}: ${reason}.`,
          }),
        ],
        options.format,
      );
      setExitCode(1);
      return;
    }
    if (options.format === 'pretty') io.stderr(`Wrote the coverage report of ${module.id} to ${toDisplayPath(io.cwd, target)}.\n`);
  });
}
