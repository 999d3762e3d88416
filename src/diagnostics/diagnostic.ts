/**
 * One shape for every problem coursekit reports, from a JSON syntax error to a SCORM manifest
 * check, so that every stage can be printed, filtered and tested the same way.
 */
import type { DiagnosticCode, Severity } from './catalog.js';

export interface Diagnostic {
  /** Stable code from the catalog (`docs/diagnostics.md`); never renamed once released. */
  code: DiagnosticCode;
  severity: Severity;
  /** Path relative to the working directory, with `/`. */
  file?: string;
  /** 1-based. */
  line?: number;
  /** 1-based. */
  column?: number;
  /** JSON pointer into the file's data, e.g. `/blocks/2/citation`. */
  pointer?: string;
  /** What is wrong, in plain language. */
  message: string;
  /** What to do about it. */
  hint?: string;
}

export function hasErrors(diagnostics: readonly Diagnostic[], strict = false): boolean {
  return diagnostics.some((d) => d.severity === 'error' || (strict && d.severity === 'warning'));
}

/** Sorts by file, then position, so output is stable and reads top to bottom. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) =>
      (a.file ?? '').localeCompare(b.file ?? '') ||
      (a.line ?? 0) - (b.line ?? 0) ||
      (a.column ?? 0) - (b.column ?? 0) ||
      a.code.localeCompare(b.code),
  );
}

/** Thrown to stop a command with diagnostics already gathered; the CLI prints them and exits 1. */
export class DiagnosticsError extends Error {
  constructor(readonly diagnostics: Diagnostic[]) {
    super(`${diagnostics.length} problem(s) found`);
    this.name = 'DiagnosticsError';
  }
}
