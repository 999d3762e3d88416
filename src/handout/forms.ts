/**
 * Quiz forms A and B. Form A is the online assessment's draw for the handout's seed; form B is
 * the draw, among seeds derived from it, that assesses every recommendation with as many
 * questions at each cognitive level as form A (equivalent forms), sharing as few questions with
 * it as the bank allows. Each form keeps its own seed, printed on it, so it can be drawn again.
 */
import type { CourseModule } from '../model/course.js';
import type { DrawCourse } from '../shared/draw.js';
import { paperForm, type PaperQuestion } from '../shared/paper-form.js';
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
  /** False when the bank cannot give form B as many questions per recommendation and level as form A. */
  equivalent: boolean;
  /** Questions on both forms. */
  shared: number;
}

/** Seeds tried for form B: enough to find an equivalent form in any bank the schema allows, still instant. */
const CANDIDATES = 400;

/**
 * The seed when none is given: the same forms for the same module version every time, and in
 * every language, so one results sheet serves a room that works in two.
 */
export function defaultSeed(sourceId: string, version: string): number {
  return hash(`${sourceId}@${version}`) >>> 1;
}

export function drawForms(course: DrawCourse, module: CourseModule, seed: number): FormPair {
  const levels = new Map(module.bank.map((q) => [q.id, q.level]));
  const profile = (form: PaperQuestion[]) =>
    form
      .map((q) => `${course.questions[q.id]!.source}\u0000${levels.get(q.id)}`)
      .sort()
      .join('\u0001');
  const layout = (form: PaperQuestion[]) => JSON.stringify(form);
  const a = paperForm(course, seed);
  const onA = new Set(a.map((q) => q.id));
  let best: { seed: number; questions: PaperQuestion[]; rank: number[] } | undefined;
  for (let k = 0; k < CANDIDATES; k++) {
    const candidate = hash(`${seed}:B:${k}`) >>> 1;
    const b = paperForm(course, candidate);
    const shared = b.filter((q) => onA.has(q.id)).length;
    // Lowest first: equivalent, fewest shared questions, then not the very same paper.
    const rank = [profile(b) === profile(a) ? 0 : 1, shared, layout(b) === layout(a) ? 1 : 0];
    if (!best || compare(rank, best.rank) < 0) best = { seed: candidate, questions: b, rank };
    if (best.rank[0] === 0 && best.rank[1] === 0) break;
  }
  return {
    A: { name: 'A', seed, questions: a },
    B: { name: 'B', seed: best!.seed, questions: best!.questions },
    equivalent: best!.rank[0] === 0,
    shared: best!.rank[1]!,
  };
}

function compare(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return 0;
}
