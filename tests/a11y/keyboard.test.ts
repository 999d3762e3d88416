/**
 * The whole sample module with the keyboard alone (web package over http, no LMS): the skip
 * link first, every lesson through the pager, every knowledge check answered, the final
 * assessment taken and passed (every question type), back to the start page, course
 * completed. No click(), no fill(): page.keyboard only. Every control that takes focus on
 * the way shows a visible focus indicator.
 */
import type { Browser, Frame } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RuntimeCourseData } from '../../src/model/runtime-data.js';
import {
  ALL_QUESTION_TYPES,
  answerWithKeyboard,
  pinAttemptSeed,
  ready,
  rightAnswer,
  seedDrawingEveryType,
  shownQuestion,
} from '../helpers/runtime-browser.js';
import { serveSampleWebPackage, type ServedSample } from '../helpers/sample-web.js';

let sample: ServedSample;
let browser: Browser;
let course: RuntimeCourseData;
let base: string;

beforeAll(async () => {
  sample = await serveSampleWebPackage();
  ({ base, course, browser } = sample);
});

afterAll(async () => {
  await sample?.close();
});

interface FocusStop {
  page: string;
  /** Tag name, with the type for inputs: `a`, `button`, `input[radio]`, `select`… */
  kind: string;
  control: string;
  focusVisible: boolean;
  outline: string;
  boxShadow: string;
}

/** What has keyboard focus now, and how its focus indicator is drawn. */
function focusStop(frame: Frame): Promise<FocusStop> {
  return frame.evaluate(() => {
    const node = document.activeElement as HTMLElement | null;
    if (!node || node === document.body)
      return { page: location.pathname, kind: 'body', control: 'body', focusVisible: false, outline: 'none', boxShadow: 'none' };
    const style = getComputedStyle(node);
    const name =
      node.getAttribute('type') ?? node.dataset.ckToc ?? node.getAttribute('rel') ?? Object.keys(node.dataset)[0] ?? node.className;
    const tag = node.tagName.toLowerCase();
    return {
      page: location.pathname.split('/').pop() ?? '',
      kind: tag === 'input' ? `input[${node.getAttribute('type')}]` : tag,
      control: `${node.tagName.toLowerCase()}[${name}] "${(node.textContent ?? '').trim().slice(0, 40)}"`,
      focusVisible: node.matches(':focus-visible'),
      outline:
        style.outlineStyle === 'none' || parseFloat(style.outlineWidth) < 2
          ? 'none'
          : `${style.outlineWidth} ${style.outlineStyle} ${style.outlineColor}`,
      boxShadow: style.boxShadow,
    };
  });
}

