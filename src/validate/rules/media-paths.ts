/**
 * Media paths: a module may use only files inside its own folder, so that packages work
 * offline and contain everything they show. URLs, absolute paths and ".." are refused, and so
 * is a symbolic link that leads outside the folder.
 */
import { readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { closest } from '../suggest.js';

export type Resolved =
  | { kind: 'ok'; path: string; relative: string }
  | { kind: 'missing'; suggestion?: string | undefined }
  | { kind: 'outside' };

export interface MediaResolver {
  resolve(relative: string): Promise<Resolved>;
}

/**
 * Resolves module-relative paths, refusing anything that ends up outside the module folder
 * (also through a symbolic link). Lessons share images, so each path is resolved once.
 */
export function createMediaResolver(folder: string): MediaResolver {
  const cache = new Map<string, Promise<Resolved>>();
  let realFolder: Promise<string> | undefined;
  const resolve = async (relative: string): Promise<Resolved> => {
    if (/^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(relative) || path.isAbsolute(relative) || relative.split(/[\\/]/).includes('..')) {
      return { kind: 'outside' };
    }
    realFolder ??= realpath(folder);
    const root = await realFolder;
    let realFile: string;
    try {
      realFile = await realpath(path.resolve(folder, relative));
    } catch {
      return { kind: 'missing', suggestion: await suggestPath(root, relative) };
    }
    if (!realFile.startsWith(root + path.sep)) return { kind: 'outside' };
    try {
      if (!(await stat(realFile)).isFile()) return { kind: 'missing' };
    } catch {
      return { kind: 'missing' };
    }
    // Letter case matters on the LMS's web server even where it does not on this disk.
    const relativeReal = path.relative(root, realFile).split(path.sep).join('/');
    if (relativeReal !== relative.replace(/^\.\//, '')) return { kind: 'missing', suggestion: relativeReal };
    return { kind: 'ok', path: realFile, relative: relativeReal };
  };
  return {
    resolve(relative: string): Promise<Resolved> {
      let result = cache.get(relative);
      if (!result) {
        result = resolve(relative);
        cache.set(relative, result);
      }
      return result;
    },
  };
}

/** The existing file nearest to a mistyped path: same letters in another case, or a close spelling. */
async function suggestPath(root: string, relative: string): Promise<string | undefined> {
  const parts = relative.replace(/^\.\//, '').split('/');
  let current = root;
  const found: string[] = [];
  for (const part of parts) {
    let names: string[];
    try {
      names = await readdir(current);
    } catch {
      return undefined;
    }
    const match = names.find((n) => n === part) ?? names.find((n) => n.toLowerCase() === part.toLowerCase()) ?? closest(part, names);
    if (!match) return undefined;
    found.push(match);
    current = path.join(current, match);
  }
  return found.join('/');
}
