/**
 * SCORM 1.2 and 2004 responses as the packages really record them: the 1.0.0 module played
 * under scorm-again in Chromium, with a draw that shows every question type, answered right
 * and wrong; the recorded cmi.interactions, turned into a generic CMI dump, are read back into
 * the answers given.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkModules } from '../../src/pipeline/check.js';
import type { RunningServer } from '../../src/preview/package-server.js';
import type { RuntimeCourseData } from '../../src/model/runtime-data.js';
import { buildSiteModel } from '../../src/render/view-model.js';
import { decodeResponse, matchInteraction, moduleQuestions, type ModuleQuestions } from '../../src/results/questions.js';
import type { ResultsDocument } from '../../src/results/report.js';
import { launchBrowser } from '../helpers/browser.js';
import { servePackages } from '../helpers/lms.js';
import { buildProject, repoRoot, type BuiltProject } from '../helpers/projects.js';
import { COHORT_MODULE, COHORT_MODULES, runResults, scratchDir, type Scratch } from '../helpers/results.js';
import {
  answerByClicking,
  contentFrame,
  pinAttemptSeed,
  ready,
  rightAnswer,
  seedDrawingEveryType,
  shownQuestion,
  wrongAnswer,
} from '../helpers/runtime-browser.js';

type Version = 'scorm12' | 'scorm2004';

let project: BuiltProject;
let server: RunningServer;
let browser: Browser;
let course: RuntimeCourseData;
let questions: ModuleQuestions;
let scratch: Scratch;

beforeAll(async () => {
  project = await buildProject('migration-1.0.0', ['scorm12', 'scorm2004']);
  server = await servePackages(path.join(project.dir, 'dist', 'packages'));
  const module = (await checkModules({ cwd: repoRoot, modulesDir: COHORT_MODULES })).modules[0]!;
  course = buildSiteModel([module]).runtimeData.get(module.id)!;
  questions = moduleQuestions(module);
  browser = await launchBrowser();
  scratch = await scratchDir();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await project?.cleanup();
  await scratch?.cleanup();
});

/** scorm-again's CMI object as element names and values: {"cmi.interactions.0.id": …}. */
function flatten(value: unknown, prefix: string, into: Record<string, string> = {}): Record<string, string> {
  if (value === null || value === undefined) return into;
  if (typeof value !== 'object') {
    into[prefix] = String(value);
    return into;
  }
  for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
    if (key === 'childArray' || key === '_children' || key === '_count') continue;
    flatten(child, `${prefix}.${key}`, into);
  }
  return into;
}

describe.each<Version>(['scorm12', 'scorm2004'])('%s', (version) => {
  it('reads back every question type as the package recorded it, right and wrong answers alike', async () => {
    const page = await browser.newPage();
    await pinAttemptSeed(page, seedDrawingEveryType(course));
    await page.goto(`${server.origin}/lms/${COHORT_MODULE}-${version}/`);
    await page.evaluate(() => (window as any).coursekitLms.launch());
    const frame = await contentFrame(page);
    await ready(frame, 'start');
    await frame.locator('a[data-ck-toc="assessment"]').click();
    await ready(frame, 'assessment');
    await frame.locator('[data-ck-start]').click();
    const given = new Map<string, { response: string[]; right: boolean; type: string }>();
    for (let i = 0; ; i++) {
      const { id, question, shown } = await shownQuestion(frame);
      // Alternate by question type, so each type is answered right in one place and wrong in another run.
      const right = (i + (version === 'scorm12' ? 0 : 1)) % 2 === 0;
      const response = right ? rightAnswer(question) : wrongAnswer(question, shown);
      await answerByClicking(frame, response);
      given.set(id, { response, right, type: question.type });
      if (await frame.locator('[data-ck-submit]').isVisible()) break;
      await frame.locator('[data-ck-next-question]').click();
    }
    await frame.locator('[data-ck-submit]').click();
    await frame.locator('[data-ck-view="results"]').waitFor({ state: 'visible' });
    expect(new Set([...given.values()].map((g) => g.type)).size).toBe(6);

    const cmi = ((await page.evaluate(() => (window as any).coursekitLms.cmi())) as { cmi: Record<string, unknown> }).cmi;
    await page.close();
    const flat = flatten(cmi, 'cmi');
    const recorded = Object.keys(flat).filter((k) => /^cmi\.interactions\.\d+\.id$/.test(k));
    expect(recorded).toHaveLength(given.size);

    // Each recorded pattern decodes to the response given, by option ids.
    const responseElement = version === 'scorm12' ? 'student_response' : 'learner_response';
    for (const idKey of recorded) {
      const n = idKey.split('.')[2];
      const match = matchInteraction(questions, flat[idKey]!)!;
      expect(match.version).toBe(version);
      const expected = given.get(match.question.id)!;
      const decoded = decodeResponse(match.question, flat[`cmi.interactions.${n}.${responseElement}`] ?? '', version);
      const canonical = (ids: string[]) => (expected.type === 'multiple' ? [...ids].sort() : ids);
      expect({ id: match.question.id, response: canonical(decoded!) }).toEqual({
        id: match.question.id,
        response: canonical(expected.response),
      });
      expect(flat[`cmi.interactions.${n}.result`]).toBe(expected.right ? 'correct' : version === 'scorm12' ? 'wrong' : 'incorrect');
    }

    // The same data as a generic CMI dump, through the command.
    const dump = path.join(scratch.dir, `${version}-dump.json`);
    await writeFile(dump, JSON.stringify({ learners: [{ learner: 'learner-1', name: 'Ana Example', cmi: flat }] }));
    const run = await runResults([dump, '--json'], scratch.dir);
    expect(run.code).toBe(0);
    const document = JSON.parse(run.stdout) as ResultsDocument;
    expect(document.inputs).toEqual([{ file: `${version}-dump.json`, format: 'cmi-dump', container: 'json', records: 1 }]);
    expect(document.warnings).toEqual([]);
    expect(document).toMatchObject({ learners: 1, attempts: 1 });
    const rightCount = [...given.values()].filter((g) => g.right).length;
    expect(document.learnerResults[0]!.firstScore).toBe(Math.round((rightCount * 10000) / given.size) / 100);
    for (const q of document.questions) {
      const g = given.get(q.id);
      expect({ id: q.id, responses: q.responses, correct: q.correct }).toEqual({
        id: q.id,
        responses: g ? 1 : 0,
        correct: g?.right ? 1 : 0,
      });
      if (g && q.options.length > 0)
        expect(
          q.options
            .filter((o) => o.chosen === 1)
            .map((o) => o.id)
            .sort(),
        ).toEqual([...g.response].sort());
    }
  });
});
