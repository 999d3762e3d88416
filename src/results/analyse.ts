/**
 * The analysis: normalised responses → figures per recommendation, question, objective,
 * cognitive level and attempt. Plain data out (the `--json` contract, docs/results.md); the
 * HTML report and the terminal summary only present it.
 */
import { createHmac } from 'node:crypto';
import { type CourseModule, unitName } from '../model/course.js';
import { normalizeText } from '../shared/scoring.js';
import { describeResponse, type ModuleQuestions, type QuestionInfo, recommendationKey } from './questions.js';
import { Correlation, meanOf, medianOf, round, wilsonInterval } from './statistics.js';
import type { ResponseStore } from './store.js';

/** Flag names are stable: tools filter on them (docs/results.md). */
export type QuestionFlag =
  | 'too-easy'
  | 'too-hard'
  | 'low-discrimination'
  | 'negative-discrimination'
  | 'distractor-beats-key'
  | 'unused-distractor';

export const THRESHOLDS = {
  tooEasy: 0.9,
  tooHard: 0.3,
  lowDiscrimination: 0.2,
  /** Share of attempts in each of the upper and lower groups (Kelley's 27 %). */
  group: 0.27,
  /** A learner met a recommendation with at least this share of its drawn questions right. */
  met: 2 / 3,
  /** Flags are raised from this many responses on… */
  flagResponses: 5,
  /** …and below this many the report asks to read them as hints. */
  fewResponses: 10,
} as const;

export interface Share {
  /** 0-1, or null when there is nothing to count. */
  rate: number | null;
  /** 95 % Wilson interval, or null. */
  interval: [number, number] | null;
}

export interface RecommendationFigures {
  key: string;
  document: string;
  /** The part's number as the document prints it: 74 for paragraph 74, "13" for Article 13. */
  paragraph: number | string;
  /** "paragraph 74", "Article 13". */
  name: string;
  /** The paragraph's first words, so a trainer knows which one it is. */
  excerpt: string;
  drawnPerAttempt: number;
  questions: string[];
  responses: number;
  correct: number;
  correctRate: number | null;
  correctInterval: [number, number] | null;
  /** Learners whose latest attempt had at least one of its questions. */
  learners: number;
  learnersMet: number;
  metRate: number | null;
  metInterval: [number, number] | null;
  /** The wrong answers given most often to its questions: the wrong ideas staff hold about it. */
  commonWrongAnswers: { question: string; response: string; count: number }[];
}

export interface OptionFigures {
  id: string;
  text: string;
  key: boolean;
  chosen: number;
  upper: number;
  lower: number;
}

export interface QuestionFigures {
  id: string;
  key: string;
  objective: string;
  level: string;
  type: QuestionInfo['type'];
  prompt: string;
  responses: number;
  correct: number;
  /** Share of responses that were right (0-1). */
  difficulty: number | null;
  difficultyInterval: [number, number] | null;
  /** Point-biserial correlation of the item with the rest of the attempt (-1 to 1). */
  discrimination: number | null;
  /** Upper-lower index: share right in the upper group minus share right in the lower group. */
  upperLower: number | null;
  upperResponses: number;
  lowerResponses: number;
  flags: QuestionFlag[];
  /** Fewer than 10 responses: the figures and flags are hints, not findings. */
  fewResponses: boolean;
  /** Choice questions: how often each option was picked, overall and by the upper and lower groups. */
  options: OptionFigures[];
  /** The most common wrong answers, in words. */
  wrongResponses: { response: string; count: number }[];
}

export interface GroupFigures {
  responses: number;
  correct: number;
  correctRate: number | null;
  correctInterval: [number, number] | null;
  questions: string[];
}

export interface ObjectiveFigures extends GroupFigures {
  id: string;
  text: string;
  key: string;
}

export interface LevelFigures extends GroupFigures {
  level: string;
}

export interface AttemptFigures {
  /** Attempts in bands of 10 points: 0-9, 10-19, … 90-100. */
  scoreDistribution: { from: number; to: number; attempts: number }[];
  passed: number;
  passRate: number | null;
  passInterval: [number, number] | null;
  medianScore: number | null;
  meanScore: number | null;
  /** How many learners took 1, 2, 3… attempts. */
  attemptsPerLearner: { attempts: number; learners: number }[];
  first: { meanScore: number | null; passRate: number | null };
  best: { meanScore: number | null; passRate: number | null };
  /** Attempts known by their score only (a Basic report, or no interactions). */
  scoreOnly: number;
}

