/**
 * The `coursekit` command. User errors (bad content) print diagnostics and exit 1; a bug in
 * coursekit itself prints a short report request and exits 2. No stack traces unless
 * COURSEKIT_DEBUG is set.
 */
import path from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import { buildModules, checkModules } from '../build/index.js';
import { DiagnosticsError, hasErrors, type Diagnostic } from '../diagnostics/diagnostic.js';
import { formatDiagnostics, summarize, type OutputFormat } from '../diagnostics/format.js';
import { formatBytes } from '../load/json-file.js';
import { PACKAGE_TARGETS, type PackageTarget } from '../package/index.js';
import { createConsoleReporter } from './reporter.js';

interface CommonOptions {
  modules: string;
  format: OutputFormat;
  strict: boolean;
}

export async function main(argv: string[], io: CliIo = defaultIo()): Promise<number> {
  const program = new Command('coursekit')
    .description('Build e-learning modules from JSON lessons: validate them, render them with Eleventy, package them for SCORM 1.2, SCORM 2004 and the web.')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout(s), writeErr: (s) => io.stderr(s) })
    .showHelpAfterError('(run `coursekit --help` for usage)');
  let exitCode = 0;

  const common = (command: Command) =>
    command
      .option('--modules <dir>', 'folder holding the modules', 'modules')
      .addOption(new Option('--format <format>', 'how problems are printed').choices(['pretty', 'json', 'github']).default('pretty'))
      .option('--strict', 'treat warnings as errors', false);

  common(
    program
      .command('validate')
      .description('check modules against the schemas and the cross-file rules; build nothing')
      .argument('[module...]', 'module folder names (default: every module)'),
  ).action(async (modules: string[], options: CommonOptions) => {
    const cwd = io.cwd;
    const result = await checkModules({ cwd, modulesDir: path.resolve(cwd, options.modules), only: modules });
    printDiagnostics(io, result.diagnostics, options.format);
    const failed = hasErrors(result.diagnostics, options.strict);
    if (options.format === 'pretty') {
      io.stdout(`${summaryLine(result.diagnostics)} in ${result.modules.length} module(s), ${result.fileCount} file(s)${failed ? '' : ': valid'}.\n`);
    }
    exitCode = failed ? 1 : 0;
  });

  common(
    program
      .command('build')
      .description('validate, render and package modules into dist/')
      .argument('[module...]', 'module folder names (default: every module)')
      .option('--out <dir>', 'output folder', 'dist')
      .addOption(
        new Option('--target <targets>', `comma-separated package targets (${PACKAGE_TARGETS.join(', ')})`).default([...PACKAGE_TARGETS], PACKAGE_TARGETS.join(',')).argParser(parseTargets),
      ),
  ).action(async (modules: string[], options: CommonOptions & { out: string; target: PackageTarget[] }) => {
    const cwd = io.cwd;
    const reporter = createConsoleReporter(io);
    const result = await buildModules({
      cwd,
      modulesDir: path.resolve(cwd, options.modules),
      only: modules,
      outDir: path.resolve(cwd, options.out),
      targets: options.target,
      strict: options.strict,
      onProgress: reporter,
    });
    printDiagnostics(io, result.diagnostics, options.format);
    if (!result.ok) {
      if (options.format === 'pretty') io.stdout(`Build failed: ${summaryLine(result.diagnostics)}. ${path.relative(cwd, path.resolve(cwd, options.out)) || '.'}/ was left as it was.\n`);
      exitCode = 1;
      return;
    }
    if (options.format === 'pretty') {
      const total = result.packages.reduce((n, p) => n + p.bytes, 0);
      io.stdout(`Built ${result.modules.length} module(s): ${result.packages.length} package(s), ${formatBytes(total)}, in ${path.relative(cwd, path.resolve(cwd, options.out)) || '.'}/packages/.\n`);
    }
  });

  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    if (error instanceof DiagnosticsError) {
      printDiagnostics(io, error.diagnostics, 'pretty');
      return 1;
    }
    io.stderr(`coursekit hit an internal error: ${(error as Error).message}\nThis is a bug in coursekit, not in your content. Please report it with the command you ran.\n`);
    if (process.env.COURSEKIT_DEBUG) io.stderr(`${(error as Error).stack ?? ''}\n`);
    return 2;
  }
}

function parseTargets(value: string): PackageTarget[] {
  const targets = value.split(',').map((t) => t.trim()).filter(Boolean);
  for (const t of targets) {
    if (!(PACKAGE_TARGETS as readonly string[]).includes(t)) {
      throw new CommanderError(2, 'coursekit.target', `Unknown target "${t}": use ${PACKAGE_TARGETS.join(', ')}.`);
    }
  }
  return targets as PackageTarget[];
}

function printDiagnostics(io: CliIo, diagnostics: Diagnostic[], format: OutputFormat): void {
  if (diagnostics.length === 0 && format !== 'json') return;
  const text = formatDiagnostics(diagnostics, format, { color: io.color, cwd: io.cwd });
  if (format === 'pretty') io.stderr(text + '\n');
  else io.stdout(text);
}

function summaryLine(diagnostics: Diagnostic[]): string {
  const { errors, warnings } = summarize(diagnostics);
  return `${errors} error(s), ${warnings} warning(s)`;
}

export interface CliIo {
  cwd: string;
  stdout(text: string): void;
  stderr(text: string): void;
  /** Colour codes in output. */
  color: boolean;
  /** Show progress while building (an interactive terminal, not CI). */
  interactive: boolean;
}

function defaultIo(): CliIo {
  const tty = Boolean(process.stderr.isTTY);
  return {
    cwd: process.cwd(),
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    color: tty && !process.env.NO_COLOR && !process.env.CI,
    interactive: tty && !process.env.CI,
  };
}
