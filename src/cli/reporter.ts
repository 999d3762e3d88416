/**
 * Progress lines while building: each module and target as it is packaged, in a terminal only.
 * Waiting for another build is said everywhere: a silent wait in CI would look like a hang.
 */
import path from 'node:path';
import type { BuildEvent } from '../pipeline/index.js';
import { formatBytes } from '../load/json-file.js';
import type { CliIo } from './context.js';

export function createConsoleReporter(io: CliIo, outDir: string): (event: BuildEvent) => void {
  return (event) => {
    if (!io.interactive && event.kind !== 'waiting') return;
    switch (event.kind) {
      case 'waiting':
        io.stderr(`  waiting for another build${event.pid === undefined ? '' : ` (process ${event.pid})`} to finish writing ${outDir}/\n`);
        break;
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
