// `npm run bench`: measures what issue 8 budgets, prints a table per section and writes
// bench/results.json. Not part of `npm test`: timings belong here, never in tests.
// Run after `npm run compile` (the npm script does it). Sections can be picked:
// `node bench/run.mjs build output preview launch results`.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile, cp, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { writeSyntheticModule } from './synthetic.mjs';

const run = promisify(execFile);
const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.join(here, '..');
const resultsFile = path.join(here, 'results.json');
const requested = process.argv.slice(2);
const wants = (name) => requested.length === 0 || requested.includes(name);

const results = { machine: await machine(), date: new Date().toISOString() };
try {
  Object.assign(results, JSON.parse(await readFile(resultsFile, 'utf8')), { machine: results.machine, date: results.date });
} catch {}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function table(title, header, rows) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) => cells.map((c, i) => String(c).padEnd(widths[i])).join('  ');
  console.log(`\n${title}\n${line(header)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}\n${rows.map(line).join('\n')}`);
}

async function machine() {
  const { stdout } = await run('node', [
    '-e',
    'process.stdout.write(JSON.stringify({cpus: require("os").cpus().length, model: require("os").cpus()[0].model, memoryGB: Math.round(require("os").totalmem()/2**30), node: process.version}))',
  ]);
  return JSON.parse(stdout);
}

async function scenario(kind, dir, id) {
  const { stdout } = await run('node', [path.join(here, 'scenario.mjs'), kind, dir, id], { maxBuffer: 1 << 24 });
  return JSON.parse(stdout.trim().split('\n').pop());
}

if (wants('build')) {
  const rows = [];
  results.build = [];
  for (const lessons of [10, 100, 1000]) {
    const dir = await mkdtemp(path.join(os.tmpdir(), `coursekit-bench-${lessons}-`));
    const { id } = await writeSyntheticModule(dir, { lessons });
    const runs = lessons >= 1000 ? 5 : 3;
    const pipeline = [];
    const same = [];
    const eleventy = [];
    for (let i = 0; i < runs; i++) {
      // Alternate, so that a busy moment on the machine does not favour one side.
      pipeline.push(await scenario('pipeline', dir, id));
      same.push(await scenario('eleventy-same', dir, id));
      eleventy.push(await scenario('eleventy', dir, id));
    }
    const ms = (runs) => Math.round(median(runs.map((r) => r.milliseconds)));
    const entry = {
      lessons,
      pipelineMs: ms(pipeline),
      pipelinePeakMB: Math.round(Math.max(...pipeline.map((r) => r.peakMemoryMB))),
      eleventySamePagesMs: ms(same),
      eleventyMinimalMs: ms(eleventy),
      eleventyMinimalPeakMB: Math.round(Math.max(...eleventy.map((r) => r.peakMemoryMB))),
      // Every run, in order, so the spread on a shared machine is on record too.
      runs: {
        pipelineMs: pipeline.map((r) => Math.round(r.milliseconds)),
        eleventySamePagesMs: same.map((r) => Math.round(r.milliseconds)),
      },
    };
    entry.ratioSamePages = Number((entry.pipelineMs / entry.eleventySamePagesMs).toFixed(2));
    entry.ratioMinimal = Number((entry.pipelineMs / entry.eleventyMinimalMs).toFixed(2));
    results.build.push(entry);
    rows.push([
      lessons,
      entry.pipelineMs,
      entry.pipelinePeakMB,
      entry.eleventySamePagesMs,
      entry.ratioSamePages,
      entry.eleventyMinimalMs,
      entry.ratioMinimal,
    ]);
    await rm(dir, { recursive: true, force: true });
  }
  table(
    'Build scaling: full pipeline (validate, render, package 3 targets) vs bare Eleventy writing the same pages, and vs a minimal template',
    ['lessons', 'pipeline ms', 'peak MB', 'eleventy, same pages ms', 'ratio', 'eleventy, minimal template ms', 'ratio'],
    rows,
  );
}

if (wants('validate')) {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'coursekit-bench-validate-'));
  const { id } = await writeSyntheticModule(dir, { lessons: 1000 });
  const { checkModules } = await import('../lib/pipeline/check.js');
  const times = [];
  for (let i = 0; i < 5; i++) {
    const started = performance.now();
    const checked = await checkModules({ cwd: dir, modulesDir: path.join(dir, 'modules'), only: [id] });
    times.push(performance.now() - started);
    if (checked.diagnostics.some((d) => d.severity === 'error')) throw new Error('synthetic module does not validate');
  }
  results.validate = { lessons: 1000, firstMs: Math.round(times[0]), medianMs: Math.round(median(times)) };
  table(
    'Validation of 1,000 lessons (checkModules, same process)',
    ['run', 'ms'],
    times.map((t, i) => [i + 1, Math.round(t)]),
  );
  await rm(dir, { recursive: true, force: true });
}

