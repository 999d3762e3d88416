/**
 * The assessment draw: which bank questions an attempt shows, in which order, with which
 * option order. Everything follows from the attempt's seed, so the state only keeps the seed
 * and a resumed attempt shows exactly the same questions. The learner runtime draws online
 * attempts with it, `coursekit handout` the paper quiz forms, so both follow the same rules;
 * shared by browser and build-time code, so it imports nothing.
 */
import { generator, hash, shuffle } from './random.js';
import { isWithinUnit } from './units.js';

/** What the draw needs of the course (the runtime's course data has more). */
export interface DrawCourse {
  assessment:
    | {
        shuffleQuestions: boolean;
        shuffleOptions: boolean;
        /** Per part of a source ("document#part"): how many questions. */
        draw: { key: string; count: number }[];
      }
    | undefined;
  questions: Record<string, DrawQuestion>;
}

export interface DrawQuestion {
  type: 'single' | 'multiple' | 'trueFalse' | 'matching' | 'ordering' | 'fillIn';
  /** "document#part": "A/58/275#74", "UDHR#14(1)". */
  source: string;
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
  for (const { key, count } of assessment.draw) {
    // A draw on a part takes the questions citing a part inside it too: "UDHR#14" takes "UDHR#14(1)".
    const pool = Object.keys(course.questions).filter(
      (id) => course.questions[id]!.bank && isWithinUnit(course.questions[id]!.source, key),
    );
    const picked = new Set(shuffle(pool, random).slice(0, count));
    // Without question shuffling, a paragraph's questions keep their bank order.
    ids = ids.concat(pool.filter((id) => picked.has(id)));
  }
  if (assessment.shuffleQuestions) ids = shuffle(ids, random);
  return ids.map((id) => ({ id, order: displayOrder(course, id, seed, assessment.shuffleOptions) }));
}

function displayOrder(course: DrawCourse, id: string, seed: number, shuffleOptions: boolean): number[] {
  const question = course.questions[id]!;
  const identity = question.ids.map((_, i) => i);
  // Each question gets its own stream, so its order does not depend on the other questions.
  const random = generator(hash(id) ^ seed);
  if (question.type === 'ordering') {
    const order = shuffle(identity, random);
    // A starting order that is already right would give the answer away.
    if (order.every((n, i) => n === i) && order.length > 1) order.push(order.shift()!);
    return order;
  }
  if (shuffleOptions && (question.type === 'single' || question.type === 'multiple')) return shuffle(identity, random);
  return identity;
}
