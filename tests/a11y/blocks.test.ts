/**
 * The lesson blocks that do something in the page (tabs, accordions, transcripts, scenarios,
 * model answers, action plans, players) in Chromium, in the tiny fixture's web package: with
 * the keyboard alone, with axe, printed, without JavaScript, and from file://.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/preview/package-server.js';
import { axeViolations } from '../helpers/axe.js';
import { launchBrowser } from '../helpers/browser.js';
import { servePackages } from '../helpers/lms.js';
import { buildProject, type BuiltProject } from '../helpers/projects.js';

let project: BuiltProject;
let server: RunningServer;
let browser: Browser;
let base: string;

beforeAll(async () => {
  project = await buildProject('tiny', ['web']);
  server = await servePackages(path.join(project.dir, 'dist', 'packages'));
  browser = await launchBrowser();
  base = `${server.origin}/packages/tiny-course-web`;
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await project?.cleanup();
});

let context: BrowserContext;
let page: Page;
beforeEach(async () => {
  context = await browser.newContext({ acceptDownloads: true });
  page = await context.newPage();
});
afterEach(async () => {
  await context.close();
});

const LESSON = '02-ministries';
async function open(file = `${LESSON}.html`): Promise<void> {
  await page.goto(`${base}/${file}`);
  await page.waitForFunction(() => document.documentElement.hasAttribute('data-ck-ready'));
}

/** Presses Tab until the focused element matches `selector`. */
async function tabTo(selector: string, max = 80): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => !!document.activeElement?.matches(s), selector)) return;
  }
  throw new Error(`Tab never reached ${selector}`);
}

const focused = () =>
  page.evaluate(() => {
    const node = document.activeElement as HTMLElement;
    return { text: node.textContent?.trim() ?? '', role: node.getAttribute('role'), visible: node.matches(':focus-visible') };
  });

describe('tabs', () => {
  it('move with the arrow keys, Home and End, show one panel at a time, and Tab goes on into the panel', async () => {
    await open();
    const state = () =>
      page.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>('[data-ck-tabs] [role="tab"]')].map((tab) => ({
          label: tab.textContent,
          selected: tab.getAttribute('aria-selected'),
          tabindex: tab.tabIndex,
          panelShown: !document.getElementById(tab.getAttribute('aria-controls')!)!.hidden,
        })),
      );
    expect(await state()).toEqual([
      { label: 'Ministries', selected: 'true', tabindex: 0, panelShown: true },
      { label: 'Civil society', selected: 'false', tabindex: -1, panelShown: false },
    ]);
    await tabTo('[role="tab"]');
    expect(await focused()).toMatchObject({ text: 'Ministries', role: 'tab', visible: true });
    await page.keyboard.press('ArrowRight');
    expect(await focused()).toMatchObject({ text: 'Civil society', role: 'tab' });
    expect((await state()).map((t) => t.panelShown)).toEqual([false, true]);
    await page.keyboard.press('ArrowRight'); // wraps round
    expect(await focused()).toMatchObject({ text: 'Ministries' });
    await page.keyboard.press('End');
    expect(await focused()).toMatchObject({ text: 'Civil society' });
    await page.keyboard.press('Home');
    expect(await focused()).toMatchObject({ text: 'Ministries' });
    await page.keyboard.press('ArrowLeft');
    expect(await focused()).toMatchObject({ text: 'Civil society' });
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('tabpanel');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toContain('non-governmental');
  });
});

describe('accordions and transcripts', () => {
  it('open and close with Enter and Space on their titles', async () => {
    await open();
    const openState = () =>
      page.evaluate(() => [...document.querySelectorAll('.ck-accordion details')].map((d) => (d as HTMLDetailsElement).open));
    await tabTo('.ck-accordion summary');
    expect(await focused()).toMatchObject({ text: 'Foreign affairs', visible: true });
    await page.keyboard.press('Enter');
    expect(await openState()).toEqual([true, false]);
    await page.keyboard.press('Space');
    expect(await openState()).toEqual([false, false]);
  });
});

