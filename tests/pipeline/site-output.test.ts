/**
 * The build writes and compresses pages on a second thread while Eleventy renders the next
 * ones (src/pipeline/site-output.ts). What a learner or an LMS gets must not depend on it: the
 * pages handed over are exactly the pages written, a page that differs is written from
 * Eleventy's final output, and the zips hold the same bytes as zips made on one thread.
 */
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { inflateSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { checkModules } from '../../src/pipeline/check.js';
import { startSiteOutput } from '../../src/pipeline/site-output.js';
import { createZip, readZip } from '../../src/package/zip.js';
import { renderSite } from '../../src/render/index.js';
import type { RenderResult } from '../../src/render/site-files.js';
import type { SiteModel } from '../../src/render/view-model.js';
import { buildProject, copyProject } from '../helpers/projects.js';

const folders: string[] = [];
afterAll(async () => Promise.all(folders.map((dir) => rm(dir, { recursive: true, force: true }))));

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'coursekit-site-output-'));
  folders.push(dir);
  return dir;
}

const encode = (text: string) => new TextEncoder().encode(text);
const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

function renderedOf(pages: Record<string, string>, siteFiles: Record<string, string> = {}): RenderResult {
  const moduleFiles = new Map<string, Map<string, Uint8Array>>();
  for (const [file, text] of Object.entries(pages)) {
    const [id, ...rest] = file.split('/');
    if (!moduleFiles.has(id!)) moduleFiles.set(id!, new Map());
    moduleFiles.get(id!)!.set(rest.join('/'), encode(text));
  }
  return { site: {} as SiteModel, moduleFiles, siteFiles: new Map(Object.entries(siteFiles).map(([f, t]) => [f, encode(t)])) };
}

describe('pages written and compressed while rendering', () => {
  it('hands over every page exactly as Eleventy outputs it', async () => {
    const dir = await copyProject('tiny');
    folders.push(dir);
    const checked = await checkModules({ cwd: dir, modulesDir: path.join(dir, 'modules') });
    const handed = new Map<string, string>();
    const rendered = await renderSite(checked.modules, {
      outDir: path.join(dir, 'site'),
      onPage: (file, content) => handed.set(file, content),
    });
    const pages = [...rendered.moduleFiles].flatMap(([id, files]) =>
      [...files].filter(([name]) => name.endsWith('.html')).map(([name, bytes]) => [`${id}/${name}`, bytes] as const),
    );
    expect(pages.length).toBeGreaterThan(3);
    for (const [file, bytes] of pages) expect(handed.get(file), file).toBe(decode(bytes));
    expect(handed.size).toBe(pages.length);
  });

  it('writes every file and returns the compressed bytes of each page it was handed', async () => {
    const siteDir = path.join(await tempDir(), 'site');
    const output = startSiteOutput(siteDir, (file) => file.startsWith('course/'));
    const page = '<p>Migrants are rights holders.</p>'.repeat(20);
    output.addPage('course/lesson.html', page);
    const deflated = await output.finish(
      renderedOf({ 'course/lesson.html': page, 'course/assets/app.css': 'p{}' }, { 'index.html': '<h1>Courses</h1>' }),
    );
    expect(await readFile(path.join(siteDir, 'course', 'lesson.html'), 'utf8')).toBe(page);
    expect(await readFile(path.join(siteDir, 'course', 'assets', 'app.css'), 'utf8')).toBe('p{}');
    expect(await readFile(path.join(siteDir, 'index.html'), 'utf8')).toBe('<h1>Courses</h1>');
    expect([...deflated.keys()]).toEqual(['course/lesson.html']);
    expect(decode(inflateSync(deflated.get('course/lesson.html')!.deflated))).toBe(page);
  });

  it('writes a page from the final output, and does not reuse its compressed bytes, when it differs from what was handed over', async () => {
    const siteDir = path.join(await tempDir(), 'site');
    const output = startSiteOutput(siteDir, () => true);
    output.addPage('course/lesson.html', '<p>first draft</p>');
    const deflated = await output.finish(renderedOf({ 'course/lesson.html': '<p>final text</p>' }));
    expect(await readFile(path.join(siteDir, 'course', 'lesson.html'), 'utf8')).toBe('<p>final text</p>');
    expect(deflated.has('course/lesson.html')).toBe(false);
  });

  it('writes every file itself when the worker delivered nothing (one core, or no worker)', async () => {
    const siteDir = path.join(await tempDir(), 'site');
    const output = startSiteOutput(siteDir, () => true);
    const deflated = await output.finish(renderedOf({ 'course/lesson.html': '<p>text</p>', 'course/assets/app.css': 'p{}' }));
    expect(await readFile(path.join(siteDir, 'course', 'lesson.html'), 'utf8')).toBe('<p>text</p>');
    expect(await readFile(path.join(siteDir, 'course', 'assets', 'app.css'), 'utf8')).toBe('p{}');
    expect(deflated.size).toBe(0);
  });

  it('builds zips byte-identical to zipping the same files on one thread', async () => {
    const project = await buildProject('tiny');
    folders.push(project.dir);
    const packagesDir = path.join(project.dir, 'dist', 'packages');
    const names = (await readdir(packagesDir)).sort();
    expect(names).toHaveLength(3);
    for (const name of names) {
      const zip = new Uint8Array(await readFile(path.join(packagesDir, name)));
      expect(Buffer.compare(createZip(readZip(zip)), zip), name).toBe(0);
    }
  });
});
