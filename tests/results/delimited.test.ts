/**
 * The streamed reader of delimited text: a large export arrives in pieces of any size, and a
 * quote, a doubled quote or a CRLF may fall on the border between two pieces.
 */
import { describe, expect, it } from 'vitest';
import { DelimitedParser, detectDelimiter, type TextRow } from '../../src/results/read/delimited.js';

const TEXT = 'Name\t"Response 0"\r\n"Ana ""the"" Tester"\t"civil\tsociety"\r\n\r\nBo\t"two\r\nlines"\nCy\tplain "quoted" inside\n';
const EXPECTED = [
  { cells: ['Name', 'Response 0'], row: 1, line: 1 },
  { cells: ['Ana "the" Tester', 'civil\tsociety'], row: 2, line: 2 },
  { cells: ['Bo', 'two\r\nlines'], row: 3, line: 4 },
  { cells: ['Cy', 'plain "quoted" inside'], row: 4, line: 6 },
];

function parse(text: string, pieceSize: number): { rows: TextRow[]; end: ReturnType<DelimitedParser['end']> } {
  const parser = new DelimitedParser(detectDelimiter(text.slice(0, text.indexOf('\n'))));
  const rows: TextRow[] = [];
  for (let i = 0; i < text.length; i += pieceSize) parser.push(text.slice(i, i + pieceSize), rows);
  return { rows, end: parser.end(rows) };
}

describe('delimited text read in pieces', () => {
  it.each([1, 2, 3, 5, 8, 1000])('gives the same rows, quotes and line breaks inside values kept, in pieces of %i characters', (size) => {
    const { rows, end } = parse(TEXT, size);
    expect(rows).toEqual(EXPECTED);
    expect(end).toEqual({ unterminatedQuote: false, lastRowUnterminated: false });
  });

  it('tells a file that ends inside a quoted value, or without a final line break', () => {
    expect(parse('a\tb\n1\t"cut', 3).end).toEqual({ unterminatedQuote: true, lastRowUnterminated: true });
    expect(parse('a\tb\n1\t2', 3).end).toEqual({ unterminatedQuote: false, lastRowUnterminated: true });
  });

  it('detects the delimiter from the header, ignoring those inside quotes', () => {
    expect(detectDelimiter('Name\t"Email, address"\tAttempt')).toBe('\t');
    expect(detectDelimiter('Name;"Email\taddress";Attempt;Score')).toBe(';');
    expect(detectDelimiter('Name,Email address,Attempt')).toBe(',');
  });
});