export interface LearnerFigures {
  /** Pseudonymous: the same learner gets the same id for the same input files. */
  id: string;
  name?: string;
  email?: string;
  attempts: number;
  firstScore: number;
  bestScore: number;
  lastScore: number;
  passed: boolean;
}

export interface Analysis {
  module: string;
  version: string;
  title: string;
  language: string;
  passMark: number;
  questionsPerAttempt: number;
  learners: number;
  notAttempted: number;
  attempts: number;
  /** Attempts with responses (the item figures rest on these). */
  attemptsWithResponses: number;
  summary: {
    passRate: number | null;
    learnersPassed: number;
    weakestRecommendation: string | null;
    flaggedQuestions: string[];
  };
  recommendations: RecommendationFigures[];
  questions: QuestionFigures[];
  objectives: ObjectiveFigures[];
  levels: LevelFigures[];
  attemptStats: AttemptFigures;
  learnerResults: LearnerFigures[];
  unknownInteractions: { id: string; count: number }[];
}

export interface AnalyseOptions {
  /** Keys the pseudonyms: a digest of the input files, so ids cannot be recomputed from an e-mail alone. */
  pseudonymKey: string;
  names: boolean;
}

const share = (k: number, n: number): Share => ({ rate: n === 0 ? null : round(k / n), interval: roundPair(wilsonInterval(k, n)) });
const roundPair = (pair: [number, number] | null): [number, number] | null => (pair ? [round(pair[0])!, round(pair[1])!] : null);

export function analyse(store: ResponseStore, questions: ModuleQuestions, module: CourseModule, options: AnalyseOptions): Analysis {
  const attemptIds = store.keptAttempts();
  const withResponses = attemptIds.filter((i) => !store.attempts[i]!.scoreOnly);
  const groups = upperLowerGroups(store, withResponses);
  const questionFigures = figuresPerQuestion(store, questions, withResponses, groups);
  const recommendations = figuresPerRecommendation(store, questions, module, questionFigures);
  const attemptStats = figuresOfAttempts(store, attemptIds);
  const learnerResults = figuresPerLearner(store, options);
  const flagged = flaggedBySeverity(questionFigures).map((q) => q.id);
  const weakest = recommendations
    .filter((r) => r.correctRate !== null)
    .sort((a, b) => a.correctRate! - b.correctRate! || (a.metRate ?? 0) - (b.metRate ?? 0))[0];
  return {
    module: questions.moduleId,
    version: questions.version,
    title: module.meta.title,
    language: module.meta.language,
    passMark: questions.passMark,
    questionsPerAttempt: questions.questionsPerAttempt,
    learners: learnerResults.length,
    notAttempted: store.notAttempted(),
    attempts: attemptIds.length,
    attemptsWithResponses: withResponses.length,
    summary: {
      passRate: attemptStats.passRate,
      learnersPassed: learnerResults.filter((l) => l.passed).length,
      weakestRecommendation: weakest?.key ?? null,
      flaggedQuestions: flagged,
    },
    recommendations,
    questions: questionFigures,
    objectives: figuresPerObjective(module, questions, questionFigures),
    levels: figuresPerLevel(questions, questionFigures),
    attemptStats,
    learnerResults,
    unknownInteractions: [...store.unknown.entries()]
      .sort(([a, x], [b, y]) => y - x || (a < b ? -1 : a > b ? 1 : 0))
      .map(([id, count]) => ({ id, count })),
  };
}

/** The order a trainer should look at flags in: a likely wrong key first, an easy question last. */
const FLAG_SEVERITY: QuestionFlag[] = [
  'distractor-beats-key',
  'negative-discrimination',
  'too-hard',
  'low-discrimination',
  'unused-distractor',
  'too-easy',
];

/** Flagged questions, the most worrying first (then by answers, then bank order). */
export function flaggedBySeverity<T extends { flags: QuestionFlag[]; responses: number }>(questions: T[]): T[] {
  const worst = (q: T) => Math.min(...q.flags.map((f) => FLAG_SEVERITY.indexOf(f)));
  return questions
    .map((q, i) => ({ q, i }))
    .filter(({ q }) => q.flags.length > 0)
    .sort((x, y) => worst(x.q) - worst(y.q) || y.q.responses - x.q.responses || x.i - y.i)
    .map(({ q }) => q);
}

interface Groups {
  upper: Set<number>;
  lower: Set<number>;
}

/**
 * The upper and lower groups: attempts scoring at least as well as the attempt at the 27 %
 * mark from the top, and at most as well as the one at the 27 % mark from the bottom. Ties at
 * the mark join the group, so no attempt is placed by an arbitrary order; when the two marks
 * meet (everyone scored alike) there are no groups.
 */