if (wants('output')) {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'coursekit-bench-output-'));
  await cp(path.join(root, 'modules'), path.join(dir, 'modules'), { recursive: true });
  const { buildModules } = await import('../lib/pipeline/index.js');
  const { bundleRuntime } = await import('../lib/bundle/index.js');
  const built = await buildModules({
    cwd: dir,
    modulesDir: path.join(dir, 'modules'),
    outDir: path.join(dir, 'dist'),
    targets: ['scorm12', 'scorm2004', 'web'],
  });
  if (!built.ok) throw new Error('the sample module does not build');
  results.output = { packages: {}, runtime: {} };
  const rows = [];
  for (const p of built.packages) {
    results.output.packages[path.basename(p.path)] = p.bytes;
    rows.push([path.basename(p.path), `${(p.bytes / 1024).toFixed(1)} KB`]);
  }
  for (const target of ['scorm12', 'scorm2004', 'web']) {
    const code = await bundleRuntime(target);
    const gz = gzipSync(code, { level: 9 }).length;
    results.output.runtime[target] = { minified: code.length, gzipped: gz };
    rows.push([`runtime (${target}) min / gzip`, `${(code.length / 1024).toFixed(1)} KB / ${(gz / 1024).toFixed(1)} KB`]);
  }
  table('Output sizes for the sample module', ['what', 'size'], rows);
  await rm(dir, { recursive: true, force: true });
}

if (wants('preview')) {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'coursekit-bench-preview-'));
  await cp(path.join(root, 'modules'), path.join(dir, 'modules'), { recursive: true });
  const { startPreview } = await import('../lib/preview/index.js');
  const preview = await startPreview({ cwd: dir, modulesDir: path.join(dir, 'modules') });
  const lesson = path.join(dir, 'modules', 'migration-human-rights', 'lessons', '02-beyond-national-security.json');
  const original = await readFile(lesson, 'utf8');
  // Edit → the 'reload' event the browser receives, through the file watcher, as an author sees it.
  const latencies = [];
  const http = await import('node:http');
  for (let i = 0; i < 7; i++) {
    const latency = await new Promise((resolve, reject) => {
      const req = http.get(`${preview.origin}/__coursekit/events`, (res) => {
        let started = 0;
        res.setEncoding('utf8');
        res.on('data', (chunk) => {
          if (chunk.includes(': connected')) {
            started = performance.now();
            void writeFile(lesson, original.replace('"title": "', `"title": "Edit ${i} `));
          }
          if (chunk.includes('event: reload')) {
            resolve(performance.now() - started);
            req.destroy();
          }
        });
      });
      req.on('error', reject);
    });
    latencies.push(latency);
    await new Promise((r) => setTimeout(r, 150));
  }
  await writeFile(lesson, original);
  await preview.close();
  const warm = latencies.slice(1);
  results.preview = { editToReloadMsMedian: Math.round(median(warm)), editToReloadMsMax: Math.round(Math.max(...warm)), runs: warm.length };
  table(
    'Preview: edit one lesson of the sample module → reload event (includes the 40 ms watch debounce)',
    ['run', 'ms'],
    warm.map((t, i) => [i + 1, Math.round(t)]),
  );
  await rm(dir, { recursive: true, force: true });
}

const extra = path.join(here, 'runtime.mjs');
if ((wants('launch') || wants('suspend')) && (await stat(extra).catch(() => null))) {
  const { measureRuntime } = await import(extra);
  Object.assign(results, await measureRuntime({ root, wants, table, median }));
}

if (wants('results')) {
  // Its own script, which runs each measurement in a process of its own (peak memory).
  const { stdout } = await run('node', [path.join(here, 'results.mjs')], { maxBuffer: 1 << 24 });
  results.results = JSON.parse(stdout.trim().split('\n').pop());
  table(
    'coursekit results: a Moodle Interactions report analysed, HTML and JSON written (median of the runs; peak = maxRSS)',
    ['download', 'attempts × interactions', 'file', 'ms', 'peak MB', 'runs ms'],
    Object.entries(results.results).map(([kind, r]) => [
      kind,
      `${r.attempts.toLocaleString('en')} × 12`,
      `${r.fileMB} MB`,
      r.milliseconds,
      r.peakMemoryMB,
      r.runs.join(', '),
    ]),
  );
}

await writeFile(resultsFile, `${JSON.stringify(results, null, 2)}\n`);
console.log(`\nwrote ${path.relative(process.cwd(), resultsFile)}`);
