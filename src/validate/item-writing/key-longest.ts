/**
 * The correct answer is the longest option in most single-choice questions of the bank: the
 * author qualified the right answer carefully and the wrong ones less, and test-wise learners
 * pick the longest option when they do not know. A pattern across the bank, so one warning.
 */
import { at, isKey, listIds, type ItemCheck } from './item-check.js';

/** Longer than every other option by this much is visibly longer. */
const NOTICEABLY = 1.1;
/** Fewer single-choice questions than this make no pattern. */
const MIN_QUESTIONS = 4;

export function checkKeyLongest({ bank, report }: ItemCheck): void {
  const singles = bank.filter((q) => q.value.type === 'single' && q.value.options.length >= 3);
  if (singles.length < MIN_QUESTIONS) return;
  const longest = singles.filter(({ value: question }) => {
    if (question.type !== 'single') return false;
    const key = question.options.find((o) => isKey(question, o.id));
    const others = question.options.filter((o) => o !== key).map((o) => o.text.trim().length);
    return key !== undefined && key.text.trim().length >= NOTICEABLY * Math.max(...others);
  });
  if (longest.length * 2 <= singles.length) return;
  const first = longest[0]!;
  const share = Math.round((100 * longest.length) / singles.length);
  report(
    'key-longest-option',
    at(first, '/correct'),
    `the correct answer is clearly the longest option, as in ${longest.length} of the bank's ${singles.length} single-choice questions with three options or more (${listIds(longest.map((q) => q.value.id))}). A learner who does not know the answer and picks the longest option is right ${share}% of the time.`,
  );
}
