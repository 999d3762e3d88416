/**
 * One build at a time per output folder. Two builds of different modules into the same dist/
 * each read the site index, render it with their module, and swap it in: the second would drop
 * the first's module. So a build takes a lock file beside the output folder (its process id,
 * host and a token) for as long as it writes there; another build waits for it. A lock whose
 * process is gone (a build that was killed) is taken over.
 *
 * Holding the lock, a build also clears what interrupted builds left beside the output folder
 * (output-folder.ts `clearInterruptedRuns`); the ids of the stale locks it took over tell it
 * which unmarked staging folders were a killed build's own.
 */
import { randomUUID } from 'node:crypto';
import { link, lstat, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

interface LockHolder {
  pid: number;
  host: string;
  token: string;
  /** When the holder took the lock (ms since the epoch). */
  since: number;
}

export interface OutputLock {
  release(): Promise<void>;
  /**
   * Six letters and digits from the lock's token: the build names its staging folder with them
   * (`.dist-build-XXXXXX`), so the folder is provably coursekit's from the moment it exists,
   * before its marker is written.
   */
  id: string;
  /** The ids of stale locks this build took over: builds that were killed while holding the lock. */
  interrupted: string[];
}

export type LockResult = { lock: OutputLock } | { busy: LockHolder | undefined };

export interface LockOptions {
  /** Called once when another build holds the lock and this one starts waiting. */
  onWait?: (holder: LockHolder | undefined) => void;
  /** How long to wait for another build before giving up. */
  timeoutMs: number;
}

/** The lock file of an output folder: beside it, since the folder itself is replaced. */
export function lockPath(outDir: string): string {
  return path.join(path.dirname(outDir), `.${path.basename(outDir)}-build.lock`);
}

export async function lockOutputFolder(outDir: string, { onWait, timeoutMs }: LockOptions): Promise<LockResult> {
  const file = lockPath(outDir);
  const mine: LockHolder = { pid: process.pid, host: os.hostname(), token: randomUUID(), since: Date.now() };
  const text = `${JSON.stringify(mine)}\n`;
  const giveUpAt = Date.now() + timeoutMs;
  let waited = false;
  const interrupted: string[] = [];
  for (;;) {
    try {
      await writeFile(file, text, { flag: 'wx' });
      return { lock: { release: () => releaseLock(file, mine.token), id: stagingId(mine.token), interrupted } };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const held = await readFile(file, 'utf8').catch(() => undefined);
    if (held === undefined) continue; // released meanwhile
    const holder = parseHolder(held);
    if (await isStale(file, holder)) {
      await takeOver(file, held);
      if (holder) interrupted.push(stagingId(holder.token));
      continue;
    }
    if (Date.now() >= giveUpAt) return { busy: holder };
    if (!waited) onWait?.(holder);
    waited = true;
    await sleep(150);
  }
}

function stagingId(token: string): string {
  return token
    .replace(/[^A-Za-z0-9]/g, '')
    .slice(0, 6)
    .padEnd(6, '0');
}

async function releaseLock(file: string, token: string): Promise<void> {
  const held = await readFile(file, 'utf8').catch(() => undefined);
  if (held !== undefined && parseHolder(held)?.token === token) await unlink(file).catch(() => undefined);
}

function parseHolder(text: string): LockHolder | undefined {
  try {
    const data = JSON.parse(text) as Partial<LockHolder>;
    if (typeof data.pid === 'number' && typeof data.host === 'string' && typeof data.token === 'string' && typeof data.since === 'number')
      return data as LockHolder;
  } catch {
    // Being written, or not ours: judged by its age below.
  }
  return undefined;
}

/** A lock is stale when its process is gone; one that cannot be read, when it is older than a minute. */
async function isStale(file: string, holder: LockHolder | undefined): Promise<boolean> {
  if (!holder) {
    const info = await lstat(file).catch(() => undefined);
    return info !== undefined && Date.now() - info.mtimeMs > 60_000;
  }
  // Another machine's process cannot be asked; that lock waits, and the wait has a limit.
  if (holder.host !== os.hostname()) return false;
  if (holder.pid === process.pid) return false;
  try {
    process.kill(holder.pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

/**
 * Removes a stale lock. It is first moved aside, which only one build can do; if what was moved
 * is not the lock judged stale (another build took over meanwhile), it is put back.
 */
async function takeOver(file: string, staleText: string): Promise<void> {
  const aside = `${file}.${randomUUID()}`;
  try {
    await rename(file, aside);
  } catch {
    return; // someone else moved it
  }
  const moved = await readFile(aside, 'utf8').catch(() => undefined);
  if (moved !== staleText) await link(aside, file).catch(() => undefined);
  await unlink(aside).catch(() => undefined);
}
