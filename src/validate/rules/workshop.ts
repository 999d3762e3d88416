/**
 * The workshop plan (module.json "workshop"): the lessons it gives minutes to, and the one
 * the quiz follows, must be lessons of the module, or the facilitator guide would silently plan them at their default length.
 */
import { closest } from '../suggest.js';
import type { RuleContext } from './context.js';

export function checkWorkshop({ meta, report, moduleAt }: RuleContext): void {
  const lessonMinutes = meta.workshop?.lessonMinutes ?? {};
  for (const id of Object.keys(lessonMinutes)) {
    if (meta.lessons.includes(id)) continue;
    const suggestion = closest(id, meta.lessons);
    report('unknown-reference', moduleAt(`/workshop/lessonMinutes/${id}`), `the lesson \`${id}\` is not in the module's lesson order.`, {
      hint: suggestion ? `Did you mean \`${suggestion}\`?` : 'Use the id of a lesson listed in "lessons", or remove the entry.',
      atKey: true,
    });
  }
  const quizAfter = meta.workshop?.quizAfter;
  if (quizAfter !== undefined && !meta.lessons.includes(quizAfter)) {
    const suggestion = closest(quizAfter, meta.lessons);
    report('unknown-reference', moduleAt('/workshop/quizAfter'), `the lesson \`${quizAfter}\` is not in the module's lesson order.`, {
      hint: suggestion ? `Did you mean \`${suggestion}\`?` : 'Use the id of a lesson listed in "lessons", or remove "quizAfter".',
    });
  }
}
