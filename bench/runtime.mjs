// The learner runtime's measurements for `npm run bench` (issue 8), loaded by bench/run.mjs:
// - launch: the sample module's SCORM 1.2 and 2004 packages played in Debian's Chromium under
//   scorm-again (the preview's LMS host page), on the local network and on a throttled one;
// - suspend: the suspend_data worst cases the runtime's unit tests use, against 4,096 characters.
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
/** Launches measured per SCORM version and network, after one launch that is not counted. */
const RUNS = 7;
const WARMUP = 1;
/** "Slow 3G-ish": what ministry staff on poor links may have. */
const THROTTLE = { latencyMs: 400, kbitPerSecond: 400 };

export async function measureRuntime({ root, wants, table, median }) {
  const results = {};
  if (wants('launch')) results.launch = await measureLaunch({ root, table, median });
  if (wants('suspend')) results.suspend = await measureSuspend({ root, table });
  return results;
}

// ---- launch ----

/**
 * Runs in every frame before its own scripts. In a content page it watches for the runtime's
 * data-ck-ready on <html> and reports the moment to the LMS host page (same origin), on the
 * shared clock performance.timeOrigin + performance.now().
 */
function watchReady() {
  if (window === window.top) return;
  new MutationObserver((_, observer) => {
    const pageId = document.documentElement?.getAttribute('data-ck-ready');
    if (!pageId) return;
    const at = performance.timeOrigin + performance.now();
    observer.disconnect();
    try {
      const bench = window.top.__ckBench;
      if (bench && bench.readyAt === undefined) {
        bench.readyAt = at;
        bench.readyPage = pageId;
        bench.done?.();
      }
    } catch {
      // Not under the bench's host page.
    }
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-ck-ready'] });
}

/** In the LMS host page: launch the SCO and time Initialize and the first ready content page. */
function launchAndTime(timeoutMs) {
  const host = window.coursekitLms;
  const now = () => performance.timeOrigin + performance.now();
  const bench = { initAt: undefined, initWallAt: undefined, readyAt: undefined, readyPage: undefined };
  window.__ckBench = bench;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`no ready content page within ${timeoutMs} ms: ${JSON.stringify(host.log.map((e) => e.method))}`)),
      timeoutMs,
    );
    host.onchange = () => {
      const last = host.log[host.log.length - 1];
      if (bench.initAt === undefined && last && /^(LMS)?Initialize$/.test(last.method)) {
        bench.initAt = now();
        bench.initWallAt = last.at;
      }
    };
    const started = now();
    const startedWall = Date.now();
    bench.done = () => {
      clearTimeout(timer);
      // What the SCO fetched: launch.html and its scripts, then the first content page and its own.
      const kb = (w) => {
        const entries = [...w.performance.getEntriesByType('navigation'), ...w.performance.getEntriesByType('resource')];
        return { requests: entries.length, bytes: entries.reduce((sum, e) => sum + (e.encodedBodySize || 0), 0) };
      };
      const sco = document.getElementById('sco').contentWindow;
      const content = sco.document.getElementById('ck-frame').contentWindow;
      const a = kb(sco);
      const b = kb(content);
      resolve({
        initializeMs: bench.initAt === undefined ? null : bench.initAt - started,
        initializeLogMs: bench.initWallAt === undefined ? null : bench.initWallAt - startedWall,
        readyMs: bench.readyAt - started,
        readyPage: bench.readyPage,
        requests: a.requests + b.requests,
        bytes: a.bytes + b.bytes,
        initialized: host.log.some((e) => /^(LMS)?Initialize$/.test(e.method) && e.error === '0'),
      });
    };
    host.launch();
  });
}

