/**
 * Reading a file coursekit did not write (content, a source text, a translation, the file a
 * diagnostic points into). Everything in it is untrusted, and so is the file itself: it is read
 * only if it is a regular file (a named pipe would hang the read, /dev/zero would never end),
 * only up to the size the caller allows (checked on the opened descriptor, then a bounded read,
 * since a /proc file says it is empty), and, when a folder is given, only if its real path,
 * links followed, is inside that folder.
 */
import { closeSync, constants, fstatSync, lstatSync, openSync, readlinkSync, readSync, realpathSync, type Stats } from 'node:fs';
import path from 'node:path';

export type ReadProblem =
  /** `linkTarget`: the path is a symbolic link to something that does not exist. */
  | { kind: 'missing'; linkTarget?: string | undefined }
  /** Its real path is outside the folder it had to be in. */
  | { kind: 'outside' }
  /** A folder, a named pipe, a device or a socket, in words ("a named pipe (FIFO)"). */
  | { kind: 'not-a-file'; what: string }
  /** `bytes` is undefined when the file said it was smaller than it turned out to be. */
  | { kind: 'too-large'; bytes: number | undefined }
  | { kind: 'unreadable'; error: NodeJS.ErrnoException };

export type ReadFileResult = { ok: true; bytes: Buffer } | ({ ok: false } & ReadProblem);

export interface ReadLimits {
  maxBytes: number;
  /** The real path (realpath) of the folder the file must be inside. */
  within?: string | undefined;
}

/**
 * Reads a file within limits. Synchronous on purpose: content files are small, and a thousand
 * of them read four times faster this way than through promise-based file handles.
 */
export function readBoundedFile(file: string, limits: ReadLimits): ReadFileResult {
  return withRegularFile(file, limits.within, (fd, size) => {
    if (size > limits.maxBytes) return { ok: false, kind: 'too-large', bytes: size };
    let buffer = Buffer.allocUnsafe(size + 1);
    let length = 0;
    for (;;) {
      if (length === buffer.length) {
        if (length > limits.maxBytes) return { ok: false, kind: 'too-large', bytes: undefined };
        const grown = Buffer.allocUnsafe(Math.min(Math.max(buffer.length * 2, 64 * 1024), limits.maxBytes + 1));
        buffer.copy(grown, 0, 0, length);
        buffer = grown;
      }
      const read = readSync(fd, buffer, length, buffer.length - length, null);
      if (read === 0) break;
      length += read;
    }
    return { ok: true, bytes: buffer.subarray(0, length) };
  });
}

/** The first `bytes` bytes of a regular file (fewer when it is shorter), whatever its size: to tell its format. */
export function readFileStart(file: string, bytes: number, within?: string): ReadFileResult {
  return withRegularFile(file, within, (fd) => {
    const buffer = Buffer.alloc(bytes);
    let length = 0;
    while (length < bytes) {
      const read = readSync(fd, buffer, length, bytes - length, null);
      if (read === 0) break;
      length += read;
    }
    return { ok: true, bytes: buffer.subarray(0, length) };
  });
}

/** Opens the file if it is (within `within`, and) a regular file, and hands the descriptor and size to `use`. */
function withRegularFile(file: string, within: string | undefined, use: (fd: number, size: number) => ReadFileResult): ReadFileResult {
  let target = file;
  let flags = constants.O_RDONLY | constants.O_NONBLOCK;
  try {
    if (within !== undefined) {
      target = realpathSync.native(file);
      if (!isInside(within, target)) return { ok: false, kind: 'outside' };
      // The checked path has no link left in it: one appearing meanwhile is not followed.
      flags |= constants.O_NOFOLLOW;
    }
  } catch (error) {
    return failure(file, error);
  }
  let fd: number;
  try {
    fd = openSync(target, flags);
  } catch (error) {
    return failure(file, error);
  }
  try {
    const info = fstatSync(fd);
    if (!info.isFile()) return { ok: false, kind: 'not-a-file', what: describeKind(info) };
    return use(fd, info.size);
  } catch (error) {
    return failure(file, error);
  } finally {
    closeSync(fd);
  }
}

/** Whether `inner` is `outer` or below it (both absolute, real paths). */
export function isInside(outer: string, inner: string): boolean {
  const relative = path.relative(outer, inner);
  return relative === '' || (relative.split(path.sep)[0] !== '..' && !path.isAbsolute(relative));
}

function failure(file: string, error: unknown): ReadFileResult {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return { ok: false, kind: 'missing', linkTarget: danglingLinkTarget(file) };
  if (code === 'ELOOP') return { ok: false, kind: 'not-a-file', what: 'a symbolic link that leads back to itself' };
  return { ok: false, kind: 'unreadable', error: error as NodeJS.ErrnoException };
}

/** What a symbolic link at `file` points to, when it points to nothing. */
export function danglingLinkTarget(file: string): string | undefined {
  try {
    return lstatSync(file).isSymbolicLink() ? readlinkSync(file) : undefined;
  } catch {
    return undefined;
  }
}

function describeKind(info: Stats): string {
  if (info.isDirectory()) return 'a folder';
  if (info.isFIFO()) return 'a named pipe (FIFO)';
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'a device';
  if (info.isSocket()) return 'a socket';
  return 'not a regular file';
}
