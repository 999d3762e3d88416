/**
 * Action plans: the learner's notes from the reflections the plan names, and the plan's own
 * fields (saved like reflection notes, reflection.ts). The plan prints on its own, and
 * downloads as a text file made in the browser, so it works offline and from file://.
 */
import type { Course } from '../course.js';
import { $, $$, el, type Translate } from './dom.js';
import { readNote } from './reflection.js';

export function setupActionPlans(course: Course, t: Translate): void {
  for (const plan of $$('[data-ck-action-plan]')) {
    const gathered = $$('[data-ck-plan-reflection]', plan);
    const gather = () => {
      for (const note of gathered) {
        const text = readNote(course, note.dataset.ckPlanReflection).trim();
        note.textContent = text || t('noNotesYet');
      }
    };
    gather();
    // A reflection on the same page as the plan shows up as it is written.
    document.addEventListener('input', gather);
    const status = $('[data-ck-plan-status]', plan);
    const actions = $('[data-ck-plan-actions]', plan);
    if (actions) actions.hidden = false;
    $('[data-ck-plan-print]', plan)?.addEventListener('click', () => {
      document.body.dataset.ckPrinting = '';
      plan.dataset.ckPrinting = '';
      window.addEventListener(
        'afterprint',
        () => {
          delete document.body.dataset.ckPrinting;
          delete plan.dataset.ckPrinting;
        },
        { once: true },
      );
      window.print();
    });
    $('[data-ck-plan-download]', plan)?.addEventListener('click', () => {
      const name = `${course.id}-${plan.dataset.ckActionPlan}.txt`;
      // A byte order mark and Windows line ends, so every text editor shows it right.
      const file = new Blob([`\ufeff${planText(course, plan)}`], { type: 'text/plain;charset=utf-8' });
      const link = el('a', undefined, { href: URL.createObjectURL(file), download: name });
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
      if (status) status.textContent = t('planDownloaded', { file: name });
    });
  }
}

/** The plan as plain text: headings, each reflection with the learner's notes, each prompt with the answer. */
function planText(course: Course, plan: HTMLElement): string {
  const lines = [course.title, ''];
  for (const node of $$('h2, h3, dt, dd, label, textarea', plan)) {
    const text = (node instanceof HTMLTextAreaElement ? node.value : (node.textContent ?? '')).trim();
    if (node.tagName === 'H2' || node.tagName === 'H3') lines.push(text.toUpperCase(), '');
    else if (node.tagName === 'DT' || node.tagName === 'LABEL') lines.push(text);
    else lines.push(text || '-', '');
  }
  return lines.join('\r\n');
}
