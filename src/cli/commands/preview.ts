import path from 'node:path';
import { InvalidArgumentError, type Command } from 'commander';
import { withModulesOption, type CommandContext } from '../context.js';

/** The port the preview tries first when none is given (then the next free ones, as Vite does). */
const DEFAULT_PORT = 4173;

export function registerPreview(program: Command, { io }: CommandContext): void {
  withModulesOption(
    program
      .command('preview')
      .description('serve modules on 127.0.0.1 with live reload and an LMS simulator (opens nothing by itself)')
      .argument('[module...]', 'module folder names (default: every module)'),
  )
    .option('--port <port>', `port to listen on (default: ${DEFAULT_PORT}, or the next free one)`, parsePort)
    .action(async (modules: string[], options: { modules: string; port?: number }) => {
      const { startPreview } = await import('../../preview/index.js');
      const port = options.port ?? DEFAULT_PORT;
      const preview = await startPreview({
        cwd: io.cwd,
        modulesDir: path.resolve(io.cwd, options.modules),
        only: modules,
        port,
        exactPort: options.port !== undefined,
        log: (text) => io.stderr(text),
      });
      if (preview.port !== port) io.stderr(`Port ${port} is in use, so the preview uses port ${preview.port}.\n`);
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

function parsePort(value: string): number {
  const port = /^\d+$/.test(value) ? Number(value) : Number.NaN;
  if (!(port >= 1 && port <= 65535)) throw new InvalidArgumentError('give a port number from 1 to 65535, such as 4173.');
  return port;
}
