/**
 * Layout for low vision, phones, motion sensitivity and paper, on the sample module's web
 * package: no horizontal scrolling and no clipped text at 200% zoom (a 1280×900 window zoomed
 * to 200% is a 640×450 CSS px viewport), on a 320 px wide screen and on a desktop, on every
 * page, with knowledge-check feedback, for every question of the assessment bank, the
 * unanswered confirmation and the results; touch targets of at least 44×44 CSS px (WCAG 2.5.5); no motion
 * under prefers-reduced-motion, even from a theme that adds some; a print stylesheet that
 * turns a lesson into a clean handout.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RuntimeCourseData } from '../../src/model/runtime-data.js';
import { drawAttempt } from '../../src/shared/draw.js';
import { answerByClicking, pinAttemptSeed, ready, rightAnswer, shownQuestion } from '../helpers/runtime-browser.js';
import { serveSampleWebPackage, type ServedSample } from '../helpers/sample-web.js';

let sample: ServedSample;
let browser: Browser;
let course: RuntimeCourseData;
let base: string;
let seeds: number[];

beforeAll(async () => {
  sample = await serveSampleWebPackage();
  ({ base, course, browser } = sample);
  seeds = seedsShowingTheWholeBank(course);
});

afterAll(async () => {
  await sample?.close();
});

interface LayoutReport {
  scrollWidth: number;
  innerWidth: number;
  /** Elements that reach past the right edge of the viewport. */
  overflowing: string[];
  /** Elements that hide part of their text (overflow hidden or clip, and more content than room). */
  clipped: string[];
  /** Targets smaller than 44×44 CSS px that no WCAG 2.5.5 exception covers. */
  small: string[];
  /** Targets smaller than 44×44 that an exception covers, with the exception. */
  excepted: string[];
  /** How many targets were measured. */
  targets: number;
}

/**
 * Measures the page as shown. Targets: buttons; links (inline links in running text are the
 * 2.5.5 "inline" exception); a radio button or checkbox is measured by its label, which is
 * the target that carries its text (the native box is 20 px, the label row at least 44 px);
 * selects, text fields and text areas themselves.
 */
function measure(): LayoutReport {
  const describe = (node: Element) =>
    `${node.tagName.toLowerCase()}${node.className ? `.${String(node.className).trim().split(/\s+/).join('.')}` : ''} "${(node.textContent ?? '').trim().slice(0, 30)}"`;
  const shown = (node: Element) => {
    const box = node.getBoundingClientRect();
    return box.width > 0 && box.height > 0 && getComputedStyle(node).visibility !== 'hidden';
  };
  const visuallyHidden = (node: Element) => !!node.closest('.ck-visually-hidden');
  const all = Array.from(document.body.querySelectorAll('*')).filter((n) => shown(n) && !visuallyHidden(n));
  const overflowing = all.filter((n) => n.getBoundingClientRect().right > innerWidth + 0.5).map(describe);
  const clipped = all
    .filter((n) => {
      const style = getComputedStyle(n);
      const hides = /hidden|clip/.test(style.overflowX + style.overflowY);
      return hides && (n.scrollWidth > n.clientWidth + 1 || n.scrollHeight > n.clientHeight + 1);
    })
    .map(describe);
  const small: string[] = [];
  const excepted: string[] = [];
  let targets = 0;
  const check = (target: Element, what: Element = target) => {
    const box = what.getBoundingClientRect();
    targets++;
    if (Math.round(box.width) >= 44 && Math.round(box.height) >= 44) return;
    const size = `${Math.round(box.width)}×${Math.round(box.height)}`;
    // Inline: a link inside a sentence, sized by the line height of the text around it.
    const block = target.closest('p, li, dd, td, blockquote, figcaption');
    const inline = target.tagName === 'A' && !!block && (block.textContent ?? '').trim().length > (target.textContent ?? '').trim().length;
    if (inline) excepted.push(`${describe(target)} ${size}: inline link in text`);
    else small.push(`${describe(what)}${what === target ? '' : ` (label of a ${target.getAttribute('type')})`} ${size}`);
  };
  for (const node of all) {
    if (node.matches('button, a[href], select, textarea, input:not([type="radio"], [type="checkbox"], [type="hidden"])')) check(node);
    else if (node.matches('input[type="radio"], input[type="checkbox"]')) {
      const label = document.querySelector(`label[for="${(node as HTMLInputElement).id}"]`);
      if (label) check(node, label);
      else small.push(`${describe(node)}: a radio button or checkbox without a label`);
    }
  }
  return {
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
    overflowing: overflowing.slice(0, 5),
    clipped,
    small: [...new Set(small)],
    excepted: [...new Set(excepted)],
    targets,
  };
}

