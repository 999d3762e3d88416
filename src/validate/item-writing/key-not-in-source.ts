/**
 * The correct answer shares no word with the paragraph the question cites: it was probably
 * taken from somewhere else (a background box, the lesson's own advice, another paragraph),
 * and a learner who studied the paragraph cannot find it there. A question that asks what
 * the paragraph does NOT say has answers from outside it by design, and is left alone.
 */
import { answerTexts, at, isChoice, quoted, type ItemCheck } from './item-check.js';
import { asksNegatively } from './negative-stem.js';
import { citedUnit, unitName } from '../../model/course.js';

export function checkKeyInSource({ questions, words, language, paragraphOf, report }: ItemCheck): void {
  if (!words) return;
  for (const q of questions) {
    const question = q.value;
    const paragraph = paragraphOf(question);
    if (!paragraph || (isChoice(question) && asksNegatively(question.prompt, language))) continue;
    const answer = answerTexts(question).join(' ');
    const answerWords = words.questionStems(answer);
    if (answerWords.length === 0) continue;
    const source = new Set(words.contentStems(paragraph));
    if (answerWords.some((w) => source.has(w))) continue;
    const what = question.type === 'trueFalse' ? 'the statement' : 'the correct answer';
    report(
      'key-not-in-source',
      at(q, '/source'),
      `${what} (${quoted(answer)}) has no word in common with ${unitName(citedUnit(question.source).kind, citedUnit(question.source).id)} of ${question.source.document}, the question's source.`,
    );
  }
}
