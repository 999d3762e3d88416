/**
 * The final assessment page: intro → questions one at a time → results with a review. The
 * session (host) owns the attempt; this view only shows it and reports what the learner does,
 * so a reload or a relaunch comes back to the same question with the same answers.
 */
import type { Course, Question } from '../course.js';
import { resultsFile, resultsFileName } from '../results-file.js';
import type { AssessmentSummary, AttemptView, Host } from '../session.js';
import { $, $$, el, focus, show, type Translate } from './dom.js';
import { applyResponse, arrange, authoredFeedback, describeResponse, enableOrdering, questionForm, responseOf } from './question.js';

export function setupAssessment(host: Host, course: Course, t: Translate): void {
  const found = $('[data-ck-assessment]');
  const settings = course.assessment;
  if (!found || !settings) return;
  const root: HTMLElement = found;
  const part = <T extends HTMLElement = HTMLElement>(name: string) => $<T>(`[data-ck-${name}]`, root);
  const views = { intro: part('view="intro"'), questions: part('view="questions"'), results: part('view="results"') };
  const prev = part<HTMLButtonElement>('prev');
  const next = part<HTMLButtonElement>('next-question');
  const submit = part<HTMLButtonElement>('submit');
  const confirm = part('confirm');
  const confirmText = part('confirm-text');
  const unansweredList = part('unanswered');
  let attempt: AttemptView | undefined;
  let shownSeed = '';

  const showView = (name: keyof typeof views) => {
    for (const key of Object.keys(views) as (keyof typeof views)[]) show(views[key], key === name);
  };
  const questionAt = (position: number): [HTMLFormElement | null, Question | undefined] => {
    const id = attempt?.questions[position]?.id ?? '';
    return [questionForm(id, root), course.questions[id]];
  };

  for (const form of $$<HTMLFormElement>('form[data-ck-mode="assessment"]', root)) {
    const id = form.dataset.ckQuestion ?? '';
    const q = course.questions[id];
    if (!q) continue;
    const record = () => {
      const position = attempt ? attempt.questions.findIndex((d) => d.id === id) : -1;
      if (position < 0) return;
      host.answer(position, responseOf(form, q));
      show(confirm, false);
    };
    form.addEventListener('submit', (event) => event.preventDefault());
    form.addEventListener('change', record);
    form.addEventListener('input', record);
    // Moving an item records the new order; an ordering question left untouched is answered
    // with the order shown (the session's rule).
    enableOrdering(form, t, record);
  }

  function render(moveFocus: boolean): void {
    attempt = host.attempt();
    if (attempt && !attempt.submitted) showQuestions(moveFocus);
    else if (attempt) showResults(moveFocus);
    else showIntro();
  }

  /**
   * What is left to the learner, told truthfully: "no attempts left" only when the course's own
   * count says so. In review mode (an LMS that closed the attempt) none can start here, so the
   * learner is told how to start a new attempt in the LMS.
   */
  function attemptsLine(summary: AssessmentSummary, review: boolean): string {
    if (summary.passed || summary.attemptsUsed === 0) return '';
    if (summary.attemptsLeft === 0) return t('noAttemptsLeft');
    const left = summary.attemptsLeft === null ? '' : t('attemptsLeft', { n: summary.attemptsLeft });
    return review ? `${t('reviewRetake')} ${left}`.trim() : left;
  }

  function showIntro(): void {
    showView('intro');
    const view = host.view();
    const summary = view.assessment!;
    const status = part('attempt-status');
    const lines: string[] = [];
    if (summary.score !== undefined) lines.push(t('lastScore', { score: summary.score }));
    if (summary.recordedScore !== undefined && summary.recordedScore !== summary.score)
      lines.push(t('recordedScore', { score: summary.recordedScore }));
    if (summary.passed) lines.push(t('passed'));
    else if (summary.canStart && summary.maxAttempts > 0)
      lines.push(t('attemptsUsed', { n: summary.attemptsUsed + 1, total: summary.maxAttempts }));
    else lines.push(attemptsLine(summary, view.review));
    if (status) status.textContent = lines.filter(Boolean).join(' ');
    show(part('start'), summary.canStart);
  }

  function showQuestions(moveFocus: boolean): void {
    const current = attempt!;
    showView('questions');
    const key = `${current.number}:${current.questions.map((d) => d.id).join()}`;
    if (key !== shownSeed) {
      shownSeed = key;
      current.questions.forEach((drawn, i) => {
        const [form, q] = questionAt(i);
        if (!form || !q) return;
        arrange(form, q, drawn.order);
        applyResponse(form, q, current.answers[i] ?? null);
        const counter = $('[data-ck-counter]', form);
        if (counter) counter.textContent = t('questionOf', { n: i + 1, total: current.questions.length });
      });
    }
    showQuestion(current.current, moveFocus);
  }

  function showQuestion(position: number, moveFocus: boolean): void {
    const current = attempt!;
    current.current = position;
    for (const form of $$<HTMLFormElement>('form[data-ck-mode="assessment"]', root)) form.hidden = true;
    const [form] = questionAt(position);
    if (form) form.hidden = false;
    const last = position === current.questions.length - 1;
    if (prev) prev.disabled = position === 0;
    show(next, !last);
    show(submit, last);
    show(confirm, false);
    if (moveFocus && form) focus($('fieldset', form));
  }

  function go(step: number): void {
    if (!attempt || attempt.submitted) return;
    const position = attempt.current + step;
    if (position < 0 || position >= attempt.questions.length) return;
    host.goTo(position);
    showQuestion(position, true);
  }

  function trySubmit(anyway: boolean): void {
    const fresh = host.attempt();
    if (!fresh || fresh.submitted) return;
    const unanswered = fresh.answers.flatMap((a, position) => (a ? [] : [position]));
    if (unanswered.length > 0 && !anyway) {
      // Never a blocking dialog: the confirmation is part of the page.
      if (confirmText) confirmText.textContent = t('unansweredWarning', { n: unanswered.length });
      listUnanswered(fresh, unanswered);
      show(confirm, true);
      focus(confirmText);
      return;
    }
    host.submit();
    render(true);
  }

  /** A button per unanswered question, named by its number and prompt, that takes the learner (and focus) to it. */
  function listUnanswered(current: AttemptView, positions: number[]): void {
    if (!unansweredList) return;
    unansweredList.textContent = '';
    for (const position of positions) {
      const prompt = course.questions[current.questions[position]!.id]?.prompt ?? '';
      const number = t('questionOf', { n: position + 1, total: current.questions.length });
      const button = el('button', `${t('colon', { label: number })} ${shorten(prompt)}`, {
        type: 'button',
        class: 'ck-link-button',
      });
      button.addEventListener('click', () => {
        host.goTo(position);
        showQuestion(position, true);
      });
      const item = el('li');
      item.appendChild(button);
      unansweredList.appendChild(item);
    }
  }

  function showResults(moveFocus: boolean): void {
    const current = attempt!;
    const result = current.score!;
    const view = host.view();
    const summary = view.assessment!;
    showView('results');
    const scoreLine = part('score');
    if (scoreLine) scoreLine.textContent = t('scoreLine', { score: result.percent, correct: result.correct, total: result.total });
    const verdict = part('verdict');
    if (verdict) {
      verdict.textContent = result.passed ? t('passed') : t('failed', { n: settings!.passMark });
      verdict.setAttribute('data-ck-result', result.passed ? 'correct' : 'incorrect');
    }
    const attempts = part('results-attempts');
    if (attempts) {
      const recorded =
        summary.recordedScore !== undefined && summary.recordedScore !== result.percent
          ? t('recordedScore', { score: summary.recordedScore })
          : '';
      attempts.textContent = [recorded, attemptsLine(summary, view.review)].filter(Boolean).join(' ');
    }
    show(part('retry'), summary.canStart);
    // Without an LMS, the learner's results reach the facilitator only as a file.
    show(part('download'), host.view().learner !== undefined);
    const downloadStatus = part('download-status');
    if (downloadStatus) downloadStatus.textContent = '';
    const review = part('review');
    if (review) {
      review.textContent = '';
      for (const [i, drawn] of current.questions.entries())
        review.appendChild(reviewItem(drawn.id, current.answers[i] ?? null, current.results[i] === true));
    }
    if (moveFocus) focus(part('results-heading'));
  }

  function reviewItem(id: string, response: string[] | null, correct: boolean): HTMLLIElement {
    const q = course.questions[id]!;
    const form = questionForm(id, root)!;
    const item = el('li');
    // The prompt as the question shows it: a draft's untranslated text keeps its language there.
    const prompt = el('p', undefined, { class: 'ck-review-prompt' });
    prompt.append(...($('.ck-prompt', form)?.cloneNode(true).childNodes ?? [q.prompt]));
    item.appendChild(prompt);
    item.appendChild(el('p', t(correct ? 'correct' : 'incorrect'), { 'data-ck-result': correct ? 'correct' : 'incorrect' }));
    item.appendChild(el('p', `${t('colon', { label: t('yourAnswer') })} ${describeResponse(form, q, response, t)}`));
    if (!correct) {
      const answer = q.type === 'fillIn' ? (q.correct[0] ?? '') : describeResponse(form, q, q.correct, t);
      item.appendChild(el('p', `${t('colon', { label: t('correctAnswer') })} ${answer}`));
    }
    for (const feedback of authoredFeedback(form, q, response, correct)) {
      feedback.className = 'ck-review-feedback';
      item.appendChild(feedback);
    }
    const cited = course.citedTexts[q.source];
    if (cited) {
      const figure = el('figure', undefined, { class: 'ck-review-quote' });
      // A translated course quotes its source documents as written, in their language.
      const language = course.citedTextsLanguage;
      const quote = el('blockquote', undefined, language ? { lang: language.lang, dir: language.dir } : {});
      quote.appendChild(el('p', cited.text));
      figure.appendChild(quote);
      figure.appendChild(el('figcaption', cited.label));
      item.appendChild(figure);
    }
    return item;
  }

  function download(): void {
    const learner = host.view().learner;
    const current = host.attempt();
    const file = learner && current && resultsFile(course, learner, current, new Date());
    if (!file) return;
    const name = resultsFileName(file);
    const url = URL.createObjectURL(new Blob([JSON.stringify(file, null, 2)], { type: 'application/json' }));
    const link = el('a', undefined, { href: url, download: name, hidden: '' });
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
    const status = part('download-status');
    if (status) status.textContent = t('resultsDownloaded', { file: name });
  }

  const startOrRetry = () => {
    if (host.startAttempt()) render(true);
  };
  part('start')?.addEventListener('click', startOrRetry);
  part('retry')?.addEventListener('click', startOrRetry);
  part('download-button')?.addEventListener('click', download);
  prev?.addEventListener('click', () => go(-1));
  next?.addEventListener('click', () => go(1));
  submit?.addEventListener('click', () => trySubmit(false));
  part('submit-anyway')?.addEventListener('click', () => trySubmit(true));
  render(false);
}

/** A prompt cut at a word after about 60 characters, to name a question in a list. */
function shorten(prompt: string): string {
  if (prompt.length <= 60) return prompt;
  const cut = prompt.slice(0, 60);
  return `${cut.slice(0, cut.lastIndexOf(' ') > 30 ? cut.lastIndexOf(' ') : 60).replace(/[\s,;:.]+$/, '')}…`;
}
