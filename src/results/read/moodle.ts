/**
 * Moodle's SCORM reports, whatever the download format: the Interactions report (one row per
 * learner attempt, then groups of columns per interaction: "Question N", "Response N",
 * "Right answer N", "Result N", N from 0 in the order the learner answered) and the Basic
 * report (attempts and scores only). Columns are found by their headers, so a report with some
 * columns unticked, or extra identity columns, still reads.
 */
import { quoted } from '../problems.js';
import type { RawAttempt, RawInteraction, RecordPlace } from '../records.js';

type Role = 'id' | 'response' | 'right' | 'result';

interface InteractionGroup {
  n: number;
  columns: Partial<Record<Role, number>>;
  /** First and last column of the group. */
  first: number;
  last: number;
}

export interface MoodleLayout {
  kind: 'moodle-interactions' | 'moodle-basic';
  width: number;
  name: number;
  email: number | undefined;
  attempt: number | undefined;
  score: number | undefined;
  groups: InteractionGroup[];
}

export type Recognition = { ok: true; layout: MoodleLayout } | { ok: false; description: string };

const ROLE_NAMES: Record<string, Role> = { question: 'id', response: 'response', 'right answer': 'right', result: 'result' };
/** Moodle's column order within a group, used when the headers are in another language. */
const ROLE_ORDER: Role[] = ['id', 'response', 'right', 'result'];

export function recogniseMoodleReport(headerCells: string[]): Recognition {
  const header = headerCells.map((h) => h.replace(/^\uFEFF/, '').trim());
  const find = (pattern: RegExp) => {
    const i = header.findIndex((h) => pattern.test(h));
    return i < 0 ? undefined : i;
  };
  const numbered = new Map<number, { base: string; column: number }[]>();
  header.forEach((h, column) => {
    const match = /^(.*\S)\s+(\d+)$/.exec(h);
    if (!match) return;
    const n = Number(match[2]);
    numbered.set(n, [...(numbered.get(n) ?? []), { base: match[1]!.toLowerCase(), column }]);
  });
  const groups: InteractionGroup[] = [];
  const bases = (numbered.get(0) ?? []).map((c) => c.base);
  const englishRoles = bases.every((b) => b in ROLE_NAMES);
  for (let n = 0; numbered.has(n); n++) {
    const cells = numbered.get(n)!.filter((c) => bases.includes(c.base));
    const columns: Partial<Record<Role, number>> = {};
    cells.forEach((c, i) => {
      const role = englishRoles ? ROLE_NAMES[c.base] : bases.length === 4 ? ROLE_ORDER[i] : undefined;
      if (role) columns[role] = c.column;
    });
    if (columns.id === undefined) break;
    groups.push({ n, columns, first: Math.min(...cells.map((c) => c.column)), last: Math.max(...cells.map((c) => c.column)) });
  }
  const attempt = find(/^attempt$/i);
  const score = find(/^score$/i);
  const layout = {
    width: header.length,
    name: find(/^(name|full ?name|first name \/ (last name|surname))$/i) ?? 0,
    email: find(/e-?mail/i),
    attempt,
    score,
  };
  if (groups.length > 0) return { ok: true, layout: { kind: 'moodle-interactions', groups, ...layout } };
  if (attempt !== undefined && score !== undefined) return { ok: true, layout: { kind: 'moodle-basic', groups: [], ...layout } };
  if (numbered.has(1) && [...numbered.values()].some((cells) => cells.some((c) => c.base === 'response'))) {
    return {
      ok: false,
      description:
        'a report with "Response N" columns but no "Question N" columns (a Moodle quiz report, or an Interactions report downloaded without the question column)',
    };
  }
  return { ok: false, description: `a table whose columns are ${describeHeader(header)}` };
}

function describeHeader(header: string[]): string {
  const shown = header.slice(0, 6).map((h) => `"${quoted(h, 40)}"`);
  return shown.join(', ') + (header.length > 6 ? `, … (${header.length} columns)` : '');
}

/** What a row says, or why it cannot be read. */
export type RowReading = { ok: true; attempt: RawAttempt } | { ok: false; problem: 'shifted' | 'cut'; column: number; detail: string };

/** Result values SCORM allows (1.2 and 2004); anything else in a Result column means the row's values are shifted. */
const RESULT = /^(correct|wrong|incorrect|unanticipated|neutral|-?\d+(\.\d+)?)?$/i;

export function readMoodleRow(layout: MoodleLayout, cells: string[], place: RecordPlace): RowReading {
  if (cells.length > layout.width) {
    return {
      ok: false,
      problem: 'shifted',
      column: layout.width + 1,
      detail: `the row has ${cells.length} values for ${layout.width} columns`,
    };
  }
  const cell = (i: number | undefined) => (i === undefined ? '' : (cells[i] ?? '').trim());
  const name = cell(layout.name);
  const email = cell(layout.email);
  const attemptText = cell(layout.attempt);
  const scoreText = cell(layout.score);
  const interactions: RawInteraction[] = [];
  for (const group of layout.groups) {
    const id = cell(group.columns.id);
    if (id === '' || id === '-') continue;
    if (cells.length <= group.last) {
      return { ok: false, problem: 'cut', column: cells.length + 1, detail: `it ends inside the columns of interaction ${group.n}` };
    }
    const result = cell(group.columns.result);
    if (/\s/.test(id) || !RESULT.test(result)) {
      const column = /\s/.test(id) ? group.columns.id! : group.columns.result!;
      return {
        ok: false,
        problem: 'shifted',
        column: column + 1,
        detail: `column ${column + 1} ("${quoted(cells[column] ?? '', 30)}") is not what interaction ${group.n} should hold there`,
      };
    }
    interactions.push({
      id,
      response: group.columns.response === undefined ? '' : (cells[group.columns.response] ?? ''),
      result: result === '' ? undefined : result,
      ...(group.columns.right === undefined ? {} : { rightAnswer: cells[group.columns.right] ?? '' }),
      column: group.first + 1,
    });
  }
  const given = (text: string) => text !== '' && text !== '-';
  const attempted = layout.attempt === undefined ? interactions.length > 0 || given(scoreText) : given(attemptText);
  const attemptNumber = Number(attemptText);
  return {
    ok: true,
    attempt: {
      place,
      learner: { key: (email || name).toLowerCase(), ...(name ? { name } : {}), ...(email ? { email } : {}) },
      lmsAttempt: Number.isInteger(attemptNumber) && attemptNumber > 0 ? attemptNumber : undefined,
      score: parseScore(scoreText),
      attempted,
      notation: 'scorm',
      interactions,
    },
  };
}

/** "58.33", "58,33" (a comma locale) or "-". */
function parseScore(text: string): number | undefined {
  const normal = /^\d+,\d+$/.test(text) ? text.replace(',', '.') : text;
  const n = Number(normal);
  return normal !== '' && Number.isFinite(n) ? n : undefined;
}
