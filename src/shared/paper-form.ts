/**
 * A paper quiz form: the questions an attempt with this seed draws (the online assessment's own
 * draw, shared/draw.ts), and how each is laid out on paper, where every choice has a letter.
 * `coursekit handout` prints forms with it and `coursekit results` reads a paper results sheet
 * back with it, so a letter on the form and a letter in the sheet always name the same option.
 * Shared by build-time code only, but kept with the draw it extends; it imports nothing else.
 */
import { displayOrder, drawAttempt, drawPool, type DrawCourse, type DrawnQuestion, type DrawQuestion } from './draw.js';
import { generator, hash, shuffle } from './random.js';

export interface PaperQuestion {
  id: string;
  /**
   * The ids letters A, B, C… stand for, in that order: a choice question's options in the
   * drawn order, "true" and "false", a matching question's matches, an ordering question's
   * items in the drawn starting order. Empty for fill-in.
   */
  lettered: string[];
  /** Matching only: the pairs whose prompts are numbered 1, 2, … (authored order). */
  numbered: string[];
}

/** The letter of the n-th choice (0-based): A to Z, enough for the schema's 10 options. */
export function letter(index: number): string {
  return String.fromCharCode(65 + index);
}

export function paperForm(course: DrawCourse, seed: number): PaperQuestion[] {
  return layOut(course, drawAttempt(course, seed), seed);
}

/**
 * Forms A and B for one room. Form A is the online draw of its seed. Form B, from its own seed,
 * is A's counterpart: for every draw rule it takes as many questions at each cognitive level as
 * A does (so it keeps the same rules and weighs the same), choosing first among the questions
 * A does not have, and among those, questions of the same type; the two share only what the
 * bank cannot give otherwise. Question and option order follow the online draw's. Both `coursekit handout` and `coursekit results` call this, so
 * the seeds printed on the sheet always give back the same two papers.
 */
export function pairedForms(course: DrawCourse, seeds: { A: number; B: number }): { A: PaperQuestion[]; B: PaperQuestion[] } {
  const a = drawAttempt(course, seeds.A);
  return { A: layOut(course, a, seeds.A), B: layOut(course, counterpartDraw(course, a, seeds.B), seeds.B) };
}

function counterpartDraw(course: DrawCourse, counterpart: DrawnQuestion[], seed: number): DrawnQuestion[] {
  const assessment = course.assessment;
  if (!assessment) return [];
  const random = generator(seed);
  const onCounterpart = new Set(counterpart.map((q) => q.id));
  const taken = new Set<string>();
  let ids: string[] = [];
  for (const { key } of assessment.draw) {
    const pool = drawPool(course, key).filter((id) => !taken.has(id));
    const shuffled = shuffle(pool, random);
    const picked = new Set<string>();
    // For each of A's questions here, one of B's at the same level: first a question A does not
    // have of the same type, then of the same kind of answer (so the forms are as hard as each
    // other), then any question A does not have; a question A has is the last resort.
    const wanted = pool.filter((id) => onCounterpart.has(id));
    const matched = new Set<string>();
    const preferences: ((candidate: string, id: string) => boolean)[] = [
      (c, id) => !onCounterpart.has(c) && course.questions[c]!.type === course.questions[id]!.type,
      (c, id) => !onCounterpart.has(c) && answerKind(course.questions[c]!.type) === answerKind(course.questions[id]!.type),
      (c) => !onCounterpart.has(c),
      (c, id) => course.questions[c]!.type === course.questions[id]!.type,
      () => true,
    ];
    for (const prefers of preferences)
      for (const id of wanted) {
        if (matched.has(id)) continue;
        const level = course.questions[id]!.level;
        const found = shuffled.find((c) => !picked.has(c) && course.questions[c]!.level === level && prefers(c, id));
        if (found === undefined) continue;
        matched.add(id);
        picked.add(found);
      }
    for (const id of picked) taken.add(id);
    ids = ids.concat(pool.filter((id) => picked.has(id)));
  }
  if (assessment.shuffleQuestions) ids = shuffle(ids, random);
  return ids.map((id) => ({ id, order: displayOrder(course, id, seed, assessment.shuffleOptions) }));
}

/** How a question is answered, which weighs more than its type: one choice, all or nothing, or typed. */
export function answerKind(type: DrawQuestion['type']): string {
  if (type === 'single' || type === 'trueFalse') return 'one';
  return type === 'fillIn' ? 'typed' : 'all';
}

function layOut(course: DrawCourse, drawn: DrawnQuestion[], seed: number): PaperQuestion[] {
  return drawn.map(({ id, order }) => {
    const question = course.questions[id]!;
    switch (question.type) {
      case 'single':
      case 'multiple':
      case 'ordering':
        return { id, lettered: order.map((i) => question.ids[i]!), numbered: [] };
      case 'trueFalse':
        return { id, lettered: ['true', 'false'], numbered: [] };
      case 'matching':
        return { id, lettered: matchLetters(id, question.ids, seed), numbered: question.ids };
      default:
        return { id, lettered: [], numbered: [] };
    }
  });
}

/**
 * A practice question (a lesson's knowledge check) on paper: options as authored, ordering
 * items in a fixed scrambled order that is never the answer, matches lettered as on a form.
 */
export function practiceLayout(id: string, question: DrawQuestion): PaperQuestion {
  switch (question.type) {
    case 'ordering': {
      const order = shuffle(question.ids, generator(hash(id)));
      if (order.length > 1 && order.every((item, i) => item === question.ids[i])) order.push(order.shift()!);
      return { id, lettered: order, numbered: [] };
    }
    case 'matching':
      return { id, lettered: matchLetters(id, question.ids, 0), numbered: question.ids };
    case 'trueFalse':
      return { id, lettered: ['true', 'false'], numbered: [] };
    case 'fillIn':
      return { id, lettered: [], numbered: [] };
    default:
      return { id, lettered: question.ids, numbered: [] };
  }
}

/**
 * On screen a learner picks each match from a list; on paper the matches are lettered, in an
 * order of their own (seeded like the draw) that never lines up with the numbered prompts,
 * which would give the answer away.
 */
function matchLetters(id: string, ids: string[], seed: number): string[] {
  const order = shuffle(ids, generator(hash(`${id}:matches`) ^ seed));
  if (order.length > 1 && order.every((match, i) => match === ids[i])) order.push(order.shift()!);
  return order;
}
