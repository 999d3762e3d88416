/**
 * Media paths: a module may use only files inside its own folder, so that packages work
 * offline and contain everything they show. URLs, absolute paths and ".." are refused, and so
 * is a symbolic link that leads outside the folder.
 */
import { readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { danglingLinkTarget } from '../../fs-read.js';
import { closest } from '../suggest.js';

export type Resolved =
  | { kind: 'ok'; path: string; relative: string }
  | { kind: 'missing'; suggestion?: Suggestion | undefined; linkTarget?: string | undefined }
  /** A folder, a named pipe, a device: in words. */
  | { kind: 'not-a-file'; what: string }
  | { kind: 'outside' };

/** An existing file whose path differs from the one written only in letter case, in Unicode normalisation, or in spelling. */
export interface Suggestion {
  path: string;
  differs: 'case' | 'normalization' | 'spelling';
}

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
      const linkTarget = danglingLinkTarget(path.resolve(folder, relative));
      if (linkTarget !== undefined) return { kind: 'missing', linkTarget };
      return { kind: 'missing', suggestion: await suggestPath(root, relative) };
    }
    if (!realFile.startsWith(root + path.sep)) return { kind: 'outside' };
    const info = await stat(realFile).catch(() => undefined);
    if (!info) return { kind: 'missing' };
    if (!info.isFile()) return { kind: 'not-a-file', what: info.isDirectory() ? 'a folder' : 'not a regular file' };
    // Letter case matters on the LMS's web server even where it does not on this disk.
    const relativeReal = path.relative(root, realFile).split(path.sep).join('/');
    if (relativeReal !== relative.replace(/^\.\//, '')) return { kind: 'missing', suggestion: { path: relativeReal, differs: 'case' } };
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

/**
 * Says why a path resolved to nothing, after `the image media/x.svg`: "does not exist with that
 * letter case", and a hint naming the file that does.
 */
export function explainMissing(resolved: Extract<Resolved, { kind: 'missing' }>): { problem: string; hint: string | undefined } {
  const { suggestion, linkTarget } = resolved;
  if (linkTarget !== undefined) {
    return {
      problem: `is a symbolic link to ${linkTarget}, which does not exist`,
      hint: 'Point the link at a file inside the module, or put the file itself in its place.',
    };
  }
  if (!suggestion) return { problem: 'does not exist', hint: undefined };
  switch (suggestion.differs) {
    case 'case':
      return {
        problem: 'does not exist with that letter case',
        hint: `There is ${suggestion.path}: did you mean "${suggestion.path}"? Letter case matters on LMS web servers.`,
      };
    case 'normalization':
      return {
        problem: `does not exist as written: there is ${suggestion.path}, which looks the same but is spelt with other Unicode characters (an accented letter stored as a letter plus a combining accent, as macOS names files, or the other way round)`,
        hint: 'Type the file name again in the path, or rename the file by typing its name, so that both use the same characters: LMS web servers compare names character by character.',
      };
    case 'spelling':
      return { problem: 'does not exist', hint: `There is ${suggestion.path}: did you mean "${suggestion.path}"?` };
  }
}

/** The existing file nearest to a mistyped path: the same name in another normalisation or letter case, or a close spelling. */
async function suggestPath(root: string, relative: string): Promise<Suggestion | undefined> {
  const parts = relative.replace(/^\.\//, '').split('/');
  let current = root;
  const found: string[] = [];
  const rank = { same: 0, case: 1, normalization: 2, spelling: 3 } as const;
  let differs: keyof typeof rank = 'same';
  const worse = (d: keyof typeof rank) => {
    if (rank[d] > rank[differs]) differs = d;
  };
  for (const part of parts) {
    let names: string[];
    try {
      names = await readdir(current);
    } catch {
      return undefined;
    }
    let match = names.find((n) => n === part);
    if (!match) {
      match = names.find((n) => n.normalize('NFC') === part.normalize('NFC'));
      if (match) worse('normalization');
    }
    if (!match) {
      match = names.find((n) => n.toLowerCase() === part.toLowerCase());
      if (match) worse('case');
    }
    if (!match) {
      match = closest(part, names);
      if (match) worse('spelling');
    }
    if (!match) return undefined;
    found.push(match);
    current = path.join(current, match);
  }
  return differs === 'same' ? undefined : { path: found.join('/'), differs };
}