describe('scenarios', () => {
  it('are played with the keyboard: each reply moves focus to its consequence, the path survives a reload, and the conversation can start again', async () => {
    await open();
    await tabTo('.ck-replies button');
    expect(await focused()).toMatchObject({ text: 'Invite Health to the drafting meetings now.', visible: true });
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter'); // "Yes: they can comment on the final text."
    expect(await focused()).toMatchObject({ text: 'Comments on a finished text come too late. (A/58/275, paragraph 75)' });
    await page.keyboard.press('Tab');
    expect(await focused()).toMatchObject({ text: 'Let me reconsider.' });

    await open(); // the path is kept
    const log = () =>
      page.evaluate(() =>
        [...document.querySelectorAll('.ck-scenario-log p')].map((p) => p.textContent?.replace(/\s+/g, ' ').trim()).join(' '),
      );
    expect(await log()).toBe(
      'The chair Health has the final draft. Is that enough? You Yes: they can comment on the final text. Comments on a finished text come too late. (A/58/275, paragraph 75) The chair Are you sure? Think again.',
    );
    await tabTo('.ck-replies button');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter'); // "Yes, that is my view.": no next step, the end
    expect(await focused()).toMatchObject({ text: 'The gap remains.' });
    expect(await log()).toMatch(/The gap remains\. The conversation ends here\.$/);
    await page.keyboard.press('Tab');
    expect(await focused()).toMatchObject({ text: 'Start the conversation again' });
    await page.keyboard.press('Enter');
    expect(await focused()).toMatchObject({ text: 'Invite Health to the drafting meetings now.' });
    expect(await log()).toBe('The chair Health has the final draft. Is that enough?');
  });
});