/** Attempt seeds whose draws together show every question of the bank (greedy cover). */
function seedsShowingTheWholeBank(data: RuntimeCourseData): number[] {
  const left = new Set(Object.keys(data.questions).filter((id) => data.questions[id]!.bank));
  const seeds: number[] = [];
  while (left.size > 0) {
    let best = 0;
    let bestCount = 0;
    for (let candidate = 1; candidate <= 1000; candidate++) {
      const count = drawAttempt(data, candidate).filter((d) => left.has(d.id)).length;
      if (count > bestCount) [best, bestCount] = [candidate, count];
    }
    if (bestCount === 0) throw new Error('no seed draws the rest of the bank');
    seeds.push(best);
    for (const d of drawAttempt(data, best)) left.delete(d.id);
  }
  return seeds;
}

/** A page in a fresh context (empty localStorage) whose assessment attempts use `attemptSeed`. */
async function newPage(
  viewport: { width: number; height: number },
  options: { deviceScaleFactor?: number } = {},
  attemptSeed = 1,
): Promise<Page> {
  const context = await browser.newContext({ viewport, ...options });
  const page = await context.newPage();
  await pinAttemptSeed(page, attemptSeed);
  return page;
}

/**
 * Visits every page; each lesson again with its knowledge checks' feedback shown; every
 * question of the bank in the assessment (answered), over as many attempts as that takes; the
 * unanswered confirmation; the results. Calls `visit` with a name for each state.
 */
async function everyState(
  open: (attemptSeed: number) => Promise<Page>,
  visit: (page: Page, state: string) => Promise<void>,
): Promise<void> {
  const [first, ...others] = seeds;
  const page = await open(first!);
  const frame = page.mainFrame();
  for (const p of course.pages) {
    await page.goto(`${base}/${p.url}`);
    await ready(frame, p.id);
    await visit(page, p.url);
    if (p.kind === 'lesson') {
      for (const form of await page.locator('form[data-ck-mode="practice"]').all()) {
        await form.locator('input').first().check();
        await form.locator('button[type="submit"]').click();
      }
      await visit(page, `${p.url} with feedback`);
    }
  }
  // The first attempt leaves its last question unanswered, for the confirmation, then shows results.
  await takeAttempt(page, first!, true);
  await page.locator('[data-ck-submit]').click();
  await visit(page, 'assessment, unanswered confirmation');
  await page.locator('[data-ck-submit-anyway]').click();
  await visit(page, 'assessment results');
  await page.context().close();
  for (const attemptSeed of others) {
    const next = await open(attemptSeed);
    await next.goto(`${base}/assessment.html`);
    await ready(next.mainFrame(), 'assessment');
    await takeAttempt(next, attemptSeed, false);
    await next.context().close();
  }

  async function takeAttempt(on: Page, attemptSeed: number, leaveLast: boolean): Promise<void> {
    await on.locator('[data-ck-start]').click();
    for (let position = 0; ; position++) {
      const shown = await shownQuestion(on.mainFrame());
      const last = await on.locator('[data-ck-submit]').isVisible();
      if (!(last && leaveLast)) await answerByClicking(on.mainFrame(), rightAnswer(shown.question));
      await visit(on, `attempt with seed ${attemptSeed}, question ${position + 1} (${shown.question.type} ${shown.id})`);
      if (last) break;
      await on.locator('[data-ck-next-question]').click();
    }
  }
}

