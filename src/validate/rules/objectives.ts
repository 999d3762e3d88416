/**
 * Learning objectives: unique ids across lessons, each citing a paragraph of a source and
 * measurable; every question names an objective that exists and cites what it cites.
 */
import { type Citation, citedUnit, type Lesson, type Question, unitName } from '../../model/course.js';
import { isWithinUnit } from '../../shared/units.js';
import { closest } from '../suggest.js';
import type { Citations } from './citations.js';
import type { At, Located, RuleContext } from './context.js';
import { firstById } from './references.js';
import { vagueObjectiveVerb } from './style.js';

export type Objective = Lesson['objectives'][number];

export interface Objectives {
  all: Located<Objective>[];
  byId: Map<string, Located<Objective>>;
  /** Objectives of lessons that are not in the lesson order, by id: they exist, but are not built. */
  unlisted: Map<string, Located<Lesson>>;
  /** Objectives whose own citation does not resolve (already reported). */
  miscited: Set<string>;
}

export function checkObjectives(
  { report }: RuleContext,
  lessons: Located<Lesson>[],
  unlistedLessons: Located<Lesson>[],
  citations: Citations,
): Objectives {
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
  const unlisted = new Map<string, Located<Lesson>>();
  for (const lesson of unlistedLessons) for (const o of lesson.value.objectives) unlisted.set(o.id, lesson);
  return { all, byId, unlisted, miscited };
}

/**
 * A question's objective exists, and cites the paragraph the question cites. `citationOk`:
 * the question's own citation resolved (when it did not, the mismatch would only repeat that).
 */
export function checkQuestionObjective(
  { report, broken }: RuleContext,
  q: Located<Question>,
  objectives: Objectives,
  citationOk: boolean,
): void {
  const question = q.value;
  const at: At = { file: q.file, pointer: `${q.pointer}/objective` };
  const objective = objectives.byId.get(question.objective)?.value;
  if (objective) {
    if (citationOk && !objectives.miscited.has(question.objective) && !overlap(objective.source, question.source)) {
      const cited = citedUnit(question.source);
      const objectiveCites = citedUnit(objective.source);
      report(
        'objective-source-mismatch',
        at,
        `the question cites ${unitName(cited.kind, cited.id)}, but its objective \`${question.objective}\` cites ${unitName(objectiveCites.kind, objectiveCites.id)}${
          objective.source.document === question.source.document ? '' : ` of ${objective.source.document}`
        }.`,
      );
    }
    return;
  }
  const unlistedLesson = objectives.unlisted.get(question.objective);
  if (unlistedLesson) {
    report(
      'unknown-reference',
      at,
      `the objective \`${question.objective}\` is in lesson \`${unlistedLesson.value.id}\` (${unlistedLesson.file.displayPath}), which is not in the lesson order, so it is not built.`,
      { hint: `Add "${unlistedLesson.value.id}" to "lessons" in module.json, or use an objective of a lesson that is.` },
    );
  } else if (!broken.mayDeclare('lesson', question.objective)) {
    const suggestion = closest(question.objective, [...objectives.byId.keys()]);
    report('unknown-reference', at, `the objective \`${question.objective}\` is not defined in any lesson.`, {
      hint: suggestion
        ? `Did you mean \`${suggestion}\`?`
        : 'Use the id of a learning objective from one of the lessons (its "objectives" list).',
    });
  }
}

/** The same part, or one inside the other: an objective on Article 14 covers a question on 14(1). */
function overlap(a: Citation, b: Citation): boolean {
  if (a.document !== b.document) return false;
  const [x, y] = [citedUnit(a).id, citedUnit(b).id];
  return isWithinUnit(x, y) || isWithinUnit(y, x);
}
