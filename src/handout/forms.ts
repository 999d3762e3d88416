/**
 * Quiz forms A and B. Form A is the online assessment's draw for the handout's seed; form B,
 * from a seed derived from it, is its counterpart (shared/paper-form.ts): as many questions per
 * recommendation and cognitive level, sharing with A only what the bank cannot give otherwise.
 * Both seeds are printed on the forms and the results sheet, so the pair can be drawn again.
 */
import type { DrawCourse } from '../shared/draw.js';
import { answerKind, pairedForms, type PaperQuestion } from '../shared/paper-form.js';
import type { FormName } from '../shared/paper-sheet.js';
import { hash } from '../shared/random.js';

export interface QuizForm {
  name: FormName;
  seed: number;
  questions: PaperQuestion[];
}

export interface FormPair {
  A: QuizForm;
  B: QuizForm;
  /** Questions on both forms. */
  shared: number;
}

/** Seeds tried for the default pair. */
const CANDIDATES = 500;

/**
 * The seed when none is given: the same forms for the same module version every time, and in
 * every language, so one results sheet serves a room that works in two. Among seeds derived
 * from the module id and version, the first whose forms ask as many questions of each kind of
 * answer (one choice, all or nothing, typed) and share the fewest questions: two neighbours
 * should sit papers equally hard and different.
 */
export function defaultSeed(course: DrawCourse, sourceId: string, version: string): number {
  let best: { seed: number; rank: number[] } | undefined;
  for (let k = 0; k < CANDIDATES; k++) {
    const seed = hash(`${sourceId}@${version}${k === 0 ? '' : `#${k}`}`) >>> 1;
    const forms = drawForms(course, seed);
    const rank = [kindDifference(course, forms), forms.shared];
    if (!best || rank[0]! < best.rank[0]! || (rank[0] === best.rank[0] && rank[1]! < best.rank[1]!)) best = { seed, rank };
    if (rank[0] === 0 && rank[1] === 0) break;
  }
  return best!.seed;
}

/** How many questions would have to change kind of answer for the two forms to match. */
export function kindDifference(course: DrawCourse, forms: FormPair): number {
  const count = (form: QuizForm) => {
    const kinds = new Map<string, number>();
    for (const q of form.questions)
      kinds.set(answerKind(course.questions[q.id]!.type), (kinds.get(answerKind(course.questions[q.id]!.type)) ?? 0) + 1);
    return kinds;
  };
  const a = count(forms.A);
  const b = count(forms.B);
  let difference = 0;
  for (const kind of new Set([...a.keys(), ...b.keys()])) difference += Math.abs((a.get(kind) ?? 0) - (b.get(kind) ?? 0));
  return difference / 2;
}

export function drawForms(course: DrawCourse, seed: number): FormPair {
  const seeds = { A: seed, B: hash(`${seed}:B`) >>> 1 };
  const forms = pairedForms(course, seeds);
  const onA = new Set(forms.A.map((q) => q.id));
  return {
    A: { name: 'A', seed: seeds.A, questions: forms.A },
    B: { name: 'B', seed: seeds.B, questions: forms.B },
    shared: forms.B.filter((q) => onA.has(q.id)).length,
  };
}