describe('layout', () => {
  for (const [label, viewport, scale] of [
    ['200% zoom (1280×900 at 200%)', { width: 640, height: 450 }, 2],
    ['a 320 px wide screen', { width: 320, height: 640 }, 1],
    ['a desktop', { width: 1280, height: 900 }, 1],
  ] as const) {
    it(`has no horizontal scrolling, no clipped text and 44 px touch targets on ${label}`, async () => {
      const scrolling: Record<string, string[]> = {};
      const clipped: Record<string, string[]> = {};
      const small: Record<string, string[]> = {};
      const excepted = new Set<string>();
      const states: string[] = [];
      let targets = 0;
      await everyState(
        (attemptSeed) => newPage(viewport, { deviceScaleFactor: scale }, attemptSeed),
        async (page, state) => {
          states.push(state);
          const report = await page.evaluate(measure);
          expect(report.innerWidth).toBe(viewport.width);
          if (report.scrollWidth > report.innerWidth || report.overflowing.length)
            scrolling[state] = [`scrollWidth ${report.scrollWidth}`, ...report.overflowing];
          if (report.clipped.length) clipped[state] = report.clipped;
          if (report.small.length) small[state] = report.small;
          for (const e of report.excepted) excepted.add(e);
          targets += report.targets;
        },
      );
      // Every page, both knowledge-check states of each lesson, and every assessment state.
      const bank = Object.values(course.questions).filter((q) => q.bank).length;
      const shownQuestions = new Set(states.map((state) => /\((\w+) ([\w-]+)\)$/.exec(state)?.[2]).filter(Boolean));
      expect(shownQuestions.size).toBe(bank);
      expect(states.length).toBe(
        course.pages.length + course.pages.filter((p) => p.kind === 'lesson').length + seeds.length * drawAttempt(course, 1).length + 2,
      );
      expect(targets).toBeGreaterThan(states.length * 5);
      expect(scrolling).toEqual({});
      expect(clipped).toEqual({});
      expect(small).toEqual({});
      // The sample module has no links inside running text: no exception is needed.
      expect([...excepted]).toEqual([]);
    });
  }
});

describe('reduced motion', () => {
  /** A theme that adds motion: transitions, an animation on a pseudo-element, smooth scrolling. */
  const motionTheme = `
    html { scroll-behavior: smooth; }
    .ck-button, .ck-toc a, .ck-option { transition: background-color 300ms ease, transform 300ms ease; }
    .ck-course-title::before { animation: ck-test-spin 2s linear infinite; }
    .ck-feedback { animation: ck-test-fade 400ms ease-out; }
    @keyframes ck-test-spin { to { transform: rotate(1turn); } }
    @keyframes ck-test-fade { from { opacity: 0; } }
  `;

  /** Every element and pseudo-element that would move: transitions or animations longer than 0. */
  const moving = () => {
    const seconds = (list: string) => Math.max(...list.split(',').map((v) => parseFloat(v) * (v.trim().endsWith('ms') ? 0.001 : 1)));
    const out: string[] = [];
    for (const node of [document.documentElement, ...document.documentElement.querySelectorAll('*')]) {
      for (const pseudo of [null, '::before', '::after']) {
        const style = getComputedStyle(node, pseudo);
        const name = `${node.tagName.toLowerCase()}.${String(node.className)}${pseudo ?? ''}`;
        if (seconds(style.transitionDuration) > 0) out.push(`${name}: transition ${style.transitionDuration}`);
        if (style.animationName !== 'none' && seconds(style.animationDuration) > 0)
          out.push(`${name}: animation ${style.animationName} ${style.animationDuration}`);
      }
    }
    if (getComputedStyle(document.documentElement).scrollBehavior !== 'auto') out.push('html: smooth scrolling');
    return out;
  };

  for (const file of ['index.html', '03-comprehensive-migration-management.html', 'assessment.html']) {
    it(`moves nothing on ${file} when the learner asks for reduced motion`, async () => {
      const pageId = course.pages.find((p) => p.url === file)!.id;
      const context = await browser.newContext({ reducedMotion: 'reduce' });
      const page = await context.newPage();
      await page.goto(`${base}/${file}`);
      await ready(page.mainFrame(), pageId);
      expect(await page.evaluate(() => matchMedia('(prefers-reduced-motion: reduce)').matches)).toBe(true);
      expect(await page.evaluate(moving)).toEqual([]);
      await page.addStyleTag({ content: motionTheme });
      expect(await page.evaluate(moving)).toEqual([]);

      // Without the preference the same theme does move: the probe sees motion when there is some.
      await page.emulateMedia({ reducedMotion: 'no-preference' });
      expect((await page.evaluate(moving)).length).toBeGreaterThan(0);
      await context.close();
    });
  }
});

