/** SCORM 2004 4th edition: separate completion and success, scaled score, readable interactions. */
import { SCORM2004_SUSPEND_LIMIT } from '../codec.js';
import { nextCompletionStatus, nextSuccessStatus, type Status } from '../status.js';
import { scorm2004Duration } from '../time.js';
import { ScormTracker } from './scorm.js';
import type { LaunchData } from './tracker.js';

export interface Scorm2004Api {
  Initialize(arg: ''): string | boolean;
  Terminate(arg: ''): string | boolean;
  GetValue(element: string): string;
  SetValue(element: string, value: string): string | boolean;
  Commit(arg: ''): string | boolean;
  GetLastError(): string | number;
}

const ok = (result: unknown) => String(result) === 'true';
const ALREADY_INITIALIZED = 103;

export class Scorm2004Tracker extends ScormTracker {
  readonly version = 'scorm2004' as const;
  readonly limit = SCORM2004_SUSPEND_LIMIT;
  protected readonly essential = /^cmi\.(suspend_data|location|exit|completion_status|success_status|score\.)/;
  private completion = '';
  private success = '';

  constructor(api: Scorm2004Api) {
    super({
      initialize: () => ok(api.Initialize('')),
      getValue: (element) => api.GetValue(element),
      setValue: (element, value) => ok(api.SetValue(element, value)),
      commit: () => ok(api.Commit('')),
      finish: () => ok(api.Terminate('')),
      lastError: () => Number(api.GetLastError()) || 0,
    });
  }

  initialize(): boolean {
    return this.calls.initialize() || this.calls.lastError() === ALREADY_INITIALIZED;
  }

  start(): LaunchData {
    this.completion = this.getVocabulary('cmi.completion_status');
    this.success = this.getVocabulary('cmi.success_status');
    const mode = this.getVocabulary('cmi.mode');
    // A first launch has no location or suspend_data: reading them only raises error 403
    // (value not initialized) in the LMS's log.
    const fresh = this.getVocabulary('cmi.entry') === 'ab-initio';
    return {
      location: fresh ? '' : this.get('cmi.location'),
      suspendData: fresh ? '' : this.get('cmi.suspend_data'),
      review: mode === 'review' || mode === 'browse',
      passed: this.success === 'passed',
      // Read only when there is one: reading an unset score raises error 403 in the LMS's log.
      score: this.success === 'passed' || this.success === 'failed' ? this.readScore('cmi.score') : undefined,
    };
  }

  setProgress(location: string, suspendData: string): void {
    // An empty location is not a valid characterstring for some LMSs (scorm-again: 406).
    if (location) this.set('cmi.location', location.slice(0, 1000));
    this.set('cmi.suspend_data', suspendData);
  }

  setResult(status: Status, score: number | undefined): void {
    if (score !== undefined) this.setScore('cmi.score', score, true);
    const completion = nextCompletionStatus(this.completion, status.complete);
    if (completion && this.set('cmi.completion_status', completion)) this.completion = completion;
    const success = nextSuccessStatus(this.success, status.success);
    if (success && this.set('cmi.success_status', success)) this.success = success;
  }

  setExit(finished: boolean): void {
    this.set('cmi.exit', finished ? 'normal' : 'suspend');
  }

  setSessionTime(ms: number): void {
    this.set('cmi.session_time', scorm2004Duration(ms), false);
  }

  finish(): void {
    // Terminate commits implicitly in 2004.
    this.calls.finish();
  }
}
