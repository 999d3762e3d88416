/**
 * Options that are never shuffled, with the correct answer in the same place in most
 * single-choice questions: "always pick the first" scores well. Only the assessment can turn
 * shuffling off; knowledge checks are shuffled per learner (runtime/ui/knowledge-check.ts).
 */
import { listIds, type ItemCheck } from './item-check.js';

/** Fewer single-choice questions than this make no pattern. */
const MIN_QUESTIONS = 4;

export function checkKeyPosition({ bank, shuffleOptions, report, moduleAt }: ItemCheck): void {
  if (shuffleOptions) return;
  const singles = bank.filter((q) => q.value.type === 'single' && q.value.options.length >= 3);
  if (singles.length < MIN_QUESTIONS) return;
  const byPosition = new Map<number, typeof singles>();
  for (const q of singles) {
    if (q.value.type !== 'single') continue;
    const key = q.value.correct;
    const position = q.value.options.findIndex((o) => o.id === key);
    byPosition.set(position, [...(byPosition.get(position) ?? []), q]);
  }
  const [position, same] = [...byPosition].sort((a, b) => b[1].length - a[1].length || a[0] - b[0])[0]!;
  if (same.length * 2 <= singles.length) return;
  const share = Math.round((100 * same.length) / singles.length);
  report(
    'key-position-pattern',
    moduleAt('/assessment/shuffleOptions'),
    `options are never shuffled, and in ${same.length} of the bank's ${singles.length} single-choice questions with three options or more, the correct answer is option ${position + 1} (${listIds(same.map((q) => q.value.id))}). A learner who always picks option ${position + 1} is right ${share}% of the time.`,
  );
}
