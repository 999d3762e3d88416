/**
 * Deterministic zips: entries sorted by path, one fixed timestamp, fixed compression level,
 * so the same input gives byte-identical packages (LMS admins can tell a real change from a
 * rebuild, and CI can cache them).
 */
import { zipSync, unzipSync, type Zippable } from 'fflate';

/**
 * DOS timestamps are local time: build the date from local parts, at the moment of zipping,
 * so every time zone writes the same bytes.
 */
function fixedMtime(): Date {
  return new Date(2000, 0, 1, 0, 0, 0);
}

export type FileMap = Map<string, Uint8Array>;

export function createZip(files: FileMap): Uint8Array {
  const entries: Zippable = {};
  const mtime = fixedMtime();
  for (const name of [...files.keys()].sort(compareBytes)) {
    entries[name] = [files.get(name)!, { mtime, level: 9, os: 3, attrs: 0o100644 << 16 }];
  }
  return zipSync(entries);
}

export function readZip(bytes: Uint8Array): FileMap {
  const entries = unzipSync(bytes);
  return new Map(Object.entries(entries).filter(([name]) => !name.endsWith('/')));
}

/** Byte order, not locale order: the same on every machine. */
export function compareBytes(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
