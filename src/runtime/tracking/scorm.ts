/**
 * What SCORM 1.2 and 2004 share: calls through a small adapter, each value written only when
 * it changes, a failed SetValue remembered instead of thrown.
 */
import type { InteractionFields, ScormVersion } from '../interactions.js';
import type { Status } from '../status.js';
import type { LaunchData, Tracker } from './tracker.js';

export interface ScormCalls {
  initialize(): boolean;
  getValue(element: string): string;
  setValue(element: string, value: string): boolean;
  commit(): boolean;
  finish(): boolean;
  lastError(): number;
}

export abstract class ScormTracker implements Tracker {
  readonly kind = 'lms' as const;
  abstract readonly version: ScormVersion;
  abstract readonly limit: number;
  private readonly written = new Map<string, string>();
  /** Elements the LMS refused, with its error code, for diagnosis. */
  readonly refused: { element: string; error: number }[] = [];
  private interactionsSupported = true;

  constructor(protected readonly calls: ScormCalls) {}

  /** Whether Initialize succeeded (or the LMS says the session is already open). */
  abstract initialize(): boolean;
  abstract start(): LaunchData;
  abstract setProgress(location: string, suspendData: string): void;
  abstract setResult(status: Status, score: number | undefined): void;
  abstract setExit(finished: boolean): void;
  abstract setSessionTime(ms: number): void;
  abstract finish(): void;

  protected get(element: string): string {
    const value = this.calls.getValue(element);
    return this.calls.lastError() === 0 ? String(value ?? '') : '';
  }

  protected set(element: string, value: string, once = true): boolean {
    if (once && this.written.get(element) === value) return true;
    const ok = this.calls.setValue(element, value);
    if (ok) this.written.set(element, value);
    else this.refused.push({ element, error: this.calls.lastError() });
    return ok;
  }

  /** The raw score under `prefix`, as coursekit writes it (0-100), or undefined. */
  protected readScore(prefix: string): number | undefined {
    const text = this.get(`${prefix}.raw`);
    const raw = text === '' ? NaN : Number(text);
    return Number.isFinite(raw) && raw >= 0 && raw <= 100 ? raw : undefined;
  }

  protected setScore(prefix: string, score: number, scaled: boolean): void {
    this.set(`${prefix}.raw`, String(score));
    this.set(`${prefix}.min`, '0');
    this.set(`${prefix}.max`, '100');
    if (scaled) this.set(`${prefix}.scaled`, String(Math.round(score * 100) / 10000));
  }

  addInteraction(fields: InteractionFields): void {
    if (!this.interactionsSupported) return;
    const count = parseInt(this.get('cmi.interactions._count'), 10);
    // Interactions are optional in SCORM: an LMS without them is left alone.
    if (!(count >= 0)) {
      this.interactionsSupported = false;
      return;
    }
    for (const [element, value] of fields) this.set(`cmi.interactions.${count}.${element}`, value, false);
  }

  commit(): boolean {
    return this.calls.commit();
  }
}