describe('print', () => {
  it('prints each lesson as a clean handout: content only, no navigation, notices or buttons', async () => {
    // An A4 page at 96 dpi is 794 CSS px wide.
    const context = await browser.newContext({ viewport: { width: 794, height: 1123 } });
    const page = await context.newPage();
    for (const lesson of course.pages.filter((p) => p.kind === 'lesson')) {
      await page.emulateMedia({ media: 'screen' });
      await page.goto(`${base}/${lesson.url}`);
      await ready(page.mainFrame(), lesson.id);
      const parts = {
        navigation: '.ck-toc, .ck-pager, .ck-skip, .ck-progress',
        notices: '.ck-notice',
        buttons: 'button, .ck-button',
        'practice questions': '.ck-knowledge-check',
        'note fields': '.ck-reflection textarea, .ck-reflection label',
      };
      const content = 'h1, .ck-eyebrow, .ck-objectives, .ck-block:not(.ck-knowledge-check), .ck-footer';
      const seen = (selectors: Record<string, string>) =>
        page.evaluate((wanted) => {
          const out: Record<string, boolean[]> = {};
          for (const [name, selector] of Object.entries(wanted))
            out[name] = Array.from(document.querySelectorAll(selector), (n) => n.checkVisibility());
          return out;
        }, selectors);

      // On screen all of these are there (the web package shows its "kept in this browser" notice).
      const onScreen = await seen({ ...parts, content });
      for (const [name, visible] of Object.entries(onScreen)) expect(visible.some(Boolean), `${lesson.url}: ${name} on screen`).toBe(true);

      await page.emulateMedia({ media: 'print' });
      const printed = await seen({ ...parts, content });
      for (const name of Object.keys(parts)) expect(printed[name]!.filter(Boolean).length, `${lesson.url}: ${name} printed`).toBe(0);
      expect(printed.content!.every(Boolean), `${lesson.url}: all content printed`).toBe(true);
      const layout = await page.evaluate(() => {
        const main = document.querySelector('main')!.getBoundingClientRect();
        // A link prints as the text around it: its colour is its parent's.
        const linkColours = Array.from(document.querySelectorAll('main a'), (a) =>
          getComputedStyle(a).color === getComputedStyle(a.parentElement!).color ? 'as text' : getComputedStyle(a).color,
        );
        return {
          left: main.left,
          width: main.width,
          text: document.querySelector('main')!.textContent.length,
          scrollWidth: document.documentElement.scrollWidth,
          innerWidth,
          linkColours,
        };
      });
      // The contents column is gone: the lesson starts at the left margin and uses the page.
      expect(layout.left, lesson.url).toBeLessThan(layout.innerWidth * 0.05);
      expect(layout.width, lesson.url).toBeGreaterThan(layout.innerWidth * 0.8);
      expect(layout.scrollWidth, lesson.url).toBeLessThanOrEqual(layout.innerWidth);
      expect(layout.text, lesson.url).toBeGreaterThan(1000);
      expect(
        layout.linkColours.every((c) => c === 'as text'),
        `${lesson.url}: links print as text`,
      ).toBe(true);
    }
    await context.close();
  });
});
