/**
 * The `coursekit` command. User errors (bad content) print diagnostics and exit 1; a bug in
 * coursekit itself prints a short report request and exits 2. No stack traces unless
 * COURSEKIT_DEBUG is set.
 */
import { Command, CommanderError } from 'commander';
import { DiagnosticsError } from '../diagnostics/diagnostic.js';
import { printDiagnostics, type CliIo, type CommandContext } from './context.js';
import { registerBuild } from './commands/build.js';
import { registerHandout } from './commands/handout.js';
import { registerNew } from './commands/new.js';
import { registerPreview } from './commands/preview.js';
import { registerReport } from './commands/report.js';
import { registerResults } from './commands/results.js';
import { registerValidate } from './commands/validate.js';
import { registerXliff } from './commands/xliff.js';

export type { CliIo } from './context.js';

export async function main(argv: string[], io: CliIo = defaultIo()): Promise<number> {
  const program = new Command('coursekit')
    .description(
      'Build e-learning modules from JSON lessons: validate them, render them with Eleventy, package them for SCORM 1.2, SCORM 2004 and the web.',
    )
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout(s), writeErr: (s) => io.stderr(s) })
    .showHelpAfterError('(run `coursekit --help` for usage)');
  let exitCode = 0;

  const context: CommandContext = { io, setExitCode: (code) => (exitCode = Math.max(exitCode, code)) };
  for (const register of [
    registerValidate,
    registerBuild,
    registerPreview,
    registerNew,
    registerReport,
    registerResults,
    registerHandout,
    registerXliff,
  ])
    register(program, context);

  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    if (error instanceof DiagnosticsError) {
      printDiagnostics(io, error.diagnostics, 'pretty');
      return 1;
    }
    io.stderr(
      `coursekit hit an internal error: ${(error as Error).message}\nThis is a bug in coursekit, not in your content. Please report it with the command you ran.\n`,
    );
    if (process.env.COURSEKIT_DEBUG) io.stderr(`${(error as Error).stack ?? ''}\n`);
    return 2;
  }
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
