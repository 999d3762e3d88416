/**
 * The pipeline: load → validate → render → package. Nothing is written until every module
 * validates; the build writes into a temporary folder and swaps it into place only when
 * everything succeeded, so a failed build leaves the previous dist/ exactly as it was.
 */
import { chmod, mkdir, realpath, rm } from 'node:fs/promises';
import path from 'node:path';
import { bundleRuntime, type RuntimeTarget } from '../bundle/index.js';
import { diagnostic } from '../diagnostics/create.js';
import { hasErrors, type Diagnostic } from '../diagnostics/diagnostic.js';
import { describeSystemError, isSystemError, systemErrorHint } from '../diagnostics/system-error.js';
import { readBoundedFile } from '../fs-read.js';
import type { IncompleteTranslation } from '../i18n/index.js';
import { collectTexts } from '../i18n/units.js';
import { toDisplayPath } from '../load/index.js';
import { MAX_CONTENT_FILE_BYTES, readProblemDiagnostic } from '../load/json-file.js';
import { markdownWebLinks } from '../markdown/index.js';
import type { CourseModule } from '../model/course.js';
import { packageModule, type BuiltPackage, type PackageTarget } from '../package/index.js';
import { preloadManifestSchemas } from '../package/manifest-schema.js';
import { renderSite } from '../render/index.js';
import type { IndexEntry } from '../render/view-model.js';
import { checkModules, type CheckOptions } from './check.js';
import { clearInterruptedRuns, HANDOUTS_FOLDER, markOutputFolder, refuseOutputFolder } from './output-folder.js';
import { lockOutputFolder, lockPath } from './output-lock.js';
import { startSiteOutput } from './site-output.js';
import { SwapUndoError, swapModules, swapOutput } from './swap.js';

export type BuildEvent =
  | { kind: 'validated'; modules: number; files: number }
  /** Another build is writing the same output folder; this one waits for it. */
  | { kind: 'waiting'; pid: number | undefined }
  | { kind: 'rendered'; modules: number; pages: number }
  | { kind: 'packaged'; package: BuiltPackage };

export interface BuildOptions extends CheckOptions {
  /** The output folder, normally dist/. */
  outDir: string;
  targets: readonly PackageTarget[];
  /** Warnings fail the build too. */
  strict?: boolean;
  onProgress?: (event: BuildEvent) => void;
  /** How long to wait while another build writes the same output folder (default ten minutes). */
  waitForOutputMs?: number;
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
  /** A failed build could not put the output folder back exactly as it was (see the diagnostics). */
  outputChanged?: boolean;
}

