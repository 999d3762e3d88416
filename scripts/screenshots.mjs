#!/usr/bin/env node
// Regenerates the README screenshots (docs/screenshots/) from the sample module's web package:
// a lesson page, and the results view of an assessment attempt; the trainers' results report
// of the real Moodle cohort (tests/fixtures/results/); and thumbnails of two printed workshop
// handouts (a workbook page and a quiz form page, from their PDFs, drawn by pdf.js). Run after
// `npm run compile`.
import { mkdir, mkdtemp, cp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { buildModules } = await import('../lib/pipeline/index.js');
const dir = await mkdtemp(path.join(os.tmpdir(), 'coursekit-shots-'));
await cp(path.join(root, 'modules'), path.join(dir, 'modules'), { recursive: true });
const built = await buildModules({ cwd: dir, modulesDir: path.join(dir, 'modules'), outDir: path.join(dir, 'dist'), targets: ['web'] });
if (!built.ok) throw new Error('the sample module does not build');
const site = path.join(dir, 'dist', 'site', 'migration-human-rights');

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});
const page = await browser.newPage({ viewport: { width: 1200, height: 860 } });
const ready = (id) => page.waitForFunction((p) => document.documentElement.getAttribute('data-ck-ready') === p, id);

await page.goto(`file://${site}/03-comprehensive-migration-management.html`);
await ready('03-comprehensive-migration-management');
await page.screenshot({ path: path.join(root, 'docs', 'screenshots', 'lesson.png') });

// An attempt with the choice and fill-in questions answered right and the rest left open.
await page.goto(`file://${site}/assessment.html`);
await ready('assessment');
await page.click('[data-ck-start]');
for (;;) {
  const form = page.locator('form[data-ck-mode="assessment"]:not([hidden])');
  const id = await form.getAttribute('data-ck-question');
  const question = await page.evaluate((q) => window.coursekitCourse.questions[q], id);
  if (['single', 'multiple', 'trueFalse'].includes(question.type)) {
    for (const value of question.correct) await form.locator(`input[value="${value}"]`).check();
  } else if (question.type === 'fillIn') {
    await form.locator('input[type="text"]').fill(question.correct[0]);
  }
  if (await page.locator('[data-ck-submit]').isVisible()) break;
  await page.click('[data-ck-next-question]');
}
await page.click('[data-ck-submit]');
const anyway = page.locator('[data-ck-submit-anyway]');
if (await anyway.isVisible()) await anyway.click();
await page.locator('[data-ck-view="results"]').waitFor({ state: 'visible' });
await page.locator('[data-ck-results-heading]').scrollIntoViewIfNeeded();
await page.screenshot({ path: path.join(root, 'docs', 'screenshots', 'results.png') });

// The trainers' report: the Moodle cohort's Interactions report, analysed against the module version it took.
const cohortModules = path.join(root, 'tests', 'fixtures', 'projects', 'migration-1.0.0', 'modules');
const { checkModules } = await import('../lib/pipeline/check.js');
const { analyseExports } = await import('../lib/results/index.js');
const { renderResultsHtml } = await import('../lib/results/html.js');
const cohort = await checkModules({ cwd: root, modulesDir: cohortModules, only: ['migration-human-rights'] });
const outcome = await analyseExports({
  cwd: root,
  module: cohort.modules[0],
  inputs: ['tests/fixtures/results/moodle-5.0/scorm12-cohort/interactions.csv'],
});
const reportFile = path.join(dir, 'results.html');
await writeFile(reportFile, renderResultsHtml(outcome.analysis, outcome.files, outcome.diagnostics, { names: false }));
await page.setViewportSize({ width: 1000, height: 1180 });
await page.goto(`file://${reportFile}`);
await page.screenshot({ path: path.join(root, 'docs', 'screenshots', 'results-report.png') });

await browser.close();

// Workshop handouts as they print: the PDFs coursekit handout makes, one page of each drawn small.
const { makeHandouts } = await import('../lib/handout/index.js');
const { printPdfs } = await import('../lib/handout/pdf.js');
const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
const sample = built.modules[0];
const handouts = await makeHandouts(sample, { paper: 'a4', sourceId: sample.id });
const handoutDir = path.join(dir, 'handouts');
for (const file of handouts.files) {
  await mkdir(path.dirname(path.join(handoutDir, file.name)), { recursive: true });
  await writeFile(path.join(handoutDir, file.name), file.content);
}
await printPdfs(handoutDir, ['workbook.html', 'quiz-form-a.html'], '/usr/bin/chromium');
for (const [pdf, pageNumber, png] of [
  ['workbook.pdf', 2, 'handout-workbook.png'],
  ['quiz-form-a.pdf', 1, 'handout-quiz.png'],
]) {
  const document = await getDocument({ data: new Uint8Array(await readFile(path.join(handoutDir, pdf))), isEvalSupported: false }).promise;
  const pdfPage = await document.getPage(pageNumber);
  const viewport = pdfPage.getViewport({ scale: 0.6 });
  const { canvas, context } = document.canvasFactory.create(viewport.width, viewport.height);
  await pdfPage.render({ canvasContext: context, viewport, canvas }).promise;
  await writeFile(path.join(root, 'docs', 'screenshots', png), canvas.toBuffer('image/png'));
}

await rm(dir, { recursive: true, force: true });
console.log('wrote docs/screenshots/lesson.png, results.png, results-report.png, handout-workbook.png and handout-quiz.png');
