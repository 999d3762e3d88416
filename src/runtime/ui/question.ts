/**
 * One rendered question (question.njk): reading and restoring the learner's answer from
 * native form controls, arranging options, moving ordering items with buttons, and the
 * feedback texts the template carries hidden.
 */
import type { Question, Response } from '../course.js';
import { $, $$, type Translate } from './dom.js';

export function questionForm(id: string, root: ParentNode = document): HTMLFormElement | null {
  return $<HTMLFormElement>(`form[data-ck-question="${id}"]`, root);
}

const inputFor = (form: HTMLFormElement, value: string) => $<HTMLInputElement>(`[data-ck-option="${value}"] input`, form);
const selectFor = (form: HTMLFormElement, pair: string) => $<HTMLSelectElement>(`[data-ck-pair="${pair}"] select`, form);
const orderItems = (form: HTMLFormElement) => $$('[data-ck-item]', form);
const fillIn = (form: HTMLFormElement) => $<HTMLInputElement>('input[name="answer"]', form);

/**
 * The answer shown in the form, by ids: the chosen option(s); "true"/"false"; for matching,
 * per pair (authored order) the id of the pair whose match was chosen, "" for none; for
 * ordering, item ids in the order shown; for fill-in, the trimmed text. null: unanswered.
 */
export function responseOf(form: HTMLFormElement, q: Question): Response | null {
  let response: string[];
  switch (q.type) {
    case 'single':
    case 'trueFalse':
    case 'multiple':
      response = q.ids.filter((id) => inputFor(form, id)?.checked);
      break;
    case 'matching':
      response = q.ids.map((id) => selectFor(form, id)?.value ?? '');
      break;
    case 'ordering':
      response = orderItems(form).map((item) => item.dataset.ckItem ?? '');
      break;
    case 'fillIn':
      response = [(fillIn(form)?.value ?? '').trim()];
      break;
  }
  return response.some((part) => part !== '') ? response : null;
}

export function applyResponse(form: HTMLFormElement, q: Question, response: Response | null): void {
  switch (q.type) {
    case 'single':
    case 'trueFalse':
    case 'multiple':
      for (const id of q.ids) {
        const input = inputFor(form, id);
        if (input) input.checked = !!response && response.includes(id);
      }
      break;
    case 'matching':
      q.ids.forEach((id, i) => {
        const select = selectFor(form, id);
        if (select) select.value = response?.[i] ?? '';
      });
      break;
    case 'ordering':
      if (response) placeItems(form, response);
      break;
    case 'fillIn': {
      const input = fillIn(form);
      if (input) input.value = response?.[0] ?? '';
      break;
    }
    default:
      // A question type without a case here fails tsc.
      q.type satisfies never;
  }
}

/** Shows options (single, multiple) or ordering items in the given order of authored positions. */
export function arrange(form: HTMLFormElement, q: Question, order: number[]): void {
  const ids = order.map((i) => q.ids[i]!).filter(Boolean);
  if (q.type === 'ordering') {
    placeItems(form, ids);
    return;
  }
  const container = $('[data-ck-options]', form);
  if (!container) return;
  for (const id of ids) {
    const option = $(`[data-ck-option="${id}"]`, container);
    if (option) container.appendChild(option);
  }
}

function placeItems(form: HTMLFormElement, ids: string[]): void {
  const list = $('[data-ck-order]', form);
  if (!list) return;
  for (const id of ids) {
    const item = $(`[data-ck-item="${id}"]`, list);
    if (item) list.appendChild(item);
  }
  updateMoveButtons(list);
}

function updateMoveButtons(list: HTMLElement): void {
  const items = $$('[data-ck-item]', list);
  items.forEach((item, i) => {
    const up = $<HTMLButtonElement>('[data-ck-move="-1"]', item);
    const down = $<HTMLButtonElement>('[data-ck-move="1"]', item);
    if (up) up.disabled = i === 0;
    if (down) down.disabled = i === items.length - 1;
  });
}

/**
 * Ordering without drag and drop: "Move up"/"Move down" buttons. Focus stays on the moved
 * item (on its other button when it reaches an end) and a live region says where it went.
 */
export function enableOrdering(form: HTMLFormElement, t: Translate, onMove: () => void): void {
  const list = $('[data-ck-order]', form);
  if (!list) return;
  updateMoveButtons(list);
  list.addEventListener('click', (event) => {
    const button = (event.target as Element).closest<HTMLButtonElement>('[data-ck-move]');
    const item = button?.closest<HTMLElement>('[data-ck-item]');
    if (!button || !item || button.disabled) return;
    const step = Number(button.dataset.ckMove);
    const sibling = step < 0 ? item.previousElementSibling : item.nextElementSibling;
    if (!sibling) return;
    list.insertBefore(item, step < 0 ? sibling : sibling.nextElementSibling);
    updateMoveButtons(list);
    const again = button.disabled ? $<HTMLButtonElement>(`[data-ck-move="${-step}"]`, item) : button;
    again?.focus();
    const items = $$('[data-ck-item]', list);
    const status = $('[data-ck-order-status]', form);
    if (status) {
      status.textContent = t('movedTo', {
        item: $('.ck-order-text', item)?.textContent?.trim() ?? '',
        n: items.indexOf(item) + 1,
        total: items.length,
      });
    }
    onMove();
  });
}

/** The learner-readable text of an answer, for the results review. */
export function describeResponse(form: HTMLFormElement, q: Question, response: Response | null, t: Translate): string {
  if (!response) return t('noAnswer');
  const label = (id: string) => $(`label[for="${form.id}-${id}"]`, form)?.textContent?.trim() ?? id;
  switch (q.type) {
    case 'single':
    case 'trueFalse':
    case 'multiple':
      return response.map(label).join('; ');
    case 'matching':
      return q.ids
        .map((id, i) => {
          const select = selectFor(form, id);
          const chosen = response[i] ? Array.from(select?.options ?? []).find((o) => o.value === response[i])?.text : undefined;
          return `${label(id)} → ${chosen ?? t('noAnswer')}`;
        })
        .join('; ');
    case 'ordering':
      return response.map((id, i) => `${i + 1}. ${$(`[data-ck-item="${id}"] .ck-order-text`, form)?.textContent?.trim() ?? id}`).join('; ');
    case 'fillIn':
      return response[0] ?? '';
  }
}

/**
 * Feedback paragraphs the author wrote, copied from the ones the template carries hidden (with
 * their markup, so a draft's untranslated text keeps its language): overall (correct or
 * incorrect), then per chosen option, each text once.
 */
export function authoredFeedback(form: HTMLFormElement, q: Question, response: Response | null, correct: boolean): HTMLElement[] {
  const keys = [correct ? 'correct' : 'incorrect'];
  if ((q.type === 'single' || q.type === 'multiple') && response) keys.push(...response.map((id) => `option:${id}`));
  const parts: HTMLElement[] = [];
  // Options often share one explanation: say it once.
  const said = new Set<string>();
  for (const key of keys) {
    const source = $(`[data-ck-feedback-for="${key}"]`, form);
    const text = source?.textContent?.trim();
    if (!source || !text || said.has(text)) continue;
    said.add(text);
    const copy = source.cloneNode(true) as HTMLElement;
    copy.removeAttribute('data-ck-feedback-for');
    parts.push(copy);
  }
  return parts;
}
