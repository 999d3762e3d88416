/**
 * A question that asks for the wrong option ("Which ministry does paragraph 75 not name?")
 * with its negative word in lower case: a learner reading quickly answers the positive
 * question. Written in capitals (NOT, EXCEPT), the negative cannot be missed.
 */
import { at, isChoice, type ItemCheck } from './item-check.js';

/** Negative words by language, looked for in the sentence that asks. "n't" cannot be emphasised: "does NOT" can. */
const NEGATIVE: Record<string, RegExp> = {
  en: /(?<![\p{L}'])(not|never|except|no)(?!\p{L})|n't(?!\p{L})/giu,
  fr: /(?<!\p{L})(pas|jamais|sauf|excepté|hormis)(?!\p{L})/giu,
  es: /(?<!\p{L})(no|nunca|excepto|salvo)(?!\p{L})/giu,
};

export function checkNegativeStem({ questions, language, report }: ItemCheck): void {
  for (const q of questions) {
    if (!isChoice(q.value)) continue;
    const asking = askingSentence(q.value.prompt);
    const hidden = negativeWords(asking, language).find((word) => word !== word.toUpperCase() || word === "n't");
    if (!hidden) continue;
    report(
      'negative-stem-hidden',
      at(q, '/prompt'),
      `the question asks for what is NOT so ("${hidden}" in "${asking.trim()}"), but the negative word is in lower case, so a learner reading quickly answers the opposite question.`,
    );
  }
}

/** Whether a choice question asks for the options that are not so (emphasised or not). */
export function asksNegatively(prompt: string, language: string): boolean {
  return negativeWords(askingSentence(prompt), language).length > 0;
}

function negativeWords(sentence: string, language: string): string[] {
  const negative = NEGATIVE[language.toLowerCase().split('-')[0]!];
  return negative ? [...sentence.matchAll(negative)].map((m) => m[0]) : [];
}

/** The sentence that asks: the last one, up to its question mark. */
function askingSentence(prompt: string): string {
  const sentences = prompt.split(/(?<=[.!?:;])\s+/).filter((s) => s.trim() !== '');
  return sentences.filter((s) => s.includes('?')).at(-1) ?? sentences.at(-1) ?? prompt;
}
