/**
 * The first sheet of an Excel (.xlsx) or OpenDocument (.ods) file, as rows of text cells.
 * Both are zips of XML: fflate unzips (with a size cap, since a small zip can inflate to
 * gigabytes) and the project's strict XML reader parses (no DTD, so no entity expansion from a
 * file someone mailed), one row at a time: the sheet is never one tree in memory. The zip is
 * read whole; for very large exports the CSV download streams.
 */
import { unzipSync, type Unzipped } from 'fflate';
import { parseXml, type XmlElement, type XmlNode } from '../../load/xml.js';

export interface SheetRow {
  cells: string[];
  /** 1-based row number in the sheet. */
  row: number;
}

export type ZipKind = 'xlsx' | 'ods' | 'other';

/** Rows come one by one; a damaged row throws a SheetError, after the rows before it. */
export type SheetResult = { ok: true; rows: Iterable<SheetRow> } | { ok: false; reason: string };

export class SheetError extends Error {}

/** Largest XML part read from a spreadsheet (uncompressed). */
const PART_LIMIT = 512 * 1024 * 1024;
/** Repeated rows or cells beyond this are empty filler that spreadsheet programs write to the sheet's edge. */
const REPEAT_LIMIT = 1024;

export function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** Opens a zip and tells what it holds, or why it cannot be opened (cut off, damaged, too large). */
export function openSpreadsheetZip(bytes: Uint8Array): { kind: ZipKind; files: Unzipped; names: string[] } | { error: string } {
  const names: string[] = [];
  let tooLarge = '';
  let files: Unzipped;
  try {
    files = unzipSync(bytes, {
      filter(file) {
        names.push(file.name);
        const wanted =
          file.name === 'mimetype' ||
          file.name === 'content.xml' ||
          (file.name.startsWith('xl/') && file.name.endsWith('.xml')) ||
          file.name.endsWith('.rels');
        if (wanted && file.originalSize > PART_LIMIT) tooLarge = file.name;
        return wanted && file.originalSize <= PART_LIMIT;
      },
    });
  } catch (error) {
    return { error: (error as Error).message };
  }
  if (tooLarge) return { error: `its part ${tooLarge} is larger than ${PART_LIMIT / 1024 / 1024} MB once unpacked` };
  const mimetype = files.mimetype ? new TextDecoder().decode(files.mimetype).trim() : '';
  const kind: ZipKind = files['xl/workbook.xml'] ? 'xlsx' : mimetype === 'application/vnd.oasis.opendocument.spreadsheet' ? 'ods' : 'other';
  return { kind, files, names };
}

/** A part's text; a DTD is refused (it could define entities that expand without end). */
function partText(files: Unzipped, name: string): string {
  const bytes = files[name];
  if (!bytes) throw new SheetError(`it has no ${name}`);
  const text = new TextDecoder().decode(bytes);
  if (/<!DOCTYPE/i.test(text)) throw new SheetError(`its ${name} declares a DTD, which coursekit does not read`);
  return text;
}

function parsePart(files: Unzipped, name: string): XmlElement {
  const parsed = parseXml(partText(files, name));
  if (!parsed.ok) throw new SheetError(`its ${name} is not well-formed XML (line ${parsed.error.line}: ${parsed.error.message})`);
  return parsed.root;
}

/**
 * Each <name …>…</name> (or <name …/>) element in `xml`, parsed on its own. The formats never
 * nest an element in one of its own name (a row in a row, a string in a string).
 */
function* elements(xml: string, name: string, from = 0, to = xml.length): Generator<XmlElement> {
  const open = `<${name}`;
  const close = `</${name}>`;
  for (let at = xml.indexOf(open, from); at >= 0 && at < to; at = xml.indexOf(open, at + 1)) {
    // "<row" must not match "<rowBreaks".
    if (!/[\s/>]/.test(xml.charAt(at + open.length))) continue;
    const tagEnd = startTagEnd(xml, at);
    const closeAt = tagEnd < 0 || xml.charCodeAt(tagEnd - 2) === 47 ? tagEnd : xml.indexOf(close, tagEnd);
    if (closeAt < 0) throw new SheetError(`a <${name}> element is not closed`);
    const end = closeAt === tagEnd ? tagEnd : closeAt + close.length;
    const parsed = parseXml(xml.slice(at, end));
    if (!parsed.ok) throw new SheetError(`a <${name}> element is not well-formed XML (${parsed.error.message})`);
    yield parsed.root;
    at = end - 1;
  }
}

/** The index just after the ">" ending the start tag at `at` (a ">" inside a quoted attribute value does not end it); -1 if none. */
function startTagEnd(xml: string, at: number): number {
  let quote = '';
  for (let i = at + 1; i < xml.length; i++) {
    const ch = xml.charAt(i);
    if (quote) {
      if (ch === quote) quote = '';
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '>') return i + 1;
  }
  return -1;
}

const children = (element: XmlElement, name: string): XmlElement[] =>
  element.children.filter((c): c is XmlElement => c.kind === 'element' && c.name === name);
const child = (element: XmlElement, name: string): XmlElement | undefined => children(element, name)[0];

function text(node: XmlNode): string {
  if (node.kind === 'text') return node.text;
  return node.children.map(text).join('');
}

/** Runs `read`, turning a SheetError into the reason the sheet cannot be read. */
function attempt(read: () => Iterable<SheetRow>): SheetResult {
  try {
    return { ok: true, rows: read() };
  } catch (error) {
    if (error instanceof SheetError) return { ok: false, reason: error.message };
    throw error;
  }
}

// ---- Excel ----

