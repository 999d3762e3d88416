/**
 * The preview server: edits show up without a manual reload, however the editor saves; the page
 * always ends on the last content and says which version it shows; broken content shows an
 * overlay over the last good page.
 */
import { execFile } from 'node:child_process';
import { cp, readFile, rename, rm, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPreview, type PreviewServer } from '../../src/preview/index.js';
import { launchBrowser } from '../helpers/browser.js';
import { copyProject } from '../helpers/projects.js';

let dir: string;
let moduleDir: string;
let preview: PreviewServer;
let browser: Browser;
let page: Page;
let lessonFile: string;
let original: string;
let log = '';

const TITLE = 'Not only national security';

beforeAll(async () => {
  dir = await copyProject('tiny');
  moduleDir = path.join(dir, 'modules', 'tiny-course');
  lessonFile = path.join(moduleDir, 'lessons', '02-ministries.json');
  original = await readFile(lessonFile, 'utf8');
  preview = await startPreview({ cwd: dir, modulesDir: path.join(dir, 'modules'), log: (text) => (log += text) });
  browser = await launchBrowser();
  page = await browser.newPage();
});

afterAll(async () => {
  await browser?.close();
  await preview?.close();
  await rm(dir, { recursive: true, force: true });
});

const heading = () => page.locator('main h1').textContent();
const withTitle = (title: string) => original.replace(`"${TITLE}"`, `"${title}"`);

/** Waits until the page shows `title`, through the live client's reloads. */
async function expectHeading(title: string): Promise<void> {
  await page.waitForFunction((t) => document.querySelector('main h1')?.textContent === t, title, { timeout: 20_000 });
}

async function openLesson(): Promise<void> {
  await page.goto(`${preview.origin}/site/tiny-course/02-ministries.html`);
  await page.waitForFunction(() => (window as unknown as { __coursekitLive?: boolean }).__coursekitLive === true);
}

/** An editor that writes a new file and renames it over the old one (vim, JetBrains, gedit). */
async function saveByRename(file: string, text: string): Promise<void> {
  const temporary = `${file}.tmp-save`;
  await writeFile(temporary, text);
  await rename(temporary, file);
}

/** What the page, the response headers and the server each say the page's version is. */
async function versions(): Promise<{ shown: string | undefined; header: string | undefined; server: string | undefined }> {
  const response = await page.request.get(page.url());
  return {
    shown: await page
      .locator('#coursekit-preview-bar')
      .getAttribute('data-version')
      .then((v) => v ?? undefined),
    header: response.headers()['x-coursekit-version'],
    server: preview.versions()['tiny-course'],
  };
}

