/**
 * The web package without an LMS, from file://: "Download my results" saves a file the
 * learner can send, and `coursekit results` reads a folder of such files into the same
 * figures the answers imply.
 */
import { mkdir, readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ResultsDocument } from '../../src/results/report.js';
import type { ResultsFile } from '../../src/shared/results-file.js';
import { launchBrowser } from '../helpers/browser.js';
import { buildProject, type BuiltProject, unzipWebPackage } from '../helpers/projects.js';
import { COHORT_MODULE, runResults, scratchDir, type Scratch } from '../helpers/results.js';
import { answerByClicking, ready, rightAnswer, shownQuestion, wrongAnswer } from '../helpers/runtime-browser.js';

let project: BuiltProject;
let browser: Browser;
let siteUrl: string;
let scratch: Scratch;

beforeAll(async () => {
  project = await buildProject('migration-1.0.0', ['web']);
  siteUrl = await unzipWebPackage(
    path.join(project.dir, 'dist', 'packages', `${COHORT_MODULE}-web.zip`),
    path.join(project.dir, 'web-unzipped'),
  );
  browser = await launchBrowser();
  scratch = await scratchDir();
});

afterAll(async () => {
  await browser?.close();
  await project?.cleanup();
  await scratch?.cleanup();
});

interface Given {
  id: string;
  response: string[];
  right: boolean;
}

/** Takes an attempt on the page, answering question i right when `right(i)`; returns what was answered. */
async function takeAttempt(page: Page, right: (i: number) => boolean): Promise<Given[]> {
  const frame = page.mainFrame();
  await page.locator('[data-ck-start]:visible, [data-ck-retry]:visible').click();
  const given: Given[] = [];
  for (let i = 0; ; i++) {
    const { id, question, shown } = await shownQuestion(frame);
    const response = right(i) ? rightAnswer(question) : wrongAnswer(question, shown);
    await answerByClicking(frame, response);
    given.push({ id, response, right: right(i) });
    if (await page.locator('[data-ck-submit]').isVisible()) break;
    await page.locator('[data-ck-next-question]').click();
  }
  await page.locator('[data-ck-submit]').click();
  await page.locator('[data-ck-view="results"]').waitFor({ state: 'visible' });
  return given;
}

async function download(page: Page, folder: string): Promise<ResultsFile> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.locator('[data-ck-download-button]').click()]);
  const target = path.join(folder, file.suggestedFilename());
  await file.saveAs(target);
  expect(await page.locator('[data-ck-download-status]').textContent()).toBe(
    `Saved as ${file.suggestedFilename()}. Send this file to your facilitator.`,
  );
  return JSON.parse(await readFile(target, 'utf8')) as ResultsFile;
}

describe('Download my results (web package, no LMS)', () => {
  it('saves each attempt as a file that coursekit results reads back into the answers given', async () => {
    const folder = path.join(scratch.dir, 'downloads');
    await mkdir(folder);
    const taken: { learner: string; given: Given[] }[] = [];
    const requests: string[] = [];
    const dialogs: string[] = [];
    // Two learners on two browsers: one takes a single attempt, the other fails and retakes.
    for (const plan of [[(i: number) => i % 3 !== 0], [() => false, () => true]]) {
      const context = await browser.newContext();
      const page = await context.newPage();
      page.on('request', (r) => requests.push(r.url()));
      page.on('dialog', (d) => dialogs.push(d.message()));
      await page.goto(`${siteUrl}/assessment.html`);
      await ready(page.mainFrame(), 'assessment');
      for (const [n, right] of plan.entries()) {
        const given = await takeAttempt(page, right);
        const file = await download(page, folder);
        expect(file).toMatchObject({
          format: 'coursekit-results',
          formatVersion: 1,
          module: { id: COHORT_MODULE, version: '1.0.0' },
          attempt: n + 1,
        });
        expect(file.questions.map((q) => ({ id: q.id, response: q.response, right: q.correct }))).toEqual(given);
        expect(file.score.correct).toBe(given.filter((g) => g.right).length);
        expect(file.learner).toMatch(/^[0-9a-z]{16}$/);
        taken.push({ learner: file.learner, given });
      }
      await context.close();
    }
    expect(dialogs).toEqual([]);
    expect(requests.filter((url) => !url.startsWith('file:') && !url.startsWith('blob:'))).toEqual([]);
    expect(new Set(taken.map((t) => t.learner)).size).toBe(2);
    expect((await readdir(folder)).length).toBe(3);

    const run = await runResults([folder, '--json'], scratch.dir);
    expect(run.code).toBe(0);
    const document = JSON.parse(run.stdout) as ResultsDocument;
    expect(document.inputs.map((i) => i.format)).toEqual(['coursekit-download', 'coursekit-download', 'coursekit-download']);
    expect(document).toMatchObject({ learners: 2, attempts: 3 });
    expect(document.attemptStats.attemptsPerLearner).toEqual([
      { attempts: 1, learners: 1 },
      { attempts: 2, learners: 1 },
    ]);
    // Every question's figures follow from the answers given.
    const expected = new Map<string, { responses: number; correct: number }>();
    for (const { given } of taken) {
      for (const g of given) {
        const e = expected.get(g.id) ?? { responses: 0, correct: 0 };
        e.responses++;
        if (g.right) e.correct++;
        expected.set(g.id, e);
      }
    }
    for (const q of document.questions)
      expect({ id: q.id, ...(expected.get(q.id) ?? { responses: 0, correct: 0 }) }).toEqual({
        id: q.id,
        responses: q.responses,
        correct: q.correct,
      });
    // The retaking learner failed first (0 right) and then scored 100.
    const retaker = document.learnerResults.find((l) => l.attempts === 2)!;
    expect(retaker).toMatchObject({ firstScore: 0, bestScore: 100, lastScore: 100, passed: true });
  });
});
