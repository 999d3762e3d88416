/** What every command gets: where to print, and how to report its exit code. */
import { Option, type Command } from 'commander';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { formatDiagnostics, summarize, type OutputFormat } from '../diagnostics/format.js';

export interface CliIo {
  cwd: string;
  stdout(text: string): void;
  stderr(text: string): void;
  /** Colour codes in output. */
  color: boolean;
  /** Show progress while building (an interactive terminal, not CI). */
  interactive: boolean;
}

export interface CommandContext {
  io: CliIo;
  /** The process exits with the highest code any command part set (0 ok, 1 content errors, 2 usage). */
  setExitCode(code: number): void;
}

export interface CommonOptions {
  modules: string;
  format: OutputFormat;
  strict: boolean;
}

/** --modules: the folder holding the modules, for every command that reads or writes them. */
export function withModulesOption(command: Command): Command {
  return command.option('--modules <dir>', 'folder holding the modules', 'modules');
}

/** --modules and --format, for the commands that read content and print its problems. */
export function withReportingOptions(command: Command): Command {
  return withModulesOption(command).addOption(
    new Option('--format <format>', 'how problems are printed').choices(['pretty', 'json', 'github']).default('pretty'),
  );
}

/** --modules, --format and --strict, shared by the commands that check content for a verdict. */
export function withContentOptions(command: Command): Command {
  return withReportingOptions(command).option('--strict', 'treat warnings as errors', false);
}

export function printDiagnostics(io: CliIo, diagnostics: Diagnostic[], format: OutputFormat): void {
  if (diagnostics.length === 0 && format !== 'json') return;
  const text = formatDiagnostics(diagnostics, format, { color: io.color, cwd: io.cwd });
  if (format === 'pretty') io.stderr(`${text}\n`);
  else io.stdout(text);
}

export function summaryLine(diagnostics: Diagnostic[]): string {
  const { errors, warnings } = summarize(diagnostics);
  return `${errors} error(s), ${warnings} warning(s)`;
}
