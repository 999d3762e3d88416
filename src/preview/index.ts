/**
 * `coursekit preview`: a local server on 127.0.0.1 that shows each module as learners see it,
 * rebuilds on every edit (content, schema or template) and reloads the page, shows validation
 * problems over the last good version, and plays packages in an LMS simulator.
 */
import { watch, type FSWatcher } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { ServerResponse } from 'node:http';
import { checkModules } from '../pipeline/check.js';
import { hasErrors, type Diagnostic } from '../diagnostics/diagnostic.js';
import { formatDiagnostics } from '../diagnostics/format.js';
import type { CourseModule } from '../model/course.js';
import { assemblePackage, PACKAGE_TARGETS, type PackageTarget } from '../package/index.js';
import type { FileMap } from '../model/files.js';
import { createZip } from '../package/zip.js';
import { localesDir, schemasDir, stylesDir, templatesDir } from '../paths.js';
import { renderSite } from '../render/index.js';
import { escapeHtml } from '../render/markdown.js';
import { forgetCompiledSchemas } from '../validate/schema.js';
import { writeSite } from '../render/site-files.js';
import { injectLiveClient } from './live-client.js';
import { contentType, notFound, send, startPackageServer, type RunningServer } from './package-server.js';
import { simulatorPage, type SimulatorMode } from './simulator-page.js';

export interface PreviewOptions {
  cwd: string;
  modulesDir: string;
  only?: readonly string[];
  port?: number;
  /** Where progress and problems are printed. */
  log?: (text: string) => void;
}

export interface RebuildResult {
  ok: boolean;
  diagnostics: Diagnostic[];
  /** Milliseconds from the start of the rebuild to the new pages being served. */
  milliseconds: number;
  modules: string[];
}

export interface PreviewServer {
  origin: string;
  /** Rebuild now: all modules, or the ones named. */
  rebuild(moduleIds?: string[]): Promise<RebuildResult>;
  close(): Promise<void>;
}

interface RenderedModule {
  module: CourseModule;
  /** Folder holding `<module-id>/`, rendered by one build. */
  siteDir: string;
  /** The files of the module folder, as rendered. */
  files: FileMap;
  packages: Map<PackageTarget, FileMap>;
}

