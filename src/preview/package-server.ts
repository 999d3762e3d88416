/**
 * A small HTTP server on 127.0.0.1 that serves SCORM packages straight from their zips, with
 * an LMS host page around each (scorm-again). Used by `coursekit preview` and the browser tests.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { createRequire } from 'node:module';
import { bundlePreviewScript, PREVIEW_SCRIPTS, type PreviewScript } from '../bundle/index.js';
import type { FileMap } from '../model/files.js';
import { lmsHostPage, type ScormVersion } from './lms-host.js';

const require = createRequire(import.meta.url);

export const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.xml': 'application/xml; charset=utf-8',
  '.zip': 'application/zip',
  '.txt': 'text/plain; charset=utf-8',
};

export function contentType(file: string): string {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

export function scormAgainDir(): string {
  return path.dirname(require.resolve('scorm-again/scorm12'));
}

export interface PackageSource {
  /** The files of a package by its name (e.g. `my-module-scorm12`), or undefined. */
  getPackage(name: string): Promise<FileMap | undefined>;
}

export type ExtraRoute = (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<boolean>;

export interface RunningServer {
  server: Server;
  origin: string;
  close(): Promise<void>;
}

/**
 * Routes:
 * - `/packages/<name>/<file>`: a file of a package;
 * - `/lms/<name>/`: the LMS host page for a SCORM package (version from its name);
 * - `/__coursekit/scorm-again/<file>`: scorm-again's browser bundles;
 * - `/__coursekit/<name>.js`: the scripts of the preview's own pages (src/preview/client/).
 */
export async function startPackageServer(
  source: PackageSource,
  options: { port?: number; extraRoute?: ExtraRoute } = {},
): Promise<RunningServer> {
  // Bundled ahead, so that a page's first load does not wait for esbuild.
  for (const name of PREVIEW_SCRIPTS) void bundlePreviewScript(name).catch(() => undefined);
  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(String((error as Error).message));
    });
  });
  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const pathname = decodeURIComponent(url.pathname);
    if (options.extraRoute && (await options.extraRoute(req, res, url))) return;
    if (pathname.startsWith('/__coursekit/scorm-again/')) {
      const name = path.basename(pathname);
      if (!/^[\w.-]+\.js$/.test(name)) return notFound(res);
      return send(res, 200, contentType(name), await readFile(path.join(scormAgainDir(), name)));
    }
    const script = /^\/__coursekit\/([\w-]+)\.js$/.exec(pathname)?.[1];
    if (script && (PREVIEW_SCRIPTS as readonly string[]).includes(script)) {
      return send(res, 200, contentType('x.js'), await bundlePreviewScript(script as PreviewScript));
    }
    const lms = /^\/lms\/([\w-]+)\/$/.exec(pathname);
    if (lms) {
      const name = lms[1]!;
      const version: ScormVersion | undefined = name.endsWith('-scorm12')
        ? 'scorm12'
        : name.endsWith('-scorm2004')
          ? 'scorm2004'
          : undefined;
      if (!version || !(await source.getPackage(name))) return notFound(res);
      const page = lmsHostPage({
        version,
        launchUrl: `/packages/${name}/launch.html`,
        scormAgainUrl: '/__coursekit/scorm-again',
        title: name,
      });
      return send(res, 200, 'text/html; charset=utf-8', page);
    }
    const file = /^\/packages\/([\w-]+)\/(.+)$/.exec(pathname);
    if (file) {
      const files = await source.getPackage(file[1]!);
      const bytes = files?.get(file[2]!);
      if (!bytes) return notFound(res);
      return send(res, 200, contentType(file[2]!), bytes);
    }
    return notFound(res);
  }
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    server,
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export function send(res: ServerResponse, status: number, type: string, body: string | Uint8Array): void {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
  res.end(body);
}

export function notFound(res: ServerResponse): void {
  send(res, 404, 'text/plain; charset=utf-8', 'Not found');
}
