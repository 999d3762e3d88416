import { catalog, type DiagnosticCode } from './catalog.js';
import type { Diagnostic } from './diagnostic.js';
import type { JsonFile } from '../model/json-file.js';

export interface DiagnosticInit {
  message: string;
  hint?: string;
  file?: string;
  line?: number;
  column?: number;
  pointer?: string;
}

/** Builds a diagnostic with the catalog's severity and default hint. */
export function diagnostic(code: DiagnosticCode, init: DiagnosticInit): Diagnostic {
  const entry = catalog[code];
  const d: Diagnostic = { code, severity: entry.severity, message: init.message };
  if (init.file !== undefined) d.file = init.file;
  if (init.line !== undefined) d.line = init.line;
  if (init.column !== undefined) d.column = init.column;
  if (init.pointer !== undefined) d.pointer = init.pointer;
  d.hint = init.hint ?? entry.hint;
  return d;
}

/** A diagnostic about a place in a JSON file: the pointer is turned into line:column. */
export function diagnosticAt(
  code: DiagnosticCode,
  file: JsonFile,
  pointer: string,
  message: string,
  options: { hint?: string; atKey?: boolean } = {},
): Diagnostic {
  const position = file.locate(pointer, options.atKey ?? false);
  return diagnostic(code, {
    message,
    file: file.displayPath,
    line: position.line,
    column: position.column,
    pointer,
    ...(options.hint === undefined ? {} : { hint: options.hint }),
  });
}
