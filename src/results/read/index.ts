/**
 * Reading exports: which files (a folder counts as every file in it), what each file is
 * (from its content, never its name), and its records, handed one by one to the caller so a
 * large export is never held in memory whole.
 */
import { open, readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { toDisplayPath } from '../../load/index.js';
import type { RuntimeAssessment } from '../../render/view-model.js';
import type { Problems } from '../problems.js';
import type { Container, ExportFormat, RawAttempt, RecordPlace } from '../records.js';
import { readDelimitedFile, utf16Encoding, type DelimitedEnd } from './delimited.js';
import { readJsonExport } from './json-exports.js';
import { readMoodleRow, recogniseMoodleReport, type MoodleLayout } from './moodle.js';
import { isPaperSheet, readPaperRow, readPaperSheetMarker, recognisePaperSheet, type PaperSheetLayout } from './paper-sheet.js';
import { isZip, openSpreadsheetZip, readOdsSheet, readXlsxSheet, SheetError, type SheetRow } from './spreadsheet.js';

export interface ExportFile {
  path: string;
  /** As shown to the user: relative to the working directory. */
  display: string;
}

export interface FileReading {
  file: string;
  format: ExportFormat | undefined;
  container: Container | undefined;
  /** Records handed on (attempts, and learners listed without one). */
  records: number;
}

export interface ReadContext {
  problems: Problems;
  /** The module analysed: a coursekit results file or results sheet made with another is skipped. */
  module: { id: string; version: string };
  /** Its assessment as the runtime draws it: a workshop results sheet's forms are drawn again from their seeds. */
  course: RuntimeAssessment;
  onRecord(record: RawAttempt): void;
  onBytes(bytes: Uint8Array): void;
}

const FORMATS_HINT =
  'coursekit reads Moodle\'s SCORM Interactions and Basic reports (CSV, Excel or OpenDocument download), the files of the web package\'s "Download my results", CMI interaction dumps (JSON) and the workshop results sheet of coursekit handout; see docs/results.md.';
/** JSON inputs are parsed whole; beyond this size, use a streamed format. */
const JSON_LIMIT = 256 * 1024 * 1024;

/** The files behind the paths given: a folder means every file in it and its subfolders, hidden files aside. */
export async function listExportFiles(inputs: string[], cwd: string, problems: Problems): Promise<ExportFile[]> {
  const files: ExportFile[] = [];
  const add = (p: string) => files.push({ path: p, display: toDisplayPath(cwd, p) });
  for (const input of inputs) {
    const absolute = path.resolve(cwd, input);
    const info = await stat(absolute).catch(() => undefined);
    if (!info) {
      problems.report(
        'file-unreadable',
        { file: toDisplayPath(cwd, absolute) },
        `cannot read ${input}: there is no such file or folder.`,
        'Check the path of the export.',
      );
    } else if (info.isDirectory()) {
      for (const file of await filesIn(absolute)) add(file);
    } else {
      add(absolute);
    }
  }
  return files;
}

async function filesIn(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true });
  const found: string[] = [];
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    if (entry.name.startsWith('.')) continue;
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) found.push(...(await filesIn(full)));
    else if (entry.isFile()) found.push(full);
  }
  return found;
}

