/**
 * Learning objectives: unique ids across lessons, each citing a paragraph of a source and
 * measurable; every question names an objective that exists and cites what it cites.
 */
import { citationKey, type Lesson, type Question } from '../../model/course.js';
import { closest } from '../suggest.js';
import type { Citations } from './citations.js';
import type { At, Located, RuleContext } from './context.js';
import { firstById } from './references.js';
import { vagueObjectiveVerb } from './style.js';

export type Objective = Lesson['objectives'][number];

export interface Objectives {
  all: Located<Objective>[];
  byId: Map<string, Located<Objective>>;
  /** Objectives whose own citation does not resolve (already reported). */
  miscited: Set<string>;
}

export function checkObjectives({ report }: RuleContext, lessons: Located<Lesson>[], citations: Citations): Objectives {
  const all: Located<Objective>[] = [];
  for (const lesson of lessons) {
    for (const [i, objective] of lesson.value.objectives.entries())
      all.push({ value: objective, file: lesson.file, pointer: `/objectives/${i}` });
  }
  const byId = firstById(all, 'objective', report);
  const miscited = new Set<string>();
  for (const o of all) {
    if (!citations.check(o.value.source, { file: o.file, pointer: `${o.pointer}/source` })) miscited.add(o.value.id);
    const vague = vagueObjectiveVerb(o.value.text);
    if (vague)
      report(
        'objective-not-measurable',
        { file: o.file, pointer: `${o.pointer}/text` },
        `the objective starts with "${vague}", which a question cannot measure.`,
      );
  }
  return { all, byId, miscited };
}

/**
 * A question's objective exists, and cites the paragraph the question cites. `citationOk`:
 * the question's own citation resolved (when it did not, the mismatch would only repeat that).
 */
export function checkQuestionObjective({ report }: RuleContext, q: Located<Question>, objectives: Objectives, citationOk: boolean): void {
  const question = q.value;
  const at: At = { file: q.file, pointer: `${q.pointer}/objective` };
  const objective = objectives.byId.get(question.objective)?.value;
  if (!objective) {
    const suggestion = closest(question.objective, [...objectives.byId.keys()]);
    report('unknown-reference', at, `the objective \`${question.objective}\` is not defined in any lesson.`, {
      hint: suggestion
        ? `Did you mean \`${suggestion}\`?`
        : 'Use the id of a learning objective from one of the lessons (its "objectives" list).',
    });
  } else if (citationOk && !objectives.miscited.has(question.objective) && citationKey(objective.source) !== citationKey(question.source)) {
    report(
      'objective-source-mismatch',
      at,
      `the question cites paragraph ${question.source.paragraph}, but its objective \`${question.objective}\` cites paragraph ${objective.source.paragraph}.`,
    );
  }
}
