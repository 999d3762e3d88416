/**
 * A wrong option without feedback of its own in a question with overall feedback (without
 * overall feedback, option-feedback-missing in rules/questions.ts already reports each such
 * option). The general "incorrect" text cannot say why this particular answer is wrong, and
 * that is where a learner who chose it learns something.
 */
import { at, isChoice, isKey, listIds, type ItemCheck } from './item-check.js';

export function checkDistractorFeedback({ questions, report }: ItemCheck): void {
  for (const q of questions) {
    const question = q.value;
    if (!isChoice(question)) continue;
    if (question.feedback === undefined) continue;
    const silent = question.options.filter((o) => !isKey(question, o.id) && !o.feedback);
    if (silent.length === 0) continue;
    const first = question.options.indexOf(silent[0]!);
    report(
      'distractor-feedback-missing',
      at(q, `/options/${first}`),
      silent.length === 1
        ? 'this wrong option has no feedback of its own: a learner who chooses it reads only the general feedback, not why this answer is wrong.'
        : `this wrong option and ${listIds(silent.slice(1).map((o) => o.id))} have no feedback of their own: a learner who chooses one reads only the general feedback, not why that answer is wrong.`,
    );
  }
}
