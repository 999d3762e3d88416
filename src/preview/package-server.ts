/**
 * A small HTTP server on 127.0.0.1 that serves SCORM packages straight from their zips, with
 * an LMS host page around each (scorm-again). Used by `coursekit preview` and the browser tests.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { createRequire } from 'node:module';
import { bundlePreviewScript, PREVIEW_SCRIPTS, type PreviewScript } from '../bundle/index.js';
import { diagnostic } from '../diagnostics/create.js';
import { DiagnosticsError, type Diagnostic } from '../diagnostics/diagnostic.js';
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

/** A route of the caller's, given the decoded path; true when it answered. */
export type ExtraRoute = (req: IncomingMessage, res: ServerResponse, url: URL, pathname: string) => Promise<boolean>;

export interface RunningServer {
  server: Server;
  origin: string;
  port: number;
  close(): Promise<void>;
}

export interface ServerOptions {
  /** 0 (the default) for any free port. */
  port?: number;
  /** A busy port is an error; otherwise the next free port is taken, as Vite does. */
  exactPort?: boolean;
  extraRoute?: ExtraRoute;
}

/** How many ports are tried, from the one asked for, before giving up. */
const PORT_ATTEMPTS = 20;

/**
 * Routes:
 * - `/packages/<name>/<file>`: a file of a package;
 * - `/lms/<name>/`: the LMS host page for a SCORM package (version from its name);
 * - `/__coursekit/scorm-again/<file>`: scorm-again's browser bundles;
 * - `/__coursekit/<name>.js`: the scripts of the preview's own pages (src/preview/client/).
 *
 * Only GET and HEAD are answered, only for the host names of this machine (a web page
 * elsewhere cannot read the preview through a DNS name pointed at 127.0.0.1), and nothing is
 * cached: a page is always the latest build.
 */
export async function startPackageServer(source: PackageSource, options: ServerOptions = {}): Promise<RunningServer> {
  // Bundled ahead, so that a page's first load does not wait for esbuild.
  for (const name of PREVIEW_SCRIPTS) void bundlePreviewScript(name).catch(() => undefined);
  let port = 0;
  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (res.headersSent) return res.destroy();
      send(res, 500, 'text/plain; charset=utf-8', `coursekit could not answer this request: ${(error as Error).message}`);
    });
  });
  async function handle(req: IncomingMessage, res: ServerResponse) {
    res.setHeader('cache-control', 'no-store');
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('allow', 'GET, HEAD');
      return send(res, 405, 'text/plain; charset=utf-8', 'Method not allowed: the preview only answers GET and HEAD.');
    }
    if (!isLocalHost(req.headers.host, port)) {
      return send(
        res,
        403,
        'text/plain; charset=utf-8',
        `Forbidden: open the preview as http://127.0.0.1:${port}/ or http://localhost:${port}/.`,
      );
    }
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    let pathname: string;
    try {
      pathname = decodeURIComponent(url.pathname);
    } catch {
      return send(res, 400, 'text/plain; charset=utf-8', 'Bad request: the address has a malformed % escape.');
    }
    if (options.extraRoute && (await options.extraRoute(req, res, url, pathname))) return;
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
  port = await listenFrom(server, options.port ?? 0, options.exactPort ?? false);
  return {
    server,
    origin: `http://127.0.0.1:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** localhost, 127.0.0.1 or [::1], with the port the server listens on. */
function isLocalHost(host: string | undefined, port: number): boolean {
  const match = /^(localhost|127\.0\.0\.1|\[::1\]):(\d+)$/i.exec(host ?? '');
  return match !== null && Number(match[2]) === port;
}

/** Listens on 127.0.0.1 at `first`, or the next free port unless `exact`; returns the port. */
async function listenFrom(server: Server, first: number, exact: boolean): Promise<number> {
  const attempts = exact || first === 0 ? 1 : Math.min(PORT_ATTEMPTS, 65536 - first);
  for (let i = 0; ; i++) {
    try {
      await listen(server, first + i);
      const address = server.address();
      return typeof address === 'object' && address ? address.port : first + i;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EADDRINUSE' && i + 1 < attempts) continue;
      throw new DiagnosticsError([portProblem(first, first + i, code, exact)]);
    }
  }
}

function listen(server: Server, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const failed = (error: Error) => {
      server.off('listening', listening);
      reject(error);
    };
    const listening = () => {
      server.off('error', failed);
      resolve();
    };
    server.once('error', failed);
    server.once('listening', listening);
    server.listen(port, '127.0.0.1');
  });
}

function portProblem(first: number, last: number, code: string | undefined, exact: boolean): Diagnostic {
  const ports = first === last ? `port ${first}` : `ports ${first} to ${last}`;
  if (code === 'EADDRINUSE') {
    return diagnostic('preview-port-unavailable', {
      message: `${ports} on 127.0.0.1 ${first === last ? 'is' : 'are all'} in use: another preview, or another program, is listening there.`,
      hint: exact
        ? 'Stop the other program, or choose another port with --port. Without --port, the preview moves on to the next free port.'
        : 'Stop the other programs, or choose a free port with --port.',
    });
  }
  return diagnostic('preview-port-unavailable', {
    message: `${ports} on 127.0.0.1 cannot be used (${code ?? 'unknown error'}${code === 'EACCES' ? ': ports below 1024 need administrator rights' : ''}).`,
  });
}

export function send(res: ServerResponse, status: number, type: string, body: string | Uint8Array): void {
  res.writeHead(status, { 'content-type': type });
  res.end(body);
}

export function notFound(res: ServerResponse): void {
  send(res, 404, 'text/plain; charset=utf-8', 'Not found');
}