export async function buildModules(options: BuildOptions): Promise<BuildResult> {
  // Staging folders left by interrupted builds are older than this.
  const startedAt = Date.now();
  const refused = await refuseOutputFolder(options.outDir, { cwd: options.cwd, modulesDir: options.modulesDir });
  if (refused) return { ok: false, diagnostics: [refused], modules: [], packages: [], incompleteTranslations: [], webLinks: new Map() };
  // esbuild bundles in its own process: start the runtime builds now, alongside validation.
  for (const target of new Set<RuntimeTarget>(['web', ...options.targets])) void bundleRuntime(target).catch(() => undefined);
  if (options.targets.some((t) => t !== 'web')) preloadManifestSchemas();
  const checked = await checkModules(options);
  const { incompleteTranslations } = checked;
  const failed = (diagnostics: Diagnostic[], outputChanged = false): BuildResult => ({
    ok: false,
    diagnostics,
    modules: checked.modules,
    packages: [],
    incompleteTranslations,
    webLinks: new Map(),
    ...(outputChanged ? { outputChanged } : {}),
  });
  if (hasErrors(checked.diagnostics, options.strict) || checked.modules.length === 0) return failed(checked.diagnostics);
  options.onProgress?.({ kind: 'validated', modules: checked.modules.length, files: checked.fileCount });

  const partial = (options.only?.length ?? 0) > 0;
  const outDir = path.resolve(options.cwd, options.outDir);
  const display = (p: string) => toDisplayPath(options.cwd, p);
  let staging: string | undefined;
  let release: (() => Promise<void>) | undefined;
  try {
    await mkdir(path.dirname(outDir), { recursive: true });
    const locked = await lockOutputFolder(outDir, {
      timeoutMs: options.waitForOutputMs ?? 10 * 60_000,
      onWait: (holder) => options.onProgress?.({ kind: 'waiting', pid: holder?.pid }),
    });
    if ('busy' in locked) {
      const who = locked.busy ? `another build (process ${locked.busy.pid} on ${locked.busy.host})` : 'another build';
      return failed([
        ...checked.diagnostics,
        diagnostic('output-busy', {
          file: display(lockPath(outDir)),
          message: `${who} is writing ${display(outDir)}/; this build waited for it and gave up, so nothing was built.`,
        }),
      ]);
    }
    release = locked.lock.release;
    await clearInterruptedRuns(outDir, { kind: 'build', startedBefore: startedAt, interrupted: locked.lock.interrupted });
    const earlier = partial ? await readEarlierIndex(path.join(outDir, 'site', 'modules.json'), display) : { entries: [] };
    if ('problem' in earlier) return failed([...checked.diagnostics, earlier.problem]);

    // Named after the lock, so that a build killed before the marker below is written leaves a
    // folder the next one can still tell is coursekit's.
    staging = path.join(path.dirname(outDir), `.${path.basename(outDir)}-build-${locked.lock.id}`);
    await mkdir(staging);
    await chmod(staging, 0o755); // whatever the umask: dist/ should read like any folder
    await markOutputFolder(staging);
    const siteDir = path.join(staging, 'site');
    const packagesDir = path.join(staging, 'packages');
    // Pages are written and compressed on a second thread while the next ones render.
    const moduleIds = new Set(checked.modules.map((m) => m.id));
    const output = startSiteOutput(siteDir, (file) => moduleIds.has(file.split('/')[0]!));
    const rendered = await renderSite(checked.modules, { outDir: siteDir, earlierIndex: earlier.entries, onPage: output.addPage }).catch(
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
    // `coursekit handout` prints into dist/handouts/, which a build does not make: it keeps them.
    else await swapOutput(staging, outDir, [HANDOUTS_FOLDER]);
    const finalPackages = packages.map((p) => ({ ...p, path: path.join(outDir, 'packages', path.basename(p.path)) }));
    const webLinks = new Map<string, string[]>();
    for (const module of checked.modules) {
      const links = webLinksOf(module);
      if (links.length > 0) webLinks.set(module.id, links);
    }
    return { ok: true, diagnostics, modules: checked.modules, packages: finalPackages, incompleteTranslations, webLinks };
  } catch (error) {
    const undoFailed = error instanceof SwapUndoError;
    // A staging folder that holds replaced files the undo could not put back is kept.
    if (staging && !undoFailed) await rm(staging, { recursive: true, force: true }).catch(() => undefined);
    return failed([...checked.diagnostics, outputFailure(error, { outDir, staging, display })], undoFailed);
  } finally {
    await release?.();
  }
}

/** The web addresses a module's markdown texts link to, each once, in reading order. */
function webLinksOf(module: CourseModule): string[] {
  const markdown = collectTexts(module).filter((t) => t.kind === 'markdown');
  return [...new Set(markdown.flatMap((t) => markdownWebLinks(t.text)))];
}

/** What the system refused while writing the output, as a diagnostic; anything else is a bug. */
function outputFailure(error: unknown, where: { outDir: string; staging: string | undefined; display: (p: string) => string }): Diagnostic {
  const refused = error instanceof SwapUndoError ? error.refused : error;
  if (!isSystemError(refused)) {
    return diagnostic('build-failed', { message: `The build stopped: ${(refused as Error).message ?? String(refused)}` });
  }
  // A failed write() names no path: it was in the staging folder, where everything is written.
  const show = (p: string | undefined = where.staging ?? where.outDir) => {
    const shown = where.display(p);
    const beside = `beside ${where.display(where.outDir)}/`;
    if (p === lockPath(where.outDir)) return `${shown} (the lock file a build keeps ${beside})`;
    const inStaging = where.staging !== undefined && (p === where.staging || p.startsWith(where.staging + path.sep));
    return inStaging ? `${shown} (the build's temporary folder ${beside})` : shown;
  };
  const { syscall, path: from, dest } = refused as { syscall?: string; path?: string; dest?: string };
  const what =
    syscall === 'rename' && dest !== undefined
      ? `could not be moved into place: ${describeSystemError(refused)}, moving ${show(from)} to ${show(dest)}`
      : `could not be written: ${describeSystemError(refused)}, at ${show(from)}`;
  const more: Record<string, string> = {
    EROFS: ' Or build into another folder with `--out <folder>`.',
    EACCES: ' Or build into another folder with `--out <folder>`.',
    EPERM: ' Or build into another folder with `--out <folder>`.',
    ENOSPC:
      ' While it runs, a build needs room for its output twice: the new output is written beside the old one, which it replaces at the end.',
  };
  const elsewhere = more[refused.code] ?? '';
  const base = systemErrorHint(refused);
  if (error instanceof SwapUndoError) {
    return diagnostic('output-unwritable', {
      message: `The build's output ${what}; and these could not be put back as they were: ${error.misplaced.map(show).join(', ')}.`,
      hint: `The earlier files are kept in ${show(where.staging)}. ${base ?? ''} Then build every module again.`.replace(/\s+/g, ' '),
    });
  }
  return diagnostic('output-unwritable', {
    file: where.display(from ?? where.staging ?? where.outDir),
    message: `The build's output ${what}. ${where.display(where.outDir)}/ was not changed.`,
    ...(base ? { hint: base + elsewhere } : {}),
  });
}

/**
 * The site index an earlier build wrote, which a build of some modules keeps the others from.
 * It is coursekit's file, but on the user's disk: a file that is not the list it wrote is
 * named, not guessed at (its ids become links on the index page).
 */
async function readEarlierIndex(
  file: string,
  display: (p: string) => string,
): Promise<{ entries: IndexEntry[] } | { problem: Diagnostic }> {
  const within = await realpath(path.dirname(file)).catch(() => undefined);
  if (within === undefined) return { entries: [] };
  const read = readBoundedFile(file, { maxBytes: MAX_CONTENT_FILE_BYTES, within });
  if (!read.ok && read.kind === 'missing' && read.linkTarget === undefined) return { entries: [] };
  const problem = (why: string) => ({
    problem: diagnostic('output-index-invalid', {
      file: display(file),
      message: `${display(file)} is not the list of modules an earlier build wrote: ${why}.`,
    }),
  });
  if (!read.ok) return { problem: readProblemDiagnostic(read, display(file), MAX_CONTENT_FILE_BYTES) };
  let data: unknown;
  try {
    data = JSON.parse(read.bytes.toString('utf8'));
  } catch {
    return problem('it is not valid JSON');
  }
  if (!Array.isArray(data)) {
    const held = data === null ? 'null' : typeof data === 'object' ? 'an object' : typeof data === 'string' ? 'text' : `a ${typeof data}`;
    return problem(`it holds ${held}, not a list`);
  }
  for (const [i, entry] of data.entries()) {
    const why = indexEntryProblem(entry);
    if (why) return problem(`entry ${i + 1} ${why}`);
  }
  return { entries: data as IndexEntry[] };
}

function indexEntryProblem(entry: unknown): string | undefined {
  if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) return 'is not an object';
  const e = entry as Record<string, unknown>;
  if (typeof e.id !== 'string' || !/^[a-z0-9][a-z0-9-]{0,127}$/.test(e.id))
    return 'has no module id (lowercase letters, digits and hyphens)';
  for (const field of ['title', 'description', 'version', 'language'] as const) {
    if (typeof e[field] !== 'string') return `has no "${field}" text`;
  }
  if (e.dir !== 'ltr' && e.dir !== 'rtl') return 'has no "dir" ("ltr" or "rtl")';
  return undefined;
}
