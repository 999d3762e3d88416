/**
 * Knowledge checks inside lessons: formative, checked at once, never recorded. Feedback goes
 * to the question's live region; focus stays on "Check answer" so the learner hears it and
 * can change the answer and check again. Choice options are shuffled by the learner's seed,
 * so the right answer is not always where the author wrote it, yet stays put across reloads;
 * without JavaScript they keep the authored order.
 */
import type { Course } from '../course.js';
import { optionOrder } from '../../shared/draw.js';
import { isCorrect, isPartlyCorrect } from '../../shared/scoring.js';
import { $, $$, el, type Translate } from './dom.js';
import { arrange, authoredFeedback, enableOrdering, responseOf } from './question.js';

export function setupKnowledgeChecks(course: Course, t: Translate, practiceSeed: number): void {
  for (const form of $$<HTMLFormElement>('form[data-ck-mode="practice"]')) {
    const id = form.dataset.ckQuestion ?? '';
    const q = course.questions[id];
    if (!q) continue;
    if (q.type === 'single' || q.type === 'multiple') arrange(form, q, optionOrder(q, id, practiceSeed));
    const feedback = $('[data-ck-feedback]', form);
    const clearMarks = () => {
      for (const option of $$('[data-ck-result]', form)) if (option !== feedback) option.removeAttribute('data-ck-result');
    };
    enableOrdering(form, t, clearMarks);
    form.addEventListener('change', clearMarks);
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      if (!feedback) return;
      const response = responseOf(form, q);
      feedback.textContent = '';
      clearMarks();
      if (!response) {
        feedback.removeAttribute('data-ck-result');
        feedback.appendChild(el('p', t('answerFirst')));
        return;
      }
      const correct = isCorrect(q, response);
      const verdict = correct ? 'correct' : isPartlyCorrect(q, response) ? 'partlyCorrect' : 'incorrect';
      feedback.setAttribute('data-ck-result', correct ? 'correct' : 'incorrect');
      const lead = el('p');
      lead.appendChild(el('strong', t(verdict)));
      feedback.appendChild(lead);
      feedback.append(...authoredFeedback(form, q, response, correct));
      // Where the answer comes from: "Source: UDHR, Article 14(1)".
      const source = $('[data-ck-feedback-for="source"]', form)?.textContent;
      if (source) feedback.appendChild(el('p', source));
      if (q.type === 'single' || q.type === 'multiple' || q.type === 'trueFalse') {
        for (const id of response)
          $(`[data-ck-option="${id}"]`, form)?.setAttribute('data-ck-result', q.correct.includes(id) ? 'correct' : 'incorrect');
      }
    });
  }
}
