/**
 * Driving the learner runtime in Chromium: reaching the content frame inside the LMS host
 * page (#sco → launch.html → #ck-frame), answering questions with the keyboard only, and
 * reading what the course knows about a question.
 */
import type { Frame, Page } from 'playwright-core';
import type { RuntimeCourseData, RuntimeQuestion } from '../../src/model/runtime-data.js';
import { drawAttempt } from '../../src/shared/draw.js';

/** The frame that shows course pages: #ck-frame inside the SCO frame #sco of the LMS host page. */
export async function contentFrame(page: Page): Promise<Frame> {
  const sco = await (await page.waitForSelector('#sco')).contentFrame();
  if (!sco) throw new Error('no SCO frame');
  const inner = await (await sco.waitForSelector('#ck-frame', { state: 'attached' })).contentFrame();
  if (!inner) throw new Error('no content frame in launch.html');
  return inner;
}

/** Waits until the runtime has wired the page with this page id (a page still loading may have no root element yet). */
export async function ready(frame: Frame, pageId: string): Promise<void> {
  await frame.waitForFunction((id) => document.documentElement?.getAttribute('data-ck-ready') === id, pageId);
}

export interface ShownQuestion {
  id: string;
  question: RuntimeQuestion;
  /** Option, pair or item ids in the order shown. */
  shown: string[];
}

/** The assessment question on screen. */
export async function shownQuestion(frame: Frame): Promise<ShownQuestion> {
  return frame.evaluate(() => {
    const form = document.querySelector<HTMLFormElement>('form[data-ck-mode="assessment"]:not([hidden])');
    if (!form) throw new Error('no question shown');
    const id = form.dataset.ckQuestion!;
    const course = (window as unknown as { coursekitCourse: { questions: Record<string, RuntimeQuestion> } }).coursekitCourse;
    const shown = Array.from(
      form.querySelectorAll<HTMLElement>('[data-ck-option], [data-ck-pair], [data-ck-item]'),
      (n) => n.dataset.ckOption ?? n.dataset.ckPair ?? n.dataset.ckItem ?? '',
    );
    return { id, question: course.questions[id]!, shown };
  });
}

/** Presses Tab until the focused element in `frame` matches `selector`. */
export async function tabTo(frame: Frame, selector: string, max = 60): Promise<void> {
  for (let i = 0; i < max; i++) {
    await frame.page().keyboard.press('Tab');
    if (await frame.evaluate((s) => document.hasFocus() && !!document.activeElement?.matches(s), selector)) return;
  }
  throw new Error(`Tab never reached ${selector}`);
}

const focusedValue = (frame: Frame) => frame.evaluate(() => (document.activeElement as HTMLInputElement | null)?.value ?? '');

/**
 * Answers the question on screen with the keyboard only: arrow keys in radio groups, Space on
 * checkboxes, arrow keys in selects, typing, and Enter on the Move buttons. `wanted` is a
 * response by ids (see src/runtime/ui/question.ts responseOf).
 */
export async function answerWithKeyboard(frame: Frame, wanted: string[]): Promise<void> {
  const { question, shown } = await shownQuestion(frame);
  const keyboard = frame.page().keyboard;
  const scope = 'form[data-ck-mode="assessment"]:not([hidden])';
  switch (question.type) {
    case 'single':
    case 'trueFalse': {
      await tabTo(frame, `${scope} input[type="radio"]`);
      for (let i = 0; i <= shown.length && (await focusedValue(frame)) !== wanted[0]; i++) await keyboard.press('ArrowDown');
      await keyboard.press('Space');
      break;
    }
    case 'multiple':
      for (const id of shown.filter((id) => wanted.includes(id))) {
        await tabTo(frame, `${scope} input[value="${id}"]`);
        await keyboard.press('Space');
      }
      break;
    case 'matching':
      for (const pair of shown) {
        const target = wanted[question.ids.indexOf(pair)] ?? '';
        await tabTo(frame, `${scope} [data-ck-pair="${pair}"] select`);
        for (let i = 0; i <= question.ids.length + 1 && (await focusedValue(frame)) !== target; i++) await keyboard.press('ArrowDown');
      }
      break;
    case 'ordering':
      for (let position = 0; position < wanted.length; position++) {
        const order = (await shownQuestion(frame)).shown;
        const from = order.indexOf(wanted[position]!);
        if (from === position) continue;
        await tabTo(frame, `${scope} [data-ck-item="${wanted[position]}"] [data-ck-move="-1"]`);
        for (let step = from; step > position; step--) await keyboard.press('Enter');
      }
      break;
    case 'fillIn':
      await tabTo(frame, `${scope} input[name="answer"]`);
      await keyboard.type(wanted[0] ?? '');
      break;
  }
}

