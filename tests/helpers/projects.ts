/** Builds fixture projects into temporary folders with the real pipeline. */
import { cp, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildModules, type BuildResult } from '../../src/pipeline/index.js';
import { PACKAGE_TARGETS, type PackageTarget } from '../../src/package/index.js';

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
