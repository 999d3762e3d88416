/**
 * The workshop results sheet that `coursekit handout` writes, filled in as a facilitator
 * would, feeds the same analysis as an LMS export: each letter is read as the option it
 * stood for on the participant's form, whichever form they took.
 */
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CourseModule } from '../../src/model/course.js';
import { checkModules } from '../../src/pipeline/check.js';
import { runtimeAssessmentOf, type RuntimeAssessment } from '../../src/render/view-model.js';
import { analyseExports } from '../../src/results/index.js';
import { letter } from '../../src/shared/paper-form.js';
import { sheetColumns, sheetEntry, type FormName } from '../../src/shared/paper-sheet.js';
import type { PaperQuestion } from '../../src/shared/paper-form.js';
import { runCli } from '../authoring/cli.js';
import { copyProject } from '../helpers/projects.js';

let dir: string;
let module: CourseModule;
let course: RuntimeAssessment;
let template: string;
let forms: Record<FormName, PaperQuestion[]>;

beforeAll(async () => {
  dir = await copyProject('workshop');
  const checked = await checkModules({ cwd: dir, modulesDir: path.join(dir, 'modules'), translations: false });
  module = checked.modules[0]!;
  course = runtimeAssessmentOf(module);
  expect((await runCli(['handout', 'workshop-course', '--no-pdf', '--seed', '2026'], dir)).code).toBe(0);
  template = await readFile(path.join(dir, 'dist', 'handouts', 'workshop-course', 'results-sheet.csv'), 'utf8');
  const { drawForms } = await import('../../src/handout/forms.js');
  const pair = drawForms(course, 2026);
  forms = { A: pair.A.questions, B: pair.B.questions };
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/** A participant's row: every question answered right, except those given another cell; `formCell` as typed. */
function row(name: string, form: FormName, cells: Record<number, string> = {}, formCell: string = form): string {
  const columns = sheetColumns(course, forms);
  const answers = columns.map((column, i) => {
    if (i in cells) return cells[i]!;
    const { id } = column.forms[form];
    const paper = forms[form].find((q) => q.id === id)!;
    return sheetEntry(course.questions[id]!, paper, course.questions[id]!.correct);
  });
  return [name, `${name.toLowerCase()}@example.org`, 'Ministry of Labour', formCell, ...answers].map((c) => `"${c}"`).join(',');
}

async function analyse(name: string, content: string) {
  await writeFile(path.join(dir, name), content);
  return analyseExports({ cwd: dir, module, inputs: [name] });
}

describe('the workshop results sheet', () => {
  it('is recognised from its first row and read for both forms, each letter as its form printed it', async () => {
    const columns = sheetColumns(course, forms);
    // Column 0 is the first question of paragraph 74: Bo ticks a wrong option there.
    const first = columns[0]!;
    const paperB = forms.B.find((q) => q.id === first.forms.B.id)!;
    const question = course.questions[first.forms.B.id]!;
    const wrongB =
      question.type === 'fillIn'
        ? 'migration'
        : question.type === 'ordering' || question.type === 'matching'
          ? '0'
          : letter(paperB.lettered.findIndex((id) => !question.correct.includes(id)));
    const sheet = `${template}${[
      row('Ana', 'A'),
      row('Bo', 'B', { 0: wrongB }),
      row('Cy', 'A', { 1: '0', 2: '' }, 'a'),
      '"Di","di@example.org","","","","","","","","","","",""',
    ].join('\r\n')}\r\n`;
    const outcome = await analyse('sheet.csv', sheet);
    expect(outcome.diagnostics).toEqual([]);
    expect(outcome.files[0]!.format).toBe('paper-sheet');
    const a = outcome.analysis!;
    expect(a.learners).toBe(3);
    expect(a.notAttempted).toBe(1);
    expect(a.attempts).toBe(3);
    const scores = Object.fromEntries(a.learnerResults.map((l) => [l.id, l.lastScore]));
    expect(Object.values(scores).sort()).toEqual([100, 77.78, 88.89].sort());
    // Bo's wrong answer is counted against the question form B printed in that column.
    const figures = a.questions.find((q) => q.id === first.forms.B.id)!;
    expect(figures.responses - figures.correct).toBeGreaterThanOrEqual(1);
    if (question.type === 'single' || question.type === 'multiple' || question.type === 'trueFalse') {
      const wrongId = paperB.lettered[wrongB.charCodeAt(0) - 65]!;
      expect(figures.options.find((o) => o.id === wrongId)!.chosen).toBeGreaterThanOrEqual(1);
    }
  });

  it('reads the sheet a spreadsheet saved again, semicolon-separated and without the byte order mark', async () => {
    const resaved = `${template.replace(/^\uFEFF/, '').replace(/,/g, ';')}${row('Ana', 'A').replace(/","/g, '";"')}\r\n`;
    const outcome = await analyse('resaved.csv', resaved);
    expect(outcome.diagnostics).toEqual([]);
    expect(outcome.analysis!.learnerResults[0]!.lastScore).toBe(100);
  });

  it('skips a row without a form, and counts a response no option fits as not understood', async () => {
    const outcome = await analyse('mistakes.csv', `${template}${row('Ana', 'A', {}, '')}\r\n${row('Bo', 'B', { 0: 'Z' })}\r\n`);
    const codes = outcome.diagnostics.map((d) => d.code);
    expect(codes).toContain('results-row-skipped');
    expect(outcome.diagnostics.find((d) => d.code === 'results-row-skipped')!.message).toContain('write A or B');
    if (course.questions[sheetColumns(course, forms)[0]!.forms.B.id]!.type !== 'fillIn')
      expect(codes).toContain('results-response-unreadable');
    expect(outcome.analysis!.attempts).toBe(1);
  });

  it('skips the sheet of another module version, and one whose first row was changed', async () => {
    const other = await analyse('other.csv', `${template.replace(',1.2.0,', ',1.1.0,')}${row('Ana', 'A')}\r\n`);
    expect(other.diagnostics.map((d) => d.code)).toEqual(['results-wrong-module', 'results-nothing-analysed']);
    expect(other.diagnostics[0]!.message).toContain('version 1.1.0 of `workshop-course`');
    const changed = await analyse('changed.csv', `${template.replace(/A=\d+/, 'A=')}${row('Ana', 'A')}\r\n`);
    expect(changed.diagnostics[0]!.code).toBe('results-format-unknown');
    expect(changed.diagnostics[0]!.message).toContain('whose first row was changed');
  });
});
