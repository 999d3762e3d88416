/**
 * `coursekit preview`: a local server on 127.0.0.1 that shows each module as learners see it,
 * rebuilds on every edit (content, schema or template), reloads the pages that show what
 * changed, shows validation problems over the last good version, and plays packages in an LMS
 * simulator. Every page says which version it shows; builds live in memory (builder.ts).
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { ServerResponse } from 'node:http';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { hasErrors, type Diagnostic } from '../diagnostics/diagnostic.js';
import { formatDiagnostics } from '../diagnostics/format.js';
import type { FileMap } from '../model/files.js';
import { assemblePackage, PACKAGE_TARGETS, type PackageTarget } from '../package/index.js';
import { prepareEntry, writeZip, type ZipEntry } from '../package/zip.js';
import { localesDir, schemasDir, stylesDir, templatesDir } from '../paths.js';
import { escapeHtml } from '../render/markdown.js';
import { PreviewBuilder, type ModuleBuild } from './builder.js';
import { injectLiveClient, liveClientTag, type LiveClientSettings } from './live-client.js';
import { contentType, notFound, send, startPackageServer, type RunningServer } from './package-server.js';
import { simulatorPage, type SimulatorMode } from './simulator-page.js';
import { watchFolder, type FolderWatcher } from './watch.js';

export interface PreviewOptions {
  cwd: string;
  modulesDir: string;
  only?: readonly string[];
  /** 0 or none for any free port. */
  port?: number;
  /** A busy port is an error (the user chose it); otherwise the next free port is taken. */
  exactPort?: boolean;
  /** Where progress and problems are printed. */
  log?: (text: string) => void;
}

export interface RebuildResult {
  ok: boolean;
  diagnostics: Diagnostic[];
  /** Milliseconds from the start of the rebuild to the new pages being served. */
  milliseconds: number;
  /** Modules whose version changed. */
  modules: string[];
}

export interface PreviewServer {
  origin: string;
  port: number;
  /** Rebuild now: all modules, or the module folders named. */
  rebuild(moduleFolders?: string[]): Promise<RebuildResult>;
  /** The version each module's pages show, by module id. */
  versions(): Record<string, string>;
  close(): Promise<void>;
}

interface Problem {
  /** As the terminal shows it. */
  text: string;
  errors: number;
}

/** The start page's key in the versions: it lists every module. */
const HOME_KEY = '*';
/** Edits that arrive together (an editor's save, a `git checkout`) are built together. */
const SETTLE_MS = 15;

