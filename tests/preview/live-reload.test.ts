/** The preview server: edits show up without a manual reload; broken content shows an overlay over the last good page. */
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPreview, type PreviewServer } from '../../src/preview/index.js';
import { launchBrowser } from '../helpers/browser.js';
import { copyProject } from '../helpers/projects.js';

let dir: string;
let preview: PreviewServer;
let browser: Browser;
let page: Page;
let lessonFile: string;
let original: string;

beforeAll(async () => {
  dir = await copyProject('tiny');
  lessonFile = path.join(dir, 'modules', 'tiny-course', 'lessons', '02-ministries.json');
  original = await readFile(lessonFile, 'utf8');
  preview = await startPreview({ cwd: dir, modulesDir: path.join(dir, 'modules') });
  browser = await launchBrowser();
  page = await browser.newPage();
});

afterAll(async () => {
  await browser?.close();
  await preview?.close();
  await rm(dir, { recursive: true, force: true });
});

const heading = () => page.locator('main h1').textContent();

describe('coursekit preview', () => {
  it('lists the modules with links to preview, simulate and download them', async () => {
    await page.goto(`${preview.origin}/`);
    await expect(page.locator('h2').first().textContent()).resolves.toBe('Tiny course');
    expect(await page.locator('a[href="/sim/tiny-course/?mode=scorm2004"]').count()).toBe(1);
    expect(await page.locator('a[href="/download/tiny-course-scorm12.zip"]').count()).toBe(1);
  });

  it('reloads the page by itself when a lesson file changes', async () => {
    await page.goto(`${preview.origin}/site/tiny-course/02-ministries.html`);
    expect(await heading()).toBe('Not only national security');
    await page.waitForFunction(() => (window as unknown as { __coursekitLive?: boolean }).__coursekitLive === true);
    await writeFile(lessonFile, original.replace('"Not only national security"', '"Beyond national security"'));
    await page.waitForFunction(() => document.querySelector('main h1')?.textContent === 'Beyond national security', null, {
      timeout: 15_000,
    });
  });

  it('shows a broken edit as an overlay over the last good version, and removes it once fixed', async () => {
    await writeFile(lessonFile, original.replace('"id": "02-ministries",', '"id": "02-ministries"'));
    const overlay = page.locator('#coursekit-error-overlay');
    await overlay.waitFor({ state: 'visible', timeout: 15_000 });
    const text = await overlay.textContent();
    expect(text).toContain('modules/tiny-course/lessons/02-ministries.json');
    expect(text).toContain('02-ministries.json is not valid JSON');
    expect(await heading()).toBe('Beyond national security');

    await writeFile(lessonFile, original);
    await page.waitForFunction(() => document.querySelector('main h1')?.textContent === 'Not only national security', null, {
      timeout: 15_000,
    });
    expect(await overlay.count()).toBe(0);
  });

  it('keeps serving packages for the LMS simulator and for download', async () => {
    const zip = await page.request.get(`${preview.origin}/download/tiny-course-scorm2004.zip`);
    expect(zip.status()).toBe(200);
    expect((await zip.body()).subarray(0, 2).toString()).toBe('PK');
    const manifest = await page.request.get(`${preview.origin}/packages/tiny-course-scorm12/imsmanifest.xml`);
    expect(await manifest.text()).toContain('<schemaversion>1.2</schemaversion>');
  });
});
