/**
 * `suspend_data` worst cases for `npm run bench` (issue 8), computed the way the runtime's own
 * unit tests do (tests/runtime/codec.test.ts): the same course data (tests/helpers/
 * runtime-course.ts), the same worst learner (every page viewed, every question answered at
 * its largest, 250 typed characters that all need escaping) and the real encoder.
 *
 * Bundled by bench/runtime.mjs with esbuild (the runtime is TypeScript, not compiled to lib/);
 * imports of build-time code (src/pipeline, src/render, src/shared…) are served by the compiled lib/ instead.
 */
import type { RuntimeCourseData } from '../src/model/runtime-data.js';
import { SCORM12_SUSPEND_LIMIT, SHORTENED, decodeState, encodeResponse, encodeState } from '../src/runtime/codec.js';
import type { LearnerState } from '../src/runtime/state.js';
import { bigBankCourse, runtimeCourse, worstAnswer, worstState } from '../tests/helpers/runtime-course.js';

/** What the codec gives up at each degradation stage (src/runtime/codec.ts). */
export const LOSS_STAGES = [
  'nothing left out',
  'time per question left out',
  'right typed answers kept as the accepted answer',
  'wrong typed answers shortened',
  'review of the submitted attempt left out',
  'answers of the attempt in progress left out',
];

export interface SuspendCase {
  course: string;
  case: string;
  /** Drawn questions in the attempt. */
  questions: number;
  seed: number;
  /** Characters with nothing left out (no limit). */
  fullChars: number;
  /** Characters after encoding within the SCORM 1.2 limit. */
  limitedChars: number;
  loss: number;
  stage: string;
  /** decodeState reads the limited text back without problems. */
  decodes: boolean;
  /** Stage 3: characters kept of each shortened wrong typed answer (of up to 250). */
  typedCharsKept: number | undefined;
}

function measure(course: RuntimeCourseData, name: string, label: string, state: LearnerState): SuspendCase {
  const full = encodeState(state, course, Infinity);
  const limited = encodeState(state, course, SCORM12_SUSPEND_LIMIT);
  const decoded = decodeState(limited.text, course);
  const shortened = (decoded.state.attempt?.answers ?? [])
    .map((answer) => answer?.[0])
    .filter((text): text is string => !!text && text.endsWith(SHORTENED))
    .map((text) => Array.from(text).length - 1);
  return {
    course: name,
    case: label,
    questions: state.attempt?.answers.length ?? 0,
    seed: state.attempt?.seed ?? 0,
    fullChars: full.text.length,
    limitedChars: limited.text.length,
    loss: limited.loss,
    stage: LOSS_STAGES[limited.loss]!,
    decodes: decoded.problems.length === 0,
    typedCharsKept: shortened.length > 0 ? Math.min(...shortened) : undefined,
  };
}

/**
 * The worst draw possible, whatever the seed: a copy of the course whose bank keeps, for each
 * drawn paragraph, only the `count` questions with the longest worst answers, so every seed
 * draws them; with the longest seed a new attempt can get (31 bits: 6 base-36 characters).
 * The unit test's seed scan (1 to 3,000) finds a large draw; this is the largest (up to the
 * checksum, which is 5 base-36 characters or, rarely, fewer).
 */
function worstPossibleDraw(course: RuntimeCourseData): RuntimeCourseData {
  const assessment = course.assessment;
  if (!assessment) return course;
  const length = (id: string) => encodeResponse(course.questions[id]!, worstAnswer(course.questions[id]!)).length;
  const kept: RuntimeCourseData['questions'] = {};
  for (const { key, count } of assessment.draw) {
    const pool = Object.keys(course.questions).filter((id) => course.questions[id]!.bank && course.questions[id]!.source === key);
    for (const id of pool.sort((a, b) => length(b) - length(a)).slice(0, count)) kept[id] = course.questions[id]!;
  }
  for (const id of Object.keys(course.questions)) if (!course.questions[id]!.bank) kept[id] = course.questions[id]!;
  return { ...course, questions: kept };
}

export async function suspendWorstCases(): Promise<{ limit: number; cases: SuspendCase[] }> {
  const cases: SuspendCase[] = [];

  // (a) The sample module: the draw with the largest encoding among seeds 1 to 3,000, as the unit test picks it.
  const sample = await runtimeCourse('sample');
  let longest = { length: 0, seed: 0 };
  for (let seed = 1; seed <= 3000; seed++) {
    const { text } = encodeState(worstState(sample, seed, false), sample, Infinity);
    if (text.length > longest.length) longest = { length: text.length, seed };
  }
  cases.push(measure(sample, 'sample module', 'attempt in progress (largest draw, seeds 1-3000)', worstState(sample, longest.seed, false)));
  cases.push(measure(sample, 'sample module', 'attempt submitted, kept for review', worstState(sample, longest.seed, true)));
  const worst = worstPossibleDraw(sample);
  cases.push(measure(worst, 'sample module', 'worst possible draw, 6-character seed (bound)', worstState(worst, 0x7fffffff, false)));

  // (b) A 200-question bank drawn in full (tests/helpers/runtime-course.ts bigBankCourse).
  const big = bigBankCourse(200);
  cases.push(measure(big, '200-question bank', 'attempt in progress, wrong typed answers', worstState(big, 42, false)));
  cases.push(measure(big, '200-question bank', 'attempt submitted, wrong typed answers', worstState(big, 42, true)));
  cases.push(measure(big, '200-question bank', 'attempt submitted, right typed answers', worstState(big, 7, true, `${'X'.repeat(200)} `)));

  return { limit: SCORM12_SUSPEND_LIMIT, cases };
}