export async function startPreview(options: PreviewOptions): Promise<PreviewServer> {
  const log = options.log ?? (() => {});
  const builder = new PreviewBuilder({ cwd: options.cwd, modulesDir: options.modulesDir, only: options.only });
  const clients = new Set<ServerResponse>();
  /** Each module folder's errors, until it builds again; '' for the modules folder itself. */
  const problems = new Map<string, Problem>();
  /** A rebuild that threw, until one runs through. */
  let failure: Problem | undefined;
  let queue: Promise<unknown> = Promise.resolve();

  const broadcast = (event: string, data: unknown) => {
    for (const client of clients) client.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  };
  const versions = (): Record<string, string> => {
    const all: Record<string, string> = {};
    for (const [id, build] of builder.modules) all[id] = build.version;
    all[HOME_KEY] = createHash('sha256')
      .update(JSON.stringify(Object.entries(all).sort()))
      .update(String(errorCount()))
      .digest('hex')
      .slice(0, 12);
    return all;
  };

  const allProblems = () => [...(failure ? [failure] : []), ...problems.values()];
  const errorCount = () => allProblems().reduce((n, p) => n + p.errors, 0);
  /** What the overlay shows: every problem not yet fixed. */
  const overlay = () => ({
    heading: failure
      ? 'The rebuild failed: this page shows the last good version.'
      : 'The last edit does not validate: this page shows the last good version.',
    text: allProblems()
      .map((p) => p.text)
      .join('\n\n'),
  });

  async function rebuildNow(moduleFolders?: string[]): Promise<RebuildResult> {
    const started = performance.now();
    const errorsBefore = errorCount();
    let changedProblems = false;
    try {
      const outcome = await builder.build(moduleFolders);
      changedProblems = failure !== undefined;
      failure = undefined;
      for (const [folder, diagnostics] of outcome.checked) {
        if (hasErrors(diagnostics)) {
          const errors = diagnostics.filter((d) => d.severity === 'error').length;
          const text = formatDiagnostics(diagnostics, 'pretty', { color: false, cwd: options.cwd });
          // An editor's save can come as several events: the same problems are told once.
          if (problems.get(folder)?.text === text) continue;
          log(`${text}\nPreview kept the last good version${folder ? ` of ${folder}` : ''}: ${errors} error(s).\n`);
          problems.set(folder, { text, errors });
          changedProblems = true;
        } else if (problems.delete(folder)) {
          log(`${folder || 'The modules'} validate${folder ? 's' : ''} again.\n`);
          changedProblems = true;
        }
      }
      // Problems of folders not checked again: gone, or (after a full build) no longer a module.
      for (const folder of problems.keys()) {
        const gone = folder !== '' && !existsSync(path.join(options.modulesDir, folder, 'module.json'));
        if (!outcome.checked.has(folder) && (gone || !moduleFolders)) {
          problems.delete(folder);
          changedProblems = true;
        }
      }
      const milliseconds = performance.now() - started;
      for (const build of outcome.updated) {
        log(`Rebuilt ${build.module.id} in ${Math.round(milliseconds)} ms (${describeRendered(build)}): version ${build.version}.\n`);
      }
      const diagnostics = [...outcome.checked.values()].flat();
      const changed = outcome.updated.map((b) => b.module.id);
      if (changedProblems) broadcast(errorCount() === 0 ? 'ok' : 'problems', overlay());
      if (changed.length > 0 || outcome.removed.length > 0 || errorCount() !== errorsBefore) broadcast('reload', { versions: versions() });
      return { ok: !hasErrors(diagnostics), diagnostics, milliseconds, modules: changed };
    } catch (error) {
      // Not a problem in the content that validation could name: say so, keep the last good version.
      const text = `${describeFailure(error)}\nThis is a bug in coursekit, or a file it cannot handle; please report it with the file you last changed.`;
      log(`The rebuild failed: ${text}\nPreview kept the last good version.\n`);
      if (process.env.COURSEKIT_DEBUG) log(`${(error as Error).stack ?? ''}\n`);
      failure = { text, errors: 1 };
      broadcast('problems', overlay());
      return { ok: false, diagnostics: [], milliseconds: performance.now() - started, modules: [] };
    }
  }

  /** Rebuilds run one at a time, in order. */
  const rebuild = (moduleFolders?: string[]) => {
    const next = queue.then(() => rebuildNow(moduleFolders));
    queue = next.catch(() => undefined);
    return next;
  };

  const packages = new WeakMap<ModuleBuild, Map<PackageTarget, Promise<FileMap>>>();
  const zips = new WeakMap<ModuleBuild, Map<PackageTarget, Promise<Uint8Array>>>();
  /** Each package is assembled once per build, however many requests ask for it. */
  const packageOf = (build: ModuleBuild, target: PackageTarget): Promise<FileMap> => {
    const byTarget = packages.get(build) ?? new Map<PackageTarget, Promise<FileMap>>();
    packages.set(build, byTarget);
    let files = byTarget.get(target);
    if (!files) {
      files = assemblePackage(build.module, build.files, target);
      byTarget.set(target, files);
    }
    return files;
  };
  const zipOf = (build: ModuleBuild, target: PackageTarget): Promise<Uint8Array> => {
    const byTarget = zips.get(build) ?? new Map<PackageTarget, Promise<Uint8Array>>();
    zips.set(build, byTarget);
    let zip = byTarget.get(target);
    if (!zip) {
      zip = packageOf(build, target).then(zipWithoutBlocking);
      byTarget.set(target, zip);
    }
    return zip;
  };
  const findPackage = (name: string): { build: ModuleBuild; target: PackageTarget } | undefined => {
    const target = PACKAGE_TARGETS.find((t) => name.endsWith(`-${t}`));
    const build = target && builder.modules.get(name.slice(0, -target.length - 1));
    return build && target ? { build, target } : undefined;
  };
  const live = (key: string, build: ModuleBuild | undefined, reload = true): LiveClientSettings => {
    if (build) return { key, version: build.version, label: `version ${build.version}`, builtAt: build.builtAt, reload };
    const builds = [...builder.modules.values()];
    const latest = builds.map((b) => b.builtAt).sort((a, b) => b.getTime() - a.getTime())[0];
    return { key, version: versions()[HOME_KEY]!, label: `${builds.length} module(s)`, builtAt: latest, reload };
  };
  /** Pages get the live client; every file names the version it belongs to. */
  const serveFile = (res: ServerResponse, build: ModuleBuild, file: string, bytes: Uint8Array) => {
    res.setHeader('x-coursekit-version', build.version);
    const type = contentType(file);
    send(
      res,
      200,
      type,
      type.startsWith('text/html') ? injectLiveClient(new TextDecoder().decode(bytes), live(build.module.id, build)) : bytes,
    );
  };

  const server: RunningServer = await startPackageServer(
    {
      async getPackage(name) {
        const found = findPackage(name);
        return found && packageOf(found.build, found.target);
      },
    },
    {
      port: options.port ?? 0,
      exactPort: options.exactPort ?? false,
      async extraRoute(req, res, url, pathname) {
        if (pathname === '/__coursekit/events') {
          res.writeHead(200, { 'content-type': 'text/event-stream', connection: 'keep-alive' });
          res.write(`event: versions\ndata: ${JSON.stringify({ versions: versions() })}\n\n`);
          if (errorCount() > 0) res.write(`event: problems\ndata: ${JSON.stringify(overlay())}\n\n`);
          clients.add(res);
          req.on('close', () => clients.delete(res));
          return true;
        }
        if (pathname === '/' || pathname === '/index.html') {
          const all = versions();
          res.setHeader('x-coursekit-version', all[HOME_KEY]!);
          send(
            res,
            200,
            'text/html; charset=utf-8',
            homePage([...builder.modules.values()], errorCount(), liveClientTag(live(HOME_KEY, undefined))),
          );
          return true;
        }
        const sim = /^\/sim\/([\w-]+)\/$/.exec(pathname);
        if (sim) {
          const build = builder.modules.get(sim[1]!);
          if (!build) {
            notFound(res);
            return true;
          }
          const requested = url.searchParams.get('mode');
          const mode: SimulatorMode = requested === 'scorm2004' || requested === 'web' ? requested : 'scorm12';
          // The simulator keeps the LMS session: the course pages in it reload, the simulator does not.
          const tag = liveClientTag(live(build.module.id, build, false));
          res.setHeader('x-coursekit-version', build.version);
          send(res, 200, 'text/html; charset=utf-8', simulatorPage(build.module.id, build.module.meta.title, mode, tag));
          return true;
        }
        const download = /^\/download\/([\w-]+)\.zip$/.exec(pathname);
        if (download) {
          const found = findPackage(download[1]!);
          if (!found) {
            notFound(res);
            return true;
          }
          const zip = await zipOf(found.build, found.target);
          res.setHeader('x-coursekit-version', found.build.version);
          res.writeHead(200, { 'content-type': 'application/zip', 'content-disposition': `attachment; filename="${download[1]}.zip"` });
          res.end(zip);
          return true;
        }
        const report = /^\/reports\/([\w-]+)\.html$/.exec(pathname);
        if (report) {
          const build = builder.modules.get(report[1]!);
          if (!build?.report) {
            notFound(res);
            return true;
          }
          serveFile(res, build, 'report.html', build.report);
          return true;
        }
        const site = /^\/site\/([\w-]+)\/(.*)$/.exec(pathname);
        if (site) {
          const build = builder.modules.get(site[1]!);
          const file = site[2] || 'index.html';
          const bytes = build?.files.get(file);
          if (!build || !bytes) {
            notFound(res);
            return true;
          }
          serveFile(res, build, file, bytes);
          return true;
        }
        // Package files, served here for the live client in their pages; the launch page keeps
        // the LMS session, so it gets none.
        const packaged = /^\/packages\/([\w-]+)\/(.+)$/.exec(pathname);
        if (packaged) {
          const found = findPackage(packaged[1]!);
          const bytes = found && (await packageOf(found.build, found.target)).get(packaged[2]!);
          if (!found || !bytes) {
            notFound(res);
            return true;
          }
          if (packaged[2] === 'launch.html') {
            res.setHeader('x-coursekit-version', found.build.version);
            send(res, 200, contentType(packaged[2]), bytes);
          } else {
            serveFile(res, found.build, packaged[2]!, bytes);
          }
          return true;
        }
        return false;
      },
    },
  );

  // Rebuild what changed: edits during a rebuild are built right after it, together.
  const pendingFolders = new Set<string>();
  let pendingAll = false;
  let timer: NodeJS.Timeout | undefined;
  let flushing = false;
  let closed = false;
  const flush = async () => {
    if (flushing) return;
    flushing = true;
    try {
      while (!closed && (pendingAll || pendingFolders.size > 0)) {
        const folders = pendingAll ? undefined : [...pendingFolders];
        pendingAll = false;
        pendingFolders.clear();
        await rebuild(folders);
      }
    } finally {
      flushing = false;
    }
  };
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(() => void flush(), SETTLE_MS);
  };
  const onModulesChange = (paths: string[]) => {
    for (const changed of paths) {
      const folder = path.relative(options.modulesDir, changed).split(path.sep)[0];
      if (folder && !folder.startsWith('..')) pendingFolders.add(folder);
    }
    schedule();
  };
  const rebuildEverything = () => {
    pendingAll = true;
    schedule();
  };
  const onCoursekitChange = () => {
    builder.forget();
    rebuildEverything();
  };

  const watchers: FolderWatcher[] = [];
  const watch = async (folder: string, onChange: (paths: string[]) => void) => {
    try {
      watchers.push(
        await watchFolder(folder, {
          onChange,
          onRewatch: rebuildEverything,
          onError: (error) => log(`Watching ${folder} failed (${error.message}); edits there may need a restart of the preview.\n`),
        }),
      );
    } catch (error) {
      log(`Cannot watch ${folder} (${(error as Error).message}); edits there need a restart of the preview.\n`);
    }
  };
  await watch(options.modulesDir, onModulesChange);
  for (const folder of [schemasDir, templatesDir, stylesDir, localesDir]) await watch(folder, onCoursekitChange);

  // Listening and watching first: a busy port is reported at once, and no edit made during
  // the first build goes unseen.
  const initial = await rebuild();
  if (!initial.ok && builder.modules.size === 0) log('Fix the problems above; the preview updates as soon as the modules validate.\n');

  return {
    origin: server.origin,
    port: server.port,
    rebuild,
    versions,
    async close() {
      closed = true;
      clearTimeout(timer);
      for (const watcher of watchers) await watcher.close();
      for (const client of clients) client.end();
      await server.close();
      await queue;
    },
  };
}

