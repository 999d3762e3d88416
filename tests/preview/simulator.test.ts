/** The LMS simulator: take the quiz in the preview and see what the LMS records in the panel. */
import path from 'node:path';
import { rm } from 'node:fs/promises';
import type { Browser, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPreview, type PreviewServer } from '../../src/preview/index.js';
import { launchBrowser } from '../helpers/browser.js';
import { copyProject } from '../helpers/projects.js';
import { ready, takeAttempt } from '../helpers/runtime-browser.js';

let dir: string;
let preview: PreviewServer;
let browser: Browser;

beforeAll(async () => {
  dir = await copyProject('tiny');
  preview = await startPreview({ cwd: dir, modulesDir: path.join(dir, 'modules') });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await preview?.close();
  await rm(dir, { recursive: true, force: true });
});

/** simulator page → #lms (LMS host) → #sco (launch.html) → #ck-frame (course pages). */
async function courseFrame(page: Page): Promise<Frame> {
  let frame: Frame = page.mainFrame();
  for (const selector of ['#lms', '#sco', '#ck-frame']) {
    const next = await (await frame.waitForSelector(selector, { state: 'attached' })).contentFrame();
    if (!next) throw new Error(`no frame ${selector}`);
    frame = next;
  }
  return frame;
}

/**
 * Clicks "New attempt" and returns the course frame of the new launch: the LMS host navigates
 * its SCO frame, so the course frame found before the click goes away, and a frame looked up
 * too soon could still be the old one.
 */
async function newAttempt(page: Page): Promise<Frame> {
  const old = await courseFrame(page);
  await page.locator('#new-attempt').click();
  await expect.poll(() => old.isDetached(), { timeout: 15_000 }).toBe(true);
  return courseFrame(page);
}

const panelValue = (page: Page, name: string) =>
  page.evaluate(
    (n) =>
      [...document.querySelectorAll('#status tr')].find((tr) => tr.firstElementChild?.textContent === n)?.lastElementChild?.textContent ??
      null,
    name,
  );

describe.each(['scorm12', 'scorm2004'] as const)('the LMS simulator (%s)', (mode) => {
  it('shows the score, statuses, interactions and API calls as the learner takes the quiz, and relaunches with the data', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(`${preview.origin}/sim/tiny-course/?mode=${mode}`);
    let frame = await courseFrame(page);
    await ready(frame, 'start');
    await frame.locator('a[data-ck-toc="assessment"]').click();
    await ready(frame, 'assessment');
    await takeAttempt(frame, 'right');

    await page.waitForFunction(() => document.querySelectorAll('#interactions tr').length === 2, null, { timeout: 10_000 });
    expect(await panelValue(page, 'score.raw')).toBe('100');
    if (mode === 'scorm12') {
      expect(await panelValue(page, 'lesson_status')).toBe('incomplete'); // lessons not all viewed yet
    } else {
      expect(await panelValue(page, 'success_status')).toBe('passed');
      expect(await panelValue(page, 'score.scaled')).toBe('1');
    }
    const results = await page.locator('#interactions tr td:last-child').allTextContents();
    expect(results).toEqual(['correct', 'correct']);
    expect(await page.locator('#log tr').count()).toBeGreaterThan(10);
    expect(await page.locator('#log tr.err').count()).toBe(0);
    expect(await page.locator('#suspend-size').textContent()).toMatch(
      new RegExp(`^\\(\\d+ of ${mode === 'scorm12' ? 4096 : 64000} characters\\)$`),
    );

    await page.locator('#relaunch').click();
    await page.waitForFunction(() =>
      [...document.querySelectorAll('#status tr')].some(
        (tr) => tr.firstElementChild?.textContent === 'launches' && tr.lastElementChild?.textContent === '2',
      ),
    );
    expect(await panelValue(page, 'entry')).toBe('resume');
    frame = await courseFrame(page);
    await ready(frame, 'assessment');
    await page.close();
  });
});

describe('fault injection', () => {
  it('"Commit fails" makes the course tell the learner that progress may not be saved', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(`${preview.origin}/sim/tiny-course/?mode=scorm12`);
    await courseFrame(page);
    await page.locator('#fault-commit').check();
    const frame = await newAttempt(page);
    await ready(frame, 'start');
    await frame.locator('a[data-ck-toc="01-contributions"]').click();
    await ready(frame, '01-contributions');
    await frame.locator('[data-ck-notice]').filter({ hasText: 'could not be saved' }).waitFor({ timeout: 15_000 });
    expect(await page.locator('#log tr', { hasText: 'failed by fault injection' }).count()).toBeGreaterThan(0);
    await page.close();
  });
});

describe.each([
  ['scorm12', 'suspend_data', 'cmi.suspend_data', '101'],
  ['scorm2004', 'all', 'cmi.location', '351'],
] as const)('fault injection (%s): SetValue refuses %s', (mode, refused, element, code) => {
  it('makes the course tell the learner that progress may not be saved, and the log shows each refused value with its error', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(`${preview.origin}/sim/tiny-course/?mode=${mode}`);
    await courseFrame(page);
    await page.locator('#fault-setvalue').selectOption(refused);
    const frame = await newAttempt(page);
    await ready(frame, 'start');
    await frame.locator('a[data-ck-toc="01-contributions"]').click();
    await ready(frame, '01-contributions');
    await frame.locator('[data-ck-notice]').filter({ hasText: 'could not be saved' }).waitFor({ timeout: 15_000 });
    const refusedRow = page.locator('#log tr.err', { hasText: 'refused by fault injection' }).filter({ hasText: element });
    expect(await refusedRow.count()).toBeGreaterThan(0);
    expect(await refusedRow.first().locator('td').last().textContent()).toBe(code);
    // What the LMS did not store is not in its data.
    if (refused === 'suspend_data') expect(await page.locator('#suspend').textContent()).toBe('');
    await page.close();
  });
});

describe('the simulator with the web package', () => {
  it('shows the progress kept in the browser, and "New attempt" clears it', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(`${preview.origin}/sim/tiny-course/?mode=web`);
    const player = async () => (await (await page.waitForSelector('#lms')).contentFrame())!;
    let frame = await player();
    await ready(frame, 'start');
    for (const id of ['01-contributions', '02-ministries']) {
      await frame.locator(`a[data-ck-toc="${id}"]`).click();
      await ready(frame, id);
    }
    expect(await frame.locator('[data-ck-progress-text]').textContent()).toBe('2 of 2 lessons viewed');
    await page.waitForFunction(() => document.querySelector('#status th')?.textContent?.startsWith('coursekit:tiny-course:'), null, {
      timeout: 10_000,
    });
    // The panel reads the browser's storage once a second.
    await expect.poll(() => page.locator('#suspend').textContent(), { timeout: 10_000 }).toContain('02-ministries');

    await page.locator('#new-attempt').click();
    frame = await player();
    await ready(frame, '02-ministries');
    expect(await frame.locator('[data-ck-progress-text]').textContent()).toBe('1 of 2 lessons viewed');
    await page.close();
  });
});
