/**
 * The learner runtime under a real SCORM API (scorm-again in the LMS host page), for both
 * SCORM versions: the assessment taken with the keyboard, failures, the attempt limit,
 * resume after a relaunch, and what the LMS records.
 */
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Frame, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildModules } from '../../src/pipeline/index.js';
import type { RunningServer } from '../../src/preview/package-server.js';
import { launchBrowser } from '../helpers/browser.js';
import { servePackages } from '../helpers/lms.js';
import { copyProject, buildProject, type BuiltProject } from '../helpers/projects.js';
import {
  answerByClicking,
  answerWithKeyboard,
  contentFrame,
  ready,
  rightAnswer,
  shownQuestion,
  tabTo,
  takeAttempt,
  wrongAnswer,
} from '../helpers/runtime-browser.js';

type Version = 'scorm12' | 'scorm2004';
interface LmsLogEntry {
  method: string;
  element: string;
  value: string;
  error: string;
}

let project: BuiltProject;
let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  project = await buildProject('tiny', ['scorm12', 'scorm2004']);
  server = await servePackages(path.join(project.dir, 'dist', 'packages'));
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await project?.cleanup();
});

describe.each<Version>(['scorm12', 'scorm2004'])('%s', (version) => {
  const is12 = version === 'scorm12';
  let page: Page;

  beforeEach(async () => {
    page = await browser.newPage();
    await page.goto(`${server.origin}/lms/tiny-course-${version}/`);
  });
  afterEach(async () => {
    await page.close();
  });

  const launch = async (options: Record<string, unknown> = {}): Promise<Frame> => {
    await page.evaluate((o) => (window as any).coursekitLms.launch(undefined, o), options);
    return contentFrame(page);
  };
  const relaunch = async (): Promise<Frame> => {
    await page.evaluate(() => (window as any).coursekitLms.exitAndRelaunch());
    return contentFrame(page);
  };
  const cmi = async (): Promise<any> => ((await page.evaluate(() => (window as any).coursekitLms.cmi())) as any).cmi;
  const log = (): Promise<LmsLogEntry[]> => page.evaluate(() => (window as any).coursekitLms.log);
  const statusOf = (data: any) => (is12 ? data.core.lesson_status : { completion: data.completion_status, success: data.success_status });
  const scoreOf = (data: any) => (is12 ? data.core.score : data.score);
  const interactionsOf = (data: any): any[] => Object.values(data.interactions ?? {}).filter((i: any) => typeof i === 'object' && i.id);

  async function openAssessment(frame: Frame): Promise<void> {
    await frame.locator('a[data-ck-toc="assessment"]').click();
    await ready(frame, 'assessment');
  }

  it('takes the assessment with the keyboard only and records the pass, score and interactions', async () => {
    const frame = await launch();
    await ready(frame, 'start');
    for (const id of ['01-contributions', '02-ministries', 'assessment']) {
      await tabTo(frame, `a[data-ck-toc="${id}"]`);
      await page.keyboard.press('Enter');
      await ready(frame, id);
    }
    await tabTo(frame, '[data-ck-start]');
    await page.keyboard.press('Enter');
    const answered: string[] = [];
    for (;;) {
      // Focus moved to the question: its group is focused, the legend names it.
      expect(await frame.evaluate(() => document.activeElement?.tagName)).toBe('FIELDSET');
      const { id, question } = await shownQuestion(frame);
      answered.push(id);
      await answerWithKeyboard(frame, rightAnswer(question));
      const last = await frame.locator('[data-ck-submit]').isVisible();
      await tabTo(frame, last ? '[data-ck-submit]' : '[data-ck-next-question]');
      await page.keyboard.press('Enter');
      if (last) break;
    }
    await frame.waitForFunction(() => document.activeElement?.matches('[data-ck-results-heading]'));
    expect(await frame.locator('[data-ck-score]').textContent()).toBe('You scored 100% (2 of 2 correct).');
    expect(await frame.locator('[data-ck-verdict]').textContent()).toBe('You passed.');
    expect(await frame.locator('[data-ck-review] > li').count()).toBe(2);
    expect(await frame.locator('[data-ck-review] blockquote').count()).toBe(2);
    expect(await frame.locator('[data-ck-retry]').isVisible()).toBe(false);

    const data = await cmi();
    expect(scoreOf(data)).toMatchObject(is12 ? { raw: '100', min: '0', max: '100' } : { raw: '100', min: '0', max: '100', scaled: '1' });
    expect(statusOf(data)).toEqual(is12 ? 'passed' : { completion: 'completed', success: 'passed' });
    const interactions = interactionsOf(data);
    expect(interactions.map((i) => i.id)).toEqual(
      answered.map((id) => (is12 ? `${id.replace(/-/g, '_')}_1` : `urn:coursekit:tiny-course:${id}:1`)),
    );
    for (const interaction of interactions) {
      expect(interaction.result).toBe('correct');
      if (!is12) expect(interaction.description).toMatch(/^\{lang=en\}/);
    }
    // The score reaches the LMS before the status, and every value was accepted.
    const entries = await log();
    const setValue = is12 ? 'LMSSetValue' : 'SetValue';
    const latencies = entries
      .filter((e) => e.method === setValue && /^cmi\.interactions\.\d+\.latency$/.test(e.element))
      .map((e) => e.value);
    expect(latencies).toHaveLength(2);
    for (const latency of latencies) expect(latency).toMatch(is12 ? /^\d{4}:\d\d:\d\d\.\d\d$/ : /^PT(\d+H)?(\d+M)?\d+(\.\d{1,2})?S$/);
    const sessionTime = entries.filter((e) => e.element === (is12 ? 'cmi.core.session_time' : 'cmi.session_time'));
    for (const entry of sessionTime) expect(entry.value).toMatch(is12 ? /^\d{4}:\d\d:\d\d\.\d\d$/ : /^PT/);
    const rawAt = entries.findIndex((e) => e.method === setValue && e.element === (is12 ? 'cmi.core.score.raw' : 'cmi.score.raw'));
    const passAt = entries.findIndex((e) => e.method === setValue && e.value === 'passed');
    expect(rawAt).toBeGreaterThan(-1);
    expect(passAt).toBeGreaterThan(rawAt);
    expect(entries.filter((e) => e.method === setValue && e.error !== '0')).toEqual([]);
    expect(is12 ? data.core.exit : data.exit).toBe(is12 ? '' : 'normal');
  });

  it('records a failed attempt with attempts left so that the LMS keeps it open (1.2 incomplete, 2004 failed), and offers another attempt', async () => {
    const frame = await launch();
    await ready(frame, 'start');
    await openAssessment(frame);
    await takeAttempt(frame, 'wrong');
    expect(await frame.locator('[data-ck-verdict]').textContent()).toBe('You did not reach the pass mark of 50%.');
    expect(await frame.locator('[data-ck-retry]').isVisible()).toBe(true);
    expect(await frame.locator('[data-ck-results-attempts]').textContent()).toBe('Attempts left: 1.');
    const data = await cmi();
    expect(statusOf(data)).toEqual(is12 ? 'incomplete' : { completion: 'incomplete', success: 'failed' });
    expect(scoreOf(data).raw).toBe('0');
    const interactions = interactionsOf(data);
    expect(interactions).toHaveLength(2);
    for (const interaction of interactions) expect(interaction.result).toBe(is12 ? 'wrong' : 'incorrect');
    expect(is12 ? data.core.exit : data.exit).toBe('suspend');
  });

  it('lets a learner who failed come back as Moodle relaunches them, retake and pass; the LMS ends with passed', async () => {
    let frame = await launch();
    await ready(frame, 'start');
    for (const id of ['01-contributions', '02-ministries', 'assessment']) {
      await frame.locator(`a[data-ck-toc="${id}"]`).click();
      await ready(frame, id);
    }
    await takeAttempt(frame, 'wrong');
    frame = await relaunch();
    await ready(frame, 'assessment');
    expect(await frame.evaluate(() => (window.parent as any).coursekitHost.view().review)).toBe(false);
    await frame.locator('[data-ck-view="results"]').waitFor({ state: 'visible' });
    expect(await frame.locator('[data-ck-notice]').textContent()).not.toContain('reviewing');
    await takeAttempt(frame, 'right');
    expect(await frame.locator('[data-ck-verdict]').textContent()).toBe('You passed.');
    const data = await cmi();
    expect(statusOf(data)).toEqual(is12 ? 'passed' : { completion: 'completed', success: 'passed' });
    expect(scoreOf(data).raw).toBe('100');
  });

  it('shows the learner their score when they come back after passing', async () => {
    // The assessment as its own SCO is finished once passed, so the exit is normal.
    let frame = await launch({ query: '?sco=assessment' });
    await ready(frame, 'assessment');
    await takeAttempt(frame, 'right');
    await page.evaluate(() => (window as any).coursekitLms.exitAndRelaunch({ query: '?sco=assessment' }));
    frame = await contentFrame(page);
    await ready(frame, 'assessment');
    if (is12) {
      // SCORM 1.2 returns the suspend_data: the submitted attempt is there to review.
      await frame.locator('[data-ck-view="results"]').waitFor({ state: 'visible' });
      expect(await frame.locator('[data-ck-score]').textContent()).toBe('You scored 100% (2 of 2 correct).');
    } else {
      // SCORM 2004 returns no suspend_data after a normal exit, only the statuses and the score.
      await frame.locator('[data-ck-view="intro"]').waitFor({ state: 'visible' });
      expect(await frame.locator('[data-ck-attempt-status]').textContent()).toBe('Your last score: 100%. You passed.');
      expect(await frame.locator('[data-ck-start]').isVisible()).toBe(false);
    }
  });

  it('enforces the attempt limit, also after a relaunch', async () => {
    let frame = await launch();
    await ready(frame, 'start');
    await openAssessment(frame);
    await takeAttempt(frame, 'wrong');
    await takeAttempt(frame, 'wrong');
    expect(await frame.locator('[data-ck-retry]').isVisible()).toBe(false);
    expect(await frame.locator('[data-ck-results-attempts]').textContent()).toBe('You have used all your attempts.');
    expect(interactionsOf(await cmi()).map((i) => i.id.slice(-2))).toEqual(is12 ? ['_1', '_1', '_2', '_2'] : [':1', ':1', ':2', ':2']);

    frame = await relaunch();
    await ready(frame, 'assessment');
    await frame.locator('[data-ck-view="results"]').waitFor({ state: 'visible' });
    expect(await frame.locator('[data-ck-retry]').isVisible()).toBe(false);
    // Not even a page script can start a third attempt.
    expect(await frame.evaluate(() => (window.parent as any).coursekitHost.startAttempt())).toBe(false);
    const data = await cmi();
    expect(statusOf(data)).toEqual(is12 ? 'failed' : { completion: 'incomplete', success: 'failed' });
  });

  it('comes back to the same question with the earlier answers after a relaunch', async () => {
    let frame = await launch();
    await ready(frame, 'start');
    await openAssessment(frame);
    await frame.locator('[data-ck-start]').click();
    const first = await shownQuestion(frame);
    const firstAnswer = wrongAnswer(first.question, first.shown);
    await answerByClicking(frame, firstAnswer);
    await frame.locator('[data-ck-next-question]').click();
    const second = await shownQuestion(frame);
    const secondAnswer = rightAnswer(second.question);
    await answerByClicking(frame, secondAnswer);
    const secondShown = (await shownQuestion(frame)).shown;

    frame = await relaunch();
    await ready(frame, 'assessment');
    expect(
      await page.evaluate(
        () => (window as any).coursekitLms.log.filter((e: LmsLogEntry) => /^(LMSFinish|Terminate)$/.test(e.method)).length,
      ),
    ).toBe(1);
    const resumed = await shownQuestion(frame);
    expect(resumed.id).toBe(second.id);
    expect(resumed.shown).toEqual(secondShown);
    expect(await responseShown(frame)).toEqual(secondAnswer);
    await frame.locator('[data-ck-prev]').click();
    const back = await shownQuestion(frame);
    expect(back.id).toBe(first.id);
    expect(back.shown).toEqual(first.shown);
    expect(await responseShown(frame)).toEqual(firstAnswer);
  });

  it('tracks a single page when launched as one SCO of a multi-SCO package', async () => {
    const frame = await launch({ query: '?sco=02-ministries' });
    await ready(frame, '02-ministries');
    expect(await frame.locator('.ck-toc').isVisible()).toBe(false);
    const data = await cmi();
    expect(statusOf(data)).toEqual(is12 ? 'completed' : { completion: 'completed', success: 'unknown' });
  });

  it('scores the assessment when it is one SCO of a multi-SCO package, apart from the lessons', async () => {
    const frame = await launch({ query: '?sco=assessment' });
    await ready(frame, 'assessment');
    expect(await frame.locator('.ck-toc').isVisible()).toBe(false);
    // Opening it is not completing it: only a submitted attempt is.
    expect(statusOf(await cmi())).toEqual(is12 ? 'incomplete' : { completion: 'incomplete', success: 'unknown' });
    await takeAttempt(frame, 'right');
    expect(await frame.locator('[data-ck-verdict]').textContent()).toBe('You passed.');
    const data = await cmi();
    expect(scoreOf(data)).toMatchObject({ raw: '100', min: '0', max: '100' });
    expect(statusOf(data)).toEqual(is12 ? 'passed' : { completion: 'completed', success: 'passed' });
    expect(interactionsOf(data)).toHaveLength(2);
  });

  it('runs in local mode, and says so, when the launcher finds no LMS', async () => {
    const frame = await launch({ noLms: true });
    await ready(frame, 'start');
    expect(await frame.locator('[data-ck-notice] [data-ck-notice-key="savedLocally"]').isVisible()).toBe(true);
    await frame.locator('a[data-ck-toc="01-contributions"]').click();
    await ready(frame, '01-contributions');
    expect(await frame.locator('a[data-ck-toc="01-contributions"]').getAttribute('data-ck-done')).toBe('');
    expect((await log()).filter((e) => e.method !== 'GetValue' && e.method !== 'LMSGetValue')).toEqual([]);
  });

  it('tells the learner when the LMS keeps refusing to save', async () => {
    const frame = await launch({ failCommits: true });
    await ready(frame, 'start');
    const notice = frame.locator('[data-ck-notice] [data-ck-notice-key="notSavedLms"]');
    await notice.waitFor({ state: 'visible' });
    expect(await notice.textContent()).toContain('could not be saved');
    expect(await frame.locator('[data-ck-notice]').getAttribute('data-level')).toBe('error');
  });
});

