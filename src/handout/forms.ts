/**
 * Quiz forms A and B. Form A is the online assessment's draw for the handout's seed; form B,
 * from a seed derived from it, is its counterpart (shared/paper-form.ts): as many questions per
 * recommendation and cognitive level, sharing with A only what the bank cannot give otherwise.
 * Both seeds are printed on the forms and the results sheet, so the pair can be drawn again.
 */
import type { DrawCourse } from '../shared/draw.js';
import { pairedForms, type PaperQuestion } from '../shared/paper-form.js';
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

/**
 * The seed when none is given: the same forms for the same module version every time, and in
 * every language, so one results sheet serves a room that works in two.
 */
export function defaultSeed(sourceId: string, version: string): number {
  return hash(`${sourceId}@${version}`) >>> 1;
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
