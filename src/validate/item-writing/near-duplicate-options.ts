/**
 * Two options of a choice question that say almost the same: the same content words in
 * another order or form, or the same words spelt another way. A negation or a number makes
 * options different. A learner cannot tell which one is meant, or rules both out at once.
 * Options identical but for case and spaces are option-text-duplicate (rules/questions.ts).
 */
import { normalizeWhitespace } from '../../load/source-text.js';
import { editDistance } from '../suggest.js';
import { at, isChoice, quoted, type ItemCheck } from './item-check.js';
import { plainLetters, tokens } from './words.js';

interface Compared {
  id: string;
  text: string;
  exact: string;
  spelling: string[];
  words: Set<string>;
}

export function checkNearDuplicateOptions({ questions, words, report }: ItemCheck): void {
  for (const q of questions) {
    const question = q.value;
    if (!isChoice(question)) continue;
    const options: Compared[] = question.options.map((o) => ({
      id: o.id,
      text: o.text,
      exact: normalizeWhitespace(o.text).toLowerCase(),
      spelling: tokens(o.text),
      // Numbers count: "3 ministries" and "5 ministries" differ.
      words: new Set([...(words?.contentStems(o.text) ?? []), ...(plainLetters(o.text).match(/\d+/g) ?? [])]),
    }));
    const reported = new Set<string>();
    for (const [j, later] of options.entries()) {
      const twin = options
        .slice(0, j)
        .find((earlier) => earlier.exact !== later.exact && !reported.has(earlier.id) && alike(earlier, later));
      if (!twin) continue;
      reported.add(later.id);
      report(
        'option-near-duplicate',
        at(q, `/options/${j}/text`),
        `options \`${twin.id}\` and \`${later.id}\` say almost the same (${quoted(twin.text)} and ${quoted(later.text)}).`,
      );
    }
  }
}

function alike(a: Compared, b: Compared): boolean {
  // "Labour migration" and "Labor migration".
  if (
    a.spelling.length === b.spelling.length &&
    a.spelling.every((word, i) => word === b.spelling[i] || spellingVariant(word, b.spelling[i]!))
  )
    return true;
  // The same content words (at least two), in any order or form: "The ministry of health", "Health ministry".
  return a.words.size >= 2 && a.words.size === b.words.size && [...a.words].every((w) => b.words.has(w));
}

/** A word spelt another way ("labour", "labor"; "defence", "defense"): the same first letter, few letters changed. */
function spellingVariant(a: string, b: string): boolean {
  if (a[0] !== b[0] || /\d/.test(a + b)) return false;
  return editDistance(a, b) <= Math.max(1, Math.floor(Math.max(a.length, b.length) / 4));
}
