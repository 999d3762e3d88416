/**
 * The workshop's results sheet (`coursekit handout` writes it as results-sheet.csv; the
 * facilitator fills it in, in any spreadsheet): a first row naming the module and the seeds of
 * quiz forms A and B, a header, then one row per participant with the form they took and what
 * they answered to each question. The forms are drawn again from their seeds with the
 * assessment's own draw, so a letter in the sheet means the option it meant on paper.
 */
import type { RuntimeAssessment } from '../../render/view-model.js';
import { loadStrings } from '../../render/strings.js';
import { pairedForms, type PaperQuestion } from '../../shared/paper-form.js';
import {
  FORM_NAMES,
  PAPER_SHEET_MARKER,
  PAPER_SHEET_VERSION,
  readSheetEntry,
  sheetColumns,
  type FormName,
  type SheetColumn,
} from '../../shared/paper-sheet.js';
import { quoted } from '../problems.js';
import type { RawAttempt, RawInteraction, RecordPlace } from '../records.js';

export interface PaperSheetMarker {
  module: { id: string; version: string };
  seeds: Record<FormName, number>;
  language: string;
}

export interface PaperSheetLayout {
  kind: 'paper-sheet';
  name: number | undefined;
  email: number | undefined;
  form: number;
  forms: Record<FormName, Map<string, PaperQuestion>>;
  columns: { column: number; sheet: SheetColumn }[];
  course: RuntimeAssessment;
}

export function isPaperSheet(cells: string[]): boolean {
  return (cells[0] ?? '').replace(/^\uFEFF/, '').trim() === PAPER_SHEET_MARKER;
}

/** The first row: format version, module, version, the forms' seeds ("A=…", "B=…"), language. */
export function readPaperSheetMarker(cells: string[]): { ok: true; marker: PaperSheetMarker } | { ok: false; description: string } {
  const [, version, id, moduleVersion, a, b, language] = cells.map((c) => c.trim());
  if (version !== String(PAPER_SHEET_VERSION))
    return {
      ok: false,
      description: `a workshop results sheet of format version "${quoted(version ?? '')}", and this coursekit reads version ${PAPER_SHEET_VERSION} (update coursekit)`,
    };
  const seed = (cell: string | undefined, form: FormName) => {
    const match = new RegExp(`^${form}=(\\d{1,10})$`).exec(cell ?? '');
    return match ? Number(match[1]) : undefined;
  };
  const seedA = seed(a, 'A');
  const seedB = seed(b, 'B');
  if (!id || !moduleVersion || seedA === undefined || seedB === undefined || !language)
    return {
      ok: false,
      description:
        'a workshop results sheet whose first row was changed (it must keep the module, its version and the seeds "A=…" and "B=…")',
    };
  return { ok: true, marker: { module: { id, version: moduleVersion }, seeds: { A: seedA, B: seedB }, language } };
}

/** The header: identity columns found by their names (in the sheet's language or English), question columns by their labels. */
export function recognisePaperSheet(
  marker: PaperSheetMarker,
  header: string[],
  course: RuntimeAssessment,
): { ok: true; layout: PaperSheetLayout } | { ok: false; description: string } {
  const normal = (text: string) => text.replace(/\s+/g, ' ').trim().toLowerCase();
  const cells = header.map(normal);
  const strings = loadStrings(marker.language);
  const english = loadStrings('en');
  const find = (key: string) => {
    const names = new Set([normal(strings[key] ?? ''), normal(english[key] ?? '')]);
    const i = cells.findIndex((c) => names.has(c));
    return i < 0 ? undefined : i;
  };
  const form = find('handout.form');
  if (form === undefined)
    return {
      ok: false,
      description: `a workshop results sheet without its "${strings['handout.form']}" column (A or B for each participant)`,
    };
  const forms = pairedForms(course, marker.seeds);
  const columns = sheetColumns(course, forms).flatMap((sheet) => {
    const column = cells.indexOf(normal(sheet.label));
    return column < 0 ? [] : [{ column, sheet }];
  });
  if (columns.length === 0) return { ok: false, description: 'a workshop results sheet without any question column' };
  const byId = (list: PaperQuestion[]) => new Map(list.map((q) => [q.id, q]));
  return {
    ok: true,
    layout: {
      kind: 'paper-sheet',
      name: find('handout.name'),
      email: find('handout.email'),
      form,
      forms: { A: byId(forms.A), B: byId(forms.B) },
      columns,
      course,
    },
  };
}

export type PaperRowReading = { ok: true; attempt: RawAttempt | undefined } | { ok: false; column: number; detail: string };

/** One participant's row; undefined for a blank row. */
export function readPaperRow(layout: PaperSheetLayout, cells: string[], place: RecordPlace): PaperRowReading {
  const cell = (i: number | undefined) => (i === undefined ? '' : (cells[i] ?? '').trim());
  if (cells.every((c) => c.trim() === '')) return { ok: true, attempt: undefined };
  const name = cell(layout.name);
  const email = cell(layout.email);
  const formText = cell(layout.form).toUpperCase();
  const answered = layout.columns.filter(({ column }) => cell(column) !== '');
  const learner = { key: (email || name || `row ${place.row}`).toLowerCase(), ...(name ? { name } : {}), ...(email ? { email } : {}) };
  const base = { place, learner, lmsAttempt: undefined, attempt: 1, score: undefined, notation: 'ids' as const };
  if (formText === '' && answered.length === 0) return { ok: true, attempt: { ...base, attempted: false, interactions: [] } };
  if (!(FORM_NAMES as readonly string[]).includes(formText)) {
    return {
      ok: false,
      column: layout.form + 1,
      detail:
        formText === ''
          ? 'the row has answers but no form: write A or B in the form column'
          : `the form is "${quoted(cell(layout.form), 20)}": write A or B, as printed on the participant's paper`,
    };
  }
  const form = formText as FormName;
  const interactions: RawInteraction[] = [];
  for (const { column, sheet } of answered) {
    const { id } = sheet.forms[form];
    const entry = readSheetEntry(layout.course.questions[id]!, layout.forms[form].get(id)!, cell(column));
    if ('empty' in entry) continue;
    interactions.push({
      id,
      column: column + 1,
      ...('verdict' in entry
        ? { response: null, result: entry.verdict }
        : // Kept as written when it cannot be read: the analysis counts it as not understood.
          { response: 'response' in entry ? entry.response : [cell(column)], result: undefined }),
    });
  }
  return { ok: true, attempt: { ...base, attempted: true, interactions } };
}