/** A right response for a question, by ids. */
export function rightAnswer(question: RuntimeQuestion): string[] {
  return question.type === 'fillIn' ? [question.correct[0]!] : question.correct.slice();
}

/**
 * A wrong response for a question (never right, never empty). For ordering, one that differs
 * from the order shown when there is one, since an untouched ordering question is unanswered.
 */
export function wrongAnswer(question: RuntimeQuestion, shown: string[] = []): string[] {
  switch (question.type) {
    case 'single':
      return [question.ids.find((id) => id !== question.correct[0])!];
    case 'trueFalse':
      return [question.correct[0] === 'true' ? 'false' : 'true'];
    case 'multiple':
      return [question.ids.find((id) => !question.correct.includes(id)) ?? question.ids[0]!].concat(
        question.correct.length > 1 ? [] : question.correct,
      );
    case 'matching':
      return question.correct.slice(1).concat(question.correct.slice(0, 1));
    case 'ordering': {
      const candidates = question.correct
        .map((_, i) => question.correct.slice(i).concat(question.correct.slice(0, i)))
        .concat([question.correct.slice().reverse()]);
      const differs = (a: string[], b: string[]) => a.some((id, i) => id !== b[i]);
      return candidates.find((c) => differs(c, question.correct) && differs(c, shown)) ?? shown;
    }
    case 'fillIn':
      return ['definitely not the answer'];
  }
}

/** Answers the question on screen with the pointer (quicker where the keyboard is not the point). */
export async function answerByClicking(frame: Frame, wanted: string[]): Promise<void> {
  const { question } = await shownQuestion(frame);
  const form = frame.locator('form[data-ck-mode="assessment"]:not([hidden])');
  switch (question.type) {
    case 'single':
    case 'trueFalse':
    case 'multiple':
      for (const id of question.ids) await form.locator(`input[value="${id}"]`).setChecked(wanted.includes(id));
      break;
    case 'matching':
      for (const [i, pair] of question.ids.entries()) await form.locator(`[data-ck-pair="${pair}"] select`).selectOption(wanted[i] ?? '');
      break;
    case 'ordering':
      for (let position = 0; position < wanted.length; position++) {
        const from = (await shownQuestion(frame)).shown.indexOf(wanted[position]!);
        for (let step = from; step > position; step--)
          await form.locator(`[data-ck-item="${wanted[position]}"] [data-ck-move="-1"]`).click();
      }
      break;
    case 'fillIn':
      await form.locator('input[name="answer"]').fill(wanted[0] ?? '');
      break;
  }
}

/** Starts an attempt (or the next one), answers every question right or wrong, and submits. */
export async function takeAttempt(frame: Frame, answer: 'right' | 'wrong'): Promise<void> {
  await frame.locator('[data-ck-start]:visible, [data-ck-retry]:visible').click();
  for (;;) {
    const { question, shown } = await shownQuestion(frame);
    await answerByClicking(frame, answer === 'right' ? rightAnswer(question) : wrongAnswer(question, shown));
    if (await frame.locator('[data-ck-submit]').isVisible()) break;
    await frame.locator('[data-ck-next-question]').click();
  }
  await frame.locator('[data-ck-submit]').click();
  await frame.locator('[data-ck-view="results"]').waitFor({ state: 'visible' });
}

export const ALL_QUESTION_TYPES: RuntimeQuestion['type'][] = ['single', 'multiple', 'trueFalse', 'matching', 'ordering', 'fillIn'];

/**
 * Makes every assessment attempt in this page use `seed`: the runtime draws its seed from
 * crypto.getRandomValues (shifted right by one bit), so the draw becomes predictable.
 */
export async function pinAttemptSeed(page: Page, seed: number): Promise<void> {
  await page.addInitScript((value) => {
    crypto.getRandomValues = (<T extends ArrayBufferView | null>(array: T) => {
      (array as unknown as Uint32Array)[0] = value * 2;
      return array;
    }) as typeof crypto.getRandomValues;
  }, seed);
}

/** The first attempt seed whose draw includes all six question types. */
export function seedDrawingEveryType(course: RuntimeCourseData): number {
  for (let candidate = 1; candidate < 10_000; candidate++) {
    const types = new Set(drawAttempt(course, candidate).map((d) => course.questions[d.id]!.type));
    if (ALL_QUESTION_TYPES.every((t) => types.has(t))) return candidate;
  }
  throw new Error('no seed draws every question type');
}
