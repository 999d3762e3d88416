/** For the `coursekit results` tests: the Moodle cohort's exports, the module version it took, and a scratch folder. */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { runCli, type CliRun } from './cli.js';
import { fixturesDir } from './projects.js';

/** Real Moodle 5.0.6 downloads (see tests/fixtures/results/README.md). */
export const COHORT_DIR = path.join(fixturesDir, 'results', 'moodle-5.0', 'scorm12-cohort');
/** migration-human-rights 1.0.0, the version the cohort took. */
export const COHORT_MODULES = path.join(fixturesDir, 'projects', 'migration-1.0.0', 'modules');
export const COHORT_MODULE = 'migration-human-rights';

export interface Scratch {
  dir: string;
  cleanup(): Promise<void>;
}

export async function scratchDir(): Promise<Scratch> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'coursekit-results-'));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** `coursekit results migration-human-rights <args…> --modules <the 1.0.0 fixture>`, run in `cwd`. */
export function runResults(args: string[], cwd: string): Promise<CliRun> {
  return runCli(['results', COHORT_MODULE, ...args, '--modules', COHORT_MODULES], cwd);
}
