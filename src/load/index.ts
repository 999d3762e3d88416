/**
 * Stage 1, load: find the module folders and read every content file as JSON. Nothing is
 * validated here beyond "is it readable JSON"; the files keep their text for positions.
 */
import { lstat, readdir, readlink, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { diagnostic } from '../diagnostics/create.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { JsonFile } from '../model/json-file.js';
import type { ContentFileCache } from './file-cache.js';
import { readJsonFile } from './json-file.js';

export interface LoadedModule {
  /** Absolute path of the module folder. */
  folder: string;
  /** The folder's real path (links followed): every file read must be inside it. */
  realFolder: string;
  folderName: string;
  moduleFile: JsonFile;
  /** Every .json file in lessons/, listed or not, sorted by name. */
  lessonFiles: JsonFile[];
  /** Every .json file in questions/, sorted by name. */
  questionFiles: JsonFile[];
  glossaryFile: JsonFile | undefined;
  /** Display path of the module folder, for messages. */
  displayFolder: string;
  /** Absolute paths of files that exist but could not be read as JSON (already reported). */
  unreadable: Set<string>;
}

export interface LoadOptions {
  modulesDir: string;
  /** Module folder names to load; all when empty. */
  only?: readonly string[];
  /** Paths in messages are relative to this folder. */
  cwd: string;
  /** Files read by an earlier load, reused while they are unchanged (the preview's rebuilds). */
  cache?: ContentFileCache;
}

export interface LoadResult {
  modules: LoadedModule[];
  diagnostics: Diagnostic[];
}

export async function loadModules(options: LoadOptions): Promise<LoadResult> {
  const diagnostics: Diagnostic[] = [];
  const display = (p: string) => toDisplayPath(options.cwd, p);
  const { folders: available, brokenLinks } = await listModuleFolders(options.modulesDir);
  const brokenLink = (name: string) =>
    diagnostic('module-link-broken', {
      file: display(path.join(options.modulesDir, name)),
      message: `${display(path.join(options.modulesDir, name))} is a symbolic link to ${brokenLinks.get(name)}, so it is not a module.`,
    });
  let selected = available;
  if (options.only && options.only.length > 0) {
    selected = [];
    for (const name of options.only) {
      if (available.includes(name)) selected.push(name);
      else if (brokenLinks.has(name)) diagnostics.push(brokenLink(name));
      else
        diagnostics.push(
          diagnostic('module-not-found', {
            message: `There is no module \`${name}\` in ${display(options.modulesDir)}/.`,
            hint:
              available.length > 0
                ? `Available modules: ${available.join(', ')}.`
                : 'The modules folder is empty: `coursekit new module <id>` creates one.',
          }),
        );
    }
  } else {
    for (const name of brokenLinks.keys()) diagnostics.push(brokenLink(name));
    if (available.length === 0 && brokenLinks.size === 0)
      diagnostics.push(diagnostic('modules-none', { message: `No modules found in ${display(options.modulesDir)}/.` }));
  }

  const modules: LoadedModule[] = [];
  for (const folderName of selected) {
    const folder = path.join(options.modulesDir, folderName);
    const moduleJsonPath = path.join(folder, 'module.json');
    if (!(await isPresent(moduleJsonPath))) {
      diagnostics.push(
        diagnostic('module-json-missing', { file: display(folder), message: `The folder ${display(folder)}/ has no module.json.` }),
      );
      continue;
    }
    // A module folder may be a link (followed), but no file of the module may lead out of it.
    const realFolder = await realpath(folder);
    const unreadable = new Set<string>();
    const read = async (p: string) => {
      const readInModule = (file: string, shown: string) => readJsonFile(file, shown, realFolder);
      const result = options.cache ? await options.cache.read(p, display(p), readInModule) : await readInModule(p, display(p));
      diagnostics.push(...result.diagnostics);
      if (!result.file) unreadable.add(p);
      return result.file;
    };
    const moduleFile = await read(moduleJsonPath);
    const lessonFiles = await readJsonFolder(path.join(folder, 'lessons'), read);
    const questionFiles = await readJsonFolder(path.join(folder, 'questions'), read);
    const glossaryPath = path.join(folder, 'glossary.json');
    const glossaryFile = (await isPresent(glossaryPath)) ? await read(glossaryPath) : undefined;
    if (!moduleFile) continue;
    modules.push({
      folder,
      realFolder,
      folderName,
      moduleFile,
      lessonFiles,
      questionFiles,
      glossaryFile,
      displayFolder: display(folder),
      unreadable,
    });
  }
  return { modules, diagnostics };
}

/**
 * The module folders: folders, and links to folders (followed, as an author who links a module
 * in means it). A link to nothing, or to a file, is named with where it leads.
 */
async function listModuleFolders(modulesDir: string): Promise<{ folders: string[]; brokenLinks: Map<string, string> }> {
  const folders: string[] = [];
  const brokenLinks = new Map<string, string>();
  const entries = await readdir(modulesDir, { withFileTypes: true }).catch(() => []);
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    if (entry.isDirectory()) folders.push(entry.name);
    else if (entry.isSymbolicLink()) {
      const link = path.join(modulesDir, entry.name);
      const target = await stat(link).catch(() => undefined);
      if (target?.isDirectory()) folders.push(entry.name);
      else {
        const to = await readlink(link).catch(() => '?');
        brokenLinks.set(entry.name, target ? `${to}, which is a file, not a folder` : `${to}, which does not exist`);
      }
    }
  }
  return { folders: folders.sort(), brokenLinks };
}

async function readJsonFolder(folder: string, read: (p: string) => Promise<JsonFile | undefined>): Promise<JsonFile[]> {
  let names: string[];
  try {
    names = (await readdir(folder)).filter((n) => n.endsWith('.json')).sort();
  } catch {
    return [];
  }
  const files = await Promise.all(names.map((n) => read(path.join(folder, n))));
  return files.filter((f): f is JsonFile => f !== undefined);
}

/** Anything at the path, even a link to nothing or a pipe: reading it says what is wrong. */
async function isPresent(p: string): Promise<boolean> {
  return lstat(p).then(
    () => true,
    () => false,
  );
}

export function toDisplayPath(cwd: string, absolutePath: string): string {
  const relative = path.relative(cwd, absolutePath);
  const shown = relative.startsWith('..') || path.isAbsolute(relative) ? absolutePath : relative;
  return shown.split(path.sep).join('/');
}
