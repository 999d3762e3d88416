/**
 * Stage 4, package: zip a rendered module folder for each target. SCORM packages get a
 * manifest and the runtime build for their API; the web package opens from file:// and keeps
 * progress in the browser.
 */
import { readdir, readFile, writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { CourseModule } from '../model/course.js';
import { bundleRuntime } from '../render/runtime-bundle.js';
import { buildManifest } from './manifest.js';
import { checkPackage } from './manifest-check.js';
import { createZip, type FileMap } from './zip.js';

export const PACKAGE_TARGETS = ['scorm12', 'scorm2004', 'web'] as const;
export type PackageTarget = (typeof PACKAGE_TARGETS)[number];

export const LAUNCH_FILE = 'launch.html';

export interface BuiltPackage {
  moduleId: string;
  target: PackageTarget;
  /** Absolute path of the zip. */
  path: string;
  bytes: number;
}

export function packageFileName(moduleId: string, target: PackageTarget): string {
  return `${moduleId}-${target}.zip`;
}

/** The files of a package, in memory: what the zip holds, and what the preview serves. */
export async function assemblePackage(module: CourseModule, moduleDir: string, target: PackageTarget): Promise<FileMap> {
  const files = await readTree(moduleDir);
  files.set('assets/coursekit.js', new TextEncoder().encode(await bundleRuntime(target)));
  if (target === 'web') {
    files.delete(LAUNCH_FILE);
  } else {
    const manifest = buildManifest({ module, version: target, files: [...files.keys()].sort(), launchFile: LAUNCH_FILE });
    files.set('imsmanifest.xml', new TextEncoder().encode(manifest));
  }
  return files;
}

export async function packageModule(
  module: CourseModule,
  moduleDir: string,
  target: PackageTarget,
  outDir: string,
): Promise<{ package: BuiltPackage | undefined; diagnostics: Diagnostic[] }> {
  const files = await assemblePackage(module, moduleDir, target);
  const name = packageFileName(module.id, target);
  const diagnostics = target === 'web' ? [] : checkPackage(files, name);
  if (diagnostics.length > 0) return { package: undefined, diagnostics };
  const zip = createZip(files);
  await mkdir(outDir, { recursive: true });
  const zipPath = path.join(outDir, name);
  await writeFile(zipPath, zip);
  return { package: { moduleId: module.id, target, path: zipPath, bytes: zip.byteLength }, diagnostics };
}

/** Every file below a folder, keyed by its relative path with '/'. */
export async function readTree(root: string): Promise<FileMap> {
  const files: FileMap = new Map();
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  const paths = entries
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath ?? (e as unknown as { path: string }).path, e.name))
    .sort();
  for (const absolute of paths) {
    files.set(path.relative(root, absolute).split(path.sep).join('/'), await readFile(absolute));
  }
  return files;
}
