/**
 * axe (WCAG 2.1 A/AA) on every state a learner can see a question in, on the sample module's
 * web package: knowledge checks unanswered, answered, "answer first", incorrect and correct
 * feedback; the assessment intro, each question type unanswered and answered, the inline
 * "unanswered" confirmation, results after a fail, the "no attempts left" results,
 * results after a pass; in each, one h1 and no skipped heading level. Also: questions are fieldset + legend, feedback
 * goes to a live region that is rendered before anything is put in it, and focus moves to
 * the results heading after submitting.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { RuntimeCourseData } from '../../src/model/runtime-data.js';
import { drawAttempt } from '../../src/shared/draw.js';
import { axeViolations, type AxeViolation } from '../helpers/axe.js';
import {
  ALL_QUESTION_TYPES,
  answerByClicking,
  pinAttemptSeed,
  ready,
  rightAnswer,
  seedDrawingEveryType,
  shownQuestion,
  takeAttempt,
  wrongAnswer,
} from '../helpers/runtime-browser.js';
import { serveSampleWebPackage, type ServedSample } from '../helpers/sample-web.js';

let sample: ServedSample;
let browser: Browser;
let course: RuntimeCourseData;
let base: string;
/** An attempt seed whose draw shows every question type. */
let seed: number;

beforeAll(async () => {
  sample = await serveSampleWebPackage();
  ({ base, course, browser } = sample);
  seed = seedDrawingEveryType(course);
});

afterAll(async () => {
  await sample?.close();
});