async function measureLaunch({ root, table, median }) {
  const lib = (file) => import(pathToFileURL(path.join(root, 'lib', file)).href);
  const { buildModules } = await lib('pipeline/index.js');
  const { startPackageServer } = await lib('preview/package-server.js');
  const { readZip } = await lib('package/zip.js');
  const { chromium } = await import('playwright-core');

  const dir = await mkdtemp(path.join(os.tmpdir(), 'coursekit-bench-launch-'));
  let server;
  let browser;
  try {
    await cp(path.join(root, 'modules'), path.join(dir, 'modules'), { recursive: true });
    const built = await buildModules({
      cwd: dir,
      modulesDir: path.join(dir, 'modules'),
      outDir: path.join(dir, 'dist'),
      targets: ['scorm12', 'scorm2004'],
    });
    if (!built.ok) throw new Error('the sample module does not build');
    const moduleId = built.modules[0].id;
    const packagesDir = path.join(dir, 'dist', 'packages');
    const cache = new Map();
    server = await startPackageServer({
      async getPackage(name) {
        if (!/^[\w-]+$/.test(name)) return undefined;
        if (!cache.has(name)) {
          try {
            cache.set(name, readZip(await readFile(path.join(packagesDir, `${name}.zip`))));
          } catch {
            return undefined;
          }
        }
        return cache.get(name);
      },
    });
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS, headless: true });

    const once = async (version, throttled) => {
      // A fresh context each time: nothing cached or stored from an earlier launch.
      const context = await browser.newContext();
      try {
        await context.addInitScript(watchReady);
        const page = await context.newPage();
        // The LMS's own page (with scorm-again) is loaded before the clock starts, unthrottled:
        // it is the LMS's cost, not the SCO's.
        await page.goto(`${server.origin}/lms/${moduleId}-${version}/`, { waitUntil: 'load' });
        if (throttled) {
          const cdp = await context.newCDPSession(page);
          await cdp.send('Network.enable');
          await cdp.send('Network.emulateNetworkConditions', {
            offline: false,
            latency: THROTTLE.latencyMs,
            downloadThroughput: (THROTTLE.kbitPerSecond * 1000) / 8,
            uploadThroughput: (THROTTLE.kbitPerSecond * 1000) / 8,
          });
        }
        const result = await page.evaluate(launchAndTime, throttled ? 120_000 : 30_000);
        if (!result.initialized || result.initializeMs === null) throw new Error(`${version}: Initialize did not succeed`);
        return result;
      } finally {
        await context.close();
      }
    };

    // Timings from a busy machine are not comparable: keep the load next to them.
    const loadBefore = os.loadavg()[0];
    const networks = { local: false, throttled: true };
    const versions = ['scorm12', 'scorm2004'];
    const samples = {};
    for (const [network, throttled] of Object.entries(networks)) {
      samples[network] = { scorm12: [], scorm2004: [] };
      for (let i = 0; i < WARMUP + RUNS; i++) {
        // Alternate the versions, so that a busy moment on the machine does not favour one.
        for (const version of versions) {
          const result = await once(version, throttled);
          if (i >= WARMUP) samples[network][version].push(result);
        }
      }
    }

    const loadAfter = os.loadavg()[0];
    const round = (n) => Math.round(n * 10) / 10;
    const summary = (values) => ({ median: round(median(values)), max: round(Math.max(...values)) });
    const launch = {
      module: moduleId,
      browser: browser.version(),
      runs: RUNS,
      warmupRunsDiscarded: WARMUP,
      throttle: {
        latencyMs: THROTTLE.latencyMs,
        downloadKbitPerSecond: THROTTLE.kbitPerSecond,
        uploadKbitPerSecond: THROTTLE.kbitPerSecond,
      },
      clock: 'from window.coursekitLms.launch() (the SCO frame is given its URL) in the LMS host page',
      loadAverage1m: { before: round(loadBefore), after: round(loadAfter), cpus: os.cpus().length },
    };
    const rows = [];
    for (const network of Object.keys(networks)) {
      launch[network] = {};
      for (const version of versions) {
        const runs = samples[network][version];
        const entry = {
          initializeMs: summary(runs.map((r) => r.initializeMs)),
          readyMs: summary(runs.map((r) => r.readyMs)),
          firstPage: runs[0].readyPage,
          requests: runs[0].requests,
          fetchedKB: round(runs[0].bytes / 1024),
          // initializeLogMs: the same moment from the host log's Date.now() (a cross-check, 1 ms steps).
          samples: runs.map((r) => ({
            initializeMs: round(r.initializeMs),
            initializeLogMs: r.initializeLogMs,
            readyMs: round(r.readyMs),
          })),
        };
        launch[network][version] = entry;
        rows.push([
          version,
          network === 'local' ? 'local (127.0.0.1)' : `throttled (${THROTTLE.latencyMs} ms, ${THROTTLE.kbitPerSecond} kbit/s)`,
          entry.initializeMs.median,
          entry.initializeMs.max,
          entry.readyMs.median,
          entry.readyMs.max,
          `${entry.requests} / ${entry.fetchedKB} KB`,
        ]);
      }
    }
    const busy =
      Math.max(loadBefore, loadAfter) > os.cpus().length
        ? `; BUSY MACHINE: load ${round(loadBefore)} → ${round(loadAfter)} on ${os.cpus().length} CPUs`
        : '';
    table(
      `Launch of the sample module under scorm-again in Chromium (${RUNS} runs each after ${WARMUP} discarded; ms from launch()${busy})`,
      ['version', 'network', 'Initialize median', 'max', 'page ready median', 'max', 'requests / fetched'],
      rows,
    );
    return launch;
  } finally {
    await browser?.close();
    await server?.close();
    await rm(dir, { recursive: true, force: true });
  }
}

