/** Builds fixture projects into temporary folders with the real pipeline. */
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildModules, type BuildResult } from '../../src/pipeline/index.js';
import { PACKAGE_TARGETS, type PackageTarget } from '../../src/package/index.js';
import { readZip } from '../../src/package/zip.js';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const fixturesDir = path.join(repoRoot, 'tests', 'fixtures');

/** A copy of a fixture project (or of the repo's own modules/) in a fresh temporary folder. */
export async function copyProject(name: 'tiny' | 'sample' | string): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), `coursekit-${name}-`));
  const source = name === 'sample' ? path.join(repoRoot, 'modules') : path.join(fixturesDir, 'projects', name, 'modules');
  await cp(source, path.join(dir, 'modules'), { recursive: true });
  return dir;
}

export interface BuiltProject {
  dir: string;
  result: BuildResult;
  cleanup(): Promise<void>;
}

export async function buildProject(name: string, targets: readonly PackageTarget[] = PACKAGE_TARGETS): Promise<BuiltProject> {
  const dir = await copyProject(name);
  const result = await buildModules({ cwd: dir, modulesDir: path.join(dir, 'modules'), outDir: path.join(dir, 'dist'), targets });
  if (!result.ok) throw new Error(`fixture project ${name} did not build: ${JSON.stringify(result.diagnostics, null, 2)}`);
  return { dir, result, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/**
 * Unzips a built web package into `folder` and returns its file:// address, as a learner
 * opens it: the package as shipped, not the site folder it was made from.
 */
export async function unzipWebPackage(zipFile: string, folder: string): Promise<string> {
  for (const [name, bytes] of readZip(await readFile(zipFile))) {
    await mkdir(path.dirname(path.join(folder, name)), { recursive: true });
    await writeFile(path.join(folder, name), bytes);
  }
  return pathToFileURL(folder).href;
}
