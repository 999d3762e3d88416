/**
 * Item writing: what makes a question guessable, misleading or unfair although it is valid.
 * Every finding is a warning (an error only with --strict) with a hint a trainer can act on.
 * One rule per module here; each reads the questions, and the rules that compare words run
 * only in languages with a list of common words (words.ts).
 */
import { citedUnit, type Question } from '../../model/course.js';
import type { Citations } from '../rules/citations.js';
import type { RuleContext } from '../rules/context.js';
import type { Questions } from '../rules/questions.js';
import { checkAllOrNoneOfTheAbove } from './all-none-above.js';
import { checkDistractorFeedback } from './distractor-feedback.js';
import type { ItemCheck } from './item-check.js';
import { checkKeyInSource } from './key-not-in-source.js';
import { checkKeyLongest } from './key-longest.js';
import { checkKeyPosition } from './key-position.js';
import { checkKeyRepeatsStem } from './key-repeats-stem.js';
import { checkNearDuplicateOptions } from './near-duplicate-options.js';
import { checkNegativeStem } from './negative-stem.js';
import { checkOrderingFollowsSource } from './ordering-follows-source.js';
import { wordsFor } from './words.js';

const RULES: ((check: ItemCheck) => void)[] = [
  checkAllOrNoneOfTheAbove,
  checkNegativeStem,
  checkNearDuplicateOptions,
  checkKeyRepeatsStem,
  checkDistractorFeedback,
  checkOrderingFollowsSource,
  checkKeyInSource,
  checkKeyLongest,
  checkKeyPosition,
];

export function checkItemWriting(context: RuleContext, questions: Questions, citations: Citations): void {
  const check: ItemCheck = {
    bank: questions.bank,
    questions: [...questions.bank, ...questions.knowledgeChecks],
    language: context.meta.language,
    words: wordsFor(context.meta.language),
    paragraphOf: (q: Question) => citations.sourceByDocument.get(q.source.document)?.units.get(citedUnit(q.source).id),
    shuffleOptions: context.meta.assessment?.shuffleOptions ?? true,
    report: context.report,
    moduleAt: context.moduleAt,
  };
  for (const rule of RULES) rule(check);
}