describe('reflections and action plans', () => {
  it('show the model answer once the learner has written an answer and left the field, and tell a screen reader', async () => {
    await open();
    const modelOpen = () =>
      page.evaluate(() => (document.querySelector('[data-ck-model-answer="ck-reflection-9"]') as HTMLDetailsElement).open);
    await tabTo('#ck-reflection-9');
    await page.keyboard.press('Tab');
    expect(await modelOpen()).toBe(false); // nothing written yet
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.type('The ministry of health.');
    expect(await modelOpen()).toBe(false); // not while typing
    await page.keyboard.press('Tab');
    expect(await modelOpen()).toBe(true);
    expect(await page.locator('[data-ck-model-status]').textContent()).toBe('A model answer is now shown below your notes.');
    await open(); // written before: shown at once
    expect(await modelOpen()).toBe(true);
  });

  it('opens the model answer only after a click elsewhere has landed, so the page does not move under the pointer', async () => {
    await open('01-contributions.html');
    await page.fill('textarea[data-ck-reflection]', 'We record remittances.');
    await page.locator('a[rel="next"]').click(); // below the model answer, which opens as the field is left
    await page.waitForFunction(() => document.documentElement.getAttribute('data-ck-ready') === '02-ministries');
    await page.goBack();
    expect(await page.evaluate(() => (document.querySelector('.ck-model-answer') as HTMLDetailsElement).open)).toBe(true);
  });

  it('keeps the notes written before the reflection had an id', async () => {
    await open();
    await page.evaluate(() => localStorage.setItem('coursekit:tiny-course:notes:02-ministries-9', 'Written under the old key.'));
    await open();
    expect(await page.locator('#ck-reflection-9').inputValue()).toBe('Written under the old key.');
  });

  it('gathers the notes of reflections from other lessons, keeps the plan in the browser only, and downloads it as a text file', async () => {
    await open('01-contributions.html');
    await page.fill('textarea[data-ck-reflection="reflection:reflect-74"]', 'We record remittances only.');
    await open();
    expect(await page.locator('[data-ck-plan-reflection="reflection:reflect-74"]').textContent()).toBe('We record remittances only.');
    expect(await page.locator('[data-ck-plan-reflection="reflection:reflect-75"]').textContent()).toBe('(no notes yet)');
    await page.fill('#ck-reflection-9', 'Health, early.'); // the reflection on the plan's own page shows up at once
    expect(await page.locator('[data-ck-plan-reflection="reflection:reflect-75"]').textContent()).toBe('Health, early.');
    await page.fill('#ck-plan-my-plan-change', 'Invite health to the working group.');
    await tabTo('[data-ck-plan-download]');
    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    expect(download.suggestedFilename()).toBe('tiny-course-my-plan.txt');
    const text = await readFile((await download.path())!, 'utf8');
    expect(text.split('\r\n')).toEqual([
      '\ufeffTiny course',
      '',
      'YOUR ACTION PLAN',
      '',
      'YOUR REFLECTIONS',
      '',
      'Which contributions of migrants does your ministry record?',
      'We record remittances only.',
      '',
      'Who else should your ministry involve?',
      'Health, early.',
      '',
      'YOUR PLAN',
      '',
      'One change I will propose',
      'Invite health to the working group.',
      '',
      'My first step, and by when',
      '-',
      '',
    ]);
    expect(await page.locator('[data-ck-plan-status]').textContent()).toBe('The plan was downloaded as tiny-course-my-plan.txt.');
    // Nothing of it went to the LMS side: the notes are in this browser's storage only.
    const stored = await page.evaluate(() =>
      Object.keys(localStorage)
        .filter((k) => k.includes(':notes:'))
        .sort(),
    );
    expect(stored).toEqual([
      'coursekit:tiny-course:notes:plan:my-plan:change',
      'coursekit:tiny-course:notes:reflection:reflect-74',
      'coursekit:tiny-course:notes:reflection:reflect-75',
    ]);
  });

  it('prints the plan alone, with what the learner wrote as text', async () => {
    await open();
    await page.fill('#ck-plan-my-plan-first-step', 'Call the chair on Monday.');
    await page.evaluate(() => {
      // What the Print button sets before it opens the print dialog (which headless Chromium does not show).
      document.body.dataset.ckPrinting = '';
      (document.querySelector('[data-ck-action-plan]') as HTMLElement).dataset.ckPrinting = '';
    });
    await page.emulateMedia({ media: 'print' });
    const shown = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('.ck-main > *')]
        .filter((n) => n.offsetParent !== null || n.getClientRects().length > 0)
        .map((n) => n.className),
    );
    expect(shown).toEqual(['ck-block ck-action-plan']);
    expect(await page.locator('[data-ck-print-of="ck-plan-my-plan-first-step"]').isVisible()).toBe(true);
    expect(await page.locator('[data-ck-print-of="ck-plan-my-plan-first-step"]').textContent()).toBe('Call the chair on Monday.');
    expect(await page.locator('#ck-plan-my-plan-first-step').isVisible()).toBe(false);
    expect(await page.locator('[data-ck-plan-actions]').isVisible()).toBe(false);
  });
});

describe('printing a lesson', () => {
  it('prints closed accordions and transcripts open, every tab panel, and the whole scenario script', async () => {
    await open();
    await page.emulateMedia({ media: 'print' });
    for (const text of [
      'Negotiates',
      'Sets the rules for migrant workers.',
      'Foreign affairs, health',
      'Associations of migrants',
      'Are you sure? Think again.',
    ])
      expect(await page.getByText(text).first().isVisible(), text).toBe(true);
    // Browsers without ::details-content: the runtime opens closed details for printing, and closes them after.
    await page.emulateMedia({ media: 'screen' });
    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    expect(await page.evaluate(() => [...document.querySelectorAll('details')].every((d) => d.open))).toBe(true);
    await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
    expect(await page.evaluate(() => [...document.querySelectorAll('details')].some((d) => d.open))).toBe(false);
  });
});