export async function startPreview(options: PreviewOptions): Promise<PreviewServer> {
  const log = options.log ?? (() => {});
  const workDir = await mkdtemp(path.join(os.tmpdir(), 'coursekit-preview-'));
  const rendered = new Map<string, RenderedModule>();
  const clients = new Set<ServerResponse>();
  let problems: Diagnostic[] = [];
  let buildNumber = 0;
  let queue: Promise<unknown> = Promise.resolve();

  const broadcast = (event: string, data: unknown) => {
    for (const client of clients) client.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  };
  const problemsText = (diagnostics: Diagnostic[]) => formatDiagnostics(diagnostics, 'pretty', { color: false, cwd: options.cwd });

  async function rebuildNow(moduleIds?: string[]): Promise<RebuildResult> {
    const started = performance.now();
    const only = moduleIds ?? (options.only ? [...options.only] : undefined);
    // Authors preview a translation in progress as the draft it is.
    const checked = await checkModules({ cwd: options.cwd, modulesDir: options.modulesDir, drafts: true, ...(only ? { only } : {}) });
    if (hasErrors(checked.diagnostics)) {
      problems = checked.diagnostics;
      log(problemsText(problems));
      log(`Preview kept the last good version: ${problems.filter((d) => d.severity === 'error').length} error(s).\n`);
      broadcast('problems', { text: problemsText(problems) });
      return { ok: false, diagnostics: problems, milliseconds: performance.now() - started, modules: [] };
    }
    const siteDir = path.join(workDir, `build-${++buildNumber}`);
    const result = await renderSite(checked.modules, { outDir: siteDir });
    writeSite(siteDir, result);
    const previous = new Set<string>();
    for (const module of checked.modules) {
      const old = rendered.get(module.id);
      if (old) previous.add(old.siteDir);
      rendered.set(module.id, { module, siteDir, files: result.moduleFiles.get(module.id)!, packages: new Map() });
    }
    for (const dir of previous) {
      if (![...rendered.values()].some((r) => r.siteDir === dir)) await rm(dir, { recursive: true, force: true });
    }
    const hadProblems = problems.length > 0;
    problems = checked.diagnostics;
    if (hadProblems) broadcast('ok', {});
    broadcast('reload', { modules: checked.modules.map((m) => m.id) });
    const milliseconds = performance.now() - started;
    log(`Rebuilt ${checked.modules.map((m) => m.id).join(', ')} in ${Math.round(milliseconds)} ms.\n`);
    return { ok: true, diagnostics: checked.diagnostics, milliseconds, modules: checked.modules.map((m) => m.id) };
  }

  /** Rebuilds run one at a time, in order. */
  const rebuild = (moduleIds?: string[]) => {
    const next = queue.then(() => rebuildNow(moduleIds));
    queue = next.catch(() => undefined);
    return next;
  };

  async function packageFiles(moduleId: string, target: PackageTarget): Promise<FileMap | undefined> {
    const entry = rendered.get(moduleId);
    if (!entry) return undefined;
    let files = entry.packages.get(target);
    if (!files) {
      files = await assemblePackage(entry.module, entry.files, target);
      entry.packages.set(target, files);
    }
    return files;
  }

  function parsePackageName(name: string): { moduleId: string; target: PackageTarget } | undefined {
    const target = PACKAGE_TARGETS.find((t) => name.endsWith(`-${t}`));
    return target ? { moduleId: name.slice(0, -target.length - 1), target } : undefined;
  }

  const initial = await rebuild();
  if (!initial.ok && rendered.size === 0) log('Fix the problems above; the preview updates as soon as the modules validate.\n');

  const server: RunningServer = await startPackageServer(
    {
      async getPackage(name) {
        const parsed = parsePackageName(name);
        if (!parsed) return undefined;
        const files = await packageFiles(parsed.moduleId, parsed.target);
        if (!files) return undefined;
        // Content pages reload themselves on a rebuild; the launch page keeps the LMS session.
        return new Map(
          [...files].map(([file, bytes]) => [
            file,
            file.endsWith('.html') && file !== 'launch.html'
              ? new TextEncoder().encode(injectLiveClient(new TextDecoder().decode(bytes)))
              : bytes,
          ]),
        );
      },
    },
    {
      port: options.port ?? 0,
      async extraRoute(req, res, url) {
        const pathname = decodeURIComponent(url.pathname);
        if (pathname === '/__coursekit/events') {
          res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
          res.write(': connected\n\n');
          if (problems.some((d) => d.severity === 'error'))
            res.write(`event: problems\ndata: ${JSON.stringify({ text: problemsText(problems) })}\n\n`);
          clients.add(res);
          req.on('close', () => clients.delete(res));
          return true;
        }
        if (pathname === '/' || pathname === '/index.html') {
          send(
            res,
            200,
            'text/html; charset=utf-8',
            homePage(
              [...rendered.values()].map((r) => r.module),
              problems,
            ),
          );
          return true;
        }
        const sim = /^\/sim\/([\w-]+)\/$/.exec(pathname);
        if (sim) {
          const entry = rendered.get(sim[1]!);
          if (!entry) {
            notFound(res);
            return true;
          }
          const requested = url.searchParams.get('mode');
          const mode: SimulatorMode = requested === 'scorm2004' || requested === 'web' ? requested : 'scorm12';
          send(res, 200, 'text/html; charset=utf-8', simulatorPage(entry.module.id, entry.module.meta.title, mode));
          return true;
        }
        const download = /^\/download\/([\w-]+)\.zip$/.exec(pathname);
        if (download) {
          const parsed = parsePackageName(download[1]!);
          const files = parsed && (await packageFiles(parsed.moduleId, parsed.target));
          if (!files) {
            notFound(res);
            return true;
          }
          res.writeHead(200, { 'content-type': 'application/zip', 'content-disposition': `attachment; filename="${download[1]}.zip"` });
          res.end(createZip(files));
          return true;
        }
        const site = /^\/site\/([\w-]+)\/(.*)$/.exec(pathname);
        if (site) {
          const entry = rendered.get(site[1]!);
          const file = site[2] || 'index.html';
          if (!entry || file.split('/').includes('..')) {
            notFound(res);
            return true;
          }
          try {
            const bytes = await readFile(path.join(entry.siteDir, site[1]!, file));
            const type = contentType(file);
            send(res, 200, type, type.startsWith('text/html') ? injectLiveClient(bytes.toString('utf8')) : bytes);
          } catch {
            notFound(res);
          }
          return true;
        }
        return false;
      },
    },
  );

  // Watch content, schemas and templates; rebuild only the module that changed when we can tell.
  const watchers: FSWatcher[] = [];
  let pending = new Set<string | null>();
  let timer: NodeJS.Timeout | undefined;
  const schedule = (moduleId: string | null) => {
    pending.add(moduleId);
    clearTimeout(timer);
    timer = setTimeout(() => {
      const changed = pending;
      pending = new Set();
      const all = changed.has(null) || [...changed].some((id) => id && !rendered.has(id));
      void rebuild(all ? undefined : ([...changed] as string[]));
    }, 40);
  };
  const watchTree = (dir: string, toModule: (file: string) => string | null) => {
    try {
      watchers.push(watch(dir, { recursive: true }, (_event, file) => schedule(file ? toModule(String(file)) : null)));
    } catch {
      log(`Cannot watch ${dir}; edits there need a restart of the preview.\n`);
    }
  };
  watchTree(options.modulesDir, (file) => file.split(/[\\/]/)[0] ?? null);
  watchTree(schemasDir, () => {
    forgetCompiledSchemas();
    return null;
  });
  for (const dir of [templatesDir, stylesDir, localesDir]) watchTree(dir, () => null);

  return {
    origin: server.origin,
    rebuild,
    async close() {
      clearTimeout(timer);
      for (const w of watchers) w.close();
      for (const client of clients) client.end();
      await server.close();
      await queue;
      await rm(workDir, { recursive: true, force: true });
    },
  };
}