function upperLowerGroups(store: ResponseStore, attempts: number[]): Groups | undefined {
  if (attempts.length < 2) return undefined;
  const proportion = (i: number) => store.attempts[i]!.correct / store.attempts[i]!.total;
  const sorted = attempts.map(proportion).sort((a, b) => b - a);
  const k = Math.ceil(THRESHOLDS.group * attempts.length);
  const upperMark = sorted[k - 1]!;
  const lowerMark = sorted[sorted.length - k]!;
  if (upperMark <= lowerMark) return undefined;
  return {
    upper: new Set(attempts.filter((i) => proportion(i) >= upperMark)),
    lower: new Set(attempts.filter((i) => proportion(i) <= lowerMark)),
  };
}

function figuresPerQuestion(
  store: ResponseStore,
  questions: ModuleQuestions,
  attempts: number[],
  groups: Groups | undefined,
): QuestionFigures[] {
  const n = questions.list.length;
  const responses = new Array<number>(n).fill(0);
  const correct = new Array<number>(n).fill(0);
  const pairs = questions.list.map(() => new Correlation());
  const upper = questions.list.map(() => ({ n: 0, right: 0 }));
  const lower = questions.list.map(() => ({ n: 0, right: 0 }));
  // Per question and response code: [all, upper, lower, right].
  const codeCounts: Map<number, CodeCounts>[] = questions.list.map(() => new Map());
  for (const a of attempts) {
    const attempt = store.attempts[a]!;
    const inUpper = groups?.upper.has(a) ?? false;
    const inLower = groups?.lower.has(a) ?? false;
    for (let j = attempt.start; j < attempt.end; j++) {
      const q = store.question[j]!;
      const right = store.right[j]!;
      responses[q]!++;
      correct[q]! += right;
      pairs[q]!.add(right, attempt.total > 1 ? (attempt.correct - right) / (attempt.total - 1) : 0);
      if (inUpper) {
        upper[q]!.n++;
        upper[q]!.right += right;
      }
      if (inLower) {
        lower[q]!.n++;
        lower[q]!.right += right;
      }
      const code = store.code[j]!;
      const counts = codeCounts[q]!.get(code) ?? [0, 0, 0, 0];
      counts[0]++;
      if (inUpper) counts[1]++;
      if (inLower) counts[2]++;
      counts[3] += right;
      codeCounts[q]!.set(code, counts);
    }
  }
  return questions.list.map((q, i) => {
    const difficulty = share(correct[i]!, responses[i]!);
    const discrimination = round(pairs[i]!.value());
    const upperLower = upper[i]!.n > 0 && lower[i]!.n > 0 ? round(upper[i]!.right / upper[i]!.n - lower[i]!.right / lower[i]!.n) : null;
    const options = optionFigures(q, codeCounts[i]!, store.tables[i]!.values);
    const fewResponses = responses[i]! < THRESHOLDS.fewResponses;
    return {
      id: q.id,
      key: q.key,
      objective: q.objective,
      level: q.level,
      type: q.type,
      prompt: q.prompt,
      responses: responses[i]!,
      correct: correct[i]!,
      difficulty: difficulty.rate,
      difficultyInterval: difficulty.interval,
      discrimination,
      upperLower,
      upperResponses: upper[i]!.n,
      lowerResponses: lower[i]!.n,
      flags: responses[i]! < THRESHOLDS.flagResponses ? [] : flagsOf(difficulty.rate, discrimination, options, upper[i]!.n),
      fewResponses,
      options,
      wrongResponses: wrongResponses(q, codeCounts[i]!, store.tables[i]!.values),
    };
  });
}

type CodeCounts = [all: number, upper: number, lower: number, right: number];

function optionFigures(q: QuestionInfo, counts: Map<number, CodeCounts>, values: string[][]): OptionFigures[] {
  if (q.type !== 'single' && q.type !== 'multiple' && q.type !== 'trueFalse') return [];
  return q.options.map((option) => {
    let chosen = 0;
    let upper = 0;
    let lower = 0;
    for (const [code, [all, u, l]] of counts) {
      if (code < 0 || !values[code]!.includes(option.id)) continue;
      chosen += all;
      upper += u;
      lower += l;
    }
    return { id: option.id, text: option.text, key: q.runtime.correct.includes(option.id), chosen, upper, lower };
  });
}