describe('without JavaScript', () => {
  it('shows tab panels as sections under headings, the scenario as a script whose links lead to each step, and model answers behind a disclosure', async () => {
    const noScript = await browser.newContext({ javaScriptEnabled: false });
    const bare = await noScript.newPage();
    await bare.goto(`${base}/${LESSON}.html`);
    expect(await bare.locator('[role="tablist"]').count()).toBe(0);
    expect(await bare.locator('.ck-tabs h3').allTextContents()).toEqual(['Ministries', 'Civil society']);
    expect(await bare.getByText('Associations of migrants').isVisible()).toBe(true);
    expect(await bare.locator('[data-ck-scenario-script]').isVisible()).toBe(true);
    await bare.getByRole('link', { name: 'Go to step 2' }).click();
    expect(await bare.evaluate(() => location.hash)).toBe('#ck-scenario-ask-the-chair-again');
    expect(await bare.locator('.ck-model-answer summary').first().textContent()).toBe('See a model answer');
    await noScript.close();
    // axe needs JavaScript itself: the same page with the course's script refused instead.
    await page.route('**/coursekit.js', (route) => route.abort());
    await page.goto(`${base}/${LESSON}.html`);
    expect(await page.locator('[role="tablist"]').count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
  });
});

describe('video and audio', () => {
  it('use the native controls, never start by themselves, and load their captions from file:// as from a web server', async () => {
    await page.goto(`file://${path.join(project.dir, 'dist', 'site', 'tiny-course', `${LESSON}.html`)}`);
    const players = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLMediaElement>('video, audio')].map((media) => ({
        tag: media.tagName.toLowerCase(),
        controls: media.controls,
        autoplay: media.autoplay,
        name: document.getElementById(media.getAttribute('aria-labelledby')!)?.textContent,
        tracks: [...media.querySelectorAll('track')].map((t) => ({ kind: t.kind, srclang: t.srclang, label: t.label, default: t.default })),
      })),
    );
    expect(players).toEqual([
      {
        tag: 'video',
        controls: true,
        autoplay: false,
        name: 'Five ministries and civil society',
        tracks: [{ kind: 'captions', srclang: 'en', label: 'English', default: true }],
      },
      {
        tag: 'audio',
        controls: true,
        autoplay: false,
        name: 'A short briefing',
        tracks: [{ kind: 'captions', srclang: 'en', label: 'English', default: true }],
      },
    ]);
    const cues = await page.waitForFunction(() => {
      const track = document.querySelector('video')!.textTracks[0]!;
      track.mode = 'hidden';
      return track.cues?.length ? [...track.cues].map((c) => (c as VTTCue).text) : undefined;
    });
    expect(await cues.jsonValue()).toEqual(['<v Narrator>Paragraph 75 names five ministries.', 'And civil society.']);
    // The audio has no transcript of its own: its captions are shown as one.
    expect(await page.locator('.ck-transcript').nth(1).textContent()).toContain('Migration is not only a matter of national security.');
  });
});

describe('accessibility', () => {
  for (const [label, viewport] of [
    ['desktop', { width: 1280, height: 900 }],
    ['a 320 px phone', { width: 320, height: 640 }],
  ] as const) {
    it(`has no axe violations with the blocks as shown, and once used (${label})`, async () => {
      await page.setViewportSize(viewport);
      await open();
      expect(await axeViolations(page)).toEqual([]);
      await page.locator('.ck-accordion summary').first().click();
      await page.locator('[role="tab"]').nth(1).click();
      await page.locator('.ck-replies button').nth(1).click();
      await page.locator('.ck-replies button').nth(1).click();
      await page.fill('#ck-reflection-9', 'Health.');
      await page.locator('#ck-reflection-9').blur();
      expect(await axeViolations(page)).toEqual([]);
    });
  }

  it('keeps the heading outline in order with the tabs in place', async () => {
    await open();
    const levels = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('main h1, main h2, main h3, main h4')]
        .filter((h) => !h.hidden)
        .map((h) => Number(h.tagName[1])),
    );
    levels.forEach((level, i) => {
      if (i > 0) expect(level - levels[i - 1]!, 'heading level jumps').toBeLessThanOrEqual(1);
    });
  });
});
