/**
 * Writing the report where the user asked, without ever destroying their work: a folder that
 * would put the report among their own files (the project, the home folder, modules/, the
 * build output that every build replaces) is refused, and an existing file is replaced only
 * when it is a report coursekit wrote. Each file is written beside its target and renamed into
 * place, so a failed write never leaves half a report.
 */
import { lstat, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { diagnostic } from '../diagnostics/create.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { toDisplayPath } from '../load/index.js';

export interface OutputFile {
  name: string;
  content: string;
  /** Recognises an earlier version of this file written by coursekit. */
  isOurs(existing: string): boolean;
}

export interface OutputPlaces {
  cwd: string;
  modulesDir: string;
  /** The build's output folder, replaced by every build. */
  buildDir: string;
}

const within = (parent: string, child: string) => {
  const relative = path.relative(parent, child);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
};

/** Why `outDir` must not receive a report, or undefined when it may. */
export function refusedOutDir(outDir: string, places: OutputPlaces): string | undefined {
  const out = path.resolve(outDir);
  if (out === path.parse(out).root) return 'it is the root of the file system';
  if (out === os.homedir()) return 'it is your home folder';
  if (within(out, places.cwd)) return 'it is the project folder itself (or a folder above it)';
  if (within(places.modulesDir, out)) return 'it is inside the modules folder, which coursekit never writes into';
  if (within(places.buildDir, out)) return 'it is inside the build output, which every build replaces';
  return undefined;
}

/** Writes the files into `outDir`; returns a diagnostic instead when that would not be safe. */
export async function writeOutput(outDir: string, files: OutputFile[], places: OutputPlaces): Promise<Diagnostic | undefined> {
  const shown = toDisplayPath(places.cwd, outDir) || '.';
  const refuse = (reason: string, hint = 'Choose a folder of its own for the report, e.g. --out reports/cohort-2026-11.') =>
    diagnostic('output-unwritable', { file: shown, message: `will not write the results report into ${shown}: ${reason}.`, hint });
  const refusal = refusedOutDir(outDir, places);
  if (refusal) return refuse(refusal);
  const folder = await lstat(outDir).catch(() => undefined);
  if (folder && !folder.isDirectory()) return refuse('it is a file, not a folder');
  for (const file of files) {
    const target = path.join(outDir, file.name);
    const existing = await lstat(target).catch(() => undefined);
    if (!existing) continue;
    const shownFile = toDisplayPath(places.cwd, target);
    if (!existing.isFile()) return refuse(`${shownFile} exists and is not a plain file`);
    const content = await readFile(target, 'utf8').catch(() => '');
    if (!file.isOurs(content)) return refuse(`${shownFile} exists and was not written by coursekit results`, 'coursekit replaces only its own reports. Move that file away, or choose another folder.');
  }
  try {
    await mkdir(outDir, { recursive: true });
    for (const file of files) {
      const target = path.join(outDir, file.name);
      const temporary = path.join(outDir, `.${file.name}.${process.pid}.tmp`);
      try {
        await writeFile(temporary, file.content);
        await rename(temporary, target);
      } finally {
        await rm(temporary, { force: true });
      }
    }
  } catch (error) {
    return diagnostic('output-unwritable', { file: shown, message: `cannot write the results report into ${shown}: ${(error as Error).message}` });
  }
  return undefined;
}
