/**
 * Reading JSON content files. Parsing is fast (JSON.parse); the position-aware parse
 * (momoa) runs only when a diagnostic needs a line and column, so validating a thousand
 * correct lessons costs almost nothing extra.
 */
import { closeSync, fstatSync, openSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseWithPositions, type DocumentNode, type ValueNode } from '@humanwhocodes/momoa';
import { diagnostic } from '../diagnostics/create.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { JsonFile, Position } from '../model/json-file.js';
import { pointerToSegments } from './json-pointer.js';
import { diagnoseJsonSyntax, lineColumn } from './json-syntax.js';

/** Lessons are text; anything past this size is a mistake (a pasted data dump or a binary). */
export const MAX_CONTENT_FILE_BYTES = 2 * 1024 * 1024;

export type ReadJsonResult = { file: JsonFile; diagnostics: Diagnostic[] } | { file: undefined; diagnostics: Diagnostic[] };

export async function readJsonFile(absolutePath: string, displayPath: string): Promise<ReadJsonResult> {
  const diagnostics: Diagnostic[] = [];
  // The location already shows the full path; the message names the file as an author calls it.
  const name = path.basename(displayPath);
  const fail = (d: Diagnostic): ReadJsonResult => ({ file: undefined, diagnostics: [...diagnostics, d] });
  let bytes: Buffer;
  let fd: number | undefined;
  try {
    // One open for the size check and the read: a 20 MB mistake is refused before it is read.
    // Synchronous on purpose: content files are small, and a thousand of them read four times
    // faster this way than through promise-based file handles.
    fd = openSync(absolutePath, 'r');
    const info = fstatSync(fd);
    if (info.size > MAX_CONTENT_FILE_BYTES) {
      return fail(
        diagnostic('file-too-large', {
          file: displayPath,
          message: `${name} is ${formatBytes(info.size)}; content files may be at most ${formatBytes(MAX_CONTENT_FILE_BYTES)}.`,
        }),
      );
    }
    bytes = readFileSync(fd);
  } catch (error) {
    return fail(diagnostic('file-unreadable', { file: displayPath, message: `cannot read ${name}: ${describeFsError(error)}.` }));
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
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
  return { file: createJsonFile(absolutePath, displayPath, text, data), diagnostics };
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

function describeFsError(error: unknown): string {
  const code = (error as { code?: string }).code;
  if (code === 'ENOENT') return 'the file does not exist';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'it is a folder, not a file';
  return (error as Error).message ?? String(error);
}

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / 1024 / 1024).toFixed(1)} MB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${n} bytes`;
}
