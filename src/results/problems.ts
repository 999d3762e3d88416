/**
 * Problems met while reading exports. One bad row is one warning; a hundred bad rows of the
 * same kind in one file are still one warning, with the count and the first rows, so a
 * ministry-wide export cannot bury the summary under repeated lines.
 */
import { diagnostic } from '../diagnostics/create.js';
import type { DiagnosticCode } from '../diagnostics/catalog.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { RecordPlace } from './records.js';

const ROWS_NAMED = 5;

interface Tally {
  code: DiagnosticCode;
  first: RecordPlace;
  places: string[];
  count: number;
  noun: [string, string];
  explanation: string;
  hint: string | undefined;
}

export class Problems {
  private readonly single: Diagnostic[] = [];
  private readonly tallies = new Map<string, Tally>();

  /** A problem reported once, as it is. */
  report(code: DiagnosticCode, place: RecordPlace | { file?: string }, message: string, hint?: string): void {
    this.single.push(diagnostic(code, { ...locate(place), message, ...(hint === undefined ? {} : { hint }) }));
  }

  /**
   * A problem that may repeat: counted per file and kind. `noun` names what was skipped or
   * noticed, singular and plural; `explanation` is the first occurrence's detail.
   */
  tally(code: DiagnosticCode, place: RecordPlace, noun: [string, string], explanation: string, hint?: string): void {
    const key = `${place.file}\u0000${code}\u0000${noun[0]}`;
    const tally = this.tallies.get(key);
    if (tally) {
      tally.count++;
      if (tally.places.length < ROWS_NAMED) tally.places.push(placeName(place));
      return;
    }
    this.tallies.set(key, { code, first: place, places: [placeName(place)], count: 1, noun, explanation, hint });
  }

  list(): Diagnostic[] {
    const counted = [...this.tallies.values()].map((t) => {
      const named = t.places.filter(Boolean);
      const rows =
        named.every((p) => p.startsWith('row ')) && named.length > 1 ? `rows ${named.map((p) => p.slice(4)).join(', ')}` : named.join(', ');
      const where = named.length === 0 ? '' : ` (${rows}${t.count > named.length ? ', …' : ''})`;
      const message = `${t.count} ${t.count === 1 ? t.noun[0] : t.noun[1]}${where}: ${t.explanation}`;
      return diagnostic(t.code, { ...locate(t.first), message, ...(t.hint === undefined ? {} : { hint: t.hint }) });
    });
    return [...this.single, ...counted];
  }
}

/**
 * Text from an export, as a message may quote it: control characters (which could move the
 * cursor or recolour a terminal) shown as escapes, and long values cut.
 */
export function quoted(text: string, max = 60): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
  const safe = text.replace(/[\u0000-\u001f\u007f-\u009f]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return safe.length > max ? `${safe.slice(0, max)}…` : safe;
}

export function placeName(place: RecordPlace): string {
  if (place.row !== undefined) return `row ${place.row}`;
  if (place.pointer !== undefined) return place.pointer === '' ? 'the file' : place.pointer;
  return '';
}

function locate(place: RecordPlace | { file?: string }): { file?: string; line?: number; pointer?: string } {
  const p = place as RecordPlace;
  return {
    ...(p.file === undefined ? {} : { file: p.file }),
    ...(p.line === undefined ? {} : { line: p.line }),
    ...(p.pointer === undefined || p.pointer === '' ? {} : { pointer: p.pointer }),
  };
}