describe('accessibility of every quiz state', () => {
  let context: BrowserContext;
  let page: Page;
  /** axe violations by state; every test ends by expecting none. */
  let found: Record<string, AxeViolation[]>;

  const newPage = async () => {
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
    // Every attempt gets the same seed: the runtime's seed comes from crypto.getRandomValues.
    await pinAttemptSeed(page, seed);
    found = {};
  };
  const open = async (file: string, pageId: string) => {
    await page.goto(`${base}/${file}`);
    await ready(page.mainFrame(), pageId);
  };
  /** axe, plus one h1 and no skipped heading level among the headings shown. */
  const scan = async (state: string) => {
    const violations = await axeViolations(page);
    const levels = await page.evaluate(() =>
      Array.from(document.querySelectorAll('h1, h2, h3, h4, h5, h6'), (h) => (h.checkVisibility() ? Number(h.tagName[1]) : 0)).filter(
        Boolean,
      ),
    );
    if (levels.filter((l) => l === 1).length !== 1 || levels[0] !== 1 || levels.some((l, i) => i > 0 && l - levels[i - 1]! > 1)) {
      violations.push({ id: 'heading-outline', impact: null, help: `headings shown: ${levels.join(' ')}`, nodes: [] });
    }
    if (violations.length) found[state] = violations;
  };
  const focused = (selector: string) => page.evaluate((s) => !!document.activeElement?.matches(s), selector);

  afterEach(async () => {
    await context?.close();
  });

  it('every question on every page is a fieldset whose legend is the prompt, with all its controls inside', async () => {
    await newPage();
    const files = course.pages.filter((p) => p.kind !== 'start').map((p) => [p.url, p.id] as const);
    let checked = 0;
    for (const [file, id] of files) {
      await open(file, id);
      const problems = await page.evaluate(() => {
        const out: string[] = [];
        const forms = document.querySelectorAll<HTMLFormElement>('form[data-ck-question]');
        for (const form of forms) {
          const id = form.dataset.ckQuestion;
          const fieldsets = form.querySelectorAll('fieldset');
          const fieldset = fieldsets[0];
          const legend = fieldset?.firstElementChild;
          if (fieldsets.length !== 1 || !fieldset || legend?.tagName !== 'LEGEND')
            out.push(`${id}: not one fieldset whose first child is a legend`);
          else if (!legend.querySelector('.ck-prompt')?.textContent?.trim()) out.push(`${id}: the legend has no prompt`);
          for (const control of form.querySelectorAll('input, select, textarea, [data-ck-move]')) {
            if (!fieldset?.contains(control)) out.push(`${id}: a ${control.tagName.toLowerCase()} outside the fieldset`);
          }
          const feedback = form.querySelector('[data-ck-feedback]');
          if (feedback?.getAttribute('role') !== 'status' || feedback.getAttribute('aria-live') !== 'polite')
            out.push(`${id}: feedback is not a polite status region`);
        }
        return { out, count: forms.length };
      });
      expect(problems.out, file).toEqual([]);
      checked += problems.count;
    }
    // Every knowledge check and the whole bank (the assessment page renders the bank).
    expect(checked).toBe(Object.keys(course.questions).length);
  });

  for (const lesson of ['01-human-face-of-migration', '03-comprehensive-migration-management']) {
    it(`knowledge checks in ${lesson}: unanswered, "answer first", answered, incorrect and correct feedback`, async () => {
      await newPage();
      await open(`${lesson}.html`, lesson);
      const forms = page.locator('form[data-ck-mode="practice"]');
      const ids = await forms.evaluateAll((all) => all.map((f) => (f as HTMLElement).dataset.ckQuestion!));
      expect(ids.length).toBeGreaterThan(0);
      const form = (id: string) => page.locator(`form[data-ck-question="${id}"]`);
      const check = async (id: string) => form(id).locator('button[type="submit"]').click();
      const feedback = (id: string) => form(id).locator('[data-ck-feedback]');

      // The live region is in the accessibility tree before anything is announced in it.
      for (const id of ids) {
        expect(await feedback(id).getAttribute('role')).toBe('status');
        expect(await feedback(id).evaluate((n) => n.textContent === '' && getComputedStyle(n).display !== 'none')).toBe(true);
      }
      await scan('unanswered');

      await check(ids[0]!);
      expect(await feedback(ids[0]!).textContent()).toBe('Answer the question first, then check it.');
      await scan('answer first');

      for (const id of ids) await answerPractice(page, id, wrongAnswer(course.questions[id]!));
      await scan('answered (wrong, not checked)');
      for (const id of ids) {
        await check(id);
        expect(await feedback(id).getAttribute('data-ck-result'), id).toBe('incorrect');
        expect(await feedback(id).textContent(), id).toMatch(/^(Not quite\.|Partly correct\.)/);
        // Focus stays on the button, so the learner hears the live region and can try again.
        expect(await focused(`form[data-ck-question="${id}"] button[type="submit"]`)).toBe(true);
      }
      await scan('incorrect feedback');

      for (const id of ids) {
        await answerPractice(page, id, rightAnswer(course.questions[id]!));
        await check(id);
        expect(await feedback(id).getAttribute('data-ck-result'), id).toBe('correct');
        expect(await feedback(id).textContent(), id).toMatch(/^Correct\./);
      }
      await scan('correct feedback');
      expect(found).toEqual({});
    });
  }

  it('assessment: intro, each question type unanswered and answered, the unanswered confirmation, results after a fail', async () => {
    await newPage();
    await open('assessment.html', 'assessment');
    expect(await page.locator('[data-ck-attempt-status]').textContent()).toBe('Attempt 1 of 3');
    await scan('intro');

    await page.locator('[data-ck-start]').click();
    // Focus goes to the first question's group, whose legend names it.
    expect(await focused('form[data-ck-mode="assessment"]:not([hidden]) fieldset')).toBe(true);
    const drawn = drawAttempt(course, seed);
    const types = drawn.map((d) => course.questions[d.id]!.type);
    // One question is left unanswered for the confirmation: the last one whose type came before.
    const skipped = Math.max(...types.map((type, i) => (types.indexOf(type) < i ? i : -1)));
    expect(skipped).toBeGreaterThan(0);
    const seen = new Set<string>();
    for (let position = 0; position < drawn.length; position++) {
      const shown = await shownQuestion(page.mainFrame());
      expect(shown.id).toBe(drawn[position]!.id);
      const type = shown.question.type;
      expect(await page.locator('form[data-ck-mode="assessment"]:not([hidden]) legend').textContent()).toContain(
        `Question ${position + 1} of ${drawn.length}`,
      );
      const firstOfType = !seen.has(type);
      seen.add(type);
      if (firstOfType) await scan(`${type} unanswered`);
      // Answered wrongly, so the attempt fails.
      if (position !== skipped) await answerByClicking(page.mainFrame(), wrongAnswer(shown.question, shown.shown));
      if (firstOfType) await scan(`${type} answered`);
      if (position < drawn.length - 1) await page.locator('[data-ck-next-question]').click();
    }
    expect([...seen].sort()).toEqual([...ALL_QUESTION_TYPES].sort());

    await page.locator('[data-ck-submit]').click();
    expect(await page.locator('[data-ck-confirm-text]').textContent()).toBe(
      '1 question(s) are still unanswered. Answer them, or submit anyway.',
    );
    expect(await focused('[data-ck-confirm-text]')).toBe(true);
    await scan('unanswered confirmation');

    await page.locator('[data-ck-submit-anyway]').click();
    expect(await page.locator('[data-ck-verdict]').textContent()).toBe('You did not reach the pass mark of 75%.');
    expect(await page.locator('[data-ck-score]').textContent()).toBe('You scored 0% (0 of 16 correct).');
    expect(await page.locator('[data-ck-results-attempts]').textContent()).toBe('Attempts left: 2.');
    expect(await focused('[data-ck-results-heading]')).toBe(true);
    expect(await page.locator('[data-ck-retry]').isVisible()).toBe(true);
    await scan('results after a fail');
    expect(found).toEqual({});
  });

  it('assessment: results with no attempts left', async () => {
    await newPage();
    await open('assessment.html', 'assessment');
    await page.locator('[data-ck-start]').click();
    const count = drawAttempt(course, seed).length;
    // Three failed attempts (nothing answered) use up all three.
    for (let attempt = 1; attempt <= 3; attempt++) {
      if (attempt > 1) await page.locator('[data-ck-retry]').click();
      for (let position = 0; position < count - 1; position++) await page.locator('[data-ck-next-question]').click();
      await page.locator('[data-ck-submit]').click();
      await page.locator('[data-ck-submit-anyway]').click();
      expect(await focused('[data-ck-results-heading]')).toBe(true);
    }
    expect(await page.locator('[data-ck-results-attempts]').textContent()).toBe('You have used all your attempts.');
    expect(await page.locator('[data-ck-retry]').isVisible()).toBe(false);
    await scan('results, no attempts left');

    // Coming back shows the same results, still with no way to start another attempt.
    await open('assessment.html', 'assessment');
    expect(await page.locator('[data-ck-view="results"]').isVisible()).toBe(true);
    expect(await page.locator('[data-ck-results-attempts]').textContent()).toBe('You have used all your attempts.');
    expect(
      await page.locator('[data-ck-start], [data-ck-retry]').evaluateAll((buttons) => buttons.some((b) => !(b as HTMLElement).hidden)),
    ).toBe(false);
    expect(found).toEqual({});
  });

  it('assessment: results after a pass', async () => {
    await newPage();
    await open('assessment.html', 'assessment');
    await takeAttempt(page.mainFrame(), 'right');
    expect(await page.locator('[data-ck-verdict]').textContent()).toBe('You passed.');
    expect(await page.locator('[data-ck-score]').textContent()).toBe('You scored 100% (16 of 16 correct).');
    expect(await focused('[data-ck-results-heading]')).toBe(true);
    expect(await page.locator('[data-ck-results-heading]').evaluate((h) => h.tagName)).toBe('H2');
    await scan('results after a pass');

    // Coming back shows the results (the same markup; no second scan needed).
    await open('assessment.html', 'assessment');
    expect(await page.locator('[data-ck-view="results"]').isVisible()).toBe(true);
    expect(await page.locator('[data-ck-verdict]').textContent()).toBe('You passed.');
    expect(
      await page.locator('[data-ck-start], [data-ck-retry]').evaluateAll((buttons) => buttons.some((b) => !(b as HTMLElement).hidden)),
    ).toBe(false);
    expect(found).toEqual({});
  });
});

/** Sets a knowledge check's controls to a response (ids), with the pointer: the states are the point here. */
async function answerPractice(page: Page, id: string, wanted: string[]): Promise<void> {
  const form = page.locator(`form[data-ck-question="${id}"]`);
  const inputs = form.locator('input[type="radio"], input[type="checkbox"]');
  const count = await inputs.count();
  expect(count, `${id} has options`).toBeGreaterThan(0);
  for (let i = 0; i < count; i++) {
    const input = inputs.nth(i);
    const want = wanted.includes((await input.getAttribute('value')) ?? '');
    // A radio button is unchecked by checking another one.
    if (want || (await input.getAttribute('type')) === 'checkbox') await input.setChecked(want);
  }
}