/** The answer the question on screen shows, read from its controls (see responseOf). */
function responseShown(frame: Frame): Promise<string[]> {
  return frame.evaluate(() => {
    const form = document.querySelector<HTMLFormElement>('form[data-ck-mode="assessment"]:not([hidden])')!;
    switch (form.dataset.ckType) {
      case 'matching':
        return Array.from(form.querySelectorAll('select'), (s) => s.value);
      case 'ordering':
        return Array.from(form.querySelectorAll<HTMLElement>('[data-ck-item]'), (n) => n.dataset.ckItem!);
      case 'fillIn':
        return [form.querySelector('input')!.value];
      default:
        return Array.from(form.querySelectorAll<HTMLInputElement>('input:checked'), (i) => i.value).sort();
    }
  });
}

describe('SCORM 1.2 with failed attempts reported as failed', () => {
  let variant: string;
  let variantServer: RunningServer;
  let page: Page;

  beforeAll(async () => {
    variant = await copyProject('tiny');
    const file = path.join(variant, 'modules', 'tiny-course', 'module.json');
    const module = JSON.parse(await readFile(file, 'utf8'));
    module.tracking.failedAttemptStatus = 'failed';
    await writeFile(file, JSON.stringify(module));
    const built = await buildModules({
      cwd: variant,
      modulesDir: path.join(variant, 'modules'),
      outDir: path.join(variant, 'dist'),
      targets: ['scorm12'],
    });
    expect(built.ok).toBe(true);
    variantServer = await servePackages(path.join(variant, 'dist', 'packages'));
  });
  afterAll(async () => {
    await variantServer?.close();
    await rm(variant, { recursive: true, force: true });
  });
  beforeEach(async () => {
    page = await browser.newPage();
    await page.goto(`${variantServer.origin}/lms/tiny-course-scorm12/`);
  });
  afterEach(async () => {
    await page.close();
  });

  it('relaunched in review mode after a failure, says so and tells the learner how to use the attempt left, never that none are left', async () => {
    await page.evaluate(() => (window as any).coursekitLms.launch(undefined, {}));
    let frame = await contentFrame(page);
    await ready(frame, 'start');
    await frame.locator('a[data-ck-toc="assessment"]').click();
    await ready(frame, 'assessment');
    await takeAttempt(frame, 'wrong');
    expect(((await page.evaluate(() => (window as any).coursekitLms.cmi())) as any).cmi.core.lesson_status).toBe('failed');

    await page.evaluate(() => (window as any).coursekitLms.exitAndRelaunch());
    frame = await contentFrame(page);
    await ready(frame, 'assessment');
    expect(await frame.evaluate(() => (window.parent as any).coursekitHost.view().review)).toBe(true);
    expect(await frame.locator('[data-ck-notice]').textContent()).toContain('You are reviewing this course');
    await frame.locator('[data-ck-view="results"]').waitFor({ state: 'visible' });
    const attempts = await frame.locator('[data-ck-results-attempts]').textContent();
    expect(attempts).toBe(
      'You still have attempts left: to use one, leave this activity and open it again, choosing “Start a new attempt”. Attempts left: 1.',
    );
    expect(await frame.locator('[data-ck-assessment]').textContent()).not.toContain('You have used all your attempts');
    expect(await frame.locator('[data-ck-retry]').isVisible()).toBe(false);
  });
});
