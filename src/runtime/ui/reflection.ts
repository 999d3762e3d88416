/**
 * Reflection notes and action plans: kept in this browser's localStorage only, never sent to
 * the LMS. A reflection's model answer opens once the learner has written an answer and left
 * the field (or when they open it themselves), and a screen reader hears that it did. Each text
 * area has a copy that prints, since a text area prints only what fits in it.
 */
import type { Course } from '../course.js';
import { $, $$, type Translate } from './dom.js';

export function noteKey(course: Course, name: string): string {
  return `coursekit:${course.id}:notes:${name}`;
}

export function readNote(course: Course, name: string | undefined): string {
  try {
    return name === undefined ? '' : (localStorage.getItem(noteKey(course, name)) ?? '');
  } catch {
    return '';
  }
}

let pointerDown = false;

export function setupReflections(course: Course, t: Translate): void {
  document.addEventListener('pointerdown', () => (pointerDown = true), true);
  document.addEventListener('pointerup', () => (pointerDown = false), true);
  for (const field of $$<HTMLTextAreaElement>('textarea[data-ck-reflection]')) {
    const name = field.dataset.ckReflection ?? '';
    // A reflection given an id keeps the notes written before, under its page and position.
    field.value = readNote(course, name) || readNote(course, field.dataset.ckReflectionWas);
    const copy = $(`[data-ck-print-of="${field.id}"]`);
    const model = $<HTMLDetailsElement>(`[data-ck-model-answer="${field.id}"]`);
    const status = model?.parentElement && $('[data-ck-model-status]', model.parentElement);
    const written = () => field.value.trim() !== '';
    if (copy) copy.textContent = field.value;
    if (model && written()) model.open = true;
    field.addEventListener('input', () => {
      if (copy) copy.textContent = field.value;
      try {
        localStorage.setItem(noteKey(course, name), field.value);
      } catch {
        // Storage full or blocked: the note stays on the page until it is left.
      }
    });
    field.addEventListener('change', () => {
      if (!model || model.open || !written()) return;
      const reveal = () => {
        model.open = true;
        if (status) status.textContent = t('modelAnswerShown');
      };
      // Left with a click elsewhere (a link below, say): open it once that click has landed, so
      // the page does not move under the pointer between the press and the release.
      if (pointerDown) document.addEventListener('pointerup', () => setTimeout(reveal), { once: true, capture: true });
      else reveal();
    });
  }
}
