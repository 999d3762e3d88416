/**
 * An ordering question whose right order is the order in which its cited paragraph says the
 * items: it tests memory of the text's wording (which policy area comes third in a list the
 * paragraph gives as examples), not understanding. Each item is placed where the paragraph
 * says it: the shortest stretch of the paragraph that holds all of the item's words (at least
 * half of its words must be there). When every item is placed, in the order of the answer,
 * the rule warns.
 */
import { at, type ItemCheck } from './item-check.js';
import { citedUnit, unitName } from '../../model/course.js';

export function checkOrderingFollowsSource({ questions, words, paragraphOf, report }: ItemCheck): void {
  if (!words) return;
  for (const q of questions) {
    const question = q.value;
    if (question.type !== 'ordering') continue;
    const paragraph = paragraphOf(question);
    if (!paragraph) continue;
    const text = words.contentStems(paragraph);
    const places = question.items.map((item) => placeIn(text, [...new Set(words.contentStems(item.text))]));
    if (places.some((p) => p === undefined)) continue;
    const inSourceOrder = places.every((p, i) => i === 0 || compare(places[i - 1]!, p!) < 0);
    if (!inSourceOrder) continue;
    report(
      'ordering-follows-source',
      at(q, '/items'),
      `the right order is the order in which ${unitName(citedUnit(question.source).kind, citedUnit(question.source).id)} of ${question.source.document} mentions these ${question.items.length} items, so the question tests memory of the text, not understanding.`,
    );
  }
}

/** Where a stretch of the paragraph starts and ends, in words. */
interface Place {
  start: number;
  end: number;
}

/** The shortest stretch of `text` holding every word of `item` that the paragraph has; earliest first. */
function placeIn(text: string[], item: string[]): Place | undefined {
  const wanted = new Set(item.filter((w) => text.includes(w)));
  if (wanted.size === 0 || wanted.size * 2 < item.length) return undefined;
  const inWindow = new Map<string, number>();
  let best: Place | undefined;
  let start = 0;
  for (let end = 0; end < text.length; end++) {
    const word = text[end]!;
    if (wanted.has(word)) inWindow.set(word, (inWindow.get(word) ?? 0) + 1);
    while (inWindow.size === wanted.size) {
      if (!best || end - start < best.end - best.start) best = { start, end };
      const first = text[start]!;
      const count = inWindow.get(first);
      if (count === 1) inWindow.delete(first);
      else if (count !== undefined) inWindow.set(first, count - 1);
      start++;
    }
  }
  return best;
}

function compare(a: Place, b: Place): number {
  return a.start - b.start || a.end - b.end;
}
