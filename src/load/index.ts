/**
 * Stage 1, load: find the module folders and read every content file as JSON. Nothing is
 * validated here beyond "is it readable JSON"; the files keep their text for positions.
 */
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { diagnostic } from '../diagnostics/create.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { JsonFile } from '../model/json-file.js';
import { readJsonFile } from './json-file.js';

export interface LoadedModule {
  /** Absolute path of the module folder. */
  folder: string;
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
}

export interface LoadResult {
  modules: LoadedModule[];
  diagnostics: Diagnostic[];
}

export async function loadModules(options: LoadOptions): Promise<LoadResult> {
  const diagnostics: Diagnostic[] = [];
  const display = (p: string) => toDisplayPath(options.cwd, p);
  const available = await listModuleFolders(options.modulesDir);
  let selected = available;
  if (options.only && options.only.length > 0) {
    selected = [];
    for (const name of options.only) {
      if (available.includes(name)) selected.push(name);
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
  } else if (available.length === 0) {
    diagnostics.push(diagnostic('modules-none', { message: `No modules found in ${display(options.modulesDir)}/.` }));
  }

  const modules: LoadedModule[] = [];
  for (const folderName of selected) {
    const folder = path.join(options.modulesDir, folderName);
    const moduleJsonPath = path.join(folder, 'module.json');
    if (!(await isFile(moduleJsonPath))) {
      diagnostics.push(
        diagnostic('module-json-missing', { file: display(folder), message: `The folder ${display(folder)}/ has no module.json.` }),
      );
      continue;
    }
    const unreadable = new Set<string>();
    const read = async (p: string) => {
      const result = await readJsonFile(p, display(p));
      diagnostics.push(...result.diagnostics);
      if (!result.file) unreadable.add(p);
      return result.file;
    };
    const moduleFile = await read(moduleJsonPath);
    const lessonFiles = await readJsonFolder(path.join(folder, 'lessons'), read);
    const questionFiles = await readJsonFolder(path.join(folder, 'questions'), read);
    const glossaryPath = path.join(folder, 'glossary.json');
    const glossaryFile = (await isFile(glossaryPath)) ? await read(glossaryPath) : undefined;
    if (!moduleFile) continue;
    modules.push({ folder, folderName, moduleFile, lessonFiles, questionFiles, glossaryFile, displayFolder: display(folder), unreadable });
  }
  return { modules, diagnostics };
}

async function listModuleFolders(modulesDir: string): Promise<string[]> {
  try {
    const entries = await readdir(modulesDir, { withFileTypes: true });
    return entries
      .filter((e) => e.isDirectory() && !e.name.startsWith('.'))
      .map((e) => e.name)
      .sort();
  } catch {
    return [];
  }
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

async function isFile(p: string): Promise<boolean> {
  try {
    return (await stat(p)).isFile();
  } catch {
    return false;
  }
}

export function toDisplayPath(cwd: string, absolutePath: string): string {
  const relative = path.relative(cwd, absolutePath);
  const shown = relative.startsWith('..') || path.isAbsolute(relative) ? absolutePath : relative;
  return shown.split(path.sep).join('/');
}
