/**
 * The real Moodle 5.0.6 downloads of a cohort that took the 1.0.0 module: the Interactions
 * report as "CSV" (tab-separated), Excel and OpenDocument, and the Basic report. Every figure
 * the command reports is recomputed here, independently, from the raw rows of the CSV and the
 * module's question files.
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ResultsDocument } from '../../src/results/report.js';
import { COHORT_DIR, COHORT_MODULE, COHORT_MODULES, runResults, scratchDir, type Scratch } from '../helpers/results.js';

let scratch: Scratch;
beforeAll(async () => {
  scratch = await scratchDir();
});
afterAll(async () => {
  await scratch?.cleanup();
});

async function analyse(...files: string[]): Promise<ResultsDocument> {
  const run = await runResults([...files.map((f) => path.join(COHORT_DIR, f)), '--json'], scratch.dir);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout) as ResultsDocument;
}

// ---- The expected figures, from the raw rows and the question files alone ----

interface BankQuestion {
  id: string;
  type: string;
  paragraph: number;
  level: string;
  objective: string;
  options: string[];
  keys: string[];
}

/** The 1.0.0 bank uses the level names of its time, which coursekit reads as their new names. */
const RENAMED_LEVELS: Record<string, string> = { recall: 'remember', application: 'apply' };

const bank: BankQuestion[] = readdirSync(path.join(COHORT_MODULES, COHORT_MODULE, 'questions'))
  .sort()
  .flatMap(
    (file) =>
      (JSON.parse(readFileSync(path.join(COHORT_MODULES, COHORT_MODULE, 'questions', file), 'utf8')) as { questions: any[] }).questions,
  )
  .map((q) => ({
    id: q.id,
    type: q.type,
    paragraph: q.source.paragraph,
    level: RENAMED_LEVELS[q.level] ?? q.level,
    objective: q.objective,
    options: q.type === 'trueFalse' ? ['t', 'f'] : (q.options ?? []).map((o: { id: string }) => o.id),
    keys: q.type === 'trueFalse' ? [q.correct ? 't' : 'f'] : q.type === 'single' ? [q.correct] : q.type === 'multiple' ? q.correct : [],
  }));
const byId = new Map(bank.map((q) => [q.id, q]));

interface Answer {
  question: BankQuestion;
  response: string;
  right: boolean;
}
interface Attempt {
  email: string;
  score: number;
  answers: Answer[];
}

/** The Interactions report's rows, read the simplest way: tabs, quotes stripped. */
function rawAttempts(): { attempts: Attempt[]; notAttempted: number } {
  const [header, ...rows] = readFileSync(path.join(COHORT_DIR, 'interactions.csv'), 'utf8')
    .trimEnd()
    .split('\n')
    .map((line) => line.split('\t').map((cell) => cell.replace(/^"(.*)"$/, '$1').replace(/""/g, '"')));
  const column = (name: string) => header!.indexOf(name);
  const attempts: Attempt[] = [];
  let notAttempted = 0;
  for (const row of rows) {
    if (row[column('Attempt')] === '-') {
      notAttempted++;
      continue;
    }
    const answers: Answer[] = [];
    for (let n = 0; column(`Question ${n}`) >= 0; n++) {
      const id = row[column(`Question ${n}`)];
      if (!id) continue;
      const question = byId.get(id.replace(/_\d+$/, '').replace(/_/g, '-'))!;
      answers.push({ question, response: row[column(`Response ${n}`)]!, right: row[column(`Result ${n}`)] === 'correct' });
    }
    attempts.push({ email: row[column('Email address')]!, score: Number(row[column('Score')]), answers });
  }
  return { attempts, notAttempted };
}

const { attempts, notAttempted } = rawAttempts();
const rightShare = (attempt: Attempt) => attempt.answers.filter((a) => a.right).length / 12;

function wilson(k: number, n: number): [number, number] {
  const z = 1.959963984540054;
  const p = k / n;
  const centre = (p + (z * z) / (2 * n)) / (1 + (z * z) / n);
  const half = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / (1 + (z * z) / n);
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}

function pearson(x: number[], y: number[]): number | null {
  const n = x.length;
  const mx = x.reduce((a, b) => a + b, 0) / n;
  const my = y.reduce((a, b) => a + b, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (x[i]! - mx) * (y[i]! - my);
    sxx += (x[i]! - mx) ** 2;
    syy += (y[i]! - my) ** 2;
  }
  return n < 3 || sxx === 0 || syy === 0 ? null : sxy / Math.sqrt(sxx * syy);
}

/** Upper and lower groups as docs/results.md defines them: ties at the 27 % marks join. */
function groups(): { upper: Set<Attempt>; lower: Set<Attempt> } {
  const sorted = attempts.map(rightShare).sort((a, b) => b - a);
  const k = Math.ceil(0.27 * attempts.length);
  return {
    upper: new Set(attempts.filter((a) => rightShare(a) >= sorted[k - 1]!)),
    lower: new Set(attempts.filter((a) => rightShare(a) <= sorted[sorted.length - k]!)),
  };
}