// ---- suspend ----

async function measureSuspend({ root, table }) {
  const { build } = await import('esbuild');
  const srcDir = path.join(root, 'src');
  const bundled = await build({
    entryPoints: [path.join(here, 'suspend-entry.ts')],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    logLevel: 'silent',
    plugins: [
      {
        // The runtime (src/runtime) is bundled from source; the pipeline the test helpers use
        // (src/pipeline, src/render…) is the compiled lib/; tests/helpers/projects.js only lends
        // its two paths (its own would point inside the bundle).
        name: 'coursekit-lib',
        setup(b) {
          b.onResolve({ filter: /^\.\.?\// }, (args) => {
            const target = path.resolve(args.resolveDir, args.path);
            const rel = path.relative(srcDir, target);
            if (!rel.startsWith('..') && !path.isAbsolute(rel) && !rel.startsWith(`runtime${path.sep}`)) {
              return { path: pathToFileURL(path.join(root, 'lib', rel)).href, external: true };
            }
            if (target === path.join(root, 'tests', 'helpers', 'projects.js')) return { path: 'projects', namespace: 'coursekit-projects' };
            return undefined;
          });
          b.onLoad({ filter: /.*/, namespace: 'coursekit-projects' }, () => ({
            contents: `export const repoRoot = ${JSON.stringify(root)};\nexport const fixturesDir = ${JSON.stringify(path.join(root, 'tests', 'fixtures'))};\n`,
            loader: 'js',
          }));
        },
      },
    ],
  });
  const code = bundled.outputFiles[0].text;
  const { suspendWorstCases } = await import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
  const { limit, cases } = await suspendWorstCases();
  table(
    `suspend_data worst cases (characters) against the SCORM 1.2 limit of ${limit.toLocaleString('en')}`,
    ['course', 'case', 'questions', 'full', 'within limit', 'stage', 'what was given up'],
    cases.map((c) => [
      c.course,
      c.case,
      c.questions,
      c.fullChars,
      c.limitedChars,
      c.loss,
      c.typedCharsKept === undefined ? c.stage : `${c.stage} (to ${c.typedCharsKept} of 250 characters)`,
    ]),
  );
  for (const c of cases)
    if (c.limitedChars > limit || !c.decodes) throw new Error(`suspend_data: ${c.course}, ${c.case} does not fit or does not decode`);
  return { limit, cases };
}
