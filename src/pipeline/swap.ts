/**
 * Putting a finished build in place. Every change to the output folder is a rename, recorded as
 * it is made; when one is refused (a read-only folder, a full disk, a folder in use), those made
 * are undone in reverse, so a failed build leaves the output folder exactly as it was. What the
 * renames replaced is deleted only once all of them succeeded.
 */
import { mkdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { pathExists } from '../fs-exists.js';
import type { CourseModule } from '../model/course.js';
import { packageFileName, type PackageTarget } from '../package/index.js';
import { markOutputFolder } from './output-folder.js';

/** The output folder could not be put back as it was after a refused change: the paths still out of place. */
export class SwapUndoError extends Error {
  constructor(
    readonly refused: unknown,
    readonly misplaced: string[],
  ) {
    super('the output folder could not be put back as it was');
  }
}

class Moves {
  private readonly done: [from: string, to: string][] = [];
  /** How many replaced files and folders were moved aside. */
  private kept = 0;

  /** `asideFolder`: where `replace` keeps what it replaces until everything is in place. */
  constructor(private readonly asideFolder?: string) {}

  async move(from: string, to: string): Promise<void> {
    await rename(from, to);
    this.done.push([from, to]);
  }

  /** Moves `replacement` to `target`, keeping what was at `target` aside. */
  async replace(replacement: string, target: string): Promise<void> {
    if (this.asideFolder && (await pathExists(target))) await this.move(target, path.join(this.asideFolder, String(this.kept++)));
    await this.move(replacement, target);
  }

  /** Undoes every move, newest first, and throws `cause` (or, if a move cannot be undone, a SwapUndoError). */
  async undo(cause: unknown): Promise<never> {
    const misplaced: string[] = [];
    for (const [from, to] of this.done.reverse()) {
      await rename(to, from).catch(() => misplaced.push(from));
    }
    if (misplaced.length > 0) throw new SwapUndoError(cause, misplaced);
    throw cause;
  }
}

/**
 * Replaces the output folder with the staged one (a build of every module). `keep`: folders of
 * the output that the build does not make (the handouts) and carries over.
 */
export async function swapOutput(staging: string, outDir: string, keep: readonly string[] = []): Promise<void> {
  // Named like the staging folder, and marked (the output carries the marker), so that a build
  // killed between the two renames is recognised and put back by the next one.
  const previous = `${staging}-previous`;
  const hadOutput = await pathExists(outDir);
  const moves = new Moves();
  try {
    for (const name of keep) {
      if (await pathExists(path.join(outDir, name))) await moves.move(path.join(outDir, name), path.join(staging, name));
    }
    if (hadOutput) await moves.move(outDir, previous);
    await moves.move(staging, outDir);
  } catch (error) {
    await moves.undo(error);
  }
  if (hadOutput) await rm(previous, { recursive: true, force: true });
}

/** A build of some modules replaces only their site folders, their zips and the site index, keeping the others. */
export async function swapModules(
  staging: string,
  outDir: string,
  modules: CourseModule[],
  targets: readonly PackageTarget[],
): Promise<void> {
  await mkdir(path.join(outDir, 'site'), { recursive: true });
  await mkdir(path.join(outDir, 'packages'), { recursive: true });
  await markOutputFolder(outDir);
  const asideFolder = path.join(staging, 'previous');
  await mkdir(asideFolder);
  const moves = new Moves(asideFolder);
  try {
    for (const module of modules) {
      await moves.replace(path.join(staging, 'site', module.id), path.join(outDir, 'site', module.id));
      for (const target of targets) {
        const name = packageFileName(module.id, target);
        await moves.replace(path.join(staging, 'packages', name), path.join(outDir, 'packages', name));
      }
    }
    for (const file of ['index.html', 'modules.json']) {
      await moves.replace(path.join(staging, 'site', file), path.join(outDir, 'site', file));
    }
  } catch (error) {
    await moves.undo(error);
  }
  await rm(staging, { recursive: true, force: true });
}
