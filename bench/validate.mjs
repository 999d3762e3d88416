#!/usr/bin/env node
/**
 * How long `coursekit validate` takes on a big module: generates a module with 1,000 valid,
 * realistic lessons (bench/synthetic.mjs: objectives, verbatim quotes, key terms, knowledge
 * checks) and a question bank in a temporary folder, then times load + validate
 * (`checkModules`) in a fresh process: the first run includes loading the validators that
 * `npm run compile` generated from the schemas, as a user's `coursekit validate` does. Target: under one second for 1,000 lessons.
 * Run `npm run compile` first; it imports lib/.
 *
 *   node bench/validate.mjs [--lessons 1000] [--runs 5]
 *
 * Writes its numbers to bench/results.json under the "validate" key (other keys are kept).
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { writeSyntheticModule } from './synthetic.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const { checkModules } = await import(path.join(here, '..', 'lib', 'pipeline', 'check.js')).catch(() => {
  console.error('bench/validate.mjs imports the compiled code: run `npm run compile` first.');
  process.exit(2);
});

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const LESSONS = option('lessons', 1000);
const RUNS = option('runs', 5);
const BUDGET_MS = 1000;

const root = await mkdtemp(path.join(os.tmpdir(), 'coursekit-bench-'));
try {
  const { dir: folder, id } = await writeSyntheticModule(root, { lessons: LESSONS });
  const options = { cwd: root, modulesDir: path.join(root, 'modules'), only: [id] };
  const times = [];
  let last;
  for (let run = 0; run <= RUNS; run++) {
    const start = performance.now();
    last = await checkModules(options);
    // The first run also compiles the schemas (once per process): report it separately.
    times.push(performance.now() - start);
  }
  if (last.diagnostics.length > 0 || last.modules.length !== 1) {
    console.error('The generated module is not clean:', JSON.stringify(last.diagnostics.slice(0, 5), null, 2));
    process.exit(1);
  }
  const [cold, ...warm] = times;
  const sorted = [...warm].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)];
  // firstMs and medianMs as bench/run.mjs writes them, so either script can refresh the key.
  const files = last.fileCount;
  const result = {
    lessons: LESSONS,
    files,
    firstMs: round(cold),
    medianMs: round(median),
    minMs: round(sorted[0]),
    maxMs: round(sorted.at(-1)),
    runs: RUNS,
    budgetMs: BUDGET_MS,
    withinBudget: cold < BUDGET_MS,
    node: process.version,
    platform: `${os.platform()} ${os.arch()}, ${os.cpus().length} CPU(s)`,
    date: new Date().toISOString(),
  };
  console.table({
    'first run (includes schema compile)': { ms: result.firstMs },
    [`median of ${RUNS} further runs`]: { ms: result.medianMs },
    fastest: { ms: result.minMs },
    slowest: { ms: result.maxMs },
  });
  console.log(
    `${LESSONS} lessons, ${files} files in ${path.relative(root, folder)}: ${result.withinBudget ? 'within' : 'OVER'} the ${BUDGET_MS} ms budget.`,
  );
  const resultsFile = path.join(here, 'results.json');
  let results = {};
  try {
    results = JSON.parse(await readFile(resultsFile, 'utf8'));
  } catch {
    // No results yet.
  }
  results.validate = result;
  await writeFile(resultsFile, `${JSON.stringify(results, null, 2)}\n`);
  if (!result.withinBudget) process.exitCode = 1;
} finally {
  await rm(root, { recursive: true, force: true });
}

function round(ms) {
  return Math.round(ms * 10) / 10;
}
