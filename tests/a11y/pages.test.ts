/** Every page of the sample module passes axe (WCAG 2.1 AA), on a desktop and on a 320 px wide screen. */
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from '../helpers/axe.js';
import { launchBrowser } from '../helpers/browser.js';
import { servePackages } from '../helpers/lms.js';
import { buildProject, type BuiltProject } from '../helpers/projects.js';
import type { RunningServer } from '../../src/preview/package-server.js';

let project: BuiltProject;
let server: RunningServer;
let browser: Browser;
let pages: string[];

beforeAll(async () => {
  project = await buildProject('sample', ['web']);
  server = await servePackages(path.join(project.dir, 'dist', 'packages'));
  browser = await launchBrowser();
  const module = project.result.modules[0]!;
  pages = ['index.html', ...module.lessons.map((l) => `${l.id}.html`), 'assessment.html'];
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await project?.cleanup();
});

describe('accessibility of the rendered pages', () => {
  for (const [label, viewport] of [
    ['desktop', { width: 1280, height: 900 }],
    ['a 320 px phone', { width: 320, height: 640 }],
  ] as const) {
    it(`has no axe violations on any page (${label})`, async () => {
      const context = await browser.newContext({ viewport });
      const page = await context.newPage();
      const found: Record<string, unknown> = {};
      for (const file of pages) {
        await page.goto(`${server.origin}/packages/migration-human-rights-web/${file}`);
        const violations = await axeViolations(page);
        if (violations.length) found[file] = violations;
      }
      await context.close();
      expect(found).toEqual({});
    });
  }

  it('gives every page one h1, a main landmark, a skip link and an ordered heading outline', async () => {
    const page = await browser.newPage();
    for (const file of pages) {
      await page.goto(`${server.origin}/packages/migration-human-rights-web/${file}`);
      const outline = await page.evaluate(() => ({
        h1: document.querySelectorAll('h1').length,
        main: document.querySelectorAll('main').length,
        skip: document.querySelector('a[href="#main"]')?.textContent ?? '',
        levels: [...document.querySelectorAll('main h1, main h2, main h3, main h4')].map((h) => Number(h.tagName[1])),
        lang: document.documentElement.lang,
      }));
      expect(outline.h1, file).toBe(1);
      expect(outline.main, file).toBe(1);
      expect(outline.skip, file).not.toBe('');
      expect(outline.lang, file).toBe('en');
      outline.levels.forEach((level, i) => {
        if (i > 0) expect(level - outline.levels[i - 1]!, `${file}: heading level jumps`).toBeLessThanOrEqual(1);
      });
    }
    await page.close();
  });

  it('makes no request outside the package', async () => {
    const page = await browser.newPage();
    const outside: string[] = [];
    page.on('request', (request) => {
      if (!request.url().startsWith(server.origin) && !request.url().startsWith('data:')) outside.push(request.url());
    });
    for (const file of pages) await page.goto(`${server.origin}/packages/migration-human-rights-web/${file}`);
    expect(outside).toEqual([]);
    await page.close();
  });
});