describe('the whole module with the keyboard alone', () => {
  it('goes from the start page through every lesson and a passed assessment to a completed course', async () => {
    // An attempt seed whose draw shows every question type, fed to the runtime's random source.
    const seed = seedDrawingEveryType(course);
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await pinAttemptSeed(page, seed);
    const frame = page.mainFrame();
    const keyboard = page.keyboard;
    /** Every control focus landed on with Tab / Shift+Tab, with its focus style. */
    const stops: FocusStop[] = [];
    const matches = (selector: string) => frame.evaluate((s) => document.hasFocus() && !!document.activeElement?.matches(s), selector);

    const tabTo = async (selector: string, backwards = false): Promise<void> => {
      for (let i = 0; i < 150; i++) {
        await keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
        stops.push(await focusStop(frame));
        if (await matches(selector)) return;
      }
      throw new Error(`Tab never reached ${selector} on ${page.url()}`);
    };
    /** Enter on a focused link, then wait for the page it leads to. */
    const follow = async (pageId: string) => {
      const target = course.pages.find((p) => p.id === pageId)!;
      await Promise.all([page.waitForURL(`**/${target.url}`), keyboard.press('Enter')]);
      await ready(frame, pageId);
    };

    await page.goto(`${base}/index.html`);
    await ready(frame, 'start');

    // The skip link is the first Tab stop, it shows when focused, and it moves focus to main.
    await keyboard.press('Tab');
    stops.push(await focusStop(frame));
    expect(await matches('a.ck-skip[href="#main"]')).toBe(true);
    const skip = await frame.evaluate(() => {
      const box = document.activeElement!.getBoundingClientRect();
      return { top: box.top, bottom: box.bottom, text: document.activeElement!.textContent };
    });
    expect(skip.text).toBe('Skip to content');
    expect(skip.top).toBeGreaterThanOrEqual(0);
    expect(skip.bottom).toBeLessThanOrEqual(900);
    await keyboard.press('Enter');
    expect(await matches('main#main')).toBe(true);
    // The next Tab continues inside main: the start button, not the header or the contents.
    await keyboard.press('Tab');
    stops.push(await focusStop(frame));
    expect(await matches('main [data-ck-resume]')).toBe(true);

    const lessons = course.pages.filter((p) => p.kind === 'lesson');
    await follow(lessons[0]!.id);
    let checksAnswered = 0;
    for (const [i, lesson] of lessons.entries()) {
      expect(page.url()).toBe(`${base}/${lesson.url}`);
      const ids = await frame.evaluate(() =>
        Array.from(document.querySelectorAll<HTMLElement>('form[data-ck-mode="practice"]'), (f) => f.dataset.ckQuestion!),
      );
      for (const id of ids) {
        await answerCheckWithKeyboard(id, rightAnswer(course.questions[id]!));
        const feedback = frame.locator(`form[data-ck-question="${id}"] [data-ck-feedback]`);
        expect(await feedback.getAttribute('role')).toBe('status');
        expect(await feedback.textContent(), id).toMatch(/^Correct\./);
        checksAnswered++;
      }
      // On to the next page with the pager's Next link.
      await tabTo('a[rel="next"]');
      await follow(lessons[i + 1]?.id ?? 'assessment');
    }
    expect(checksAnswered).toBeGreaterThanOrEqual(lessons.length);

    // The assessment: start, answer every question, submit.
    await tabTo('[data-ck-start]');
    await keyboard.press('Enter');
    expect(await matches('form[data-ck-mode="assessment"]:not([hidden]) fieldset')).toBe(true);
    const types = new Set<string>();
    for (;;) {
      const shown = await shownQuestion(frame);
      types.add(shown.question.type);
      await answerWithKeyboard(frame, rightAnswer(shown.question));
      // The control the answer was given with shows its focus.
      stops.push(await focusStop(frame));
      const last = await frame.locator('[data-ck-submit]').isVisible();
      await tabTo(last ? '[data-ck-submit]' : '[data-ck-next-question]');
      await keyboard.press('Enter');
      if (last) break;
    }
    expect([...types].sort()).toEqual([...ALL_QUESTION_TYPES].sort());
    // Focus moves to the results heading; the learner passed with every answer right.
    expect(await matches('h2[data-ck-results-heading]')).toBe(true);
    expect(await frame.locator('[data-ck-verdict]').textContent()).toBe('You passed.');
    expect(await frame.locator('[data-ck-score]').textContent()).toBe('You scored 100% (16 of 16 correct).');

    // Back to the start page through the course contents (Shift+Tab from the results).
    await tabTo('nav.ck-toc a[data-ck-toc="start"]', true);
    await follow('start');
    expect(await frame.locator('[data-ck-completed]').isVisible()).toBe(true);
    expect(await frame.locator('[data-ck-completed]').textContent()).toBe('Course completed.');
    expect(await frame.locator('[data-ck-progress-text]').textContent()).toBe(`${lessons.length} of ${lessons.length} lessons viewed`);
    expect(
      await frame.locator('a[data-ck-toc][data-ck-done]').evaluateAll((links) => links.map((a) => a.getAttribute('data-ck-toc'))),
    ).toEqual([...lessons.map((l) => l.id), 'assessment']);

    // Every control reached with the keyboard drew a focus indicator (outline or box-shadow).
    const controls = stops.filter((s) => /^(a|button|input|select|textarea)\b/.test(s.kind));
    expect([...new Set(controls.map((s) => s.kind))].sort()).toEqual([
      'a',
      'button',
      'input[checkbox]',
      'input[radio]',
      'input[text]',
      'select',
      'textarea',
    ]);
    expect(controls.filter((s) => !s.focusVisible || (s.outline === 'none' && s.boxShadow === 'none'))).toEqual([]);
    await context.close();

    /** Answers a knowledge check with arrow keys / Space, then checks it with Enter on its button. */
    async function answerCheckWithKeyboard(id: string, wanted: string[]): Promise<void> {
      const scope = `form[data-ck-question="${id}"]`;
      const type = course.questions[id]!.type;
      if (type === 'multiple') {
        const inDomOrder = await frame.evaluate(
          (s) => Array.from(document.querySelectorAll<HTMLInputElement>(`${s} input`), (i) => i.value),
          scope,
        );
        for (const value of inDomOrder.filter((v) => wanted.includes(v))) {
          await tabTo(`${scope} input[value="${value}"]`);
          await keyboard.press('Space');
        }
      } else {
        expect(['single', 'trueFalse']).toContain(type);
        await tabTo(`${scope} input[type="radio"]`);
        const value = () => frame.evaluate(() => (document.activeElement as HTMLInputElement).value);
        for (let i = 0; i < 12 && (await value()) !== wanted[0]; i++) await keyboard.press('ArrowDown');
        await keyboard.press('Space');
        stops.push(await focusStop(frame));
      }
      await tabTo(`${scope} button[type="submit"]`);
      await keyboard.press('Enter');
    }
  });
});
