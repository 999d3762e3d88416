/**
 * The workshop's attendance and results sheet (results-sheet.csv): `coursekit handout` writes
 * it, the facilitator fills it in, `coursekit results` reads it. Its first row names the
 * module and the seeds of forms A and B; its columns are the forms' questions, grouped by
 * recommendation. Both sides build them here, so they cannot drift apart.
 */
import type { DrawCourse } from './draw.js';
import type { PaperQuestion } from './paper-form.js';

/** The first cell of the sheet: how `coursekit results` recognises it. */
export const PAPER_SHEET_MARKER = 'coursekit-paper-results';
export const PAPER_SHEET_VERSION = 1;

export type FormName = 'A' | 'B';
export const FORM_NAMES: readonly FormName[] = ['A', 'B'];

/** One results column: the k-th question of a recommendation, on either form. */
export interface SheetColumn {
  /** The recommendation, "document#paragraph". */
  key: string;
  label: string;
  /** Per form: the question and its number on the form (1-based). */
  forms: Record<FormName, { id: string; number: number }>;
}

/**
 * The results columns: per recommendation in the assessment's order, one column per question
 * it draws. Forms drawn with the same rules draw as many questions per recommendation, so the
 * k-th of form A and the k-th of form B share a column.
 */
export function sheetColumns(course: DrawCourse, forms: Record<FormName, PaperQuestion[]>): SheetColumn[] {
  const draw = course.assessment?.draw ?? [];
  const documents = new Set(draw.map((d) => d.key.split('#')[0]));
  const columns: SheetColumn[] = [];
  for (const { key } of draw) {
    const on = (form: FormName) =>
      forms[form].map((q, i) => ({ id: q.id, number: i + 1 })).filter((q) => course.questions[q.id]?.source === key);
    const a = on('A');
    const b = on('B');
    const [document, paragraph] = key.split('#');
    const name = documents.size > 1 ? `${document} ¶${paragraph}` : `¶${paragraph}`;
    for (let k = 0; k < Math.min(a.length, b.length); k++) {
      columns.push({ key, label: `${name}.${k + 1} (A${a[k]!.number} B${b[k]!.number})`, forms: { A: a[k]!, B: b[k]! } });
    }
  }
  return columns;
}
