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
  const { startPreview } = await import('../lib/preview/index.js');
  const http = await import('node:http');
  const { rename } = await import('node:fs/promises');
  const get = (url) =>
    new Promise((resolve, reject) => {
      http
        .get(url, (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode));
        })
        .on('error', reject);
    });

  // Edit → the 'reload' event a connected page receives, through the file watcher, as an author
  // sees it. Saves alternate between writing in place and renaming a new file over the lesson.
  async function editToReload(preview, lesson, runs) {
    const original = await readFile(lesson, 'utf8');
    const latencies = [];
    const cpu = [];
    const cpuMs = () => {
      const { user, system } = process.cpuUsage();
      return (user + system) / 1000;
    };
    for (let i = 0; i < runs; i++) {
      const edited = original.replace('"title": "', `"title": "Edit ${i} `);
      const latency = await new Promise((resolve, reject) => {
        const stuck = setTimeout(() => reject(new Error(`no reload event 15 s after edit ${i} of ${lesson}`)), 15_000);
        const req = http.get(`${preview.origin}/__coursekit/events`, (res) => {
          let started = 0;
          let cpuStarted = 0;
          res.setEncoding('utf8');
          res.on('data', (chunk) => {
            if (!started && chunk.includes('event: versions')) {
              started = performance.now();
              cpuStarted = cpuMs();
              const save =
                i % 2 ? writeFile(`${lesson}.save`, edited).then(() => rename(`${lesson}.save`, lesson)) : writeFile(lesson, edited);
              save.catch(reject);
            }
            if (chunk.includes('event: reload')) {
              clearTimeout(stuck);
              cpu.push(cpuMs() - cpuStarted);
              resolve(performance.now() - started);
              req.destroy();
            }
          });
        });
        req.on('error', reject);
      });
      latencies.push(latency);
      await new Promise((r) => setTimeout(r, 300));
    }
    await writeFile(lesson, original);
    return { wall: latencies.slice(1), cpu: cpu.slice(1) };
  }

  const loadBefore = os.loadavg()[0];
  const sampleDir = await mkdtemp(path.join(os.tmpdir(), 'coursekit-bench-preview-'));
  await cp(path.join(root, 'modules'), path.join(sampleDir, 'modules'), { recursive: true });
  let preview = await startPreview({ cwd: sampleDir, modulesDir: path.join(sampleDir, 'modules') });
  const sample = await editToReload(
    preview,
    path.join(sampleDir, 'modules', 'migration-human-rights', 'lessons', '02-beyond-national-security.json'),
    8,
  );

  // 1,000 downloads at once from another process, and the start page asked for while they are served.
  const downloader = `
    const http = require('node:http');
    const started = performance.now();
    const one = () => new Promise((resolve) => http.get(process.argv[1], { timeout: 60000 }, (res) => { res.resume(); res.on('end', () => resolve(res.statusCode)); }).on('timeout', function () { this.destroy(); }).on('error', () => resolve(0)));
    Promise.all(Array.from({ length: 1000 }, one)).then((statuses) => {
      console.log(JSON.stringify({ ok: statuses.filter((s) => s === 200).length, ms: performance.now() - started }));
    });`;
  const downloads = run('node', ['-e', downloader, `${preview.origin}/download/migration-human-rights-scorm12.zip`]);
  await new Promise((r) => setTimeout(r, 300));
  const homeStarted = performance.now();
  await get(`${preview.origin}/`);
  const homeMs = performance.now() - homeStarted;
  const downloaded = JSON.parse((await downloads).stdout);
  await preview.close();
  await rm(sampleDir, { recursive: true, force: true });

  const largeDir = await mkdtemp(path.join(os.tmpdir(), 'coursekit-bench-preview-1000-'));
  const { id } = await writeSyntheticModule(largeDir, { lessons: 1000 });
  const firstStarted = performance.now();
  preview = await startPreview({ cwd: largeDir, modulesDir: path.join(largeDir, 'modules') });
  const firstBuildMs = performance.now() - firstStarted;
  const large = await editToReload(preview, path.join(largeDir, 'modules', id, 'lessons', 'l0500.json'), 8);
  await preview.close();
  await rm(largeDir, { recursive: true, force: true });

  // CPU time of this process (server and builds) from the write to the reload: what a busy shared machine changes least.
  const summary = ({ wall, cpu }) => ({
    medianMs: Math.round(median(wall)),
    maxMs: Math.round(Math.max(...wall)),
    runs: wall.map(Math.round),
    cpuMedianMs: Math.round(median(cpu)),
  });
  results.preview = {
    loadAverage: [loadBefore, os.loadavg()[0]].map((l) => Number(l.toFixed(1))),
    sampleEditToReload: summary(sample),
    thousandLessonEditToReload: summary(large),
    thousandLessonFirstBuildMs: Math.round(firstBuildMs),
    startPageDuringThousandDownloadsMs: Math.round(homeMs),
    thousandDownloadsMs: Math.round(downloaded.ms),
    downloadsAnswered: downloaded.ok,
  };
  table(
    `Preview: edit one lesson → reload event (saves alternate in place / rename; first run discarded; load average ${results.preview.loadAverage.join(' → ')})`,
    ['module', 'median', 'max', 'CPU (median)', 'runs'],
    [
      ['sample (5 lessons)', results.preview.sampleEditToReload],
      ['synthetic, 1,000 lessons', results.preview.thousandLessonEditToReload],
    ].map(([name, r]) => [name, `${r.medianMs} ms`, `${r.maxMs} ms`, `${r.cpuMedianMs} ms`, r.runs.join(', ')]),
  );
  table(
    'Preview: responsiveness',
    ['what', 'ms'],
    [
      ['first build of the 1,000-lesson module (preview start)', results.preview.thousandLessonFirstBuildMs],
      [
        `start page while 1,000 downloads are served (${results.preview.downloadsAnswered} answered)`,
        results.preview.startPageDuringThousandDownloadsMs,
      ],
      ['all 1,000 downloads', results.preview.thousandDownloadsMs],
    ],
  );
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
