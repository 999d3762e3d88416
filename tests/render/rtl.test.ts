/** An Arabic module renders right to left: lang/dir set, UI strings in Arabic, the layout mirrored. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../helpers/browser.js';
import { axeViolations } from '../helpers/axe.js';
import { buildProject, type BuiltProject } from '../helpers/projects.js';
import { readZip } from '../../src/package/zip.js';

let project: BuiltProject;
let browser: Browser;

beforeAll(async () => {
  project = await buildProject('arabic');
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await project?.cleanup();
});

describe('Arabic, right to left', () => {
  it('packages the module with Arabic UI strings and dir="rtl"', async () => {
    const zip = readZip(await readFile(path.join(project.dir, 'dist', 'packages', 'hr-migration-ar-scorm12.zip')));
    const page = new TextDecoder().decode(zip.get('01-ministries.html'));
    expect(page).toContain('<html lang="ar" dir="rtl">');
    expect(page).toContain('الانتقال إلى المحتوى');
    expect(page).toContain('أهداف التعلّم');
  });

  it('mirrors the layout: contents on the right, text aligned right, Previous on the right', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`file://${path.join(project.dir, 'dist', 'site', 'hr-migration-ar', '01-ministries.html')}`);
    const layout = await page.evaluate(() => {
      const box = (selector: string) => document.querySelector(selector)!.getBoundingClientRect();
      const h1 = box('main h1');
      const main = box('main');
      return {
        tocLeft: box('.ck-toc').left,
        mainRight: main.right,
        headingFlushRight: Math.abs(h1.right - main.right) < 2,
        previousLeft: box('.ck-pager a[rel="prev"]').left,
        direction: getComputedStyle(document.body).direction,
      };
    });
    expect(layout.direction).toBe('rtl');
    expect(layout.tocLeft).toBeGreaterThan(layout.mainRight);
    expect(layout.headingFlushRight).toBe(true);
    // In RTL, "previous" (the start page) sits on the right-hand side of the pager.
    expect(layout.previousLeft).toBeGreaterThan(640);
    const screenshot = await page.screenshot({ fullPage: true });
    expect(screenshot.byteLength).toBeGreaterThan(10_000);
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });
});
