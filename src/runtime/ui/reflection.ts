/** Reflection notes: kept in this browser's localStorage only, never sent to the LMS. */
import type { Course } from '../course.js';
import { $$ } from './dom.js';

export function setupReflections(course: Course): void {
  for (const field of $$<HTMLTextAreaElement>('textarea[data-ck-reflection]')) {
    const key = `coursekit:${course.id}:notes:${field.dataset.ckReflection}`;
    try {
      field.value = localStorage.getItem(key) ?? '';
    } catch {
      continue;
    }
    field.addEventListener('input', () => {
      try {
        localStorage.setItem(key, field.value);
      } catch {
        // Storage full or blocked: the note stays on the page until it is left.
      }
    });
  }
}
