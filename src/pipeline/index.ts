/**
 * The pipeline: load → validate → render → package. Nothing is written until every module
 * validates; the build writes into a temporary folder and swaps it into place only when
 * everything succeeded, so a failed build leaves the previous dist/ exactly as it was.
 */
import { chmod, mkdtemp, mkdir, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { bundleRuntime, type RuntimeTarget } from '../bundle/index.js';
import { diagnostic } from '../diagnostics/create.js';
import { hasErrors, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { IncompleteTranslation } from '../i18n/index.js';
import { collectTexts } from '../i18n/units.js';
import { markdownWebLinks } from '../markdown/index.js';
import type { CourseModule } from '../model/course.js';
import { packageModule, packageFileName, type BuiltPackage, type PackageTarget } from '../package/index.js';
import { preloadManifestSchemas } from '../package/manifest-schema.js';
import { renderSite } from '../render/index.js';
import type { IndexEntry } from '../render/view-model.js';
import { checkModules, type CheckOptions } from './check.js';
import { HANDOUTS_FOLDER, markOutputFolder, refuseOutputFolder } from './output-folder.js';
import { startSiteOutput } from './site-output.js';
import { pathExists } from '../fs-exists.js';

export type BuildEvent =
  | { kind: 'validated'; modules: number; files: number }
  | { kind: 'rendered'; modules: number; pages: number }
  | { kind: 'packaged'; package: BuiltPackage };

export interface BuildOptions extends CheckOptions {
  /** The output folder, normally dist/. */
  outDir: string;
  targets: readonly PackageTarget[];
  /** Warnings fail the build too. */
  strict?: boolean;
  onProgress?: (event: BuildEvent) => void;
}

export interface BuildResult {
  ok: boolean;
  diagnostics: Diagnostic[];
  /** Every module built: the source modules, their complete translations and, with `drafts`, the drafts. */
  modules: CourseModule[];
  packages: BuiltPackage[];
  /** Declared languages whose translation is not complete: left out of the build, or built as drafts. */
  incompleteTranslations: IncompleteTranslation[];
  /** The web addresses each built module's texts link to (learners need a connection for them), by module id; modules without links are left out. */
  webLinks: Map<string, string[]>;
}

export async function buildModules(options: BuildOptions): Promise<BuildResult> {
  const refused = await refuseOutputFolder(options.outDir, { cwd: options.cwd, modulesDir: options.modulesDir });
  if (refused) return { ok: false, diagnostics: [refused], modules: [], packages: [], incompleteTranslations: [], webLinks: new Map() };
  // esbuild bundles in its own process: start the runtime builds now, alongside validation.
  for (const target of new Set<RuntimeTarget>(['web', ...options.targets])) void bundleRuntime(target).catch(() => undefined);
  if (options.targets.some((t) => t !== 'web')) preloadManifestSchemas();
  const checked = await checkModules(options);
  const { incompleteTranslations } = checked;
  const failed = (diagnostics: Diagnostic[]): BuildResult => ({
    ok: false,
    diagnostics,
    modules: checked.modules,
    packages: [],
    incompleteTranslations,
    webLinks: new Map(),
  });
  if (hasErrors(checked.diagnostics, options.strict) || checked.modules.length === 0) return failed(checked.diagnostics);
  options.onProgress?.({ kind: 'validated', modules: checked.modules.length, files: checked.fileCount });

  const partial = (options.only?.length ?? 0) > 0;
  const outDir = path.resolve(options.cwd, options.outDir);
  await mkdir(path.dirname(outDir), { recursive: true });
  const staging = await mkdtemp(path.join(path.dirname(outDir), `.${path.basename(outDir)}-build-`));
  await chmod(staging, 0o755); // mkdtemp makes it private; dist/ should read like any folder.
  await markOutputFolder(staging);
  try {
    const siteDir = path.join(staging, 'site');
    const packagesDir = path.join(staging, 'packages');
    const earlierIndex = partial ? await readEarlierIndex(path.join(outDir, 'site', 'modules.json')) : [];
    // Pages are written and compressed on a second thread while the next ones render.
    const moduleIds = new Set(checked.modules.map((m) => m.id));
    const output = startSiteOutput(siteDir, (file) => moduleIds.has(file.split('/')[0]!));
    const rendered = await renderSite(checked.modules, { outDir: siteDir, earlierIndex, onPage: output.addPage }).catch(
      async (error: unknown) => {
        await output.abandon();
        throw error;
      },
    );
    const deflated = await output.finish(rendered);
    options.onProgress?.({ kind: 'rendered', modules: checked.modules.length, pages: rendered.site.pages.length });
    const packages: BuiltPackage[] = [];
    const diagnostics = [...checked.diagnostics];
    for (const module of checked.modules) {
      const result = await packageModule(module, rendered.moduleFiles.get(module.id)!, {
        targets: options.targets,
        outDir: packagesDir,
        deflatedAhead: (name) => deflated.get(`${module.id}/${name}`),
        onPackage: (built) => options.onProgress?.({ kind: 'packaged', package: built }),
      });
      diagnostics.push(...result.diagnostics);
      packages.push(...result.packages);
    }
    if (hasErrors(diagnostics, options.strict)) {
      await rm(staging, { recursive: true, force: true });
      return failed(diagnostics);
    }
    if (partial) await swapModules(staging, outDir, checked.modules, options.targets);
    else {
      await keepHandouts(outDir, staging);
      await swapDirectory(staging, outDir);
    }
    const finalPackages = packages.map((p) => ({ ...p, path: path.join(outDir, 'packages', path.basename(p.path)) }));
    const webLinks = new Map<string, string[]>();
    for (const module of checked.modules) {
      const links = webLinksOf(module);
      if (links.length > 0) webLinks.set(module.id, links);
    }
    return { ok: true, diagnostics, modules: checked.modules, packages: finalPackages, incompleteTranslations, webLinks };
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    return failed([...checked.diagnostics, diagnostic('build-failed', { message: `The build stopped: ${(error as Error).message}` })]);
  }
}

/** The web addresses a module's markdown texts link to, each once, in reading order. */
function webLinksOf(module: CourseModule): string[] {
  const markdown = collectTexts(module).filter((t) => t.kind === 'markdown');
  return [...new Set(markdown.flatMap((t) => markdownWebLinks(t.text)))];
}

/** Replaces `target` with `replacement` in two renames, so there is never a half-written folder. */
async function swapDirectory(replacement: string, target: string): Promise<void> {
  const previous = `${replacement}-previous`;
  const hadTarget = await pathExists(target);
  if (hadTarget) await rename(target, previous);
  await rename(replacement, target);
  if (hadTarget) await rm(previous, { recursive: true, force: true });
}

/**
 * `coursekit handout` prints into the build's output folder (dist/handouts/) but a build does
 * not make handouts: a full build carries them over instead of deleting them.
 */
async function keepHandouts(outDir: string, staging: string): Promise<void> {
  const handouts = path.join(outDir, HANDOUTS_FOLDER);
  if (await pathExists(handouts)) await rename(handouts, path.join(staging, HANDOUTS_FOLDER));
}

/** A build of some modules replaces only their site folders and zips, keeping the others. */
async function swapModules(staging: string, outDir: string, modules: CourseModule[], targets: readonly PackageTarget[]): Promise<void> {
  await mkdir(path.join(outDir, 'site'), { recursive: true });
  await mkdir(path.join(outDir, 'packages'), { recursive: true });
  await markOutputFolder(outDir);
  for (const module of modules) {
    await swapDirectory(path.join(staging, 'site', module.id), path.join(outDir, 'site', module.id));
    for (const target of targets) {
      const name = packageFileName(module.id, target);
      await rename(path.join(staging, 'packages', name), path.join(outDir, 'packages', name));
    }
  }
  for (const file of ['index.html', 'modules.json']) {
    await rename(path.join(staging, 'site', file), path.join(outDir, 'site', file));
  }
  await rm(staging, { recursive: true, force: true });
}

async function readEarlierIndex(file: string): Promise<IndexEntry[]> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as IndexEntry[];
  } catch {
    return [];
  }
}