export function readXlsxSheet(files: Unzipped): SheetResult {
  return attempt(() => {
    const workbook = parsePart(files, 'xl/workbook.xml');
    const sheet = partText(files, firstSheetPath(files, workbook));
    // A shared string is its <t>, or the <t> of each rich-text run <r>; phonetic hints (<rPh>) are not text.
    const shared = files['xl/sharedStrings.xml']
      ? Array.from(elements(partText(files, 'xl/sharedStrings.xml'), 'si'), (si) =>
          si.children
            .filter((c): c is XmlElement => c.kind === 'element' && (c.name === 't' || c.name === 'r'))
            .map((c) => (c.name === 't' ? text(c) : text(child(c, 't') ?? c)))
            .join(''),
        )
      : [];
    return xlsxRows(sheet, shared);
  });
}

function* xlsxRows(sheet: string, shared: string[]): Generator<SheetRow> {
  let rowNumber = 0;
  for (const row of elements(sheet, 'row')) {
    rowNumber = Number(row.attributes.get('r') ?? rowNumber + 1);
    const cells: string[] = [];
    let column = 0;
    for (const cell of children(row, 'c')) {
      const ref = cell.attributes.get('r');
      if (ref) column = columnIndex(ref);
      cells[column] = xlsxValue(cell, shared);
      column++;
    }
    yield { cells: Array.from(cells, (c) => c ?? ''), row: rowNumber };
  }
}

function firstSheetPath(files: Unzipped, workbook: XmlElement): string {
  const sheets = child(workbook, 'sheets');
  const first = sheets && child(sheets, 'sheet');
  const id = first?.attributes.get('r:id');
  const rels = files['xl/_rels/workbook.xml.rels'] && parseXml(new TextDecoder().decode(files['xl/_rels/workbook.xml.rels']));
  if (id && rels?.ok) {
    const target = children(rels.root, 'Relationship')
      .find((r) => r.attributes.get('Id') === id)
      ?.attributes.get('Target');
    if (target) return target.startsWith('/') ? target.slice(1) : `xl/${target}`;
  }
  return 'xl/worksheets/sheet1.xml';
}

/** "BC12" → 54 (0-based column). */
function columnIndex(ref: string): number {
  let n = 0;
  for (const ch of ref) {
    const code = ch.charCodeAt(0);
    if (code < 65 || code > 90) break;
    n = n * 26 + (code - 64);
  }
  return n - 1;
}

function xlsxValue(cell: XmlElement, shared: string[]): string {
  const type = cell.attributes.get('t');
  const v = child(cell, 'v');
  const raw = v ? text(v) : '';
  switch (type) {
    case 's':
      return shared[Number(raw)] ?? '';
    case 'inlineStr': {
      const is = child(cell, 'is');
      return is ? text(is) : '';
    }
    case 'b':
      return raw === '1' ? 'TRUE' : 'FALSE';
    case 'str':
    case 'e':
      return raw;
    default:
      return numberText(raw);
  }
}

/** Spreadsheets store 75 as "75.0" or "7.5E1": give the number as a person writes it. */
function numberText(raw: string): string {
  const n = Number(raw);
  return raw.trim() !== '' && Number.isFinite(n) ? String(n) : raw;
}

// ---- OpenDocument ----

export function readOdsSheet(files: Unzipped): SheetResult {
  return attempt(() => {
    const content = partText(files, 'content.xml');
    // The first sheet: the rows between its start and its end tag.
    const start = content.indexOf('<table:table ');
    const end = content.indexOf('</table:table>', start);
    if (start < 0 || end < 0) throw new SheetError('it has no sheet');
    return odsRows(content, start, end);
  });
}

function* odsRows(content: string, start: number, end: number): Generator<SheetRow> {
  let rowNumber = 0;
  for (const row of elements(content, 'table:table-row', start, end)) {
    const repeat = Math.max(1, Number(row.attributes.get('table:number-rows-repeated') ?? 1) || 1);
    const cells = odsCells(row);
    if (cells.length > 0) for (let i = 0; i < Math.min(repeat, REPEAT_LIMIT); i++) yield { cells, row: rowNumber + i + 1 };
    rowNumber += repeat;
  }
}

function odsCells(row: XmlElement): string[] {
  const cells: string[] = [];
  for (const cell of row.children) {
    if (cell.kind !== 'element' || (cell.name !== 'table:table-cell' && cell.name !== 'table:covered-table-cell')) continue;
    const repeat = Math.min(Number(cell.attributes.get('table:number-columns-repeated') ?? 1), REPEAT_LIMIT);
    const value = odsValue(cell);
    for (let i = 0; i < repeat; i++) cells.push(value);
  }
  while (cells.length > 0 && cells[cells.length - 1] === '') cells.pop();
  return cells;
}

function odsValue(cell: XmlElement): string {
  const type = cell.attributes.get('office:value-type');
  if (type === 'float' || type === 'percentage' || type === 'currency') return numberText(cell.attributes.get('office:value') ?? '');
  if (type === 'boolean') return cell.attributes.get('office:boolean-value') === 'true' ? 'TRUE' : 'FALSE';
  return children(cell, 'text:p').map(paragraphText).join('\n');
}

/** A paragraph's text: runs of spaces and tabs are elements (<text:s text:c="3"/>, <text:tab/>). */
function paragraphText(node: XmlNode): string {
  if (node.kind === 'text') return node.text;
  switch (node.name) {
    case 'text:s':
      return ' '.repeat(Number(node.attributes.get('text:c') ?? 1));
    case 'text:tab':
      return '\t';
    case 'text:line-break':
      return '\n';
    default:
      return node.children.map(paragraphText).join('');
  }
}
