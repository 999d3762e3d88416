/**
 * The correct answer repeats words of the question and no wrong option does: a learner can
 * match words instead of knowing the answer. When wrong options echo the question too, the
 * echo gives nothing away (and a wrong option that echoes it is a fair lure).
 */
import { at, isChoice, isKey, joinWithAnd, type ItemCheck } from './item-check.js';

export function checkKeyRepeatsStem({ questions, words, report }: ItemCheck): void {
  if (!words) return;
  for (const q of questions) {
    const question = q.value;
    if (!isChoice(question)) continue;
    const asked = new Set(words.questionStems(question.prompt));
    if (asked.size === 0) continue;
    const echoes = question.options.map((o) => {
      const shared = new Set(words.contentStems(o.text).filter((s) => asked.has(s)));
      return { option: o, shared, key: isKey(question, o.id) };
    });
    if (echoes.some((e) => !e.key && e.shared.size > 0)) continue;
    const keys = echoes.filter((e) => e.key);
    if (keys.length === 0 || !keys.every((e) => e.shared.size > 0)) continue;
    for (const echo of keys) {
      const index = question.options.indexOf(echo.option);
      const repeated = sharedWords(echo.option.text, echo.shared, words.contentStems);
      report(
        'key-repeats-stem',
        at(q, `/options/${index}/text`),
        `the correct answer repeats ${joinWithAnd(repeated.map((w) => `"${w}"`))} from the question, and no wrong option does, so a learner can find it by matching words.`,
      );
    }
  }
}

/** The words of `text` as written whose stems are in `stems`, each once, in order. */
function sharedWords(text: string, stems: Set<string>, contentStems: (text: string) => string[]): string[] {
  const found: string[] = [];
  const seen = new Set<string>();
  for (const word of text.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu) ?? []) {
    const [stem] = contentStems(word);
    if (stem === undefined || !stems.has(stem) || seen.has(stem)) continue;
    seen.add(stem);
    found.push(word);
  }
  return found;
}
