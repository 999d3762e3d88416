/**
 * The assessment draw: which bank questions an attempt shows, in which order, with which
 * option order. It is a pure function of the course data and the attempt's seed, so the state
 * only keeps the seed, a resumed attempt shows exactly the same questions, and a printed form
 * can be drawn again from its seed: the learner runtime draws online attempts with it,
 * `coursekit handout` the paper quiz forms, so both follow the same rules. Shared by browser
 * and build-time code, so it imports nothing outside src/shared/.
 */
import { isAtOrAbove, type CognitiveLevel } from './levels.js';
import { generator, hash, shuffle } from './random.js';
import { isWithinUnit } from './units.js';

/** What the draw needs of the course (the runtime's course data has more). */
export interface DrawCourse {
  assessment:
    | {
        shuffleQuestions: boolean;
        shuffleOptions: boolean;
        /** Per part of a source ("document#part"): how many questions, and at least how many at a level or above. */
        draw: { key: string; count: number; minAtOrAbove?: { level: CognitiveLevel; count: number } }[];
      }
    | undefined;
  questions: Record<string, DrawQuestion>;
}

export interface DrawQuestion {
  type: 'single' | 'multiple' | 'trueFalse' | 'matching' | 'ordering' | 'fillIn';
  /** "document#part": "A/58/275#74", "UDHR#14(1)". */
  source: string;
  level: CognitiveLevel;
  /** Option, pair or item ids in authored order. */
  ids: string[];
  bank: boolean;
}

export interface DrawnQuestion {
  id: string;
  /**
   * Display order as indexes into the question's authored `ids`: the option order of a
   * single or multiple choice question, the starting arrangement of an ordering question.
   */
  order: number[];
}

export function drawAttempt(course: DrawCourse, seed: number): DrawnQuestion[] {
  const assessment = course.assessment;
  if (!assessment) return [];
  const random = generator(seed);
  let ids: string[] = [];
  for (const { key, count, minAtOrAbove } of assessment.draw) {
    const pool = drawPool(course, key);
    const shuffled = shuffle(pool, random);
    // A rule's questions come first, the rest fill up in the same shuffled order: a draw that
    // keeps the rule anyway is the one it would be without the rule.
    const required = minAtOrAbove
      ? shuffled.filter((id) => isAtOrAbove(course.questions[id]!.level, minAtOrAbove.level)).slice(0, minAtOrAbove.count)
      : [];
    const picked = new Set([
      ...required,
      ...shuffled.filter((id) => !required.includes(id)).slice(0, Math.max(0, count - required.length)),
    ]);
    // Without question shuffling, a paragraph's questions keep their bank order.
    ids = ids.concat(pool.filter((id) => picked.has(id)));
  }
  if (assessment.shuffleQuestions) ids = shuffle(ids, random);
  return ids.map((id) => ({ id, order: displayOrder(course, id, seed, assessment.shuffleOptions) }));
}

/** The bank questions a draw rule takes from, in bank order. */
export function drawPool(course: DrawCourse, key: string): string[] {
  // A draw on a part takes the questions citing a part inside it too: "UDHR#14" takes "UDHR#14(1)".
  return Object.keys(course.questions).filter((id) => course.questions[id]!.bank && isWithinUnit(course.questions[id]!.source, key));
}

export function displayOrder(course: DrawCourse, id: string, seed: number, shuffleOptions: boolean): number[] {
  const question = course.questions[id]!;
  if (question.type === 'ordering') {
    const order = shuffle(
      question.ids.map((_, i) => i),
      questionRandom(id, seed),
    );
    // A starting order that is already right would give the answer away.
    if (order.every((n, i) => n === i) && order.length > 1) order.push(order.shift()!);
    return order;
  }
  return shuffleOptions ? optionOrder(question, id, seed) : question.ids.map((_, i) => i);
}

/**
 * The order in which a choice question shows its options, as indexes into its authored `ids`
 * (other types keep theirs): the assessment's from the attempt seed, the knowledge checks'
 * from the learner's practice seed.
 */
export function optionOrder(question: DrawQuestion, id: string, seed: number): number[] {
  const identity = question.ids.map((_, i) => i);
  return question.type === 'single' || question.type === 'multiple' ? shuffle(identity, questionRandom(id, seed)) : identity;
}

/** Each question gets its own stream, so its order does not depend on the other questions. */
function questionRandom(id: string, seed: number): () => number {
  return generator(hash(id) ^ seed);
}