describe('coursekit preview', () => {
  it('lists the modules with links to preview, simulate, download them and read their coverage report', async () => {
    await page.goto(`${preview.origin}/`);
    await expect(page.locator('h2').first().textContent()).resolves.toBe('Tiny course');
    expect(await page.locator('a[href="/sim/tiny-course/?mode=scorm2004"]').count()).toBe(1);
    expect(await page.locator('a[href="/download/tiny-course-scorm12.zip"]').count()).toBe(1);
    await page.locator('a', { hasText: 'Coverage report' }).click();
    expect(await page.locator('h1').textContent()).toContain('Coverage report');
  });

  it('reloads the page by itself when a lesson file changes', async () => {
    await openLesson();
    expect(await heading()).toBe(TITLE);
    await writeFile(lessonFile, withTitle('Beyond national security'));
    await expectHeading('Beyond national security');
  });

  it('shows every save, whether the editor renames a new file over the lesson or writes it in place', async () => {
    await openLesson();
    for (const [i, save] of ['rename', 'rename', 'sed', 'sed', 'rename', 'in place', 'in place', 'sed', 'in place'].entries()) {
      const title = `Save ${i} (${save})`;
      if (save === 'rename') await saveByRename(lessonFile, withTitle(title));
      else if (save === 'in place') await writeFile(lessonFile, withTitle(title));
      else await promisify(execFile)('sed', ['-i', `s/"title": "[^"]*"/"title": "${title}"/`, lessonFile]);
      await expectHeading(title);
    }
  });

  it('ends on the last of 50 saves in 5 seconds, and says which version it shows', async () => {
    await openLesson();
    let last = '';
    for (let i = 0; i < 50; i++) {
      last = `Burst ${i}`;
      await (i % 2 ? saveByRename(lessonFile, withTitle(last)) : writeFile(lessonFile, withTitle(last)));
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await expectHeading(last);
    await page.waitForFunction(
      (v) => document.querySelector('#coursekit-preview-bar')?.getAttribute('data-version') === v,
      preview.versions()['tiny-course'],
    );
    const { shown, header, server } = await versions();
    expect(shown).toMatch(/^[0-9a-f]{12}$/);
    expect(header).toBe(shown);
    expect(server).toBe(shown);
    expect(await page.locator('#coursekit-preview-bar').textContent()).toContain(`version ${shown}`);
  });

  it('ends on the last content when a save arrives while a rebuild runs', async () => {
    await openLesson();
    for (let i = 0; i < 5; i++) {
      const running = preview.rebuild(['tiny-course']);
      await new Promise((resolve) => setTimeout(resolve, i * 10));
      await writeFile(lessonFile, withTitle(`During a rebuild ${i}`));
      await running;
    }
    await expectHeading('During a rebuild 4');
  });

  it('gives the same content the same version', async () => {
    await writeFile(lessonFile, original);
    await openLesson();
    await expectHeading(TITLE);
    const before = (await versions()).shown;
    await writeFile(lessonFile, withTitle('Another title'));
    await expectHeading('Another title');
    expect((await versions()).shown).not.toBe(before);
    await saveByRename(lessonFile, original);
    await expectHeading(TITLE);
    expect((await versions()).shown).toBe(before);
  });

  it('reloads a page that connected only after the rebuild it missed had finished', async () => {
    await expect
      .poll(() => page.request.get(`${preview.origin}/site/tiny-course/02-ministries.html`).then((r) => r.text()))
      .toContain(TITLE);
    let release!: () => void;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    await page.route('**/__coursekit/events', async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(`${preview.origin}/site/tiny-course/02-ministries.html`);
    const shown = await page.locator('#coursekit-preview-bar').getAttribute('data-version');
    await writeFile(lessonFile, withTitle('Rebuilt before the page listened'));
    await expect.poll(() => preview.versions()['tiny-course'], { timeout: 20_000 }).not.toBe(shown);
    expect(await heading()).toBe(TITLE);
    release();
    await expectHeading('Rebuilt before the page listened');
    await page.unroute('**/__coursekit/events');
  });

  it('adds a new lesson file to the pages, and takes a deleted one away', async () => {
    await openLesson();
    const newLesson = path.join(moduleDir, 'lessons', '03-new.json');
    const moduleJson = path.join(moduleDir, 'module.json');
    const moduleText = await readFile(moduleJson, 'utf8');
    // A copy of lesson 2 without its blocks that declare ids of their own (those must be unique in the module).
    const lesson = JSON.parse(original.replace('"02-ministries"', '"03-new"').replace('"obj-75-ministries"', '"obj-75-new"'));
    lesson.blocks = lesson.blocks.filter((block: { id?: string }) => block.id === undefined);
    await writeFile(newLesson, JSON.stringify(lesson).replace(`"${TITLE}"`, '"A new lesson"'));
    await writeFile(moduleJson, moduleText.replace('"02-ministries"]', '"02-ministries", "03-new"]'));
    await page.locator('a[data-ck-toc="03-new"]').waitFor({ timeout: 20_000 });
    expect((await page.request.get(`${preview.origin}/site/tiny-course/03-new.html`)).status()).toBe(200);

    await writeFile(moduleJson, moduleText);
    await unlink(newLesson);
    await page.locator('a[data-ck-toc="03-new"]').waitFor({ state: 'detached', timeout: 20_000 });
    expect((await page.request.get(`${preview.origin}/site/tiny-course/03-new.html`)).status()).toBe(404);
  });

  it('shows a broken edit as an overlay over the last good version, and removes it once fixed', async () => {
    await writeFile(lessonFile, withTitle('Beyond national security'));
    await openLesson();
    await expectHeading('Beyond national security');
    await writeFile(lessonFile, original.replace('"id": "02-ministries",', '"id": "02-ministries"'));
    const overlay = page.locator('#coursekit-error-overlay');
    await overlay.waitFor({ state: 'visible', timeout: 20_000 });
    const text = await overlay.textContent();
    expect(text).toContain('modules/tiny-course/lessons/02-ministries.json');
    expect(text).toContain('02-ministries.json is not valid JSON');
    expect(await heading()).toBe('Beyond national security');

    await writeFile(lessonFile, original);
    await expectHeading(TITLE);
    expect(await overlay.count()).toBe(0);
  });

  it("keeps showing one module's problems while another module is edited, until they are fixed", async () => {
    await writeFile(lessonFile, original);
    const other = path.join(dir, 'modules', 'tiny-two');
    await cp(moduleDir, other, { recursive: true });
    const otherJson = path.join(other, 'module.json');
    await writeFile(otherJson, (await readFile(otherJson, 'utf8')).replace('"id": "tiny-course"', '"id": "tiny-two"'));
    await expect.poll(() => preview.versions()['tiny-two'], { timeout: 20_000 }).toBeDefined();
    await openLesson();
    await expectHeading(TITLE);

    const otherLesson = path.join(other, 'lessons', '02-ministries.json');
    await writeFile(otherLesson, original.replace('"id": "02-ministries",', '"id": "02-ministries"'));
    const overlay = page.locator('#coursekit-error-overlay');
    await overlay.waitFor({ state: 'visible', timeout: 20_000 });
    await writeFile(lessonFile, withTitle('Edited while another module is broken'));
    // A rebuild of every module (after a template change, say) updates the modules that validate.
    await preview.rebuild();
    await expectHeading('Edited while another module is broken');
    await overlay.waitFor({ state: 'visible', timeout: 20_000 });
    expect(await overlay.textContent()).toContain('modules/tiny-two/lessons/02-ministries.json');

    await writeFile(otherLesson, original);
    await overlay.waitFor({ state: 'detached', timeout: 20_000 });
    await rm(other, { recursive: true, force: true });
    await expect.poll(() => preview.versions()['tiny-two'], { timeout: 20_000 }).toBeUndefined();
    await writeFile(lessonFile, original);
  });

  it('says so in the terminal and over the page when a rebuild fails on content nested thousands of levels deep', async () => {
    await openLesson();
    await expectHeading(TITLE);
    log = '';
    // Once a stack overflow the preview did not report at all.
    const nested = `${'['.repeat(5_000)}${']'.repeat(5_000)}`;
    await writeFile(lessonFile, original.replace('"blocks": [', `"blocks": [{ "type": "keyPoints", "items": ${nested} },`));
    const overlay = page.locator('#coursekit-error-overlay');
    await overlay.waitFor({ state: 'visible', timeout: 20_000 });
    expect(await overlay.textContent()).toMatch(/last good version/);
    expect(log).toMatch(/kept the last good version/);
    expect(await heading()).toBe(TITLE);

    await writeFile(lessonFile, original);
    await overlay.waitFor({ state: 'detached', timeout: 20_000 });
  });

  it('keeps serving packages for the LMS simulator and for download', async () => {
    const zip = await page.request.get(`${preview.origin}/download/tiny-course-scorm2004.zip`);
    expect(zip.status()).toBe(200);
    expect((await zip.body()).subarray(0, 2).toString()).toBe('PK');
    const manifest = await page.request.get(`${preview.origin}/packages/tiny-course-scorm12/imsmanifest.xml`);
    expect(await manifest.text()).toContain('<schemaversion>1.2</schemaversion>');
  });
});
