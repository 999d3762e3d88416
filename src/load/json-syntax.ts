/**
 * Explains why a file is not valid JSON, in the words of someone who edits JSON by hand.
 * Runs only after JSON.parse has failed, so it favours clear messages over speed: a small
 * recognizer walks the text, keeps the open brackets on a stack, and stops at the first
 * mistake with the place an author should look at (often just before where the parser gave up).
 */

export interface SyntaxProblem {
  /** 0-based offset into the text. */
  offset: number;
  /** What is wrong, without a trailing full stop. */
  detail: string;
}

interface Open {
  kind: 'object' | 'array';
  offset: number;
}

const WORD = /[A-Za-z_$][\w$]*/y;
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const ESCAPES = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't']);

export function diagnoseJsonSyntax(text: string): SyntaxProblem | undefined {
  const stack: Open[] = [];
  let i = 0;
  /** What may come next: a value, a field name, a colon, or a comma/closing bracket. */
  let expect: 'value' | 'key' | 'colon' | 'after' | 'end' = 'value';
  /** Where the last value or key ended, to point at a missing comma or colon. */
  let lastEnd = 0;
  let lastKey = '';
  /** The offset of a comma that was just read, to point at a trailing comma. */
  let comma: number | undefined;
  /** Just after `{` or `[`: a closing bracket is fine there. */
  let justOpened = false;
  /** Where the last value started, when it was text: text that seems to go on after it had a `"` inside. */
  let lastTextStart: number | undefined;

  const describeLocation = (offset: number) => {
    const { line, column } = lineColumn(text, offset);
    return `line ${line}, column ${column}`;
  };

  for (;;) {
    const skipped = skipSpaceAndComments(text, i);
    if ('problem' in skipped) return skipped.problem;
    i = skipped.offset;
    if (i >= text.length) break;
    const ch = text[i]!;

    if (expect === 'end') {
      return {
        offset: i,
        detail: `the JSON is complete at ${describeLocation(lastEnd - 1)}, but more text follows: ${
          ch === '}' || ch === ']'
            ? `remove the extra \`${ch}\``
            : 'a file holds one JSON value, so remove the extra text or put everything inside the outer { }'
        }`,
      };
    }

    if (ch === '}' || ch === ']') {
      const open = stack.at(-1);
      const wanted = open?.kind === 'object' ? '}' : ']';
      if (!open) return { offset: i, detail: `\`${ch}\` closes nothing: remove it` };
      if (ch !== wanted) {
        return {
          offset: i,
          detail: `this \`${ch}\` does not match the \`${open.kind === 'object' ? '{' : '['}\` opened at ${describeLocation(open.offset)}: use \`${wanted}\`, or add the missing \`${ch === '}' ? '{' : '['}\``,
        };
      }
      if (comma !== undefined)
        return {
          offset: comma,
          detail: `there is a comma before \`${ch}\`: JSON does not allow a comma after the last item, so remove it`,
        };
      if (expect === 'colon') return { offset: lastEnd, detail: `the field "${lastKey}" has no value: add a colon and a value after it` };
      if (expect === 'value' && !justOpened) return { offset: i, detail: `a value is missing before \`${ch}\`` };
      stack.pop();
      i++;
      lastEnd = i;
      justOpened = false;
      expect = stack.length === 0 ? 'end' : 'after';
      continue;
    }

    if (expect === 'after') {
      if (ch === ',') {
        comma = i;
        i++;
        expect = stack.at(-1)!.kind === 'object' ? 'key' : 'value';
        continue;
      }
      if (ch === ':') return { offset: i, detail: 'unexpected colon: a colon goes only between a field name and its value' };
      const inner = lastTextStart === undefined ? undefined : unescapedQuote(text, lastTextStart, lastEnd, i);
      if (inner) return inner;
      return { offset: lastEnd, detail: 'a comma is missing here: items in a list, and fields in an object, are separated by commas' };
    }

    if (expect === 'colon') {
      if (ch === ':') {
        i++;
        expect = 'value';
        continue;
      }
      if (ch === '=')
        return { offset: i, detail: `write a colon (:) between the field name "${lastKey}" and its value, not an equals sign` };
      return { offset: lastEnd, detail: `a colon is missing after the field name "${lastKey}"` };
    }

    // A value, or a field name in an object.
    const wasComma = comma;
    comma = undefined;
    justOpened = false;
    if (ch === ',') {
      if (wasComma !== undefined) return { offset: i, detail: 'there are two commas in a row: remove one' };
      return { offset: i, detail: expect === 'key' ? 'a field is missing before this comma' : 'a value is missing before this comma' };
    }
    if (expect === 'key') {
      if (ch === '"') {
        const s = readString(text, i);
        if ('problem' in s) return s.problem;
        lastKey = s.value;
        i = lastEnd = s.end;
        expect = 'colon';
        continue;
      }
      if (wasComma !== undefined && /\d/.test(ch) && /\d/.test(text[wasComma - 1] ?? '')) {
        return { offset: wasComma, detail: 'use a point for decimals in numbers (2.5, not 2,5)' };
      }
      const word = matchAt(WORD, text, i);
      if (word && /^\s*:/.test(text.slice(i + word.length, i + word.length + 20))) {
        return { offset: i, detail: `field names must be in double quotes: write "${word}"` };
      }
      const quote = quoteProblem(ch);
      if (quote) return { offset: i, detail: quote };
      if (word) return { offset: i, detail: `expected a field name in double quotes, but found \`${word}\`` };
      return { offset: i, detail: `expected a field name in double quotes, but found \`${ch}\`` };
    }

    // expect === 'value'
    if (ch === '{' || ch === '[') {
      stack.push({ kind: ch === '{' ? 'object' : 'array', offset: i });
      i++;
      justOpened = true;
      expect = ch === '{' ? 'key' : 'value';
      continue;
    }
    lastTextStart = undefined;
    if (ch === '"') {
      const s = readString(text, i);
      if ('problem' in s) return s.problem;
      lastTextStart = i;
      i = lastEnd = s.end;
      expect = stack.length === 0 ? 'end' : 'after';
      continue;
    }
    if (ch === '-' || (ch >= '0' && ch <= '9')) {
      const number = matchAt(NUMBER, text, i);
      const tail = matchAt(/[\w.+-]*/y, text, i + (number?.length ?? 0)) ?? '';
      if (!number || tail !== '') {
        const written = (number ?? '') + tail;
        return { offset: i, detail: `\`${written}\` is not a number JSON accepts${numberAdvice(written)}` };
      }
      i = lastEnd = i + number.length;
      expect = stack.length === 0 ? 'end' : 'after';
      continue;
    }
    const word = matchAt(WORD, text, i);
    if (word) {
      if (word === 'true' || word === 'false' || word === 'null') {
        i = lastEnd = i + word.length;
        expect = stack.length === 0 ? 'end' : 'after';
        continue;
      }
      if (['true', 'false', 'null'].includes(word.toLowerCase()))
        return { offset: i, detail: `write \`${word.toLowerCase()}\` in lowercase: JSON does not know \`${word}\`` };
      if (['NaN', 'Infinity', 'undefined', 'None'].includes(word))
        return { offset: i, detail: `\`${word}\` is not a JSON value: use a number, or null` };
      return {
        offset: i,
        detail: `\`${word}\` is not a JSON value: text must be in double quotes, and the only bare words are true, false and null`,
      };
    }
    const quote = quoteProblem(ch);
    if (quote) return { offset: i, detail: quote };
    if (ch === '.' || ch === '+')
      return { offset: i, detail: `a number cannot start with \`${ch}\`${ch === '.' ? ': write 0.5, not .5' : ''}` };
    if (ch === ':') return { offset: i, detail: 'unexpected colon: a value is missing, or a comma was typed as a colon' };
    return { offset: i, detail: `unexpected \`${ch}\`` };
  }

  const open = stack.at(-1);
  if (open) {
    const closer = open.kind === 'object' ? '}' : ']';
    return {
      offset: Math.max(0, text.trimEnd().length),
      detail: `the file ends before the JSON is complete: the \`${open.kind === 'object' ? '{' : '['}\` opened at ${describeLocation(open.offset)} is never closed with \`${closer}\` (was the file cut short?)`,
    };
  }
  if (expect === 'value') return { offset: 0, detail: 'the file has no JSON value' };
  if (expect !== 'end' && expect !== 'after')
    return { offset: text.length, detail: 'the file ends before the JSON is complete (was it cut short?)' };
  return undefined;
}

