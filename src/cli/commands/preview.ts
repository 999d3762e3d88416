import path from 'node:path';
import type { Command } from 'commander';
import { withModulesOption, type CommandContext } from '../context.js';

export function registerPreview(program: Command, { io }: CommandContext): void {
  withModulesOption(
    program
      .command('preview')
      .description('serve modules on 127.0.0.1 with live reload and an LMS simulator (opens nothing by itself)')
      .argument('[module...]', 'module folder names (default: every module)'),
  )
    .option('--port <port>', 'port to listen on', (v) => Number.parseInt(v, 10), 4173)
    .action(async (modules: string[], options: { modules: string; port: number }) => {
      const { startPreview } = await import('../../preview/index.js');
      const preview = await startPreview({
        cwd: io.cwd,
        modulesDir: path.resolve(io.cwd, options.modules),
        only: modules,
        port: options.port,
        log: (text) => io.stderr(text),
      });
      io.stdout(`coursekit preview: ${preview.origin}/\n`);
      await new Promise<void>((resolve) => {
        const stop = () => {
          void preview.close().then(resolve);
        };
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
    });
}
