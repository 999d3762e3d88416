/**
 * Reading JSON content files. Parsing is fast (JSON.parse); the position-aware parse
 * (momoa) runs only when a diagnostic needs a line and column, so validating a thousand
 * correct lessons costs almost nothing extra.
 */
import path from 'node:path';
import { parse as parseWithPositions, type DocumentNode, type ValueNode } from '@humanwhocodes/momoa';
import { diagnostic } from '../diagnostics/create.js';
import { describeSystemError } from '../diagnostics/system-error.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { readBoundedFile, type ReadProblem } from '../fs-read.js';
import type { JsonFile, Position } from '../model/json-file.js';
import { pointerToSegments } from './json-pointer.js';
import { diagnoseJsonSyntax, lineColumn } from './json-syntax.js';

/** Lessons are text; anything past this size is a mistake (a pasted data dump or a binary). */
export const MAX_CONTENT_FILE_BYTES = 2 * 1024 * 1024;

export type ReadJsonResult = { file: JsonFile; diagnostics: Diagnostic[] } | { file: undefined; diagnostics: Diagnostic[] };

export async function readJsonFile(absolutePath: string, displayPath: string, moduleRoot?: string): Promise<ReadJsonResult> {
  const diagnostics: Diagnostic[] = [];
  // The location already shows the full path; the message names the file as an author calls it.
  const name = path.basename(displayPath);
  const fail = (d: Diagnostic): ReadJsonResult => ({ file: undefined, diagnostics: [...diagnostics, d] });
  // A 20 MB mistake is refused before it is read; a link out of the module is not read at all.
  const read = readBoundedFile(absolutePath, { maxBytes: MAX_CONTENT_FILE_BYTES, within: moduleRoot });
  if (!read.ok) return fail(readProblemDiagnostic(read, displayPath, MAX_CONTENT_FILE_BYTES));
  const bytes = read.bytes;
  const decoded = decodeUtf8(bytes);
  if (!decoded.ok) {
    return fail(
      diagnostic('file-not-utf8', {
        file: displayPath,
        line: decoded.line,
        column: decoded.column,
        message: `${name} is not UTF-8 text: byte 0x${decoded.byte.toString(16).toUpperCase().padStart(2, '0')} at line ${decoded.line}, column ${decoded.column} is not valid UTF-8 (the file was probably saved as Latin-1 or Windows-1252).`,
      }),
    );
  }
  let text = decoded.text;
  if (text.charCodeAt(0) === 0xfeff) {
    text = text.slice(1);
    diagnostics.push(
      diagnostic('file-bom', { file: displayPath, line: 1, column: 1, message: `${name} starts with a UTF-8 byte order mark.` }),
    );
  }
  if (text.trim() === '') {
    return fail(diagnostic('file-empty', { file: displayPath, message: `${name} is empty.` }));
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return fail(describeSyntaxError(text, displayPath, name));
  }
  if (nestedDeeperThan(data, MAX_JSON_DEPTH)) return fail(describeTooDeep(text, displayPath, name));
  return { file: createJsonFile(absolutePath, displayPath, text, data), diagnostics };
}

/**
 * How deep lists and objects may nest. The checks after loading recurse per level, so a file
 * nested thousands deep would end in a stack overflow; content needs about ten levels.
 */
export const MAX_JSON_DEPTH = 100;

/** Walks the data with a stack of its own, so any depth can be measured. */
function nestedDeeperThan(root: unknown, max: number): boolean {
  const stack: [unknown, number][] = [[root, 1]];
  while (stack.length > 0) {
    const [value, depth] = stack.pop()!;
    if (value === null || typeof value !== 'object') continue;
    if (depth > max) return true;
    for (const key in value) {
      const child = (value as Record<string, unknown>)[key];
      if (child !== null && typeof child === 'object') stack.push([child, depth + 1]);
    }
  }
  return false;
}

/** Points at the bracket that opens one level too many. */
function describeTooDeep(text: string, displayPath: string, name: string): Diagnostic {
  let depth = 0;
  let inString = false;
  let offset = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '[' || c === '{') {
      if (++depth > MAX_JSON_DEPTH) {
        offset = i;
        break;
      }
    } else if (c === ']' || c === '}') depth--;
  }
  const { line, column } = lineColumn(text, offset);
  return diagnostic('json-too-deep', {
    file: displayPath,
    line,
    column,
    message: `${name} nests lists and objects more than ${MAX_JSON_DEPTH} levels deep; coursekit content needs about ten.`,
  });
}

export function createJsonFile(absolutePath: string, displayPath: string, text: string, data: unknown): JsonFile {
  let ast: DocumentNode | undefined;
  return {
    absolutePath,
    displayPath,
    text,
    data,
    locate(pointer, atKey = false) {
      ast ??= parseWithPositions(text, { mode: 'json' });
      return locateInAst(ast, pointer, atKey);
    },
  };
}

