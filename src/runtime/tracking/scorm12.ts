/** SCORM 1.2: cmi.core.*, one lesson_status, write-only interactions. */
import { SCORM12_SUSPEND_LIMIT } from '../codec.js';
import { lessonStatus12, nextLessonStatus, type Status } from '../status.js';
import { scorm12Duration } from '../time.js';
import { ScormTracker } from './scorm.js';
import type { LaunchData } from './tracker.js';

export interface Scorm12Api {
  LMSInitialize(arg: ''): string | boolean;
  LMSFinish(arg: ''): string | boolean;
  LMSGetValue(element: string): string;
  LMSSetValue(element: string, value: string): string | boolean;
  LMSCommit(arg: ''): string | boolean;
  LMSGetLastError(): string | number;
}

const ok = (result: unknown) => String(result) === 'true';

export class Scorm12Tracker extends ScormTracker {
  readonly version = 'scorm12' as const;
  readonly limit = SCORM12_SUSPEND_LIMIT;
  protected readonly essential = /^cmi\.(suspend_data|core\.(lesson_location|lesson_status|exit|score\.))/;
  private status = '';

  constructor(api: Scorm12Api) {
    super({
      initialize: () => ok(api.LMSInitialize('')),
      getValue: (element) => api.LMSGetValue(element),
      setValue: (element, value) => ok(api.LMSSetValue(element, value)),
      commit: () => ok(api.LMSCommit('')),
      finish: () => ok(api.LMSFinish('')),
      lastError: () => Number(api.LMSGetLastError()) || 0,
    });
  }

  initialize(): boolean {
    return this.calls.initialize();
  }

  start(): LaunchData {
    this.status = this.getVocabulary('cmi.core.lesson_status');
    const mode = this.getVocabulary('cmi.core.lesson_mode');
    return {
      location: this.get('cmi.core.lesson_location'),
      suspendData: this.get('cmi.suspend_data'),
      review: mode === 'review' || mode === 'browse',
      passed: this.status === 'passed',
      score: this.status === 'passed' || this.status === 'failed' ? this.readScore('cmi.core.score') : undefined,
    };
  }

  setProgress(location: string, suspendData: string): void {
    if (location) this.set('cmi.core.lesson_location', location.slice(0, 255));
    this.set('cmi.suspend_data', suspendData);
  }

  setResult(status: Status, score: number | undefined): void {
    if (score !== undefined) this.setScore('cmi.core.score', score, false);
    const next = nextLessonStatus(this.status, lessonStatus12(status));
    if (next && this.set('cmi.core.lesson_status', next)) this.status = next;
  }

  setExit(finished: boolean): void {
    this.set('cmi.core.exit', finished ? '' : 'suspend');
  }

  setSessionTime(ms: number): void {
    this.set('cmi.core.session_time', scorm12Duration(ms), false);
  }

  finish(): void {
    // 1.2 LMSs do not all commit on LMSFinish; some refuse a commit while the page unloads.
    for (let tries = 0; tries < 3 && !this.calls.commit(); tries++);
    this.calls.finish();
  }
}
