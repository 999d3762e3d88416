/**
 * Bad exports, as trainers will hand them over: each gives a clear error or a counted warning
 * naming the file (and the row), never a stack trace, and a non-zero exit only when nothing
 * could be analysed. The broken files are made here from the real Moodle downloads, so each
 * differs from a real export by exactly its mistake. The exact text is snapshotted.
 */
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ResultsDocument } from '../../src/results/report.js';
import { COHORT_DIR, runResults, scratchDir, type Scratch } from '../helpers/results.js';

let scratch: Scratch;
let csv: string;
let lines: string[];

beforeAll(async () => {
  scratch = await scratchDir();
  csv = await readFile(path.join(COHORT_DIR, 'interactions.csv'), 'utf8');
  lines = csv.split('\n');
});
afterAll(async () => {
  await scratch?.cleanup();
});

/** Writes a file into the scratch folder (the command runs there, so messages show its name). */
async function put(name: string, content: string | Uint8Array): Promise<string> {
  const file = path.join(scratch.dir, name);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, content);
  return name;
}

async function run(...args: string[]) {
  const result = await runResults(args, scratch.dir);
  expect(result.stderr).not.toMatch(/\n\s+at .*\(.*:\d+:\d+\)/); // no stack trace
  return result;
}

async function json(...args: string[]): Promise<ResultsDocument> {
  const result = await run(...args, '--json', '--format', 'json');
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout) as ResultsDocument;
}

describe('exports that cannot be analysed at all: an error naming the file, exit 1', () => {
  it.each([
    ['an empty file', 'empty.csv', () => ''],
    ['a header without rows', 'header-only.csv', () => `${lines[0]}\n`],
    ['an old-style Excel file', 'old.xls', () => new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0])],
    [
      'a Moodle quiz report',
      'quiz-responses.csv',
      () =>
        'Surname\tFirst name\tEmail address\tState\tGrade/10.00\tResponse 1\tResponse 2\nDoe\tJane\tj@example.invalid\tFinished\t7.00\tTrue\tFalse\n',
    ],
    ['an Excel download cut off', 'cut.xlsx', async () => (await readFile(path.join(COHORT_DIR, 'interactions.xlsx'))).subarray(0, 6000)],
    [
      'a results file cut off',
      'cut-download.json',
      () => '{"format": "coursekit-results", "formatVersion": 1, "module": {"id": "migration-hu',
    ],
    ['the Interactions report of another activity', 'other-activity.csv', () => csv.replace(/\tq(7\d)_([a-z_]+)_1\t/g, '\tunit$1_$2_1\t')],
  ])('%s', async (_case, name, make) => {
    await put(name, await make());
    const result = await run(name);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(name);
    expect(result.stderr).toContain('results-nothing-analysed');
    expect(result.stderr).toMatchSnapshot();
  });

  it('names a few of the ids when nothing in the export belongs to the module', async () => {
    await put('other-activity.csv', csv.replace(/\tq(7\d)_([a-z_]+)_1\t/g, '\tunit$1_$2_1\t'));
    const result = await run('other-activity.csv');
    expect(result.stderr).toMatch(
      /none of the 228 interactions in other-activity\.csv belongs to module `migration-human-rights` 1\.0\.0: unit\d\d_[a-z_]+_1 \(\d+\), unit/,
    );
  });

  it('refuses a SCORM package given as an export, saying what it is', async () => {
    const { zipSync } = await import('fflate');
    await put('package.zip', zipSync({ 'imsmanifest.xml': new TextEncoder().encode('<manifest/>') }));
    const result = await run('package.zip');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('package.zip is a SCORM package (it has an imsmanifest.xml), not a results export coursekit reads.');
  });

  it('reports a missing file and a module that does not exist, without a stack trace', async () => {
    expect((await run('nowhere.csv')).stderr).toContain('cannot read nowhere.csv: there is no such file or folder.');
    const missing = await runResults([], scratch.dir);
    expect(missing.code).toBe(2);
  });
});

