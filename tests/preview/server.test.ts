/**
 * The preview server as a web server: what it answers, to whom, on which port, and what its
 * downloads hold. Plain HTTP requests, no browser.
 */
import { request as httpRequest } from 'node:http';
import path from 'node:path';
import { readFile, rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DiagnosticsError } from '../../src/diagnostics/diagnostic.js';
import { startPreview, type PreviewServer } from '../../src/preview/index.js';
import { runCli } from '../helpers/cli.js';
import { buildProject, copyProject, type BuiltProject } from '../helpers/projects.js';

let dir: string;
let preview: PreviewServer;

beforeAll(async () => {
  dir = await copyProject('tiny');
  preview = await startPreview({ cwd: dir, modulesDir: path.join(dir, 'modules') });
});

afterAll(async () => {
  await preview?.close();
  await rm(dir, { recursive: true, force: true });
});

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

function request(pathname: string, options: { method?: string; host?: string } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port: preview.port,
        path: pathname,
        method: options.method ?? 'GET',
        headers: { host: options.host ?? `127.0.0.1:${preview.port}` },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

describe('the preview server', () => {
  it('answers GET and HEAD only: other methods get 405 with the methods it allows', async () => {
    for (const method of ['POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS']) {
      const answer = await request('/', { method });
      expect(answer.status, method).toBe(405);
      expect(answer.headers.allow).toBe('GET, HEAD');
    }
    const head = await request('/site/tiny-course/index.html', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
  });

  it('answers only requests addressed to this machine, so a web page cannot reach it through DNS rebinding', async () => {
    for (const host of [`127.0.0.1:${preview.port}`, `localhost:${preview.port}`, `[::1]:${preview.port}`, `LOCALHOST:${preview.port}`]) {
      expect((await request('/', { host })).status, host).toBe(200);
    }
    for (const host of [
      `attacker.example:${preview.port}`,
      'localhost',
      `127.0.0.1:${preview.port + 1}`,
      `localhost.attacker.example:${preview.port}`,
    ]) {
      const answer = await request('/site/tiny-course/index.html', { host });
      expect(answer.status, host).toBe(403);
      expect(answer.body.toString()).not.toContain('<html');
    }
  });

  it('answers a malformed % escape with 400, not an error message', async () => {
    const answer = await request('/site/tiny-course/%E0%A4%A.html');
    expect(answer.status).toBe(400);
    expect(answer.body.toString()).toBe('Bad request: the address has a malformed % escape.');
  });

  it('lets nothing be cached, and names the version of what it serves', async () => {
    const version = preview.versions()['tiny-course'];
    for (const pathname of [
      '/',
      '/site/tiny-course/index.html',
      '/site/tiny-course/assets/coursekit.css',
      '/reports/tiny-course.html',
      '/sim/tiny-course/?mode=scorm12',
      '/packages/tiny-course-scorm12/imsmanifest.xml',
      '/download/tiny-course-web.zip',
      '/site/tiny-course/nothing-here.html',
    ]) {
      const answer = await request(pathname);
      expect(answer.headers['cache-control'], pathname).toBe('no-store');
      if (pathname.includes('tiny-course') && answer.status === 200) expect(answer.headers['x-coursekit-version'], pathname).toBe(version);
    }
  });

  it('serves the coverage report the start page links', async () => {
    expect((await request('/')).body.toString()).toContain('href="/reports/tiny-course.html"');
    const report = await request('/reports/tiny-course.html');
    expect(report.status).toBe(200);
    expect(report.body.toString()).toContain('Coverage report: <span lang="en" dir="ltr">Tiny course</span>');
  });

  describe('downloads', () => {
    let built: BuiltProject;
    beforeAll(async () => {
      built = await buildProject('tiny');
    });
    afterAll(async () => {
      await built?.cleanup();
    });

    it('are the zips `coursekit build` writes, byte for byte, however many are asked for at once', async () => {
      for (const target of ['scorm12', 'scorm2004', 'web']) {
        const expected = await readFile(path.join(built.dir, 'dist', 'packages', `tiny-course-${target}.zip`));
        const answers = await Promise.all(Array.from({ length: 20 }, () => request(`/download/tiny-course-${target}.zip`)));
        for (const answer of answers) {
          expect(answer.status).toBe(200);
          expect(answer.body.equals(expected), target).toBe(true);
        }
      }
    });
  });
});

describe('the preview port', () => {
  it('moves on to the next free port when the one asked for is busy', async () => {
    const second = await startPreview({ cwd: dir, modulesDir: path.join(dir, 'modules'), port: preview.port });
    try {
      expect(second.port).toBeGreaterThan(preview.port);
    } finally {
      await second.close();
    }
  });

  it('is an error with a diagnostic when the port was chosen and is busy', async () => {
    const started = startPreview({ cwd: dir, modulesDir: path.join(dir, 'modules'), port: preview.port, exactPort: true });
    await expect(started).rejects.toBeInstanceOf(DiagnosticsError);
    await expect(started).rejects.toMatchObject({
      diagnostics: [{ code: 'preview-port-unavailable', message: expect.stringContaining(`port ${preview.port} on 127.0.0.1 is in use`) }],
    });
  });

  it('`coursekit preview --port` with a busy port says so, without a stack trace', async () => {
    const run = await runCli(['preview', '--port', String(preview.port)], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`port ${preview.port} on 127.0.0.1 is in use`);
    expect(run.stderr).toContain('choose another port with --port');
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('`coursekit preview --port abc` is a usage error', async () => {
    for (const port of ['abc', '0', '70000', '80.5', '']) {
      const run = await runCli(['preview', '--port', port], dir);
      expect(run.code, port).toBe(2);
      expect(run.stderr, port).toContain('give a port number from 1 to 65535');
      expect(run.stderr).not.toMatch(/\n\s+at /);
    }
  });
});
