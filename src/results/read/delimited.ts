/**
 * Delimited text as LMSs write it ("CSV" that is often tab-separated): rows of cells, read as
 * a stream so a ministry-wide export never has to fit in memory at once. Quoted cells may hold
 * the delimiter, quotes ("" inside quotes) and line breaks.
 */
import { createReadStream } from 'node:fs';

export interface TextRow {
  cells: string[];
  /** 1-based row number (the header is row 1); blank lines are not rows. */
  row: number;
  /** 1-based line where the row starts (differs from the row when a cell holds a line break). */
  line: number;
}

export interface DelimitedEnd {
  /** The file ended inside a quoted cell: it was cut off. */
  unterminatedQuote: boolean;
  /** The last row had no line break after it (normal for some writers, a sign of a cut-off file for others). */
  lastRowUnterminated: boolean;
  /** Characters that were not valid UTF-8 (or UTF-16) and were replaced. */
  replacedCharacters: number;
}

const QUOTE = 34;
const LF = 10;
const CR = 13;

/** Picks the delimiter from the header line: the one of tab, semicolon and comma it has most of, outside quotes. */
export function detectDelimiter(firstLine: string): string {
  const counts = new Map<string, number>([
    ['\t', 0],
    [';', 0],
    [',', 0],
  ]);
  let quoted = false;
  for (const ch of firstLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  let best = '\t';
  for (const [delimiter, count] of counts) if (count > counts.get(best)!) best = delimiter;
  return best;
}

/** A push parser: feed it text in pieces of any size, get whole rows back. */
export class DelimitedParser {
  private cells: string[] = [];
  private field = '';
  private quoted = false;
  /** At the start of a cell: a quote here opens a quoted cell. */
  private fresh = true;
  private carry = '';
  private line = 1;
  private rowLine = 1;
  private rowNumber = 0;
  private readonly delimiter: number;
  /** The next character that ends a plain run: the delimiter, a line break or a quote. */
  private readonly special: RegExp;

  constructor(delimiter: string) {
    this.delimiter = delimiter.charCodeAt(0);
    this.special = new RegExp(`[${delimiter === '\t' ? '\\t' : delimiter}\\n\\r"]`, 'g');
  }

  push(chunk: string, rows: TextRow[]): void {
    const text = this.carry + chunk;
    this.carry = '';
    this.scan(text, rows, false);
  }

  end(rows: TextRow[]): Pick<DelimitedEnd, 'unterminatedQuote' | 'lastRowUnterminated'> {
    const text = this.carry;
    this.carry = '';
    this.scan(text, rows, true);
    const unterminatedQuote = this.quoted;
    const pending = this.cells.length > 0 || this.field !== '' || !this.fresh;
    if (pending) this.finishRow(rows);
    return { unterminatedQuote, lastRowUnterminated: pending };
  }

  /** Unless `final`, a quote or CR at the very end waits for the next piece: it may be "" or CRLF. */
  private scan(text: string, rows: TextRow[], final: boolean): void {
    const n = text.length;
    let start = 0;
    let i = 0;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (!final && i + 1 === n && (c === QUOTE || c === CR)) {
        this.field += text.slice(start, i);
        this.carry = text.slice(i);
        return;
      }
      if (this.quoted) {
        if (c !== QUOTE) {
          // Jump to the next quote, counting the line breaks on the way.
          const quote = text.indexOf('"', i);
          const stop = quote < 0 ? n : quote;
          for (let lf = text.indexOf('\n', i); lf >= 0 && lf < stop; lf = text.indexOf('\n', lf + 1)) this.line++;
          i = stop;
          continue;
        }
        if (i + 1 < n && text.charCodeAt(i + 1) === QUOTE) {
          this.field += text.slice(start, i + 1);
          i += 2;
          start = i;
          continue;
        }
        this.field += text.slice(start, i);
        this.quoted = false;
        start = ++i;
        continue;
      }
      if (c === this.delimiter) {
        this.cells.push(this.field + text.slice(start, i));
        this.field = '';
        this.fresh = true;
        start = ++i;
        continue;
      }
      if (c === LF || c === CR) {
        this.field += text.slice(start, i);
        this.finishRow(rows);
        if (c === CR && i + 1 < n && text.charCodeAt(i + 1) === LF) i++;
        this.line++;
        this.rowLine = this.line;
        start = ++i;
        continue;
      }
      if (c === QUOTE && this.fresh) {
        this.quoted = true;
        this.fresh = false;
        start = ++i;
        continue;
      }
      this.fresh = false;
      // A plain run: jump to the next character that ends it.
      this.special.lastIndex = i + 1;
      const next = this.special.exec(text);
      i = next ? next.index : n;
    }
    this.field += text.slice(start, n);
  }

  private finishRow(rows: TextRow[]): void {
    this.cells.push(this.field);
    this.field = '';
    this.fresh = true;
    const cells = this.cells;
    this.cells = [];
    // A blank line is not a row.
    if (cells.length === 1 && cells[0] === '') return;
    rows.push({ cells, row: ++this.rowNumber, line: this.rowLine });
  }
}

/**
 * Reads a text file as rows, in batches. The delimiter is detected from the header line.
 * `onBytes` sees every byte read (the pseudonyms' key is a digest of the inputs).
 */
export async function* readDelimitedFile(
  file: string,
  onBytes: (bytes: Uint8Array) => void,
  end: (info: DelimitedEnd) => void,
): AsyncGenerator<TextRow[]> {
  let decoder: InstanceType<typeof TextDecoder> | undefined;
  let parser: DelimitedParser | undefined;
  let head = '';
  let replaced = 0;
  const decode = (bytes: Uint8Array, stream: boolean): string => {
    const text = decoder!.decode(bytes, { stream });
    for (let i = text.indexOf('\uFFFD'); i >= 0; i = text.indexOf('\uFFFD', i + 1)) replaced++;
    return text;
  };
  const feed = (text: string): TextRow[] => {
    const rows: TextRow[] = [];
    if (parser) {
      parser.push(text, rows);
      return rows;
    }
    head += text;
    const lineEnd = head.search(/[\r\n]/);
    if (lineEnd < 0 && head.length < 1 << 20) return rows;
    parser = new DelimitedParser(detectDelimiter(lineEnd < 0 ? head : head.slice(0, lineEnd)));
    parser.push(head, rows);
    head = '';
    return rows;
  };
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 14 }) as AsyncIterable<Buffer>) {
    onBytes(chunk);
    decoder ??= new TextDecoder(utf16Encoding(chunk) ?? 'utf-8');
    const rows = feed(decode(chunk, true));
    if (rows.length > 0) yield rows;
  }
  const rows = decoder ? feed(decode(new Uint8Array(0), false)) : [];
  if (!parser && head !== '') {
    parser = new DelimitedParser(detectDelimiter(head));
    parser.push(head, rows);
  }
  const info = parser ? parser.end(rows) : { unterminatedQuote: false, lastRowUnterminated: false };
  if (rows.length > 0) yield rows;
  end({ ...info, replacedCharacters: replaced });
}

/** Excel's "Unicode text" is UTF-16 with a byte order mark. */
export function utf16Encoding(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return undefined;
}
