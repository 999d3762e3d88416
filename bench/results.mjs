// `coursekit results` at ministry scale: a synthetic Moodle Interactions report ("CSV", tab-
// separated, as Moodle writes it) of 100,000 learner attempts × 12 interactions of the 1.0.0
// sample module (tests/fixtures/projects/migration-1.0.0), analysed by the real command with
// its HTML and JSON written, each run in its own process so peak memory (maxRSS) is its own.
// Also an Excel download of 20,000 attempts, which is read whole rather than streamed.
// Usage (after `npm run compile`): node bench/results.mjs   → prints one JSON line
//        node bench/results.mjs --measure <export> <out-dir>   (one run, used by the above)
import { execFile } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { zipSync, strToU8 } from 'fflate';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.join(here, '..');
const modulesDir = path.join(root, 'tests', 'fixtures', 'projects', 'migration-1.0.0', 'modules');
const MODULE = 'migration-human-rights';

if (process.argv[2] === '--measure') {
  const [file, outDir] = process.argv.slice(3);
  const { main } = await import('../lib/cli/main.js');
  let stderr = '';
  const started = performance.now();
  const code = await main(['results', MODULE, file, '--modules', modulesDir, '--out', outDir], {
    cwd: root,
    stdout: () => {},
    stderr: (t) => (stderr += t),
    color: false,
    interactive: false,
  });
  const milliseconds = performance.now() - started;
  if (code !== 0) throw new Error(`coursekit results exited ${code}: ${stderr}`);
  console.log(JSON.stringify({ milliseconds, peakMemoryMB: process.resourceUsage().maxRSS / 1024 }));
  process.exit(0);
}

const run = promisify(execFile);
const { checkModules } = await import('../lib/pipeline/check.js');
const { moduleQuestions } = await import('../lib/results/questions.js');
const { escapeXmlText } = await import('../lib/encode/xml.js');
const { correctPatterns, interactionId, responsePattern } = await import('../lib/shared/interaction-patterns.js');
const module = (await checkModules({ cwd: root, modulesDir, only: [MODULE] })).modules[0];
const questions = moduleQuestions(module);
const byParagraph = new Map();
for (const q of questions.list) byParagraph.set(q.key, [...(byParagraph.get(q.key) ?? []), q]);

/** A seeded xorshift generator: the same synthetic cohort on every run. */
function generator(seed) {
  let x = seed || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 4294967296;
  };
}

/** A wrong answer of the question's kind. */
function wrong(q) {
  const { ids, correct } = q.runtime;
  switch (q.type) {
    case 'single':
      return [ids.find((id) => id !== correct[0])];
    case 'multiple':
      return [ids.find((id) => !correct.includes(id)) ?? ids[0]];
    case 'trueFalse':
      return [correct[0] === 'true' ? 'false' : 'true'];
    case 'matching':
      return correct.slice(1).concat(correct.slice(0, 1));
    case 'ordering':
      return correct.slice().reverse();
    case 'fillIn':
      return ['not sure'];
  }
}

/** One attempt's 12 interactions, 3 per paragraph, right with the learner's ability. */
function attempt(random) {
  const ability = 0.3 + random() * 0.65;
  const cells = [];
  let right = 0;
  for (const list of byParagraph.values()) {
    const drawn = [...list].sort(() => random() - 0.5).slice(0, 3);
    for (const q of drawn) {
      const isRight = random() < ability;
      if (isRight) right++;
      const response = isRight ? (q.type === 'fillIn' ? [q.runtime.correct[0]] : q.runtime.correct) : wrong(q);
      const quote = (text) => (/[\s",]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);
      cells.push(
        interactionId('scorm12', MODULE, q.id, 1),
        quote(responsePattern('scorm12', q.runtime, response)),
        quote(correctPatterns('scorm12', q.runtime).join(',')),
        isRight ? 'correct' : 'wrong',
      );
    }
  }
  return { cells, score: Math.round((right * 10000) / 12) / 100 };
}

const HEADER = ['Name', 'Email address', 'Attempt', 'Started on', 'Last accessed on', 'Score', module.meta.title];
for (let n = 0; n < 12; n++) HEADER.push(`Question ${n}`, `Response ${n}`, `Right answer ${n}`, `Result ${n}`);

async function writeTsv(file, attempts) {
  const random = generator(12);
  const out = createWriteStream(file);
  const write = (text) => (out.write(text) ? undefined : new Promise((resolve) => out.once('drain', resolve)));
  await write(`${HEADER.map((h) => (/\s/.test(h) ? `"${h}"` : h)).join('\t')}\n`);
  let batch = '';
  for (let i = 0; i < attempts; i++) {
    const { cells, score } = attempt(random);
    const date = '"Saturday, 28 November 2026, 4:03 PM"';
    batch += `${[`"Learner ${i}"`, `l${i}@example.invalid`, 1, date, date, score, score, ...cells].join('\t')}\n`;
    if (batch.length > 1 << 20) {
      await write(batch);
      batch = '';
    }
  }
  await write(batch);
  await new Promise((resolve) => out.end(resolve));
}

/** The same report as Excel writes it: shared strings left out, every text inline. */
async function writeXlsx(file, attempts) {
  const random = generator(13);
  const cell = (v) => (typeof v === 'number' ? `<c><v>${v}</v></c>` : `<c t="inlineStr"><is><t>${escapeXmlText(String(v))}</t></is></c>`);
  const rows = [`<row r="1">${HEADER.map(cell).join('')}</row>`];
  for (let i = 0; i < attempts; i++) {
    const { cells, score } = attempt(random);
    const unquote = (t) => (t.startsWith('"') ? t.slice(1, -1).replace(/""/g, '"') : t);
    rows.push(
      `<row r="${i + 2}">${[`Learner ${i}`, `l${i}@example.invalid`, 1, 'Saturday, 28 November 2026, 4:03 PM', 'Saturday, 28 November 2026, 4:03 PM', score, score, ...cells.map(unquote)].map(cell).join('')}</row>`,
    );
  }
  const sheet = `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows.join('')}</sheetData></worksheet>`;
  await writeFile(
    file,
    zipSync({
      'xl/workbook.xml': strToU8(
        '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets><sheet name="Report" sheetId="1"/></sheets></workbook>',
      ),
      'xl/worksheets/sheet1.xml': strToU8(sheet),
    }),
  );
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const dir = await mkdtemp(path.join(os.tmpdir(), 'coursekit-bench-results-'));
const result = {};
try {
  for (const [kind, attempts, write, runs] of [
    ['csv', 100_000, writeTsv, 3],
    ['xlsx', 20_000, writeXlsx, 1],
  ]) {
    const file = path.join(dir, `interactions-${attempts}.${kind}`);
    await write(file, attempts);
    const measured = [];
    for (let i = 0; i < runs; i++) {
      const { stdout } = await run('node', [fileURLToPath(import.meta.url), '--measure', file, path.join(dir, `out-${kind}-${i}`)], {
        maxBuffer: 1 << 24,
      });
      measured.push(JSON.parse(stdout.trim().split('\n').pop()));
    }
    result[kind] = {
      attempts,
      interactions: attempts * 12,
      fileMB: Math.round((await stat(file)).size / 2 ** 20),
      milliseconds: Math.round(median(measured.map((m) => m.milliseconds))),
      peakMemoryMB: Math.round(Math.max(...measured.map((m) => m.peakMemoryMB))),
      runs: measured.map((m) => Math.round(m.milliseconds)),
    };
  }
} finally {
  await rm(dir, { recursive: true, force: true });
}
console.log(JSON.stringify(result));
