/** Progress lines while building: each module and target as it is packaged; silent in CI and pipes. */
import path from 'node:path';
import type { BuildEvent } from '../pipeline/index.js';
import { formatBytes } from '../load/json-file.js';
import type { CliIo } from './context.js';

export function createConsoleReporter(io: CliIo): ((event: BuildEvent) => void) | undefined {
  if (!io.interactive) return undefined;
  return (event) => {
    switch (event.kind) {
      case 'validated':
        io.stderr(`  validated ${event.modules} module(s), ${event.files} file(s)\n`);
        break;
      case 'rendered':
        io.stderr(`  rendered ${event.pages} page(s)\n`);
        break;
      case 'packaged':
        io.stderr(
          `  packaged ${event.package.moduleId} ${event.package.target.padEnd(9)} ${formatBytes(event.package.bytes).padStart(9)}  ${path.basename(event.package.path)}\n`,
        );
        break;
    }
  };
}