function flagsOf(
  difficulty: number | null,
  discrimination: number | null,
  options: OptionFigures[],
  upperResponses: number,
): QuestionFlag[] {
  const flags: QuestionFlag[] = [];
  if (difficulty === null) return flags;
  if (difficulty > THRESHOLDS.tooEasy) flags.push('too-easy');
  if (difficulty < THRESHOLDS.tooHard) flags.push('too-hard');
  if (discrimination !== null && discrimination < 0) flags.push('negative-discrimination');
  else if (discrimination !== null && discrimination < THRESHOLDS.lowDiscrimination) flags.push('low-discrimination');
  const keys = options.filter((o) => o.key);
  const distractors = options.filter((o) => !o.key);
  if (upperResponses > 0 && keys.length > 0) {
    const weakestKey = Math.min(...keys.map((o) => o.upper));
    if (distractors.some((o) => o.upper > weakestKey)) flags.push('distractor-beats-key');
  }
  if (distractors.some((o) => o.chosen === 0)) flags.push('unused-distractor');
  return flags.sort((a, b) => FLAG_SEVERITY.indexOf(a) - FLAG_SEVERITY.indexOf(b));
}

/** The most common wrong answers; typed answers that differ only in case or spacing count as one. */
function wrongResponses(q: QuestionInfo, counts: Map<number, CodeCounts>, values: string[][]): { response: string; count: number }[] {
  const merged = new Map<string, { response: string; count: number }>();
  for (const [code, [all, , , right]] of counts) {
    if (code < 0 || right > 0) continue;
    const value = values[code]!;
    const key = q.type === 'fillIn' ? normalizeText(value[0] ?? '') : value.join('\u0000');
    const entry = merged.get(key) ?? { response: describeResponse(q, value), count: 0 };
    entry.count += all;
    merged.set(key, entry);
  }
  return [...merged.values()].sort((a, b) => b.count - a.count || (a.response < b.response ? -1 : 1)).slice(0, 5);
}

function figuresPerRecommendation(
  store: ResponseStore,
  questions: ModuleQuestions,
  module: CourseModule,
  figures: QuestionFigures[],
): RecommendationFigures[] {
  const keys = [...questions.drawn.keys()];
  for (const q of questions.list) if (!keys.includes(q.key)) keys.push(q.key);
  // Each learner's latest attempt with responses: where they stand now.
  const latest = store.learners
    .map((l) => [...l.attempts].reverse().find((a) => !store.attempts[a]!.scoreOnly))
    .filter((a): a is number => a !== undefined);
  return keys.map((key) => {
    const hash = key.lastIndexOf('#');
    const document = key.slice(0, hash);
    const part = key.slice(hash + 1);
    const source = module.sources.find((s) => s.document === document);
    const own = figures.filter((f) => f.key === key);
    const responses = own.reduce((n, f) => n + f.responses, 0);
    const correct = own.reduce((n, f) => n + f.correct, 0);
    const drawn = questions.drawn.get(key) ?? 0;
    let learners = 0;
    let met = 0;
    for (const a of latest) {
      const attempt = store.attempts[a]!;
      let seen = 0;
      let right = 0;
      for (let j = attempt.start; j < attempt.end; j++) {
        if (questions.list[store.question[j]!]!.key !== key) continue;
        seen++;
        right += store.right[j]!;
      }
      if (seen === 0) continue;
      learners++;
      if (right >= THRESHOLDS.met * Math.max(drawn, seen) - 1e-9) met++;
    }
    const correctShare = share(correct, responses);
    const metShare = share(met, learners);
    const text = source?.displayed.get(part) ?? '';
    return {
      key,
      document,
      paragraph: /^[1-9]\d*$/.test(part) ? Number(part) : part,
      name: unitName(source?.unit ?? 'paragraph', part),
      excerpt: excerpt(text),
      drawnPerAttempt: drawn,
      questions: own.map((f) => f.id),
      responses,
      correct,
      correctRate: correctShare.rate,
      correctInterval: correctShare.interval,
      learners,
      learnersMet: met,
      metRate: metShare.rate,
      metInterval: metShare.interval,
      commonWrongAnswers: own
        .flatMap((f) => f.wrongResponses.map((w) => ({ question: f.id, ...w })))
        .sort((a, b) => b.count - a.count || (a.question < b.question ? -1 : a.question > b.question ? 1 : 0))
        .slice(0, 3),
    };
  });
}

function excerpt(text: string): string {
  const words = text.replace(/\s+/g, ' ').trim().split(' ');
  return words.length <= 16 ? words.join(' ') : `${words.slice(0, 16).join(' ')} …`;
}

