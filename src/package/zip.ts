/**
 * Deterministic zips: entries sorted by path, one fixed timestamp, fixed compression, so the
 * same input gives byte-identical packages (LMS admins can tell a real change from a rebuild).
 * Written by hand around fflate's deflate so that files shared by the three packages of a
 * module are compressed once, not three times.
 */
import { crc32 } from 'node:zlib';
import { deflateSync, unzipSync } from 'fflate';
import type { FileMap } from '../model/files.js';

export interface ZipEntry {
  name: string;
  crc: number;
  size: number;
  method: 0 | 8;
  /** Stored or deflated bytes, as they go into the zip. */
  data: Uint8Array;
}

/** 2000-01-01 00:00:00 as a DOS date and time: fixed numbers, the same in every time zone. */
const DOS_TIME = 0;
const DOS_DATE = ((2000 - 1980) << 9) | (1 << 5) | 1;
const UTF8_NAMES = 0x0800;
const REGULAR_FILE_644 = (0o100644 << 16) >>> 0;

/**
 * The classic zip format counts entries in 16 bits and sizes and offsets in 32. Past these an
 * archive needs ZIP64, which not every LMS reads, so coursekit refuses rather than write one.
 */
export const ZIP_LIMITS = { entries: 0xffff, bytes: 0xffffffff } as const;

/** Thrown by writeZip instead of writing a zip whose counts or offsets would wrap. */
export class ZipLimitError extends Error {
  override name = 'ZipLimitError';
}

/** Why these files cannot go into one zip, or undefined when they can. */
export function zipLimitProblem(files: FileMap): string | undefined {
  if (files.size > ZIP_LIMITS.entries) {
    return `it would hold ${files.size.toLocaleString('en')} files; a zip file holds at most ${ZIP_LIMITS.entries.toLocaleString('en')}`;
  }
  let bytes = 0;
  for (const content of files.values()) bytes += content.length;
  if (bytes > ZIP_LIMITS.bytes) return `its files add up to ${(bytes / 2 ** 30).toFixed(1)} GB; a zip file holds at most 4 GB`;
  return undefined;
}

/** Part of what makes zips reproducible: every deflate, on any thread, uses these options. */
export const DEFLATE_OPTIONS = { level: 9 } as const;

/** A file's bytes compressed ahead of time (see pipeline/site-output.ts), with what identifies them. */
export interface Deflated {
  crc: number;
  size: number;
  deflated: Uint8Array;
}

/**
 * The zip entry for a file. Bytes compressed ahead of time are used only when they are
 * provably of this very content (same length and CRC-32); otherwise they are compressed here.
 */
export function prepareEntry(name: string, bytes: Uint8Array, ahead?: Deflated): ZipEntry {
  const crc = crc32(bytes) >>> 0;
  const { deflated } = ahead && ahead.size === bytes.length && ahead.crc === crc ? ahead : deflateFile(bytes, crc);
  const stored = deflated.length >= bytes.length;
  return { name, crc, size: bytes.length, method: stored ? 0 : 8, data: stored ? bytes : deflated };
}

function deflateFile(bytes: Uint8Array, crc = crc32(bytes) >>> 0): Deflated {
  return { crc, size: bytes.length, deflated: deflateSync(bytes, DEFLATE_OPTIONS) };
}

export function createZip(files: FileMap): Uint8Array {
  return writeZip([...files].map(([name, bytes]) => prepareEntry(name, bytes)));
}

/** Writes entries in byte order of their names. */
export function writeZip(entries: readonly ZipEntry[]): Uint8Array {
  if (entries.length > ZIP_LIMITS.entries)
    throw new ZipLimitError(`${entries.length} entries; a zip file holds at most ${ZIP_LIMITS.entries}`);
  const sorted = [...entries].sort((a, b) => compareBytes(a.name, b.name));
  const encoder = new TextEncoder();
  const chunks: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const entry of sorted) {
    const name = encoder.encode(entry.name);
    const local = new DataView(new ArrayBuffer(30));
    local.setUint32(0, 0x04034b50, true);
    setEntryFields(local, 4, entry, name.length);
    chunks.push(new Uint8Array(local.buffer), name, entry.data);

    const record = new DataView(new ArrayBuffer(46));
    record.setUint32(0, 0x02014b50, true);
    record.setUint16(4, (3 << 8) | 20, true); // made by Unix, zip 2.0
    setEntryFields(record, 6, entry, name.length);
    record.setUint32(38, REGULAR_FILE_644, true);
    record.setUint32(42, offset, true);
    central.push(new Uint8Array(record.buffer), name);
    offset += 30 + name.length + entry.data.length;
    if (offset > ZIP_LIMITS.bytes || entry.size > ZIP_LIMITS.bytes)
      throw new ZipLimitError('more than 4 GB; a zip file holds at most 4 GB');
  }
  const centralSize = central.reduce((n, c) => n + c.length, 0);
  if (offset + centralSize > ZIP_LIMITS.bytes) throw new ZipLimitError('more than 4 GB; a zip file holds at most 4 GB');
  const end = new DataView(new ArrayBuffer(22));
  end.setUint32(0, 0x06054b50, true);
  end.setUint16(8, sorted.length, true);
  end.setUint16(10, sorted.length, true);
  end.setUint32(12, centralSize, true);
  end.setUint32(16, offset, true);
  const all = [...chunks, ...central, new Uint8Array(end.buffer)];
  const out = new Uint8Array(all.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of all) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/**
 * The fields a local file header and its central directory record share, in the same order:
 * version needed, flags, method, time, date, CRC-32, sizes, name length, extra length (0).
 */
function setEntryFields(view: DataView, at: number, entry: ZipEntry, nameLength: number): void {
  view.setUint16(at, 20, true);
  view.setUint16(at + 2, UTF8_NAMES, true);
  view.setUint16(at + 4, entry.method, true);
  view.setUint16(at + 6, DOS_TIME, true);
  view.setUint16(at + 8, DOS_DATE, true);
  view.setUint32(at + 10, entry.crc, true);
  view.setUint32(at + 14, entry.data.length, true);
  view.setUint32(at + 18, entry.size, true);
  view.setUint16(at + 22, nameLength, true);
  view.setUint16(at + 24, 0, true);
}

export function readZip(bytes: Uint8Array): FileMap {
  const entries = unzipSync(bytes);
  return new Map(Object.entries(entries).filter(([name]) => !name.endsWith('/')));
}

/** Byte order, not locale order: the same on every machine. */
export function compareBytes(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
