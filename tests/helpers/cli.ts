/** Runs the real CLI entry in-process with captured output. */
import { main, type CliIo } from '../../src/cli/main.js';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runCli(argv: string[], cwd: string, overrides: Partial<CliIo> = {}): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    cwd,
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    color: false,
    interactive: false,
    ...overrides,
  };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}
