/**
 * The attendance and results sheet, a CSV template: a first row that names the module and the
 * forms' seeds (how `coursekit results` recognises it and redraws the forms), a header with the
 * participant's name, e-mail, organisation and form, then one column per question, grouped by
 * recommendation (shared/paper-sheet.ts). UTF-8 with a byte order mark and CRLF line ends, so
 * spreadsheets open it with its accents and scripts intact.
 */
import type { Strings } from '../model/runtime-data.js';
import type { DrawCourse } from '../shared/draw.js';
import { PAPER_SHEET_MARKER, PAPER_SHEET_VERSION, sheetColumns } from '../shared/paper-sheet.js';
import type { FormPair } from './forms.js';

export interface SheetIdentity {
  moduleId: string;
  version: string;
  language: string;
}

export function resultsSheet(course: DrawCourse, forms: FormPair, identity: SheetIdentity, s: Strings): string {
  const columns = sheetColumns(course, { A: forms.A.questions, B: forms.B.questions });
  const rows = [
    [
      PAPER_SHEET_MARKER,
      String(PAPER_SHEET_VERSION),
      identity.moduleId,
      identity.version,
      `A=${forms.A.seed}`,
      `B=${forms.B.seed}`,
      identity.language,
      s['handout.sheetNotice']!,
    ],
    [s['handout.name']!, s['handout.email']!, s['handout.organisation']!, s['handout.form']!, ...columns.map((c) => c.label)],
  ];
  return `\uFEFF${rows.map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

function csvCell(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
