/**
 * The handouts as they come off a printer: `coursekit handout` prints each document to PDF
 * with Debian's Chromium, and pdf.js reads the pages back. Page counts stay within bounds,
 * no question box is split across two pages, no document ends on an empty page, each answer
 * key belongs to its quiz form, and an Arabic handout prints right to left on US Letter.
 */
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../authoring/cli.js';
import { CHROMIUM_PATH, launchBrowser } from '../helpers/browser.js';
import { compact, readPdf, type PdfPage } from '../helpers/pdf.js';
import { copyProject } from '../helpers/projects.js';

let dir: string;
let browser: Browser;
const out = (lang = '') => path.join(dir, 'dist', 'handouts', `workshop-course${lang}`);

beforeAll(async () => {
  dir = await copyProject('workshop');
  for (const args of [[], ['--lang', 'ar', '--paper', 'letter']]) {
    const result = await runCli(['handout', 'workshop-course', '--chromium', CHROMIUM_PATH, ...args], dir);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
  }
  browser = await launchBrowser();
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await rm(dir, { recursive: true, force: true });
});

/** Page counts a facilitator can expect for the fixture: a change that doubles one is a layout bug. */
const BOUNDS: Record<string, [number, number]> = {
  workbook: [6, 14],
  'facilitator-guide': [3, 8],
  'quiz-form-a': [2, 5],
  'quiz-form-b': [2, 5],
  'answer-key-a': [3, 10],
  'answer-key-b': [3, 10],
};
/** The page margins (18 mm) hold the running header and the page number; the rest is the page's content. */
const MARGIN = (18 / 25.4) * 72;

const body = (page: PdfPage) => page.items.filter((i) => i.y > MARGIN && i.y < page.height - MARGIN);

/** The first and last lines of each box of a document (questions, key items), as Chromium lays them out. */
async function boxes(file: string, selector: string): Promise<{ id: string; first: string; last: string }[]> {
  const page = await browser.newPage();
  await page.goto(pathToFileURL(file).href);
  await page.emulateMedia({ media: 'print' });
  const found = await page.$$eval(selector, (elements) =>
    elements.map((e) => {
      // biome-ignore lint/performance/useDomNodeTextContent: the lines as laid out are the point.
      const lines = (e as HTMLElement).innerText.split('\n').filter((l) => l.trim() !== '');
      return { id: e.getAttribute('data-question') ?? '', first: lines[0]!, last: lines[lines.length - 1]! };
    }),
  );
  await page.close();
  return found;
}

/** Where in the PDF a line is: its page and place in the page's text. */
interface Place {
  page: number;
  at: number;
}

/**
 * The first place after `from` where a line starts, found by its first characters (which never
 * wrap): boxes are looked up in document order, so a text that repeats (a shared scenario, a
 * practice question and its answer) is found where that box prints it.
 */
function locate(pages: PdfPage[], line: string, from: Place): Place {
  const start = compact(line).slice(0, 24);
  for (let page = from.page; page < pages.length; page++) {
    const at = pages[page]!.compact.indexOf(start, page === from.page ? from.at : 0);
    if (at >= 0) return { page, at: at + start.length };
  }
  return { page: -1, at: 0 };
}

