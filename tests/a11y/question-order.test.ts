/**
 * In Chromium, on the web package of the tiny fixture with a four-option knowledge check
 * added: knowledge-check options come in an order of the learner's own that survives reloads
 * (authored order without JavaScript); an ordering question can be submitted as shown; the
 * "unanswered" confirmation names each unanswered question with a button that takes the
 * learner, and focus, to it. With the keyboard alone, and axe-clean.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { RuntimeCourseData } from '../../src/model/runtime-data.js';
import { buildModules } from '../../src/pipeline/index.js';
import { drawAttempt } from '../../src/shared/draw.js';
import { axeViolations } from '../helpers/axe.js';
import { launchBrowser } from '../helpers/browser.js';
import { copyProject, unzipWebPackage } from '../helpers/projects.js';
import { answerWithKeyboard, pinAttemptSeed, ready, rightAnswer, shownQuestion, tabTo } from '../helpers/runtime-browser.js';
import { runtimeCourse } from '../helpers/runtime-course.js';

const AUTHORED = ['a', 'b', 'c', 'd'];

let dir: string;
let siteUrl: string;
let browser: Browser;
let course: RuntimeCourseData;

beforeAll(async () => {
  dir = await copyProject('tiny');
  const lessonFile = path.join(dir, 'modules', 'tiny-course', 'lessons', '02-ministries.json');
  const lesson = JSON.parse(await readFile(lessonFile, 'utf8'));
  lesson.blocks.push({
    type: 'knowledgeCheck',
    questions: [
      {
        id: 'kc75-which',
        type: 'single',
        prompt: 'Which ministry does paragraph 75 name?',
        source: { document: 'A/58/275', paragraph: 75 },
        objective: 'obj-75-ministries',
        level: 'remember',
        options: [
          { id: 'a', text: 'Health', feedback: 'Yes: paragraph 75 names health.' },
          { id: 'b', text: 'Defence', feedback: 'Paragraph 75 does not name defence.' },
          { id: 'c', text: 'Finance', feedback: 'Paragraph 75 does not name finance.' },
          { id: 'd', text: 'Tourism', feedback: 'Paragraph 75 does not name tourism.' },
        ],
        correct: 'a',
      },
    ],
  });
  await writeFile(lessonFile, JSON.stringify(lesson));
  const built = await buildModules({ cwd: dir, modulesDir: path.join(dir, 'modules'), outDir: path.join(dir, 'dist'), targets: ['web'] });
  if (!built.ok) throw new Error(JSON.stringify(built.diagnostics));
  siteUrl = await unzipWebPackage(path.join(dir, 'dist', 'packages', 'tiny-course-web.zip'), path.join(dir, 'site'));
  course = await runtimeCourse('tiny');
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

describe('knowledge-check options', () => {
  const optionOrder = (page: Page) =>
    page
      .locator('form[data-ck-question="kc75-which"] [data-ck-option]')
      .evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-ck-option')));

  it("come in the learner's own order, the same after a reload, and in the authored order without JavaScript", async () => {
    const orders: string[] = [];
    for (let learner = 0; learner < 6; learner++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(`${siteUrl}/02-ministries.html`);
      await ready(page.mainFrame(), '02-ministries');
      const order = await optionOrder(page);
      expect([...order].sort()).toEqual(AUTHORED);
      await page.reload();
      await ready(page.mainFrame(), '02-ministries');
      expect(await optionOrder(page)).toEqual(order);
      // Checking still marks the option chosen, wherever it is.
      await page.locator('form[data-ck-question="kc75-which"] input[value="a"]').check();
      await page.locator('form[data-ck-question="kc75-which"] button[type="submit"]').click();
      expect(await page.locator('form[data-ck-question="kc75-which"] [data-ck-option="a"]').getAttribute('data-ck-result')).toBe('correct');
      orders.push(order.join(''));
      await context.close();
    }
    // Six learners, 24 possible orders: not all in the authored one, not all alike.
    expect(orders.filter((o) => o !== AUTHORED.join('')).length).toBeGreaterThan(0);
    expect(new Set(orders).size).toBeGreaterThan(1);

    const noScript = await browser.newContext({ javaScriptEnabled: false });
    const page = await noScript.newPage();
    await page.goto(`${siteUrl}/02-ministries.html`);
    expect(await optionOrder(page)).toEqual(AUTHORED);
    await noScript.close();
  });
});

describe('submitting the assessment', () => {
  let context: BrowserContext;
  let page: Page;
  afterEach(async () => {
    await context.close();
  });

  /** A seed whose draw is the single-choice question, then the ordering question. */
  const seedWith = (types: string[]) => {
    for (let seed = 1; seed < 10_000; seed++) {
      const drawn = drawAttempt(course, seed).map((d) => course.questions[d.id]!.type);
      if (drawn.join() === types.join()) return seed;
    }
    throw new Error(`no seed draws ${types.join(', ')}`);
  };
  const start = async (seed: number) => {
    context = await browser.newContext();
    page = await context.newPage();
    await pinAttemptSeed(page, seed);
    await page.goto(`${siteUrl}/assessment.html`);
    await ready(page.mainFrame(), 'assessment');
    await tabTo(page.mainFrame(), '[data-ck-start]');
    await page.keyboard.press('Enter');
  };
  const focusedIn = (selector: string) => page.evaluate((s) => !!document.activeElement?.closest(s), selector);

  it('takes an ordering question left as shown as its answer: no confirmation, and the review shows the order', async () => {
    await start(seedWith(['single', 'ordering']));
    const first = await shownQuestion(page.mainFrame());
    await answerWithKeyboard(page.mainFrame(), rightAnswer(first.question));
    await tabTo(page.mainFrame(), '[data-ck-next-question]');
    await page.keyboard.press('Enter');
    const ordering = await shownQuestion(page.mainFrame());
    expect(ordering.question.type).toBe('ordering');
    expect(ordering.shown).not.toEqual(ordering.question.correct);
    await tabTo(page.mainFrame(), '[data-ck-submit]');
    await page.keyboard.press('Enter');
    expect(await page.locator('[data-ck-confirm]').isVisible()).toBe(false);
    expect(await page.locator('[data-ck-score]').textContent()).toBe('You scored 50% (1 of 2 correct).');
    const texts = await page.locator(`form[data-ck-question="${ordering.id}"] .ck-order-text`).allTextContents();
    const byId = Object.fromEntries(ordering.shown.map((id, i) => [id, texts[i]]));
    expect(await page.locator('[data-ck-review] > li').nth(1).textContent()).toContain(
      `Your answer: ${ordering.shown.map((id, i) => `${i + 1}. ${byId[id]}`).join('; ')}`,
    );
  });

  it('says once, in the review, the feedback that several chosen options share', async () => {
    // Both right options of the multiple-response question say "Named in paragraph 75.".
    const seed = seedWith(['single', 'multiple']);
    await start(seed);
    for (const control of ['[data-ck-next-question]', '[data-ck-submit]']) {
      const shown = await shownQuestion(page.mainFrame());
      await answerWithKeyboard(page.mainFrame(), rightAnswer(shown.question));
      await tabTo(page.mainFrame(), control);
      await page.keyboard.press('Enter');
    }
    const review = (await page.locator('[data-ck-review] > li').nth(1).textContent()) ?? '';
    expect(review).toContain('Named in paragraph 75.');
    expect(review.split('Named in paragraph 75.')).toHaveLength(2);
  });

  it('names each unanswered question in the confirmation, with a button that takes focus to it', async () => {
    await start(seedWith(['fillIn', 'matching']));
    const [first, second] = drawAttempt(course, seedWith(['fillIn', 'matching'])).map((d) => course.questions[d.id]!);
    // Nothing answered: submit from the last question.
    await tabTo(page.mainFrame(), '[data-ck-next-question]');
    await page.keyboard.press('Enter');
    await tabTo(page.mainFrame(), '[data-ck-submit]');
    await page.keyboard.press('Enter');
    expect(await page.locator('[data-ck-confirm-text]').textContent()).toBe(
      '2 question(s) are still unanswered. Answer them, or submit anyway.',
    );
    expect(await focusedIn('[data-ck-confirm-text]')).toBe(true);
    const buttons = page.locator('[data-ck-unanswered] button');
    expect(await buttons.allTextContents()).toEqual([`Question 1 of 2: ${first!.prompt}`, `Question 2 of 2: ${second!.prompt}`]);
    // The buttons' accessible names are what a screen reader announces.
    expect(await page.getByRole('button', { name: `Question 1 of 2: ${first!.prompt}` }).count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);

    await tabTo(page.mainFrame(), '[data-ck-unanswered] li:first-child button');
    await page.keyboard.press('Enter');
    const shown = await shownQuestion(page.mainFrame());
    expect(shown.question.type).toBe('fillIn');
    expect(await focusedIn('form:not([hidden]) fieldset')).toBe(true);
    expect(await page.locator('[data-ck-confirm]').isVisible()).toBe(false);
    await answerWithKeyboard(page.mainFrame(), rightAnswer(shown.question));

    await tabTo(page.mainFrame(), '[data-ck-next-question]');
    await page.keyboard.press('Enter');
    await tabTo(page.mainFrame(), '[data-ck-submit]');
    await page.keyboard.press('Enter');
    expect(await page.locator('[data-ck-confirm-text]').textContent()).toBe(
      '1 question(s) are still unanswered. Answer them, or submit anyway.',
    );
    expect(await buttons.allTextContents()).toEqual([`Question 2 of 2: ${second!.prompt}`]);
    await tabTo(page.mainFrame(), '[data-ck-submit-anyway]');
    await page.keyboard.press('Enter');
    expect(await page.locator('[data-ck-score]').textContent()).toBe('You scored 50% (1 of 2 correct).');
  });
});