describe('problems in part of an export: a counted warning naming the file and rows; the rest is analysed', () => {
  it('reads a spreadsheet renamed to .csv as the spreadsheet it is', async () => {
    await copyFile(path.join(COHORT_DIR, 'interactions.xlsx'), path.join(scratch.dir, 'renamed.csv'));
    const document = await json('renamed.csv');
    expect(document.inputs).toEqual([{ file: 'renamed.csv', format: 'moodle-interactions', container: 'xlsx', records: 21 }]);
    expect(document).toMatchObject({ learners: 19, attempts: 19, warnings: [] });
  });

  it('counts duplicated rows once, naming them', async () => {
    await put('duplicated.csv', `${csv.trimEnd()}\n${lines[3]}\n${lines[5]}\n`);
    const document = await json('duplicated.csv');
    expect(document).toMatchObject({ learners: 19, attempts: 19 });
    expect(document.warnings.map((w) => [w.code, w.severity, w.file, w.line, w.message])).toEqual([
      [
        'results-duplicate',
        'warning',
        'duplicated.csv',
        23,
        "2 duplicated attempts skipped (rows 23, 24): the same learner's attempt was already read from duplicated.csv row 4.",
      ],
    ]);
  });

  it('reads a response that holds the delimiter inside quotes, and skips a row where it shifts the values', async () => {
    // Learner 05's fill-in answer "civil society" becomes "civil<TAB>society": quoted in one file, bare in the other.
    const row = lines[1]!;
    expect(row).toContain('"civil society"\t"civil society,civil-society"');
    const quoted = csv.replace(
      row,
      row.replace('"civil society"\t"civil society,civil-society"', '"civil\tsociety"\t"civil society,civil-society"'),
    );
    const shifted = csv.replace(
      row,
      row.replace('"civil society"\t"civil society,civil-society"', 'civil\tsociety\t"civil society,civil-society"'),
    );
    await put('quoted-tab.csv', quoted);
    await put('bare-tab.csv', shifted);

    const fine = await json('quoted-tab.csv');
    expect(fine.warnings).toEqual([]);
    expect(fine.attempts).toBe(19);
    // The typed answer keeps its tab; the LMS marked it right, and the report says so.
    expect(fine.questions.find((q) => q.id === 'q75-civil-society')!.correct).toBe(4);

    const skipped = await json('bare-tab.csv');
    expect(skipped.attempts).toBe(18);
    expect(skipped.warnings.map((w) => [w.code, w.file, w.line])).toEqual([['results-row-skipped', 'bare-tab.csv', 2]]);
    expect(skipped.warnings[0]!.message).toBe(
      "1 row skipped (row 2): the row has 56 values for 55 columns. A response that holds the file's delimiter without quotes shifts the values of its row.",
    );
  });

  it('analyses the rows before the point where a file is cut off', async () => {
    const cut = csv.slice(0, csv.indexOf(lines[6]!) + 400);
    await put('cut.csv', cut);
    const document = await json('cut.csv');
    expect(document.attempts).toBe(5);
    expect(document.warnings.map((w) => [w.code, w.file, w.line])).toEqual([['results-truncated', 'cut.csv', 7]]);
    expect(document.warnings[0]!.message).toMatch(
      /^cut\.csv is cut off in row 7 \(it ends inside the columns of interaction \d+\): the rows before it are analysed, this one is not\.$/,
    );
  });

  it('says why a SCORM 2004 Interactions report has no answers, and analyses its scores', async () => {
    // What Moodle writes for a 2004 package: one empty "Question 0" group for every learner.
    const header = lines[0]!.split('\t').slice(0, 11).join('\t');
    const rows = lines
      .slice(1)
      .filter(Boolean)
      .map((line) => [...line.split('\t').slice(0, 7), '', '', '', ''].join('\t'));
    await put('scorm2004-interactions.csv', `${[header, ...rows].join('\n')}\n`);
    const result = await run('scorm2004-interactions.csv');
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('results-no-interactions');
    expect(result.stderr).toContain(
      "This is what Moodle's Interactions report shows for a SCORM 2004 package: it lists SCORM 1.2 interactions only",
    );
    expect(result.stderr).toContain('give learners the SCORM 1.2 package (<module-id>-scorm12.zip)');
    expect(result.stdout).toContain('No answers to analyse by recommendation: the exports hold scores only.');
    const document = await json('scorm2004-interactions.csv');
    expect(document).toMatchObject({ attempts: 19, attemptsWithResponses: 0 });
  });

  it('lists interactions of removed questions with their count, and analyses the others', async () => {
    await put('removed-question.csv', csv.replaceAll('q74_overshadow_1', 'q74_removed_question_1'));
    const document = await json('removed-question.csv');
    expect(document.unknownInteractions).toEqual([{ id: 'q74_removed_question_1', count: 5 }]);
    expect(document.questions.find((q) => q.id === 'q74-overshadow')!.responses).toBe(0);
    expect(document.warnings.map((w) => w.code)).toEqual(['results-unknown-interactions']);
    expect(document.warnings[0]!.message).toBe(
      '5 of the 228 interactions in removed-question.csv are not questions of `migration-human-rights` 1.0.0: q74_removed_question_1 (5). They are listed in the report and left out of the figures.',
    );
  });

  it('quotes what an export holds without letting it drive the terminal', async () => {
    await put('escape.csv', csv.replaceAll('q74_overshadow_1', 'q74_\u001b[2Jgone_1'));
    const result = await run('escape.csv');
    expect(result.code).toBe(0);
    expect(result.stderr).not.toContain('\u001b[2J');
    expect(result.stderr).toContain('q74_\\u001b[2Jgone_1 (5)');
    // A row shown in a code frame too.
    await put('escape-duplicate.csv', `${csv.trimEnd()}\n${lines[3]!.replace('Learner 07', 'Learner\u001b[2J07')}\n${lines[3]}\n`);
    const framed = await run('escape-duplicate.csv');
    expect(framed.stderr).toContain('results-duplicate');
    expect(framed.stderr).not.toContain('\u001b');
  });

  it('analyses the good files when one of several cannot be read', async () => {
    await put('mixed/broken.csv', '');
    await copyFile(path.join(COHORT_DIR, 'interactions.csv'), path.join(scratch.dir, 'mixed', 'interactions.csv'));
    const result = await run('mixed', '--json');
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('mixed/broken.csv is empty (0 bytes).');
    expect((JSON.parse(result.stdout) as ResultsDocument).attempts).toBe(19);
  });
});