function locateInAst(ast: DocumentNode, pointer: string, atKey: boolean): Position {
  let node: ValueNode = ast.body;
  let keyPosition: Position | undefined;
  for (const segment of pointerToSegments(pointer)) {
    if (node.type === 'Object') {
      const member = node.members.find((m) => m.name.type === 'String' && m.name.value === segment);
      if (!member) break;
      keyPosition = toPosition(member.name.loc.start);
      node = member.value;
    } else if (node.type === 'Array') {
      const element = node.elements[Number(segment)];
      if (!element) break;
      keyPosition = undefined;
      node = element.value;
    } else {
      break;
    }
  }
  if (atKey && keyPosition) return keyPosition;
  return toPosition(node.loc.start);
}

function toPosition(p: { line: number; column: number }): Position {
  return { line: p.line, column: p.column };
}

function describeSyntaxError(text: string, displayPath: string, name: string): Diagnostic {
  const problem = diagnoseJsonSyntax(text) ?? { offset: 0, detail: 'the file is not valid JSON' };
  const { line, column } = lineColumn(text, problem.offset);
  return diagnostic('json-syntax', { file: displayPath, line, column, message: `${name} is not valid JSON: ${problem.detail}.` });
}

type Utf8Result = { ok: true; text: string } | { ok: false; line: number; column: number; byte: number };

// ignoreBOM keeps a byte order mark in the text, so that it can be reported (and then dropped).
const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function decodeUtf8(bytes: Uint8Array): Utf8Result {
  try {
    return { ok: true, text: strictUtf8.decode(bytes) };
  } catch {
    // Find the first invalid byte to point at it: decode growing prefixes at line starts.
    let line = 1;
    let lineStart = 0;
    for (let i = 0; i < bytes.length; i++) {
      if (bytes[i] === 0x0a) {
        line++;
        lineStart = i + 1;
      }
      const b = bytes[i]!;
      if (b >= 0x80 && !isValidSequenceAt(bytes, i)) {
        const column = strictUtf8.decode(bytes.subarray(lineStart, i)).length + 1;
        return { ok: false, line, column, byte: b };
      }
      if (b >= 0xc0) i += sequenceLength(b) - 1;
    }
    return { ok: false, line: 1, column: 1, byte: bytes[0] ?? 0 };
  }
}

function sequenceLength(lead: number): number {
  if (lead >= 0xf0) return 4;
  if (lead >= 0xe0) return 3;
  return 2;
}

function isValidSequenceAt(bytes: Uint8Array, i: number): boolean {
  const lead = bytes[i]!;
  if (lead < 0xc2 || lead > 0xf4) return false;
  const length = sequenceLength(lead);
  try {
    strictUtf8.decode(bytes.subarray(i, i + length));
    return true;
  } catch {
    return false;
  }
}

/**
 * The diagnostic for a file that was not read: missing, a link out of the module, not a regular
 * file, too large, or refused by the system. `maxBytes` is the limit the read was given.
 */
export function readProblemDiagnostic(
  problem: ReadProblem,
  displayPath: string,
  maxBytes: number,
  options: { what?: string; tooLargeHint?: string } = {},
): Diagnostic {
  const name = path.basename(displayPath);
  const limit = `${options.what ?? 'content files'} may be at most ${formatBytes(maxBytes)}`;
  const unreadable = (reason: string, hint?: string) =>
    diagnostic('file-unreadable', { file: displayPath, message: `cannot read ${name}: ${reason}.`, ...(hint ? { hint } : {}) });
  switch (problem.kind) {
    case 'missing':
      return problem.linkTarget === undefined
        ? unreadable('the file does not exist')
        : unreadable(
            `it is a symbolic link to ${problem.linkTarget}, which does not exist`,
            'Point the link at the file, or put the file itself in its place.',
          );
    case 'outside':
      return diagnostic('file-outside-module', {
        file: displayPath,
        message: `${name} leads outside the module folder (through a symbolic link), so coursekit did not read it.`,
      });
    case 'not-a-file':
      return unreadable(`it is ${problem.what}, not a regular file`, 'Content files are ordinary text files: replace it with one.');
    case 'too-large':
      return diagnostic('file-too-large', {
        file: displayPath,
        message:
          problem.bytes === undefined
            ? `${name} is larger than it said when it was opened; ${limit}.`
            : `${name} is ${formatBytes(problem.bytes)}; ${limit}.`,
        ...(options.tooLargeHint ? { hint: options.tooLargeHint } : {}),
      });
    case 'unreadable':
      return unreadable(describeSystemError(problem.error));
  }
}

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / 1024 / 1024).toFixed(1)} MB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${n} bytes`;
}
