/**
 * Writing the handouts where the user asked, never over their work: the folder is checked as
 * a build checks its own (pipeline/output-folder.ts), the handouts are written beside it and
 * swapped in whole, so a run that fails half-way leaves the previous handouts as they were and
 * a run without PDFs leaves none of an earlier run's behind. A list of what was written, with
 * each file's hash, stays in the folder: a facilitator who filled in the results sheet there, or
 * put a file of their own in it, is told so and nothing is replaced.
 */
import { createHash } from 'node:crypto';
import { chmod, mkdir, mkdtemp, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { diagnostic } from '../diagnostics/create.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { pathExists } from '../fs-exists.js';
import { toDisplayPath } from '../load/index.js';
import { clearInterruptedRuns, markOutputFolder, OUTPUT_MARKER, refuseOutputFolder } from '../pipeline/output-folder.js';
import type { HandoutFile } from './index.js';

export interface OutputPlaces {
  cwd: string;
  modulesDir: string;
}

const HANDOUT_HINT =
  'Give the handouts a new folder (coursekit creates it) or one coursekit handout wrote before, e.g. --out handouts/november. coursekit never writes into your project, your modules or a folder of yours.';

/** Why the handouts must not go to `outDir` (as the user typed it), or undefined when they may. */
export async function refuseHandoutFolder(outDir: string, places: OutputPlaces): Promise<Diagnostic | undefined> {
  const refused = await refuseOutputFolder(outDir, { ...places, command: 'handout' });
  if (refused) return refused;
  const folder = path.resolve(places.cwd, outDir);
  // Replacing a build's output whole would delete the build.
  if (await pathExists(path.join(folder, 'site', 'modules.json'))) {
    return diagnostic('output-refused', {
      message: `The output folder ${toDisplayPath(places.cwd, folder)} is a build's output; nothing was written or deleted.`,
      hint: HANDOUT_HINT,
    });
  }
  return undefined;
}

/**
 * Writes the files into a new folder beside `outDir`, lets `finish` add to it (the PDFs), then
 * puts it in place of `outDir`. Call refuseHandoutFolder first.
 */
export async function writeHandoutFolder(
  outDir: string,
  files: HandoutFile[],
  places: OutputPlaces,
  finish: (folder: string) => Promise<void>,
): Promise<Diagnostic | undefined> {
  const target = path.resolve(places.cwd, outDir);
  await clearInterruptedRuns(target, { kind: 'handout', startedBefore: Date.now() - INTERRUPTED_AFTER_MS });
  const changed = await changedSinceWritten(target);
  if (changed.length > 0) {
    const shown = toDisplayPath(places.cwd, target);
    const named = changed.slice(0, 5).join(', ') + (changed.length > 5 ? `, and ${changed.length - 5} more` : '');
    return diagnostic('handout-folder-changed', {
      file: shown,
      message: `${shown} holds files changed or added since coursekit wrote the handouts (${named}); nothing was written or deleted.`,
    });
  }
  await mkdir(path.dirname(target), { recursive: true });
  const staging = await mkdtemp(path.join(path.dirname(target), `.${path.basename(target)}-handout-`));
  try {
    await chmod(staging, 0o755);
    // Marked first, so that a run killed while writing leaves a folder the next one can tell is coursekit's.
    await markOutputFolder(staging, 'handout');
    for (const file of files) {
      const at = path.join(staging, file.name);
      await mkdir(path.dirname(at), { recursive: true });
      await writeFile(at, file.content);
    }
    await finish(staging);
    await writeFile(path.join(staging, WRITTEN_LIST), `${JSON.stringify(await hashes(staging), null, 1)}\n`);
    const previous = `${staging}-previous`;
    const hadTarget = await pathExists(target);
    if (hadTarget) await rename(target, previous);
    await rename(staging, target);
    if (hadTarget) await rm(previous, { recursive: true, force: true });
    return undefined;
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    const shown = toDisplayPath(places.cwd, target);
    return diagnostic('output-unwritable', {
      file: shown,
      message: `cannot write the handouts into ${shown}: ${(error as Error).message}`,
    });
  }
}

/** The files a run wrote into the handouts folder, with their SHA-256: how the next run tells what changed. */
const WRITTEN_LIST = '.coursekit-files.json';

async function hashes(folder: string): Promise<Record<string, string>> {
  const result: Record<string, string> = {};
  for (const file of await filesIn(folder)) {
    if (file === OUTPUT_MARKER || file === WRITTEN_LIST) continue;
    result[file] = createHash('sha256')
      .update(await readFile(path.join(folder, file)))
      .digest('hex');
  }
  return result;
}

/** Paths inside `folder`, with "/" between folders, sorted. */
async function filesIn(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(folder, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort();
}

/**
 * Files in an earlier run's handouts folder that are not as it wrote them: changed, or added.
 * A folder without the list (none yet, or written before coursekit kept one) has none known.
 */
async function changedSinceWritten(target: string): Promise<string[]> {
  const listed = await readFile(path.join(target, WRITTEN_LIST), 'utf8').then(
    (text) => {
      try {
        const data = JSON.parse(text) as unknown;
        return data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : undefined;
      } catch {
        return undefined;
      }
    },
    () => undefined,
  );
  if (!listed) return [];
  const now = await hashes(target);
  return Object.keys(now).filter((file) => listed[file] !== now[file]);
}

/** A run in progress has written for no longer than this; an older staging folder was left by a run that was stopped. */
const INTERRUPTED_AFTER_MS = 10 * 60_000;
