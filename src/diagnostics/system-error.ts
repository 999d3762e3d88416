/**
 * What the operating system refused, in words an author understands. A full disk or a
 * read-only folder is not a bug in coursekit, and a message that says so sends the author to
 * the wrong place: these name the system's reason and its code (for searching the web), and
 * say what to do.
 */

const REASONS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'the operation is not permitted',
  EROFS: 'the file system is read-only',
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  ENOENT: 'no such file or folder',
  ENOTDIR: 'a part of the path is a file, not a folder',
  EISDIR: 'it is a folder, not a file',
  EEXIST: 'something already exists there',
  ENOTEMPTY: 'the folder is not empty',
  EBUSY: 'it is in use',
  EIO: 'an input/output error (a failing disk or a lost network drive)',
  EMFILE: 'too many files are open',
  ENFILE: 'too many files are open',
  ENAMETOOLONG: 'the path is too long',
  ELOOP: 'too many symbolic links',
  EXDEV: 'it is on another disk',
  EINVAL: 'the system does not allow it there',
};

const HINTS: Record<string, string> = {
  ENOSPC: 'Free some space on that disk, then try again.',
  EDQUOT: 'Free some of your space on that disk, or ask for a larger quota, then try again.',
  EROFS: 'That folder is on a read-only disk or mount: use a writable folder, or make the disk writable.',
  EACCES: 'Check that you may write to that folder (its owner and permissions), or use another folder.',
  EPERM: 'Check that you may write to that folder (its owner and permissions), or use another folder.',
  EXDEV:
    'A file cannot be moved from one disk or mount to another: the folder, or a folder in it, is mounted separately (a container volume, for example). Use a folder that is not a mount point.',
};

/** An error from Node's file system calls: it has an errno code such as ENOSPC. */
export function isSystemError(error: unknown): error is NodeJS.ErrnoException & { code: string } {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return typeof code === 'string' && /^E[A-Z0-9]+$/.test(code);
}

/** "the disk is full (ENOSPC)". */
export function describeSystemError(error: unknown): string {
  if (!isSystemError(error)) return (error as Error | undefined)?.message ?? String(error);
  const reason = REASONS[error.code];
  return reason ? `${reason} (${error.code})` : error.message;
}

/** The path the system refused (the destination of a rename), when the error names one. */
export function systemErrorPath(error: unknown): string | undefined {
  const e = error as { dest?: unknown; path?: unknown };
  if (typeof e.dest === 'string') return e.dest;
  return typeof e.path === 'string' ? e.path : undefined;
}

/** What to do about a refused write, when there is more to say than the catalog's hint. */
export function systemErrorHint(error: unknown): string | undefined {
  return isSystemError(error) ? HINTS[error.code] : undefined;
}