function group(figures: QuestionFigures[]): GroupFigures {
  const responses = figures.reduce((n, f) => n + f.responses, 0);
  const correct = figures.reduce((n, f) => n + f.correct, 0);
  const s = share(correct, responses);
  return { responses, correct, correctRate: s.rate, correctInterval: s.interval, questions: figures.map((f) => f.id) };
}

function figuresPerObjective(module: CourseModule, questions: ModuleQuestions, figures: QuestionFigures[]): ObjectiveFigures[] {
  const objectives = module.lessons.flatMap((l) => l.objectives);
  const ids = [...new Set(questions.list.map((q) => q.objective))];
  return ids.map((id) => {
    const objective = objectives.find((o) => o.id === id);
    const own = figures.filter((f) => f.objective === id);
    return {
      id,
      text: objective?.text ?? '',
      key: objective ? recommendationKey(module, objective.source) : (own[0]?.key ?? ''),
      ...group(own),
    };
  });
}

/** Levels as the module names them, in the order the bank first uses them. */
function figuresPerLevel(questions: ModuleQuestions, figures: QuestionFigures[]): LevelFigures[] {
  const levels = [...new Set(questions.list.map((q) => q.level))];
  return levels.map((level) => ({ level, ...group(figures.filter((f) => f.level === level)) }));
}

function figuresOfAttempts(store: ResponseStore, attempts: number[]): AttemptFigures {
  const scores = attempts.map((a) => store.attempts[a]!.score);
  const passed = attempts.filter((a) => store.attempts[a]!.passed).length;
  const bands = Array.from({ length: 10 }, (_, i) => ({ from: i * 10, to: i === 9 ? 100 : i * 10 + 9, attempts: 0 }));
  for (const score of scores) bands[Math.min(9, Math.floor(score / 10))]!.attempts++;
  const perLearner = new Map<number, number>();
  const first: number[] = [];
  const best: number[] = [];
  let firstPassed = 0;
  let bestPassed = 0;
  for (const learner of store.learners) {
    if (learner.attempts.length === 0) continue;
    perLearner.set(learner.attempts.length, (perLearner.get(learner.attempts.length) ?? 0) + 1);
    const own = learner.attempts.map((a) => store.attempts[a]!);
    first.push(own[0]!.score);
    best.push(Math.max(...own.map((a) => a.score)));
    if (own[0]!.passed) firstPassed++;
    if (own.some((a) => a.passed)) bestPassed++;
  }
  const pass = share(passed, attempts.length);
  return {
    scoreDistribution: bands,
    passed,
    passRate: pass.rate,
    passInterval: pass.interval,
    medianScore: round(medianOf(scores), 2),
    meanScore: round(meanOf(scores), 2),
    attemptsPerLearner: [...perLearner.entries()]
      .sort(([a], [b]) => a - b)
      .map(([attemptCount, learners]) => ({ attempts: attemptCount, learners })),
    first: { meanScore: round(meanOf(first), 2), passRate: first.length === 0 ? null : round(firstPassed / first.length) },
    best: { meanScore: round(meanOf(best), 2), passRate: best.length === 0 ? null : round(bestPassed / best.length) },
    scoreOnly: attempts.filter((a) => store.attempts[a]!.scoreOnly).length,
  };
}

function figuresPerLearner(store: ResponseStore, options: AnalyseOptions): LearnerFigures[] {
  const taken = new Set<string>();
  const results: LearnerFigures[] = [];
  for (const learner of store.learners) {
    if (learner.attempts.length === 0) continue;
    const own = learner.attempts.map((a) => store.attempts[a]!);
    let id = pseudonym(options.pseudonymKey, learner.key);
    for (let n = 2; taken.has(id); n++) id = `${pseudonym(options.pseudonymKey, learner.key)}-${n}`;
    taken.add(id);
    results.push({
      id,
      ...(options.names && learner.name ? { name: learner.name } : {}),
      ...(options.names && learner.email ? { email: learner.email } : {}),
      attempts: own.length,
      firstScore: own[0]!.score,
      bestScore: Math.max(...own.map((a) => a.score)),
      lastScore: own[own.length - 1]!.score,
      passed: own.some((a) => a.passed),
    });
  }
  // Sorted by pseudonym, so the order does not give away the export's (often alphabetical) order.
  return results.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

const BASE32 = 'abcdefghijkmnpqrstuvwxyz23456789';

/** A short id that does not reveal the learner: an HMAC of their identity, keyed by the input files. */
export function pseudonym(key: string, identity: string): string {
  const digest = createHmac('sha256', key).update(identity).digest();
  let id = '';
  for (let i = 0; i < 8; i++) id += BASE32[digest[i]! & 31];
  return `L-${id}`;
}
