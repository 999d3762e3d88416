import path from 'node:path';
import type { Command } from 'commander';
import { checkModules } from '../../pipeline/check.js';
import { hasErrors } from '../../diagnostics/diagnostic.js';
import { printDiagnostics, summaryLine, withContentOptions, type CommandContext, type CommonOptions } from '../context.js';

export function registerValidate(program: Command, { io, setExitCode }: CommandContext): void {
  withContentOptions(
    program
      .command('validate')
      .description('check modules against the schemas and the cross-file rules; build nothing')
      .argument('[module...]', 'module folder names (default: every module)'),
  ).action(async (modules: string[], options: CommonOptions) => {
    const result = await checkModules({ cwd: io.cwd, modulesDir: path.resolve(io.cwd, options.modules), only: modules });
    printDiagnostics(io, result.diagnostics, options.format);
    const failed = hasErrors(result.diagnostics, options.strict);
    if (options.format === 'pretty') {
      io.stdout(
        `${summaryLine(result.diagnostics)} in ${result.moduleCount} module(s), ${result.fileCount} file(s)${failed ? '' : ': valid'}.\n`,
      );
    }
    setExitCode(failed ? 1 : 0);
  });
}
