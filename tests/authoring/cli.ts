/** Runs the real CLI entry (`main(argv, io)`) with captured output, over temporary copies of fixtures. */
import { createHash } from 'node:crypto';
import { cp, mkdtemp, readdir, readFile, lstat, readlink } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { main, type CliIo } from '../../src/cli/main.js';
import { fixturesDir } from '../helpers/projects.js';

export const brokenDir = path.join(fixturesDir, 'broken');

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runCli(argv: string[], cwd: string, options: { color?: boolean } = {}): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    cwd,
    stdout: (t) => {
      stdout += t;
    },
    stderr: (t) => {
      stderr += t;
    },
    color: options.color ?? false,
    interactive: false,
  };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}

/** A fresh folder with `_base/modules`, and the case's own files copied over it. */
export async function copyBrokenCase(name: string): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), `coursekit-broken-${name}-`));
  await cp(path.join(brokenDir, '_base', 'modules'), path.join(dir, 'modules'), { recursive: true });
  const own = path.join(brokenDir, name, 'modules');
  try {
    await cp(own, path.join(dir, 'modules'), { recursive: true, force: true });
  } catch (error) {
    if ((error as { code?: string }).code !== 'ENOENT') throw error;
  }
  return dir;
}

/** Every file under `dir` with a hash of its bytes (links as their target, pipes unread), for "left exactly as it was". */
export async function hashTree(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const walk = async (current: string) => {
    for (const entry of (await readdir(current)).sort()) {
      const full = path.join(current, entry);
      const info = await lstat(full);
      const key = path.relative(dir, full).split(path.sep).join('/');
      if (info.isSymbolicLink()) out[key] = `link:${await readlink(full)}`;
      else if (info.isDirectory()) {
        out[`${key}/`] = 'dir';
        await walk(full);
      } else if (!info.isFile()) out[key] = 'special';
      else
        out[key] = createHash('sha256')
          .update(await readFile(full))
          .digest('hex');
    }
  };
  await walk(dir);
  return out;
}

/** A stack trace line ("    at fn (file.js:1:2)") or coursekit's internal-error text. */
export const CRASH = /^\s+at .+[:(].*\d+:\d+\)?$|internal error|Error: /m;
