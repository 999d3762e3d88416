/**
 * The workshop's attendance and results sheet (results-sheet.csv): `coursekit handout` writes
 * it, the facilitator fills it in, `coursekit results` reads it. Its first row names the
 * module and the seeds of forms A and B; its columns are the forms' questions, grouped by
 * recommendation. Both sides build them here, so they cannot drift apart.
 */
import type { DrawCourse, DrawQuestion } from './draw.js';
import { letter, type PaperQuestion } from './paper-form.js';
import { isWithinUnit } from './units.js';

/** The first cell of the sheet: how `coursekit results` recognises it. */
export const PAPER_SHEET_MARKER = 'coursekit-paper-results';
export const PAPER_SHEET_VERSION = 1;

export type FormName = 'A' | 'B';
export const FORM_NAMES: readonly FormName[] = ['A', 'B'];

/** One results column: the k-th question of a recommendation, on either form. */
export interface SheetColumn {
  /** The recommendation, "document#part". */
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
      forms[form].map((q, i) => ({ id: q.id, number: i + 1 })).filter((q) => isWithinUnit(course.questions[q.id]?.source ?? '', key));
    const a = on('A');
    const b = on('B');
    const [document, part] = key.split('#');
    const name = documents.size > 1 ? `${document} ${part}` : part;
    for (let k = 0; k < Math.min(a.length, b.length); k++) {
      columns.push({ key, label: `${name} #${k + 1} (A${a[k]!.number} B${b[k]!.number})`, forms: { A: a[k]!, B: b[k]! } });
    }
  }
  return columns;
}

/** What reading a cell needs of a question: the draw's fields and the accepted answers. */
export interface SheetQuestion extends DrawQuestion {
  correct: string[];
}

/** A cell of the sheet, read: a response (ids as coursekit keeps them), a verdict alone, nothing, or something unreadable. */
export type SheetEntry = { response: string[] } | { verdict: boolean } | { empty: true } | { unreadable: true };

/** Between letters or numbers, facilitators type spaces, commas, semicolons, slashes or plus signs. */
const SEPARATORS = /[\s,;/+]+/g;

/**
 * What the facilitator writes in the sheet for a response: the letters ticked (choice, true or
 * false); for matching, the letter written beside each numbered prompt ("-" for none); for
 * ordering, the number written beside each lettered item, in letter order; for fill-in, the words.
 */
export function sheetEntry(question: SheetQuestion, paper: PaperQuestion, response: string[]): string {
  const letterOf = (id: string) => (paper.lettered.includes(id) ? letter(paper.lettered.indexOf(id)) : '-');
  switch (question.type) {
    case 'single':
    case 'multiple':
    case 'trueFalse':
      return response.map(letterOf).sort().join('');
    case 'matching':
      return paper.numbered.map((_, i) => letterOf(response[i] ?? '')).join('');
    case 'ordering':
      return paper.lettered.map((id) => String(response.indexOf(id) + 1)).join('');
    case 'fillIn':
      return response[0] ?? '';
  }
}

export function readSheetEntry(question: SheetQuestion, paper: PaperQuestion, cell: string): SheetEntry {
  const text = cell.trim();
  if (text === '') return { empty: true };
  if (question.type === 'fillIn') {
    const accepted = question.correct.map((c) => c.trim());
    if ((text === '1' || text === '0') && !accepted.includes(text)) return { verdict: text === '1' };
    return { response: [text] };
  }
  if (text === '1' || text === '0') return { verdict: text === '1' };
  const compact = text.replace(SEPARATORS, '').toUpperCase();
  const idOf = (ch: string) => paper.lettered[ch.charCodeAt(0) - 65];
  switch (question.type) {
    case 'single':
    case 'trueFalse': {
      const id = compact.length === 1 ? idOf(compact) : undefined;
      return id === undefined ? { unreadable: true } : { response: [id] };
    }
    case 'multiple': {
      const ids = [...new Set(compact)].map(idOf);
      return compact.length === 0 || ids.some((id) => id === undefined) ? { unreadable: true } : { response: ids as string[] };
    }
    case 'matching': {
      // "CA", "C-" or, with the numbers written out, "1C 2A".
      const pairs = /^(\d+[A-Z-])+$/.test(compact)
        ? [...compact.matchAll(/(\d+)([A-Z-])/g)].map((m) => [Number(m[1]) - 1, m[2]!] as const)
        : [...compact].map((ch, i) => [i, ch] as const);
      const matched = paper.numbered.map(() => '');
      for (const [at, ch] of pairs) {
        const id = ch === '-' ? '' : idOf(ch);
        if (at < 0 || at >= matched.length || id === undefined || !/^[A-Z-]$/.test(ch)) return { unreadable: true };
        matched[at] = id;
      }
      return { response: matched };
    }
    case 'ordering': {
      const positions = [...compact].map(Number);
      const n = paper.lettered.length;
      const complete = positions.length === n && new Set(positions).size === n && positions.every((p) => p >= 1 && p <= n);
      if (!complete) return { unreadable: true };
      const order: string[] = [];
      for (const [i, p] of positions.entries()) order[p - 1] = paper.lettered[i]!;
      return { response: order };
    }
  }
}
