/**
 * Content files kept between loads, for the preview's rebuilds: a file whose size, times and
 * inode are as they were when it was read is not read, parsed or schema-checked again (the
 * validate stage keeps its results by file object). Nothing is trusted that could hide an edit:
 * a file modified shortly before it was read (file times can be as coarse as a few
 * milliseconds, or two seconds on FAT) is read again at the next load, as git does with "racy"
 * index entries.
 */
import { statSync, type BigIntStats } from 'node:fs';
import type { ReadJsonResult } from './json-file.js';

/** Longer than the coarsest file time resolution in common use (FAT: two seconds). */
const RACY_MS = 2_500;

interface CachedRead {
  identity: string;
  displayPath: string;
  /** Milliseconds since the epoch when reading began. */
  readStarted: number;
  /** The file's modification time then, in milliseconds. */
  modified: number;
  result: ReadJsonResult;
}

export class ContentFileCache {
  private readonly entries = new Map<string, CachedRead>();

  /** The earlier result for this file when it cannot have changed since, or `read`'s. */
  async read(
    absolutePath: string,
    displayPath: string,
    read: (absolutePath: string, displayPath: string) => Promise<ReadJsonResult>,
  ): Promise<ReadJsonResult> {
    const stats = statOf(absolutePath);
    const cached = this.entries.get(absolutePath);
    if (
      stats &&
      cached &&
      cached.identity === identityOf(stats) &&
      cached.displayPath === displayPath &&
      cached.modified + RACY_MS < cached.readStarted
    ) {
      return cached.result;
    }
    const readStarted = Date.now();
    const result = await read(absolutePath, displayPath);
    if (stats) {
      this.entries.set(absolutePath, { identity: identityOf(stats), displayPath, readStarted, modified: Number(stats.mtimeMs), result });
    } else {
      this.entries.delete(absolutePath);
    }
    return result;
  }

  /** Forget every file: the next load reads them all (after a schema change, say). */
  clear(): void {
    this.entries.clear();
  }
}

function statOf(absolutePath: string): BigIntStats | undefined {
  try {
    return statSync(absolutePath, { bigint: true });
  } catch {
    return undefined;
  }
}

/** What changes when a file is written in place or replaced by a rename. */
function identityOf(stats: BigIntStats): string {
  return `${stats.dev}:${stats.ino}:${stats.size}:${stats.mtimeNs}:${stats.ctimeNs}`;
}