function homePage(modules: CourseModule[], problems: Diagnostic[]): string {
  const errors = problems.filter((d) => d.severity === 'error').length;
  const items = modules
    .sort((a, b) => a.id.localeCompare(b.id))
    .map(
      (m) => `<li><h2>${escapeHtml(m.meta.title)}</h2><p>${escapeHtml(m.meta.description)}</p>
<p><a href="/site/${m.id}/index.html">Preview as a learner</a> · LMS simulator: <a href="/sim/${m.id}/?mode=scorm12">SCORM 1.2</a>, <a href="/sim/${m.id}/?mode=scorm2004">SCORM 2004</a>, <a href="/sim/${m.id}/?mode=web">web</a></p>
<p>Download: ${PACKAGE_TARGETS.map((t) => `<a href="/download/${m.id}-${t}.zip" download>${t}</a>`).join(', ')}</p></li>`,
    )
    .join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>coursekit preview</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:52rem;margin:0 auto;padding:1.5rem;color:#1b1f24}a{color:#0b4f8a}ul{list-style:none;padding:0}li{border-bottom:1px solid #dde2e8;padding-block:.5rem}h2{margin:.5rem 0 .25rem;font-size:1.2rem}</style>
</head><body><main><h1>coursekit preview</h1>
${errors ? `<p role="alert">${errors} error(s) in the modules: the pages show the last good version. See the terminal.</p>` : ''}
<ul>${items || '<li>No module has validated yet.</li>'}</ul></main><script src="/__coursekit/live.js"></script></body></html>`;
}