describe('printed handouts', () => {
  it.each(Object.entries(BOUNDS))('prints %s on A4 pages within its bounds, every page with content', async (name, [min, max]) => {
    const pages = await readPdf(path.join(out(), `${name}.pdf`));
    expect(pages.length).toBeGreaterThanOrEqual(min);
    expect(pages.length).toBeLessThanOrEqual(max);
    for (const [i, page] of pages.entries()) {
      expect(Math.round(page.width)).toBe(595);
      expect(Math.round(page.height)).toBe(842);
      expect(body(page).length, `page ${i + 1} of ${name} has no content`).toBeGreaterThan(0);
      // Page numbers in the bottom margin; the module title (and a form's line) as the running header from page 2.
      expect(page.compact).toContain(compact(`Page ${i + 1} of ${pages.length}`));
      if (i > 0)
        expect(page.items.some((item) => item.y > page.height - MARGIN && item.text.includes('Migration policy workshop'))).toBe(true);
    }
  });

  it.each([
    ['quiz-form-a', '.question'],
    ['quiz-form-b', '.question'],
    ['answer-key-a', '.key-item'],
    ['answer-key-b', '.key-item'],
    ['workbook', '.question, .key-item'],
  ])('never splits a box of %s across two pages', async (name, selector) => {
    const pages = await readPdf(path.join(out(), `${name}.pdf`));
    const found = await boxes(path.join(out(), `${name}.html`), selector);
    expect(found.length).toBeGreaterThan(1);
    let cursor: Place = { page: 0, at: 0 };
    for (const box of found) {
      const first = locate(pages, box.first, cursor);
      expect(first.page, `${box.id} "${box.first}" not found`).toBeGreaterThanOrEqual(0);
      cursor = locate(pages, box.last, first);
      expect(cursor.page, `${box.id} ends on another page than it starts`).toBe(first.page);
    }
  });

  it.each(['a', 'b'])('gives answer key %s the questions of its quiz form, in order, under the same seed', async (form) => {
    const questions = await boxes(path.join(out(), `quiz-form-${form}.html`), '.question');
    const keys = await boxes(path.join(out(), `answer-key-${form}.html`), '.key-item');
    expect(keys.map((k) => k.id)).toEqual(questions.map((q) => q.id));
    const formPages = await readPdf(path.join(out(), `quiz-form-${form}.pdf`));
    const keyPages = await readPdf(path.join(out(), `answer-key-${form}.pdf`));
    const seedLine = /Form [AB] · seed \d+ · version 1\.2\.0/.exec(formPages[0]!.items.map((i) => i.text).join(' '))?.[0];
    expect(seedLine).toBe(`Form ${form.toUpperCase()}${seedLine!.slice(6)}`);
    expect(keyPages[0]!.compact).toContain(compact(seedLine!));
    // Each key item starts with its question's number and prompt, as the form prints them.
    const prompts = await boxes(path.join(out(), `quiz-form-${form}.html`), '.question-prompt');
    let cursor: Place = { page: 0, at: 0 };
    for (const [i, key] of keys.entries()) {
      expect(compact(key.first)).toBe(compact(prompts[i]!.first));
      cursor = locate(keyPages, key.first, cursor);
      expect(cursor.page, `item ${i + 1} of the key`).toBeGreaterThanOrEqual(0);
    }
  });
});

describe('an Arabic handout', () => {
  it('prints right to left on US Letter: numbers and boxes on the right, Arabic text runs', async () => {
    const pages = await readPdf(path.join(out('-ar'), 'quiz-form-a.pdf'));
    expect(pages.length).toBeGreaterThanOrEqual(2);
    for (const page of pages) {
      expect(Math.round(page.width)).toBe(612);
      expect(Math.round(page.height)).toBe(792);
      expect(body(page).some((item) => item.dir === 'rtl')).toBe(true);
    }
    const page = await browser.newPage();
    await page.goto(pathToFileURL(path.join(out('-ar'), 'quiz-form-a.html')).href);
    await page.emulateMedia({ media: 'print' });
    const layout = await page.evaluate(() => {
      const box = (selector: string) => document.querySelector(selector)!.getBoundingClientRect();
      const question = box('.question');
      return {
        direction: getComputedStyle(document.body).direction,
        numberRight: box('.question-number').right,
        questionRight: question.right,
        questionLeft: question.left,
        tickBoxLeft: box('.question .box').left,
        choiceTextLeft: box('.question .choices li > span:last-child, .question .match-prompts li > span:last-child').left,
      };
    });
    await page.close();
    expect(layout.direction).toBe('rtl');
    expect(layout.questionRight - layout.numberRight).toBeLessThan(30);
    expect(layout.numberRight - layout.questionLeft).toBeGreaterThan(300);
    expect(layout.tickBoxLeft).toBeGreaterThan(layout.choiceTextLeft);
  });
});
