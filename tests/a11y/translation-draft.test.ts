/**
 * A translated course in the browser: a draft (`build --draft`) shows each text not translated
 * yet in the source language, with that language's `lang` and a visible mark, and stays axe
 * clean; on any translated page the source paragraph of the answer review carries the source
 * language's `lang`, since it is quoted as written.
 */
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildModules } from '../../src/pipeline/index.js';
import type { RunningServer } from '../../src/preview/package-server.js';
import { axeViolations } from '../helpers/axe.js';
import { launchBrowser } from '../helpers/browser.js';
import { runCli } from '../helpers/cli.js';
import { servePackages } from '../helpers/lms.js';
import { copyProject } from '../helpers/projects.js';
import { ready, takeAttempt } from '../helpers/runtime-browser.js';
import { MODULE, exportXliffText, fillTargets } from '../i18n/helpers.js';

let dir: string;
let server: RunningServer;
let browser: Browser;
let page: Page;

async function editJson(file: string, edit: (data: any) => void): Promise<void> {
  const data = JSON.parse(await readFile(file, 'utf8'));
  edit(data);
  await writeFile(file, `${JSON.stringify(data, null, 2)}\n`);
}

beforeAll(async () => {
  dir = await copyProject('tiny');
  const moduleDir = path.join(dir, 'modules', MODULE);
  await writeFile(path.join(dir, 'fr.xlf'), fillTargets(await exportXliffText(dir)));
  expect((await runCli(['xliff', 'import', 'fr.xlf'], dir)).code).toBe(0);
  await editJson(path.join(moduleDir, 'module.json'), (m) => (m.translations = ['fr']));
  // After translation: a changed title, a new block of text and a changed question prompt.
  await editJson(path.join(moduleDir, 'lessons', '01-contributions.json'), (l) => {
    l.title = 'What migrants bring';
    l.blocks.splice(1, 0, {
      type: 'text',
      heading: 'Further reading',
      markdown:
        '## The report\n\nRead [the report](https://www.ohchr.org/) in full.\n\n| Paragraph | Topic |\n| --- | --- |\n| 74 | Remittances |',
    });
  });
  await editJson(path.join(moduleDir, 'questions', 'para-74.json'), (bank) => {
    for (const q of bank.questions) q.prompt = `${q.prompt} (revised)`;
  });
  const built = await buildModules({ cwd: dir, modulesDir: path.join(dir, 'modules'), outDir: 'dist', targets: ['web'], drafts: true });
  expect(built.ok).toBe(true);
  expect(built.packages.map((p) => path.basename(p.path)).sort()).toEqual(['tiny-course-fr-draft-web.zip', 'tiny-course-web.zip']);
  server = await servePackages(path.join(dir, 'dist', 'packages'));
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await rm(dir, { recursive: true, force: true });
});

const draftPage = (file: string) => `${server.origin}/packages/tiny-course-fr-draft-web/${file}`;

describe('a draft translation', () => {
  it('shows untranslated texts in their language with a mark, says it is a draft, and passes axe', async () => {
    await page.goto(draftPage('01-contributions.html'));
    const shown = await page.evaluate(() => ({
      lang: document.documentElement.lang,
      notice: document.querySelector('.ck-draft-notice')?.textContent,
      h1: document.querySelector('h1')?.innerHTML,
      newBlock: document.querySelector('.ck-text div[lang="en"]')?.innerHTML,
      translated: document.querySelector('.ck-objectives li')?.outerHTML,
      headings: Array.from(document.querySelectorAll('main h1, main h2, main h3, main h4'), (h) => Number(h.tagName[1])),
    }));
    expect(shown.lang).toBe('fr');
    expect(shown.notice).toBe(
      'Traduction provisoire, pour relecture\u00a0: les textes marqués «\u202fpas encore traduit\u202f» sont encore en anglais.',
    );
    expect(shown.h1).toBe(
      '<span lang="en" dir="ltr">What migrants bring</span> <span class="ck-untranslated-mark">(pas encore traduit)</span>',
    );
    expect(shown.newBlock).toContain(
      '<span class="ck-visually-hidden" lang="fr"> (lien externe, s’ouvre dans un nouvel onglet)</span></a> in full.',
    );
    expect(shown.translated).toBe('<li>FR: Name the contributions of migrants that paragraph 74 describes.</li>');
    expect(shown.headings.every((level, i) => i === 0 || level - shown.headings[i - 1]! <= 1)).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('keeps the language of untranslated prompts in the answer review, and quotes the source paragraph in English', async () => {
    await page.goto(draftPage('assessment.html'));
    await ready(page.mainFrame(), 'assessment');
    await takeAttempt(page.mainFrame(), 'wrong');
    const review = await page.evaluate(() => ({
      quotes: Array.from(document.querySelectorAll('.ck-review blockquote'), (q) => q.getAttribute('lang')),
      prompts: Array.from(document.querySelectorAll('.ck-review-prompt'), (p) => p.querySelector('[lang]')?.getAttribute('lang') ?? 'fr'),
    }));
    expect(review.quotes.length).toBeGreaterThan(0);
    expect(new Set(review.quotes)).toEqual(new Set(['en']));
    // Paragraph 74's questions were revised after translation; paragraph 75's are translated.
    expect(new Set(review.prompts)).toEqual(new Set(['en', 'fr']));
    expect(await axeViolations(page)).toEqual([]);
  });
});
