/**
 * The `coursekit` command. User errors (bad content) print diagnostics and exit 1, and so does
 * what the system refuses (a full disk, a read-only folder); a bug in coursekit itself prints a
 * short report request and exits 2. No stack traces unless
 * COURSEKIT_DEBUG is set.
 */
import { Command, CommanderError } from 'commander';
import { diagnostic } from '../diagnostics/create.js';
import { DiagnosticsError, type Diagnostic } from '../diagnostics/diagnostic.js';
import { describeSystemError, isSystemError, systemErrorHint } from '../diagnostics/system-error.js';
import { toDisplayPath } from '../load/index.js';
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
    // A full disk or a read-only folder is the system's answer, not a bug: say what and where.
    if (isSystemError(error)) {
      printDiagnostics(io, [systemRefusal(error, io.cwd)], 'pretty');
      return 1;
    }
    io.stderr(
      `coursekit hit an internal error: ${(error as Error).message}\nThis is a bug in coursekit, not in your content. Please report it with the command you ran.\n`,
    );
    if (process.env.COURSEKIT_DEBUG) io.stderr(`${(error as Error).stack ?? ''}\n`);
    return 2;
  }
}

const WRITES = new Set(['mkdir', 'mkdtemp', 'rename', 'unlink', 'rmdir', 'rm', 'write', 'copyfile', 'symlink', 'link', 'chmod', 'utime']);
const VERBS: Record<string, string> = {
  mkdir: 'create the folder',
  mkdtemp: 'create a folder in',
  rename: 'move',
  unlink: 'delete',
  rmdir: 'delete',
  scandir: 'list the folder',
};

function systemRefusal(error: NodeJS.ErrnoException & { code: string }, cwd: string): Diagnostic {
  const syscall = error.syscall ?? '';
  const where = error.path === undefined ? '' : ` ${toDisplayPath(cwd, error.path)}`;
  const verb = VERBS[syscall] ?? (WRITES.has(syscall) ? 'write' : 'read');
  return diagnostic(WRITES.has(syscall) || ['EROFS', 'ENOSPC', 'EDQUOT'].includes(error.code) ? 'output-unwritable' : 'file-unreadable', {
    message: `The system refused to ${verb}${where}: ${describeSystemError(error)}.`,
    ...(systemErrorHint(error) ? { hint: systemErrorHint(error)! } : {}),
  });
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
