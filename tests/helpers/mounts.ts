/**
 * Real read-only and full file systems for tests: a small tmpfs, remounted read-only or left to
 * fill up, and read-only bind mounts. Tests run as root in CI, where permissions do not stop a
 * write, so only a mount makes a folder truly read-only. Mounting needs root with
 * CAP_SYS_ADMIN; where it is refused the functions return false and the test says why it skips.
 */
import { execFileSync } from 'node:child_process';

export const CANNOT_MOUNT = 'mounting a file system needs root with CAP_SYS_ADMIN, which this run does not have';

function mount(args: string[]): boolean {
  try {
    execFileSync('mount', args, { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** An empty tmpfs of `kilobytes` at `dir` (an existing, empty folder). */
export function mountTmpfs(dir: string, kilobytes: number): boolean {
  return mount(['-t', 'tmpfs', '-o', `size=${kilobytes}k`, 'tmpfs', dir]);
}

/** Makes the file system mounted at `dir` read-only. */
export function remountReadOnly(dir: string): boolean {
  return mount(['-o', 'remount,ro', dir]);
}

/** Makes the folder `dir` read-only by mounting it over itself, read-only. */
export function bindReadOnly(dir: string): boolean {
  if (!mount(['--bind', dir, dir])) return false;
  if (mount(['-o', 'remount,bind,ro', dir])) return true;
  unmount(dir);
  return false;
}

export function unmount(dir: string): void {
  try {
    execFileSync('umount', [dir], { stdio: 'ignore' });
  } catch {
    // Not mounted.
  }
}
