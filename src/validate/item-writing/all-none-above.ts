/**
 * "All of the above" and "None of the above": a learner who spots two right options picks
 * "all" without knowing the third, and "none" as the answer shows only what the learner
 * rejected, never what they know.
 */
import { plainLetters } from './words.js';
import { at, isChoice, type ItemCheck } from './item-check.js';

/** The phrases, without accents, in the languages coursekit has them for; the rule looks for them in any module. */
const ALL_ABOVE =
  /^(all|both) of (the )?(above|these|the options above)\b|^toutes? (les reponses |les propositions )?ci-dessus\b|^todas las (anteriores|respuestas anteriores)\b/;
const NONE_ABOVE =
  /^(none|neither) of (the )?(above|these|the options above)\b|^aucune (des (reponses|propositions) )?ci-dessus\b|^ninguna de las (anteriores|respuestas anteriores)\b/;

export function checkAllOrNoneOfTheAbove({ questions, report }: ItemCheck): void {
  for (const q of questions) {
    const question = q.value;
    if (!isChoice(question)) continue;
    question.options.forEach((option, i) => {
      const text = plainLetters(option.text).trim();
      const kind = ALL_ABOVE.test(text) ? 'all' : NONE_ABOVE.test(text) ? 'none' : undefined;
      if (!kind) return;
      report(
        'option-all-none-above',
        at(q, `/options/${i}/text`),
        kind === 'all'
          ? `"${option.text.trim()}" can be chosen by elimination: a learner who sees that two options are right picks it without knowing the others.`
          : `"${option.text.trim()}" shows only what a learner rejected: when it is the answer, nothing tells you they know the right one; when it is not, few choose it.`,
      );
    });
  }
}