export async function readExportFile(file: ExportFile, context: ReadContext): Promise<FileReading> {
  const { problems } = context;
  const reading: FileReading = { file: file.display, format: undefined, container: undefined, records: 0 };
  const unknown = (what: string, hint = FORMATS_HINT) => {
    problems.report(
      'results-format-unknown',
      { file: file.display },
      `${file.display} is ${what}, not a results export coursekit reads.`,
      hint,
    );
    return reading;
  };
  let head: Uint8Array;
  let size: number;
  try {
    const handle = await open(file.path, 'r');
    try {
      size = (await handle.stat()).size;
      const buffer = new Uint8Array(4096);
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
      head = buffer.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
  } catch (error) {
    problems.report('file-unreadable', { file: file.display }, `cannot read ${file.display}: ${(error as Error).message}`);
    return reading;
  }
  if (size === 0) {
    problems.report('results-empty', { file: file.display }, `${file.display} is empty (0 bytes).`);
    return reading;
  }
  if (isZip(head)) return readZipFile(file, reading, context, unknown);
  if (head[0] === 0xd0 && head[1] === 0xcf && head[2] === 0x11 && head[3] === 0xe0) {
    return unknown(
      'an old-style Office file (.xls)',
      'Download the report again as "Excel" (.xlsx), "OpenDocument" or "CSV", or save it as .xlsx.',
    );
  }
  if (head[0] === 0x25 && head[1] === 0x50 && head[2] === 0x44 && head[3] === 0x46) return unknown('a PDF document');
  if (!utf16Encoding(head) && head.includes(0)) return unknown('a binary file');
  const start = new TextDecoder(utf16Encoding(head) ?? 'utf-8')
    .decode(head)
    .replace(/^\uFEFF/, '')
    .trimStart();
  if (start.startsWith('{') || start.startsWith('[')) return readJsonFile(file, size, reading, context, unknown);
  return readTextReport(file, reading, context, unknown);
}

async function readZipFile(
  file: ExportFile,
  reading: FileReading,
  context: ReadContext,
  unknown: (what: string, hint?: string) => FileReading,
): Promise<FileReading> {
  const bytes = new Uint8Array(await readFile(file.path));
  context.onBytes(bytes);
  const opened = openSpreadsheetZip(bytes);
  if ('error' in opened) {
    context.problems.report(
      'results-unreadable',
      { file: file.display },
      `${file.display} is a zip file (an Excel or OpenDocument spreadsheet, perhaps) that cannot be opened: ${opened.error}. The file may be cut off or damaged.`,
    );
    return reading;
  }
  if (opened.kind === 'other') {
    if (opened.names.includes('imsmanifest.xml'))
      return unknown(
        'a SCORM package (it has an imsmanifest.xml)',
        `Upload the package to your LMS; give coursekit results the reports the LMS makes of it. ${FORMATS_HINT}`,
      );
    return unknown('a zip file that is neither an Excel nor an OpenDocument spreadsheet');
  }
  reading.container = opened.kind;
  const sheet = opened.kind === 'xlsx' ? readXlsxSheet(opened.files) : readOdsSheet(opened.files);
  if (!sheet.ok) {
    context.problems.report(
      'results-unreadable',
      { file: file.display },
      `${file.display} is ${opened.kind === 'xlsx' ? 'an Excel' : 'an OpenDocument'} file whose sheet cannot be read: ${sheet.reason}.`,
    );
    return reading;
  }
  const rows = new ReportRows(file.display, reading, context, false);
  try {
    for (const row of sheet.rows) if (!rows.push(row.cells, row)) return reading;
  } catch (error) {
    if (!(error instanceof SheetError)) throw error;
    rows.finish(undefined);
    context.problems.report(
      'results-unreadable',
      { file: file.display },
      `${file.display} is ${opened.kind === 'xlsx' ? 'an Excel' : 'an OpenDocument'} file whose sheet stops being readable after ${reading.records} row(s): ${error.message}. The rows before are analysed.`,
    );
    return reading;
  }
  rows.finish(undefined);
  return reading;
}

async function readJsonFile(
  file: ExportFile,
  size: number,
  reading: FileReading,
  context: ReadContext,
  unknown: (what: string) => FileReading,
): Promise<FileReading> {
  if (size > JSON_LIMIT) return unknown(`a JSON file larger than ${JSON_LIMIT / 1024 / 1024} MB`);
  const bytes = new Uint8Array(await readFile(file.path));
  context.onBytes(bytes);
  reading.container = 'json';
  let data: unknown;
  try {
    data = JSON.parse(new TextDecoder(utf16Encoding(bytes) ?? 'utf-8').decode(bytes));
  } catch (error) {
    const reason = (error as Error).message;
    const cutOff = /end of (json )?input|unterminated/i.test(reason);
    context.problems.report(
      'results-unreadable',
      { file: file.display },
      `${file.display} starts as JSON but ${cutOff ? 'is cut off before its end' : 'is not valid JSON'} (${reason}); nothing was read from it.`,
    );
    return reading;
  }
  const fileKey = `file:${path.basename(file.path)}:${size}`;
  const result = readJsonExport(data, file.display, fileKey, context.problems);
  if (!result.ok) {
    context.problems.report(
      'results-format-unknown',
      { file: file.display, ...(result.pointer ? { pointer: result.pointer } : {}) },
      `${file.display} is ${result.description}.`,
      FORMATS_HINT,
    );
    return reading;
  }
  reading.format = result.format;
  if (result.format === 'coursekit-download') {
    const expected = context.module;
    if (result.module.id !== expected.id || result.module.version !== expected.version) {
      const other =
        result.module.id !== expected.id ? `module \`${result.module.id}\`` : `version ${result.module.version} of \`${expected.id}\``;
      context.problems.report(
        'results-wrong-module',
        { file: file.display, pointer: '/module' },
        `${file.display} holds results of ${other}; this analysis is of \`${expected.id}\` ${expected.version}. The file is skipped.`,
      );
      return reading;
    }
  }
  if (result.attempts.length === 0) {
    context.problems.report(
      'results-empty',
      { file: file.display },
      `${file.display} is a ${result.format === 'cmi-dump' ? 'CMI dump' : 'results file'} without any learner.`,
    );
    return reading;
  }
  for (const attempt of result.attempts) {
    context.onRecord(attempt);
    reading.records++;
  }
  return reading;
}

async function readTextReport(
  file: ExportFile,
  reading: FileReading,
  context: ReadContext,
  unknown: (what: string) => FileReading,
): Promise<FileReading> {
  reading.container = 'text';
  let end: DelimitedEnd | undefined;
  const rows = new ReportRows(file.display, reading, context, true);
  for await (const batch of readDelimitedFile(file.path, context.onBytes, (info) => (end = info))) {
    for (const row of batch) if (!rows.push(row.cells, row)) return reading;
  }
  if (end && end.replacedCharacters > 0) {
    context.problems.report(
      'results-encoding',
      { file: file.display },
      `${file.display} is not UTF-8 text: ${end.replacedCharacters} character(s) could not be read and show as "\uFFFD" (names or typed answers may look wrong).`,
    );
  }
  if (rows.header === undefined) return unknown('text without any row');
  rows.finish(end);
  return reading;
}

/**
 * A report's rows: the header decides the format; each row becomes a record. The last row is
 * held back until the end of the file, because a row cut short at the very end means the file
 * itself is cut off.
 */
class ReportRows {
  header: string[] | undefined;
  private layout: MoodleLayout | PaperSheetLayout | undefined;
  /** A workshop results sheet names its module and forms in a row above its header. */
  private sheetMarker: ReturnType<typeof readPaperSheetMarker> | undefined;
  private pending: { cells: string[]; place: RecordPlace } | undefined;
  private attempted = 0;
  private withInteractions = 0;

  constructor(
    private readonly file: string,
    private readonly reading: FileReading,
    private readonly context: ReadContext,
    private readonly textLines: boolean,
  ) {}

  /** False when the file is not a report coursekit reads (reported; stop reading). */
  push(cells: string[], at: SheetRow | { row: number; line: number }): boolean {
    if (!this.header && !this.sheetMarker && isPaperSheet(cells)) return this.readSheetMarker(cells);
    if (!this.header && this.sheetMarker?.ok) {
      this.header = cells;
      const recognised = recognisePaperSheet(this.sheetMarker.marker, cells, this.context.course);
      if (!recognised.ok) return this.notAReport(recognised.description);
      this.layout = recognised.layout;
      this.reading.format = 'paper-sheet';
      return true;
    }
    if (!this.header) {
      this.header = cells;
      const recognised = recogniseMoodleReport(cells);
      if (!recognised.ok) return this.notAReport(recognised.description);
      this.layout = recognised.layout;
      this.reading.format = recognised.layout.kind;
      return true;
    }
    if (this.pending) this.interpret(this.pending.cells, this.pending.place, false);
    this.pending = { cells, place: { file: this.file, row: at.row, ...('line' in at && this.textLines ? { line: at.line } : {}) } };
    return true;
  }

  finish(end: DelimitedEnd | undefined): void {
    if (!this.layout) return;
    const cutOff = end?.unterminatedQuote === true;
    if (this.pending) this.interpret(this.pending.cells, this.pending.place, cutOff || end?.lastRowUnterminated === true, cutOff);
    const { problems } = this.context;
    if (this.layout.kind === 'paper-sheet') {
      if (this.reading.records === 0)
        problems.report(
          'results-empty',
          { file: this.file },
          `${this.file} is a workshop results sheet without any participant: add one row per participant (name, form A or B, answers).`,
        );
      return;
    }
    if (this.reading.records === 0) {
      problems.report(
        'results-empty',
        { file: this.file },
        `${this.file} has the columns of ${this.layout.kind === 'moodle-basic' ? 'a Basic' : 'an Interactions'} report but no learner rows.`,
      );
    } else if (this.layout.kind === 'moodle-interactions' && this.attempted > 0 && this.withInteractions === 0) {
      problems.report(
        'results-no-interactions',
        { file: this.file },
        `${this.file} lists ${this.attempted} attempt(s) with their scores but not one interaction. This is what Moodle's Interactions report shows for a SCORM 2004 package: it lists SCORM 1.2 interactions only (cmi.interactions_N), while Moodle stores 2004 ones as cmi.interactions.N. Scores are analysed; results by recommendation and question need interactions.`,
      );
    }
  }

  private readSheetMarker(cells: string[]): boolean {
    this.sheetMarker = readPaperSheetMarker(cells);
    if (!this.sheetMarker.ok) return this.notAReport(this.sheetMarker.description);
    const { module } = this.sheetMarker.marker;
    const expected = this.context.module;
    if (module.id !== expected.id || module.version !== expected.version) {
      const other = module.id !== expected.id ? `module \`${module.id}\`` : `version ${module.version} of \`${expected.id}\``;
      this.context.problems.report(
        'results-wrong-module',
        { file: this.file, row: 1 },
        `${this.file} is the workshop results sheet of ${other}; this analysis is of \`${expected.id}\` ${expected.version}. The file is skipped.`,
      );
      return false;
    }
    return true;
  }

  private notAReport(description: string): boolean {
    this.context.problems.report(
      'results-format-unknown',
      { file: this.file },
      `${this.file} is ${description}, not a results export coursekit reads.`,
      FORMATS_HINT,
    );
    return false;
  }

  private interpret(cells: string[], place: RecordPlace, last: boolean, unterminatedQuote = false): void {
    const { problems } = this.context;
    if (this.layout!.kind === 'paper-sheet') {
      this.interpretSheetRow(this.layout as PaperSheetLayout, cells, place, unterminatedQuote);
      return;
    }
    const reading = readMoodleRow(this.layout as MoodleLayout, cells, place);
    if (!reading.ok) {
      if (last && (reading.problem === 'cut' || unterminatedQuote)) {
        problems.report(
          'results-truncated',
          place,
          `${this.file} is cut off in row ${place.row} (${unterminatedQuote ? 'it ends inside a quoted value' : reading.detail}): the rows before it are analysed, this one is not.`,
        );
      } else {
        problems.tally(
          'results-row-skipped',
          place,
          ['row skipped', 'rows skipped'],
          `${reading.detail}. A response that holds the file's delimiter without quotes shifts the values of its row.`,
        );
      }
      return;
    }
    if (unterminatedQuote) {
      this.reportCutOff(place);
      return;
    }
    if (reading.attempt.attempted) {
      this.attempted++;
      if (reading.attempt.interactions.length > 0) this.withInteractions++;
    }
    this.context.onRecord(reading.attempt);
    this.reading.records++;
  }

  /** The last row ends inside a quoted value: the file was cut off there. */
  private reportCutOff(place: RecordPlace): void {
    this.context.problems.report(
      'results-truncated',
      place,
      `${this.file} is cut off in row ${place.row} (it ends inside a quoted value): the rows before it are analysed, this one is not.`,
    );
  }

  private interpretSheetRow(layout: PaperSheetLayout, cells: string[], place: RecordPlace, unterminatedQuote: boolean): void {
    const { problems } = this.context;
    if (unterminatedQuote) {
      this.reportCutOff(place);
      return;
    }
    const reading = readPaperRow(layout, cells, place);
    if (!reading.ok) {
      problems.tally('results-row-skipped', place, ['row skipped', 'rows skipped'], `${reading.detail}.`);
      return;
    }
    if (!reading.attempt) return;
    this.context.onRecord(reading.attempt);
    this.reading.records++;
  }
}
