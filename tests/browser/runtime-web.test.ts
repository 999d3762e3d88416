/**
 * The web package with no LMS: opened from file:// (unzipped, no server), progress kept in
 * localStorage across reloads; practice questions, notes, and every question type with the
 * keyboard alone.
 */
import path from 'node:path';
import type { Browser, BrowserContext, Frame, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { RuntimeCourseData } from '../../src/model/runtime-data.js';
import { drawAttempt } from '../../src/shared/draw.js';
import { storageKey } from '../../src/runtime/tracking/local.js';
import { launchBrowser } from '../helpers/browser.js';
import { buildProject, type BuiltProject, unzipWebPackage } from '../helpers/projects.js';
import {
  answerByClicking,
  answerWithKeyboard,
  pinAttemptSeed,
  ready,
  rightAnswer,
  shownQuestion,
  tabTo,
  takeAttempt,
} from '../helpers/runtime-browser.js';
import { runtimeCourse } from '../helpers/runtime-course.js';

let project: BuiltProject;
let browser: Browser;
let siteUrl: string;
let course: RuntimeCourseData;

beforeAll(async () => {
  project = await buildProject('tiny', ['web']);
  siteUrl = await unzipWebPackage(
    path.join(project.dir, 'dist', 'packages', 'tiny-course-web.zip'),
    path.join(project.dir, 'web-unzipped'),
  );
  course = await runtimeCourse('tiny');
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await project?.cleanup();
});

describe('web package from file://', () => {
  let context: BrowserContext;
  let page: Page;
  let frame: Frame;

  beforeEach(async () => {
    // A fresh context: empty localStorage.
    context = await browser.newContext();
    page = await context.newPage();
    frame = page.mainFrame();
  });
  afterEach(async () => {
    await context.close();
  });

  const open = async (file: string, pageId: string) => {
    await page.goto(`${siteUrl}/${file}`);
    await ready(frame, pageId);
  };
  const reload = async (pageId: string) => {
    await page.reload();
    await ready(frame, pageId);
  };

  it('completes the course without an LMS and keeps the progress across reloads', async () => {
    await open('index.html', 'start');
    expect(await page.locator('[data-ck-notice]').textContent()).toContain('kept in this browser only');
    expect(await page.locator('[data-ck-progress-text]').textContent()).toBe('0 of 2 lessons viewed');

    await page.locator('[data-ck-resume]').click();
    await ready(frame, '01-contributions');
    // A knowledge check: feedback in the question's live region, marks on the chosen option.
    const check = page.locator('form[data-ck-question="kc74-remittances"]');
    await check.locator('input[value="true"]').check();
    await check.locator('button[type="submit"]').click();
    expect(await check.locator('[data-ck-feedback][role="status"]').textContent()).toContain('Correct.');
    expect(await check.locator('[data-ck-option="true"]').getAttribute('data-ck-result')).toBe('correct');
    await page.locator('textarea[data-ck-reflection]').fill('We record remittances.');

    await page.locator('a[rel="next"]').click();
    await ready(frame, '02-ministries');
    await page.locator('a[rel="next"]').click();
    await ready(frame, 'assessment');
    await takeAttempt(frame, 'right');
    expect(await page.locator('[data-ck-verdict]').textContent()).toBe('You passed.');

    await reload('assessment');
    expect(await page.locator('[data-ck-view="results"]').isVisible()).toBe(true);
    expect(await page.locator('[data-ck-verdict]').textContent()).toBe('You passed.');
    expect(await page.locator('[data-ck-score]').textContent()).toBe('You scored 100% (2 of 2 correct).');

    await open('index.html', 'start');
    expect(await page.locator('[data-ck-progress-text]').textContent()).toBe('2 of 2 lessons viewed');
    expect(await page.locator('[data-ck-completed]').isVisible()).toBe(true);
    expect(
      await page.locator('a[data-ck-toc][data-ck-done]').evaluateAll((links) => links.map((a) => a.getAttribute('data-ck-toc'))),
    ).toEqual(['01-contributions', '02-ministries', 'assessment']);
    expect(await page.locator('[data-ck-lesson="01-contributions"] [data-ck-viewed]').isVisible()).toBe(true);
    const resume = page.locator('[data-ck-resume]');
    expect(await resume.textContent()).toBe('Continue where you left off');
    expect(await resume.getAttribute('href')).toBe('assessment.html');

    await open('01-contributions.html', '01-contributions');
    expect(await page.locator('textarea[data-ck-reflection]').inputValue()).toBe('We record remittances.');
  });

  it.each([
    ['null', 'null'],
    ['text that is not JSON', '{"location": "01-contr'],
    ['a number where text belongs', '{"location": 7, "data": "1|x"}'],
    ['an object where text belongs', '{"location": "", "data": {"viewed": 3}}'],
    ['a list', '[1, 2]'],
  ])('reads %s under its storage key as a fresh start: keeps a copy, tells the learner once, and saves again', async (_, stored) => {
    // Written from a page of the same file:// origin that runs no course script (a course page
    // would save over it as it unloads).
    const key = storageKey(course.id, course.version);
    await page.goto(`${siteUrl}/`);
    await page.evaluate(([k, v]) => localStorage.setItem(k!, v!), [key, stored]);
    page.on('pageerror', (error) => expect.unreachable(`the page threw: ${error.message}`));

    await open('assessment.html', 'assessment');
    expect(await page.locator('[data-ck-notice]').textContent()).toContain('could not be restored');
    expect(await page.evaluate((k) => localStorage.getItem(`${k}:unreadable`), key)).toBe(stored);
    await takeAttempt(frame, 'right');
    expect(await page.locator('[data-ck-verdict]').textContent()).toBe('You passed.');

    await reload('assessment');
    expect(await page.locator('[data-ck-notice]').textContent()).not.toContain('could not be restored');
    expect(await page.locator('[data-ck-verdict]').textContent()).toBe('You passed.');
  });

  it('brings an unfinished attempt back after a reload, on the same question', async () => {
    // A draw whose second question is not an ordering one: left as shown, that would count as answered.
    const seed = Array.from({ length: 100 }, (_, i) => i + 1).find(
      (s) => course.questions[drawAttempt(course, s)[1]!.id]!.type !== 'ordering',
    )!;
    await pinAttemptSeed(page, seed);
    await open('assessment.html', 'assessment');
    await page.locator('[data-ck-start]').click();
    const first = await shownQuestion(frame);
    await answerByClicking(frame, rightAnswer(first.question));
    await page.locator('[data-ck-next-question]').click();
    const second = await shownQuestion(frame);

    await reload('assessment');
    const resumed = await shownQuestion(frame);
    expect(resumed.id).toBe(second.id);
    expect(resumed.shown).toEqual(second.shown);
    await page.locator('[data-ck-prev]').click();
    expect((await shownQuestion(frame)).id).toBe(first.id);
    expect((await shownQuestion(frame)).shown).toEqual(first.shown);
    // The inline confirmation (never a dialog) when submitting with a question unanswered.
    page.on('dialog', () => expect.unreachable('a blocking dialog was opened'));
    await page.locator('[data-ck-next-question]').click();
    await page.locator('[data-ck-submit]').click();
    expect(await page.locator('[data-ck-confirm-text]').textContent()).toBe(
      '1 question(s) are still unanswered. Answer them, or submit anyway.',
    );
    expect(await page.evaluate(() => document.activeElement?.hasAttribute('data-ck-confirm-text'))).toBe(true);
    await page.locator('[data-ck-submit-anyway]').click();
    expect(await page.locator('[data-ck-score]').textContent()).toBe('You scored 50% (1 of 2 correct).');
  });

  it('answers every question type with the keyboard alone', async () => {
    // Seeds whose draws cover all the bank's question types, fed to the runtime's random source.
    const seeds = seedsCoveringEveryType(course);
    expect(seeds.length).toBeGreaterThan(0);
    for (const seed of seeds) {
      await context.close();
      context = await browser.newContext();
      page = await context.newPage();
      frame = page.mainFrame();
      await pinAttemptSeed(page, seed);
      await open('assessment.html', 'assessment');
      await tabTo(frame, '[data-ck-start]');
      await page.keyboard.press('Enter');
      const expected = drawAttempt(course, seed).map((d) => d.id);
      for (;;) {
        const shown = await shownQuestion(frame);
        expect(shown.id).toBe(expected.shift());
        await answerWithKeyboard(frame, rightAnswer(shown.question));
        const last = await page.locator('[data-ck-submit]').isVisible();
        await tabTo(frame, last ? '[data-ck-submit]' : '[data-ck-next-question]');
        await page.keyboard.press('Enter');
        if (last) break;
      }
      expect(await page.locator('[data-ck-score]').textContent()).toBe('You scored 100% (2 of 2 correct).');
      // Moving an ordering item is announced (a live region), not only shown.
      const ordering = drawAttempt(course, seed).find((d) => course.questions[d.id]!.type === 'ordering');
      if (ordering)
        expect(await page.locator(`form[data-ck-question="${ordering.id}"] [data-ck-order-status]`).textContent()).toMatch(
          / moved to position \d of 3\.$/,
        );
    }
  });
});

function seedsCoveringEveryType(course: RuntimeCourseData): number[] {
  const types = new Set(
    Object.values(course.questions)
      .filter((q) => q.bank)
      .map((q) => q.type),
  );
  const seeds: number[] = [];
  for (let seed = 1; seed < 5000 && types.size > 0; seed++) {
    const drawn = drawAttempt(course, seed).map((d) => course.questions[d.id]!.type);
    if (drawn.some((t) => types.has(t))) {
      seeds.push(seed);
      for (const t of drawn) types.delete(t);
    }
  }
  return seeds;
}