/**
 * Text that ended at `end` but goes on, on the same line, up to another `"`: a quotation mark
 * inside the text (common when quoting a document) closed it early. Shows the text as it must
 * be written, with each inner mark escaped.
 */
function unescapedQuote(text: string, start: number, end: number, next: number): SyntaxProblem | undefined {
  const lineEnd = text.indexOf('\n', next);
  const rest = text.slice(next, lineEnd === -1 ? text.length : lineEnd);
  // A second text on the same line (`"a" "b"`) is a missing comma, not a quotation mark.
  if (text[next] === '"' || text.slice(end, next).includes('\n') || !rest.includes('"')) return undefined;
  const closing = next + rest.lastIndexOf('"');
  const inside = text.slice(start + 1, closing).replace(/(?<!\\)"/g, '\\"');
  const innerOffset = end - 1;
  const shown = inside.length <= 70 ? inside : `…${inside.slice(Math.max(0, innerOffset - start - 30), innerOffset - start + 40)}…`;
  return {
    offset: innerOffset,
    detail: `this \`"\` inside the text ends it too early: write each quotation mark inside a text as \\", as in "${shown}"`,
  };
}

function quoteProblem(ch: string): string | undefined {
  if (ch === "'") return `JSON text uses double quotes ("), not single quotes (')`;
  if ('\u201c\u201d\u201e\u2018\u2019\u00ab\u00bb'.includes(ch)) {
    return `\`${ch}\` is a typographic quote: JSON needs straight double quotes ("), which word processors and some editors replace automatically`;
  }
  return undefined;
}

function numberAdvice(written: string): string {
  if (/^-?0\d/.test(written)) return ': numbers cannot start with 0 (write 7, not 07)';
  if (/^-?\d+\.$/.test(written)) return ': add a digit after the point, or remove the point';
  if (/^-?\d+,\d+$/.test(written)) return ': use a point for decimals (2.5, not 2,5)';
  if (/^-?\d+[A-Za-z]/.test(written)) return ': if it is text, put it in double quotes';
  return '';
}

type StringResult = { value: string; end: number } | { problem: SyntaxProblem };

/** Reads a string literal starting at the opening quote. */
function readString(text: string, start: number): StringResult {
  let i = start + 1;
  let value = '';
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === '"') return { value, end: i + 1 };
    if (ch === '\n' || ch === '\r') {
      return {
        problem: {
          offset: start,
          detail: 'this text is not closed before the end of the line: add the closing `"`, or write \\n for a line break inside text',
        },
      };
    }
    if (ch === '\t') return { problem: { offset: i, detail: 'a tab character inside text must be written as \\t' } };
    if (ch < ' ')
      return {
        problem: {
          offset: i,
          detail: `an invisible control character (U+${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}) is inside the text: delete it`,
        },
      };
    if (ch === '\\') {
      const next = text[i + 1] ?? '';
      if (next === 'u') {
        if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6)))
          return { problem: { offset: i, detail: '`\\u` must be followed by four hexadecimal digits, e.g. \\u00e9' } };
        i += 6;
        continue;
      }
      if (!ESCAPES.has(next)) {
        return {
          problem: {
            offset: i,
            detail: `\`\\${next}\` is not a valid escape in JSON text: write \\\\ for a backslash (e.g. "C:\\\\folder")`,
          },
        };
      }
      value += next;
      i += 2;
      continue;
    }
    value += ch;
    i++;
  }
  return {
    problem: { offset: start, detail: 'this text is never closed: the file ends before the closing `"` (was the file cut short?)' },
  };
}

type SkipResult = { offset: number } | { problem: SyntaxProblem };

function skipSpaceAndComments(text: string, start: number): SkipResult {
  let i = start;
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === ' ' || ch === '\n' || ch === '\r' || ch === '\t') {
      i++;
      continue;
    }
    if (ch === '/' && (text[i + 1] === '/' || text[i + 1] === '*')) {
      return {
        problem: {
          offset: i,
          detail:
            'JSON does not allow comments: delete the comment (a note for reviewers can go in a field such as "rationale" where the format has one)',
        },
      };
    }
    if (ch === '\u00a0' || ch === '\u200b' || ch === '\ufeff') {
      return {
        problem: {
          offset: i,
          detail: `an invisible ${ch === '\u00a0' ? 'non-breaking space' : ch === '\ufeff' ? 'byte order mark' : 'zero-width space'} is here, outside any text: delete it and type a normal space`,
        },
      };
    }
    break;
  }
  return { offset: i };
}

function matchAt(pattern: RegExp, text: string, offset: number): string | undefined {
  pattern.lastIndex = offset;
  const match = pattern.exec(text);
  return match && match[0] !== '' ? match[0] : undefined;
}

/** 1-based line and column of a 0-based offset; a column counts characters (UTF-16 units). */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}
