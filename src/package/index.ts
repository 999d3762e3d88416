/**
 * Stage 4, package: zip a rendered module folder for each target. SCORM packages get a
 * manifest and the runtime build for their API; the web package opens from file:// and keeps
 * progress in the browser.
 */
import { readdir, readFile, writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { bundleRuntime } from '../bundle/index.js';
import { diagnostic } from '../diagnostics/create.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { CourseModule } from '../model/course.js';
import { buildManifest } from './manifest.js';
import { checkPackage } from './manifest-check.js';
import { checkManifestSchema } from './manifest-schema.js';
import type { FileMap } from '../model/files.js';
import { prepareEntry, writeZip, zipLimitProblem, type Deflated, type ZipEntry } from './zip.js';

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
export async function assemblePackage(module: CourseModule, tree: FileMap, target: PackageTarget): Promise<FileMap> {
  const files = new Map(tree);
  files.set('assets/coursekit.js', new TextEncoder().encode(await bundleRuntime(target)));
  if (target === 'web') {
    files.delete(LAUNCH_FILE);
  } else {
    const manifest = buildManifest({ module, version: target, files: [...files.keys()].sort(), launchFile: LAUNCH_FILE });
    files.set('imsmanifest.xml', new TextEncoder().encode(manifest));
  }
  return files;
}

export interface PackageOptions {
  targets: readonly PackageTarget[];
  /** Where the zips go. */
  outDir: string;
  /** Files of the tree compressed while they were rendered, by their name in the tree. */
  deflatedAhead?: (name: string) => Deflated | undefined;
  onPackage?: (built: BuiltPackage) => void;
}

/**
 * Zips a rendered module for each target. The module's files are compressed once (or were
 * already, see pipeline/site-output.ts) and shared by the targets; only the runtime build and the
 * manifest differ between them.
 */
export async function packageModule(
  module: CourseModule,
  tree: FileMap,
  { targets, outDir, deflatedAhead, onPackage }: PackageOptions,
): Promise<{ packages: BuiltPackage[]; diagnostics: Diagnostic[] }> {
  const compressed = new Map<string, ZipEntry>();
  const entryFor = (name: string, bytes: Uint8Array): ZipEntry => {
    if (tree.get(name) !== bytes) return prepareEntry(name, bytes);
    let entry = compressed.get(name);
    if (!entry) {
      entry = prepareEntry(name, bytes, deflatedAhead?.(name));
      compressed.set(name, entry);
    }
    return entry;
  };
  const packages: BuiltPackage[] = [];
  const diagnostics: Diagnostic[] = [];
  await mkdir(outDir, { recursive: true });
  for (const target of targets) {
    const files = await assemblePackage(module, tree, target);
    const name = packageFileName(module.id, target);
    const tooLarge = zipLimitProblem(files);
    if (tooLarge) {
      diagnostics.push(diagnostic('package-too-large', { file: name, message: `${name} cannot be written: ${tooLarge}.` }));
      continue;
    }
    const problems = target === 'web' ? [] : [...(await checkManifestSchema(files, name)), ...checkPackage(files, name)];
    diagnostics.push(...problems);
    if (problems.length > 0) continue;
    const zip = writeZip([...files].map(([file, bytes]) => entryFor(file, bytes)));
    const zipPath = path.join(outDir, name);
    await writeFile(zipPath, zip);
    const built = { moduleId: module.id, target, path: zipPath, bytes: zip.byteLength };
    packages.push(built);
    onPackage?.(built);
  }
  return { packages, diagnostics };
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
