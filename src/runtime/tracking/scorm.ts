/**
 * What SCORM 1.2 and 2004 share: calls through a small adapter that never throws, each value
 * written only when it changes, and a refused SetValue of the learner's progress or result
 * kept and sent again, so a commit only counts as saved once the LMS holds every such value.
 */
import type { ScormVersion } from '../../shared/interaction-patterns.js';
import type { InteractionFields } from '../interactions.js';
import { lmsVocabulary, type Status } from '../status.js';
import type { LaunchData, Tracker } from './tracker.js';

export interface ScormCalls {
  initialize(): boolean;
  getValue(element: string): string;
  setValue(element: string, value: string): boolean;
  commit(): boolean;
  finish(): boolean;
  lastError(): number;
}

/** SCORM's "general exception", for an API that threw instead of answering. */
const GENERAL_EXCEPTION = 101;

export abstract class ScormTracker implements Tracker {
  readonly kind = 'lms' as const;
  abstract readonly version: ScormVersion;
  abstract readonly limit: number;
  /** The learner's progress and result: losing one of these loses work, so a refusal is retried. */
  protected abstract readonly essential: RegExp;
  private readonly written = new Map<string, string>();
  /** Essential values the LMS refused, by element: sent again before every commit. */
  private readonly unsaved = new Map<string, string>();
  /** Every element the LMS refused, with its last error code, for diagnosis. */
  readonly refused = new Map<string, number>();
  private interactionsSupported = true;
  protected readonly calls: ScormCalls;

  constructor(calls: ScormCalls) {
    this.calls = guarded(calls);
  }

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

  /** A vocabulary element (status, mode, entry), in SCORM's lower-case spelling whatever the LMS's. */
  protected getVocabulary(element: string): string {
    return lmsVocabulary(this.get(element));
  }

  protected set(element: string, value: string, once = true): boolean {
    if (once && this.written.get(element) === value) {
      this.unsaved.delete(element);
      return true;
    }
    const ok = this.calls.setValue(element, value);
    if (ok) {
      this.written.set(element, value);
      this.unsaved.delete(element);
    } else {
      this.refused.set(element, this.calls.lastError());
      if (this.essential.test(element)) this.unsaved.set(element, value);
    }
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

  /** Saved only when the LMS committed and holds every essential value it was sent. */
  commit(): boolean {
    for (const [element, value] of Array.from(this.unsaved)) this.set(element, value, false);
    const committed = this.calls.commit();
    return committed && this.unsaved.size === 0;
  }
}

/** An LMS API that throws is an LMS that failed: each call then answers as a refused call would. */
function guarded(calls: ScormCalls): ScormCalls {
  let threw = false;
  const guard = <T>(call: () => T, failed: T): T => {
    try {
      const result = call();
      threw = false;
      return result;
    } catch {
      threw = true;
      return failed;
    }
  };
  return {
    initialize: () => guard(() => calls.initialize(), false),
    getValue: (element) => guard(() => calls.getValue(element), ''),
    setValue: (element, value) => guard(() => calls.setValue(element, value), false),
    commit: () => guard(() => calls.commit(), false),
    finish: () => guard(() => calls.finish(), false),
    lastError: () => (threw ? GENERAL_EXCEPTION : guard(() => calls.lastError(), GENERAL_EXCEPTION)),
  };
}
