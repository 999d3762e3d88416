/**
 * Diagnostics as text: `pretty` for people (with a code frame), `json` for tools, `github`
 * for CI annotations. Colour only when asked (the CLI decides: TTY and no NO_COLOR).
 */
import path from 'node:path';
import { readBoundedFile } from '../fs-read.js';
import type { Diagnostic } from './diagnostic.js';
import { sortDiagnostics } from './diagnostic.js';

export type OutputFormat = 'pretty' | 'json' | 'github';

export interface FormatOptions {
  color: boolean;
  /** Resolves a diagnostic's file for the code frame. */
  cwd: string;
}

export function formatDiagnostics(diagnostics: readonly Diagnostic[], format: OutputFormat, options: FormatOptions): string {
  const sorted = sortDiagnostics(diagnostics);
  switch (format) {
    case 'json':
      return `${JSON.stringify(sorted, null, 2)}\n`;
    case 'github':
      return sorted.map(formatGithub).join('');
    case 'pretty': {
      // Read each file once per report, never across reports: in watch mode files change.
      const files = new Map<string, string[] | null>();
      return sorted.map((d) => formatPretty(d, options, files)).join('\n');
    }
  }
}

function formatGithub(d: Diagnostic): string {
  const level = d.severity === 'error' ? 'error' : 'warning';
  const props = [
    d.file && `file=${escapeProperty(d.file)}`,
    d.line && `line=${d.line}`,
    d.column && `col=${d.column}`,
    `title=${escapeProperty(d.code)}`,
  ]
    .filter(Boolean)
    .join(',');
  const text = d.hint ? `${d.message} ${d.hint}` : d.message;
  return `::${level} ${props}::${escapeData(text)}\n`;
}

function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** The largest file coursekit reads (an XLIFF file); a code frame never reads more. */
const MAX_FRAMED_FILE_BYTES = 16 * 1024 * 1024;

const codes = { red: [31, 39], yellow: [33, 39], dim: [2, 22], bold: [1, 22], cyan: [36, 39] } as const;

function paint(on: boolean, style: keyof typeof codes, text: string): string {
  const [open, close] = codes[style];
  return on ? `\u001b[${open}m${text}\u001b[${close}m` : text;
}

export function formatPretty(d: Diagnostic, options: FormatOptions, files = new Map<string, string[] | null>()): string {
  const { color } = options;
  const location = d.file ? `${d.file}${d.line ? `:${d.line}:${d.column ?? 1}` : ''}` : '';
  const severity = d.severity === 'error' ? paint(color, 'red', 'error') : paint(color, 'yellow', 'warning');
  const lines = [`${location ? `${paint(color, 'bold', location)} ` : ''}${severity} ${paint(color, 'dim', d.code)}`, `  ${d.message}`];
  if (d.pointer !== undefined && d.pointer !== '') lines.push(paint(color, 'dim', `  at ${d.pointer}`));
  const frame = d.file && d.line ? codeFrame(files, path.resolve(options.cwd, d.file), d.line, d.column ?? 1, color) : '';
  if (frame) lines.push(frame);
  if (d.hint) lines.push(`  ${paint(color, 'cyan', 'hint:')} ${d.hint}`);
  return `${lines.join('\n')}\n`;
}

function codeFrame(files: Map<string, string[] | null>, file: string, line: number, column: number, color: boolean): string {
  let fileLines = files.get(file);
  if (fileLines === undefined) {
    // Only a regular file of a sensible size: the file may have changed since it was checked.
    const read = readBoundedFile(file, { maxBytes: MAX_FRAMED_FILE_BYTES });
    // Positions are counted without a byte order mark (the loader drops it), so drop it here too.
    fileLines = read.ok
      ? read.bytes
          .toString('utf8')
          .replace(/^\uFEFF/, '')
          .split(/\r?\n/)
      : null;
    files.set(file, fileLines);
  }
  if (!fileLines || line > fileLines.length) return '';
  const first = Math.max(1, line - 1);
  const last = Math.min(fileLines.length, line + 1);
  const width = String(last).length;
  const out: string[] = [];
  for (let n = first; n <= last; n++) {
    const text = truncate(visible(fileLines[n - 1] ?? ''), column);
    const marker = n === line ? '>' : ' ';
    out.push(`  ${marker} ${String(n).padStart(width)} | ${text.text}`);
    if (n === line) out.push(`    ${' '.repeat(width)} | ${' '.repeat(Math.max(0, text.column - 1))}${paint(color, 'red', '^')}`);
  }
  return out.join('\n');
}

// Characters a terminal acts on or reorders (escape sequences, direction overrides): the
// frame shows a placeholder of the same width instead, so a file cannot restyle or rewrite the
// log it is printed in.
const TERMINAL_UNSAFE =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
  /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u200B\u200E\u200F\u202A-\u202E\u2060-\u2069\uFEFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

function visible(line: string): string {
  return line.replace(TERMINAL_UNSAFE, (c) => {
    const code = c.charCodeAt(0);
    if (code < 0x20) return String.fromCharCode(0x2400 + code);
    return code === 0x7f ? '\u2421' : '\uFFFD';
  });
}

/** Long lines (a paragraph of text) are cut around the column so the frame stays readable. */
function truncate(line: string, column: number): { text: string; column: number } {
  const max = 100;
  if (line.length <= max) return { text: line, column };
  const start = Math.max(0, Math.min(column - 40, line.length - max));
  const prefix = start > 0 ? '…' : '';
  const body = line.slice(start, start + max);
  return { text: prefix + body + (start + max < line.length ? '…' : ''), column: column - start + prefix.length };
}

export function summarize(diagnostics: readonly Diagnostic[]): { errors: number; warnings: number } {
  return {
    errors: diagnostics.filter((d) => d.severity === 'error').length,
    warnings: diagnostics.filter((d) => d.severity === 'warning').length,
  };
}