const close = (actual: number | null, expected: number | null) => {
  if (expected === null) expect(actual).toBeNull();
  else expect(actual).toBeCloseTo(expected, 3);
};

describe('coursekit results on the real Moodle exports', () => {
  it('reads the "CSV" (tab-separated), Excel and OpenDocument downloads of the Interactions report alike', async () => {
    const csv = await analyse('interactions.csv');
    const xlsx = await analyse('interactions.xlsx');
    const ods = await analyse('interactions.ods');
    expect([csv, xlsx, ods].map((d) => [d.inputs[0]!.format, d.inputs[0]!.container])).toEqual([
      ['moodle-interactions', 'text'],
      ['moodle-interactions', 'xlsx'],
      ['moodle-interactions', 'ods'],
    ]);
    // The same figures; only the pseudonyms differ, since they are keyed by the files read.
    const figures = ({ inputs, learnerResults, ...rest }: ResultsDocument) => ({
      ...rest,
      learnerResults: learnerResults.map(({ id, ...l }) => l).sort((a, b) => a.firstScore - b.firstScore),
    });
    expect(figures(xlsx)).toEqual(figures(csv));
    expect(figures(ods)).toEqual(figures(csv));
  });

  it('gives per recommendation, question, option, level and attempt the figures the raw rows give', async () => {
    const document = await analyse('interactions.csv');
    expect(document).toMatchObject({
      module: COHORT_MODULE,
      version: '1.0.0',
      learners: 19,
      attempts: 19,
      notAttempted,
      warnings: [],
      unknownInteractions: [],
    });
    expect(notAttempted).toBe(2);

    // Attempts: the pass mark is 75 %.
    const passed = attempts.filter((a) => a.score >= 75).length;
    expect(document.attemptStats.passed).toBe(passed);
    close(document.attemptStats.passRate, passed / attempts.length);
    expect(document.attemptStats.passInterval![0]).toBeCloseTo(wilson(passed, attempts.length)[0], 3);
    const scores = attempts.map((a) => a.score).sort((a, b) => a - b);
    expect(document.attemptStats.medianScore).toBe(scores[(scores.length - 1) / 2]);
    expect(document.attemptStats.scoreDistribution.map((b) => b.attempts)).toEqual(
      Array.from({ length: 10 }, (_, i) => attempts.filter((a) => Math.min(9, Math.floor(a.score / 10)) === i).length),
    );
    expect(document.learnerResults.map((l) => l.firstScore).sort((a, b) => a - b)).toEqual(scores);

    // Recommendations: share right, its interval, and learners with at least 2 of the 3 right.
    for (const paragraph of [74, 75, 76, 77]) {
      const answers = attempts.flatMap((a) => a.answers).filter((x) => x.question.paragraph === paragraph);
      const right = answers.filter((x) => x.right).length;
      const met = attempts.filter((a) => a.answers.filter((x) => x.question.paragraph === paragraph && x.right).length >= 2).length;
      const figures = document.recommendations.find((r) => r.key === `A/58/275#${paragraph}`)!;
      expect({ paragraph, responses: figures.responses, correct: figures.correct, learnersMet: figures.learnersMet }).toEqual({
        paragraph,
        responses: answers.length,
        correct: right,
        learnersMet: met,
      });
      close(figures.correctRate, right / answers.length);
      close(figures.correctInterval![0], wilson(right, answers.length)[0]);
      close(figures.correctInterval![1], wilson(right, answers.length)[1]);
    }

    // Questions: difficulty, point-biserial against the rest of the attempt, upper-lower index, options.
    const { upper, lower } = groups();
    for (const question of bank) {
      const taken = attempts.filter((a) => a.answers.some((x) => x.question === question));
      const answer = (a: Attempt) => a.answers.find((x) => x.question === question)!;
      const right = taken.filter((a) => answer(a).right).length;
      const item = taken.map((a) => (answer(a).right ? 1 : 0));
      const rest = taken.map((a) => (a.answers.filter((x) => x.right).length - (answer(a).right ? 1 : 0)) / 11);
      const share = (set: Set<Attempt>) => {
        const own = taken.filter((a) => set.has(a));
        return own.length === 0 ? null : own.filter((a) => answer(a).right).length / own.length;
      };
      const figures = document.questions.find((q) => q.id === question.id)!;
      expect({ id: question.id, responses: figures.responses, correct: figures.correct }).toEqual({
        id: question.id,
        responses: taken.length,
        correct: right,
      });
      close(figures.difficulty, taken.length === 0 ? null : right / taken.length);
      close(figures.discrimination, pearson(item, rest));
      const u = share(upper);
      const l = share(lower);
      close(figures.upperLower, u === null || l === null ? null : u - l);
      // Options of choice questions, overall and by group (a multiple-response answer picks several).
      for (const [i, option] of question.options.entries()) {
        const picked = (a: Attempt) => answer(a).response.split(',').includes(option);
        const o = figures.options[i];
        if (!o) continue;
        expect({ id: question.id, option, chosen: o.chosen, upper: o.upper, lower: o.lower, key: o.key }).toEqual({
          id: question.id,
          option,
          chosen: taken.filter(picked).length,
          upper: taken.filter((a) => upper.has(a) && picked(a)).length,
          lower: taken.filter((a) => lower.has(a) && picked(a)).length,
          key: question.keys.includes(option),
        });
      }
    }

    // Cognitive levels, whatever the module calls them.
    for (const level of new Set(bank.map((q) => q.level))) {
      const answers = attempts.flatMap((a) => a.answers).filter((x) => x.question.level === level);
      const figures = document.levels.find((l) => l.level === level)!;
      expect({ level, responses: figures.responses, correct: figures.correct }).toEqual({
        level,
        responses: answers.length,
        correct: answers.filter((x) => x.right).length,
      });
    }
  });

  it('names the weakest recommendation and flags the questions a trainer should reread', async () => {
    const document = await analyse('interactions.csv');
    const rates = document.recommendations.map((r) => [r.key, r.correctRate!] as const).sort((a, b) => a[1] - b[1]);
    expect(document.summary.weakestRecommendation).toBe(rates[0]![0]);
    expect(document.summary.weakestRecommendation).toBe('A/58/275#77');
    // A wrong option the upper group prefers to the key: the most worrying flag, listed first.
    for (const q of document.questions) {
      const keys = q.options.filter((o) => o.key);
      const beaten =
        keys.length > 0 && q.responses >= 5 && q.options.some((o) => !o.key && o.upper > Math.min(...keys.map((k) => k.upper)));
      expect({ id: q.id, flagged: q.flags.includes('distractor-beats-key') }).toEqual({ id: q.id, flagged: beaten });
      if (q.responses >= 5 && q.difficulty! > 0.9) expect(q.flags).toContain('too-easy');
      if (q.responses >= 5 && q.discrimination !== null && q.discrimination < 0) expect(q.flags).toContain('negative-discrimination');
    }
    expect(document.summary.flaggedQuestions.slice(0, 2).sort()).toEqual(['q77-best-way', 'q77-separate-work']);
  });

  it('reads an Interactions report downloaded in another interface language, by its groups of four numbered columns', async () => {
    const csv = readFileSync(path.join(COHORT_DIR, 'interactions.csv'), 'utf8');
    const [header, ...rest] = csv.split('\n');
    const spanish = header!
      .replace('Name', 'Nombre')
      .replace('"Email address"', '"Dirección de correo"')
      .replace('Attempt', 'Intento')
      .replace('Score', 'Calificación')
      .replace(/"Question (\d+)"/g, '"Pregunta $1"')
      .replace(/"Response (\d+)"/g, '"Respuesta $1"')
      .replace(/"Right answer (\d+)"/g, '"Respuesta correcta $1"')
      .replace(/"Result (\d+)"/g, '"Resultado $1"');
    const file = path.join(scratch.dir, 'interacciones.csv');
    writeFileSync(file, [spanish, ...rest].join('\n'));
    const run = await runResults([file, '--json'], scratch.dir);
    expect(run.code).toBe(0);
    const document = JSON.parse(run.stdout) as ResultsDocument;
    const english = await analyse('interactions.csv');
    expect(document).toMatchObject({ attempts: 19, learners: 19, notAttempted: 2 });
    expect(document.questions).toEqual(english.questions);
  });

  it('reads the Basic report as scores only, and merges it with the Interactions report of the same attempts', async () => {
    const basic = await analyse('attempts.csv');
    expect(basic.inputs[0]!.format).toBe('moodle-basic');
    expect(basic).toMatchObject({ learners: 19, attempts: 19, notAttempted: 2, attemptsWithResponses: 0 });
    expect(basic.attemptStats).toMatchObject({ passed: attempts.filter((a) => a.score >= 75).length, scoreOnly: 19 });
    expect(basic.summary.weakestRecommendation).toBeNull();

    const both = await analyse('attempts.csv', 'interactions.csv');
    expect(both).toMatchObject({ learners: 19, attempts: 19, attemptsWithResponses: 19 });
    expect(both.attemptStats.scoreOnly).toBe(0);
  });

  it('reads a folder, counting the same attempt in two downloads once', async () => {
    const run = await runResults([COHORT_DIR, '--json'], scratch.dir);
    expect(run.code).toBe(0);
    const document = JSON.parse(run.stdout) as ResultsDocument;
    expect(document.inputs.map((i) => path.basename(i.file))).toEqual([
      'attempts.csv',
      'interactions.csv',
      'interactions.ods',
      'interactions.xlsx',
    ]);
    expect(document).toMatchObject({ learners: 19, attempts: 19 });
    expect(document.warnings.map((w) => [w.code, path.basename(w.file ?? '')])).toEqual([
      ['results-duplicate', 'interactions.ods'],
      ['results-duplicate', 'interactions.xlsx'],
    ]);
    expect(document.warnings[0]!.message).toMatch(
      /^19 duplicated attempts skipped \(rows 2, 3, 4, 5, 6, …\): the same learner's attempt was already read from .*interactions\.csv row 2\.$/,
    );
    // --json keeps standard output for the document; the warnings went to standard error.
    expect(run.stderr).toContain('results-duplicate');
  });
});
