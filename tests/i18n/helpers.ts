/** Shared steps of the XLIFF tests: export through the CLI, fill in targets, hash a module folder. */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { checkModules } from '../../src/pipeline/check.js';
import type { CourseModule } from '../../src/model/course.js';
import { runCli } from '../helpers/cli.js';

export const MODULE = 'tiny-course';

export async function exportXliffText(dir: string, lang = 'fr', extra: string[] = []): Promise<string> {
  const run = await runCli(['xliff', 'export', MODULE, '--lang', lang, ...extra], dir);
  if (run.code !== 0) throw new Error(`export failed (${run.code}): ${run.stderr}`);
  return run.stdout;
}

/**
 * Gives every untranslated unit a target made by `translate` from its (escaped) source. Accepted
 * answers ("a | b") are translated one by one, so each answer gets the prefix.
 */
export function fillTargets(xliff: string, translate: (source: string) => string = (s) => `FR: ${s}`): string {
  return xliff.replace(
    /<segment state="initial">(\s*)<source>([\s\S]*?)<\/source>/g,
    (_m, space: string, source: string) =>
      `<segment state="translated">${space}<source>${source}</source>${space}<target>${source.split(' | ').map(translate).join(' | ')}</target>`,
  );
}

/** sha256 of every file under `folder`, by path relative to it. */
export async function hashFolder(folder: string): Promise<Record<string, string>> {
  const hashes: Record<string, string> = {};
  const walk = async (dir: string) => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) await walk(full);
      else
        hashes[path.relative(folder, full).split(path.sep).join('/')] = createHash('sha256')
          .update(await readFile(full))
          .digest('hex');
    }
  };
  await walk(folder);
  return hashes;
}

export async function loadModule(dir: string): Promise<CourseModule> {
  const checked = await checkModules({ cwd: dir, modulesDir: path.join(dir, 'modules'), only: [MODULE] });
  const module = checked.modules[0];
  if (!module) throw new Error(`fixture did not validate: ${JSON.stringify(checked.diagnostics, null, 2)}`);
  return module;
}

/** Every unit id in an XLIFF text, in order. */
export function unitIds(xliff: string): string[] {
  return [...xliff.matchAll(/<unit id="([^"]*)"/g)].map((m) => m[1]!);
}
