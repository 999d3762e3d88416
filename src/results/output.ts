/**
 * Writing the report where the user asked, without ever destroying their work. The folder is
 * checked as the build checks its own (pipeline/output-folder.ts): never the project, its
 * modules or its own folders, never a file or a link, and an existing folder only when it is
 * empty or coursekit made it. Each file is written beside its target and renamed into place,
 * so a failed write never leaves half a report.
 */
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { OUTPUT_MARKER, refuseOutputFolder } from '../pipeline/output-folder.js';
import { catalog } from '../diagnostics/catalog.js';
import { diagnostic } from '../diagnostics/create.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { pathExists } from '../fs-exists.js';
import { toDisplayPath } from '../load/index.js';

export interface OutputFile {
  name: string;
  content: string;
}

export interface OutputPlaces {
  cwd: string;
  modulesDir: string;
}

const RESULTS_HINT =
  'Give the report a new folder (coursekit creates it) or one coursekit results wrote before, e.g. --out reports/cohort-2026-11. coursekit never writes into your project, your modules or a folder of yours.';
const MARKER_TEXT =
  'This folder is written by `coursekit results`, which replaces its report on every run.\nDo not keep your own files here.\n';

/** Writes the files into `outDir` (as the user typed it); returns a diagnostic instead when that would not be safe. */
export async function writeOutput(outDir: string, files: OutputFile[], places: OutputPlaces): Promise<Diagnostic | undefined> {
  const refused = await refuseOutputFolder(outDir, { ...places, command: 'results' });
  // The catalog's hint speaks of builds; a specific hint from the check is kept as it is.
  if (refused) return refused.hint === catalog['output-refused'].hint ? { ...refused, hint: RESULTS_HINT } : refused;
  const folder = path.resolve(places.cwd, outDir);
  // A build replaces its output folder whole: a report written there would not survive the next build.
  if (await pathExists(path.join(folder, 'site', 'modules.json'))) {
    return diagnostic('output-refused', {
      message: `The output folder ${toDisplayPath(places.cwd, folder)} is a build's output, which the next build replaces; nothing was written.`,
      hint: RESULTS_HINT,
    });
  }
  try {
    await mkdir(folder, { recursive: true });
    if (!(await pathExists(path.join(folder, OUTPUT_MARKER)))) await writeFile(path.join(folder, OUTPUT_MARKER), MARKER_TEXT);
    for (const file of files) {
      const target = path.join(folder, file.name);
      const temporary = path.join(folder, `.${file.name}.${process.pid}.tmp`);
      try {
        await writeFile(temporary, file.content);
        await rename(temporary, target);
      } finally {
        await rm(temporary, { force: true });
      }
    }
  } catch (error) {
    const shown = toDisplayPath(places.cwd, folder);
    return diagnostic('output-unwritable', {
      file: shown,
      message: `cannot write the results report into ${shown}: ${(error as Error).message}`,
    });
  }
  return undefined;
}
