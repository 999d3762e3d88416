/**
 * Where a build may write. A build replaces its output folder as a whole, so a wrong `--out`
 * (".", "modules", or "" from an unset CI variable) would delete the user's work. coursekit
 * marks every output folder it creates, and writes only into a folder it created, an empty
 * one, or a new one.
 */
import { lstat, readdir, rename, rm, rmdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { diagnostic } from '../diagnostics/create.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';

/** The file that says "coursekit made this folder and may replace it". */
export const OUTPUT_MARKER = '.coursekit-output';
const MARKER_TEXT = {
  build: 'This folder is written by `coursekit build`, which replaces it on every build.\nDo not keep your own files here.\n',
  handout:
    'This folder is written by `coursekit handout`, which replaces it every time it prints the handouts again.\nDo not keep your own files here.\n',
};

/** Where `coursekit handout` prints, inside the build's output folder; builds keep it. */
export const HANDOUTS_FOLDER = 'handouts';

/** Folders of the project that never hold build output, relative to the project folder. */
const PROJECT_FOLDERS = ['schemas', 'src', 'tests', '.git', 'node_modules'];

export interface OutputFolderContext {
  /** The project folder (where coursekit runs). */
  cwd: string;
  modulesDir: string;
  /** The command that writes there, for its messages (default: build). */
  command?: 'build' | 'results' | 'handout';
}

/**
 * Why `outDir` (as the user typed it) must not receive a build, or undefined when it may.
 * Refused: an empty value, the project folder or any folder above it, the modules folder and
 * anything inside it, the project's own folders, a file or link, and an existing folder with
 * content that coursekit did not create.
 */
export async function refuseOutputFolder(
  outDir: string,
  { cwd, modulesDir, command = 'build' }: OutputFolderContext,
): Promise<Diagnostic | undefined> {
  const refuse = (reason: string, hint?: string) =>
    diagnostic('output-refused', {
      message: `The output folder ${shown(outDir, cwd)} ${reason}; nothing was ${command === 'build' ? 'built' : 'written'} or deleted.`,
      ...(hint ? { hint } : {}),
    });
  if (outDir.trim() === '') {
    return refuse(
      'is empty (an unset variable in a script gives this)',
      'Give a folder such as `--out dist`, or leave `--out` out to build into dist/.',
    );
  }
  const target = path.resolve(cwd, outDir);
  const project = path.resolve(cwd);
  const modules = path.resolve(modulesDir);
  if (contains(target, project)) return refuse(target === project ? 'is the project folder' : 'holds the project folder');
  if (contains(target, modules)) return refuse(`${target === modules ? 'is' : 'holds'} the modules folder, where your content is`);
  if (contains(modules, target)) return refuse('is inside the modules folder, where your content is');
  for (const folder of PROJECT_FOLDERS) {
    if (contains(path.join(project, folder), target)) return refuse(`is the project's ${folder}/ folder or inside it`);
  }
  const info = await lstat(target).catch(() => undefined);
  if (!info) return undefined;
  if (info.isSymbolicLink()) return refuse('is a symbolic link', 'Give the real folder it points to, or a new folder.');
  if (!info.isDirectory()) return refuse('is a file: coursekit never replaces a file', 'Give a folder name instead.');
  if (await isOutputFolder(target)) return undefined;
  return refuse(
    `already exists and was not created by coursekit (it has no ${OUTPUT_MARKER} file), and ${command === 'build' ? 'a build replaces its output folder' : 'coursekit writes only into folders it created'}`,
    'Give a new folder name (coursekit creates it), or empty this folder first.',
  );
}

/**
 * An empty folder, one coursekit marked, one an earlier coursekit wrote (site/ and packages/
 * only), or one that holds nothing but handouts coursekit printed (`coursekit handout` before
 * any build).
 */
async function isOutputFolder(dir: string): Promise<boolean> {
  const entries = await readdir(dir).catch(() => undefined);
  if (!entries) return false;
  if (entries.length === 0 || entries.includes(OUTPUT_MARKER)) return true;
  if (entries.length === 1 && entries[0] === HANDOUTS_FOLDER) {
    const handouts = await readdir(path.join(dir, HANDOUTS_FOLDER), { withFileTypes: true }).catch(() => []);
    return (
      handouts.every((entry) => entry.isDirectory()) &&
      (await Promise.all(handouts.map((h) => isOutputFolder(path.join(dir, HANDOUTS_FOLDER, h.name))))).every(Boolean)
    );
  }
  const earlierLayout = entries.every((e) => e === 'site' || e === 'packages');
  return (
    earlierLayout &&
    (await lstat(path.join(dir, 'site', 'modules.json')).then(
      (s) => s.isFile(),
      () => false,
    ))
  );
}

/** Marks a folder as the output of a build, or of `coursekit handout`. */
export async function markOutputFolder(dir: string, command: 'build' | 'handout' = 'build'): Promise<void> {
  await writeFile(path.join(dir, OUTPUT_MARKER), MARKER_TEXT[command]);
}

function contains(outer: string, inner: string): boolean {
  const relative = path.relative(outer, inner);
  return relative === '' || (relative.split(path.sep)[0] !== '..' && !path.isAbsolute(relative));
}

function shown(outDir: string, cwd: string): string {
  if (outDir.trim() === '') return '""';
  const relative = path.relative(cwd, path.resolve(cwd, outDir));
  return `\`${relative === '' ? '.' : relative}\``;
}

export interface InterruptedRuns {
  /** Whose leftovers: a build's staging folders are `.dist-build-XXXXXX`, the handouts' `.<folder>-handout-XXXXXX`. */
  kind: 'build' | 'handout';
  /** Only folders last changed before this time (ms since the epoch), so that a run still going keeps its own. */
  startedBefore: number;
  /** Ids of runs known to have been killed (a build's stale lock): their staging folder is removed even unmarked, if empty. */
  interrupted?: string[];
}

/**
 * Clears what runs into `outDir` that were stopped half-way left beside it: a staging folder is
 * removed, and an earlier output moved aside is put back when the output folder is missing (the
 * run stopped between its two renames), removed otherwise. Only folders named as coursekit names
 * them and holding its marker are touched, and the empty staging folder of a run known to have
 * been killed before it could write the marker.
 */
export async function clearInterruptedRuns(outDir: string, { kind, startedBefore, interrupted = [] }: InterruptedRuns): Promise<void> {
  const parent = path.dirname(outDir);
  const base = path.basename(outDir).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pattern = new RegExp(`^\\.${base}-${kind}-[A-Za-z0-9]{6}(-previous)?$`);
  const left: { dir: string; previous: boolean; mtimeMs: number }[] = [];
  for (const name of (await readdir(parent).catch(() => [] as string[])).filter((n) => pattern.test(n))) {
    const dir = path.join(parent, name);
    const info = await lstat(dir).catch(() => undefined);
    if (!info?.isDirectory() || info.mtimeMs >= startedBefore) continue;
    const marked = await lstat(path.join(dir, OUTPUT_MARKER)).then(
      (m) => m.isFile(),
      () => false,
    );
    if (marked) left.push({ dir, previous: name.endsWith('-previous'), mtimeMs: info.mtimeMs });
    // Not recursive: a folder holding anything at all stays.
    else if (interrupted.some((id) => name.endsWith(`-${kind}-${id}`))) await rmdir(dir).catch(() => undefined);
  }
  const outputMissing = !(await lstat(outDir).then(
    () => true,
    () => false,
  ));
  const restore = outputMissing ? left.filter((l) => l.previous).sort((a, b) => b.mtimeMs - a.mtimeMs)[0] : undefined;
  if (restore) await rename(restore.dir, outDir);
  for (const { dir } of left) if (dir !== restore?.dir) await rm(dir, { recursive: true, force: true });
}