/** The error's own message and its innermost cause's (Eleventy wraps a template's error in its own). */
function describeFailure(error: unknown): string {
  let cause = error as { message?: string; originalError?: unknown; cause?: unknown };
  while (cause.originalError ?? cause.cause) cause = (cause.originalError ?? cause.cause) as typeof cause;
  const outer = (error as Error).message ?? String(error);
  return cause === error || !cause.message ? outer : `${outer}: ${cause.message}`;
}

function describeRendered(build: ModuleBuild): string {
  const pages = build.pageInputs.size;
  return build.renderedPages === pages ? `${pages} page(s)` : `${build.renderedPages} of ${pages} page(s) rendered again`;
}

/**
 * Zips a package while still answering other requests: compressing a large module takes a
 * while, so the work yields to the event loop every few milliseconds. Files kept from the
 * previous build are compressed only once.
 */
async function zipWithoutBlocking(files: FileMap): Promise<Uint8Array> {
  const entries: ZipEntry[] = [];
  let slice = performance.now();
  for (const [name, bytes] of files) {
    let entry = compressed.get(bytes);
    if (entry?.name !== name) {
      entry = prepareEntry(name, bytes);
      compressed.set(bytes, entry);
    }
    entries.push(entry);
    if (performance.now() - slice > 10) {
      await nextTurn();
      slice = performance.now();
    }
  }
  return writeZip(entries);
}

const compressed = new WeakMap<Uint8Array, ZipEntry>();

function homePage(builds: ModuleBuild[], errors: number, liveTag: string): string {
  const items = builds
    .sort((a, b) => a.module.id.localeCompare(b.module.id))
    .map(({ module: m, version }) => {
      return `<li><h2>${escapeHtml(m.meta.title)}</h2><p>${escapeHtml(m.meta.description)}</p>
<p><a href="/site/${m.id}/index.html">Preview as a learner</a> · LMS simulator: <a href="/sim/${m.id}/?mode=scorm12">SCORM 1.2</a>, <a href="/sim/${m.id}/?mode=scorm2004">SCORM 2004</a>, <a href="/sim/${m.id}/?mode=web">web</a> · <a href="/reports/${m.id}.html">Coverage report</a></p>
<p>Download: ${PACKAGE_TARGETS.map((t) => `<a href="/download/${m.id}-${t}.zip" download>${t}</a>`).join(', ')} <small>(version ${version})</small></p></li>`;
    })
    .join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>coursekit preview</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:52rem;margin:0 auto;padding:1.5rem;color:#1b1f24}a{color:#0b4f8a}ul{list-style:none;padding:0}li{border-bottom:1px solid #dde2e8;padding-block:.5rem}h2{margin:.5rem 0 .25rem;font-size:1.2rem}</style>
</head><body><main><h1>coursekit preview</h1>
${errors ? `<p role="alert">${errors} error(s) in the modules: the pages show the last good version. See the terminal.</p>` : ''}
<ul>${items || '<li>No module has validated yet.</li>'}</ul></main>${liveTag}</body></html>`;
}
