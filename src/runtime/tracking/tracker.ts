/**
 * One tracking interface for SCORM 1.2, SCORM 2004 and the browser's own storage. The
 * session decides what to record; a tracker only knows how its LMS spells it.
 */
import type { ScormVersion } from '../../shared/interaction-patterns.js';
import type { InteractionFields } from '../interactions.js';
import type { Status } from '../status.js';

export interface LaunchData {
  /** The LMS's saved bookmark and suspend_data (empty on a first launch). */
  location: string;
  suspendData: string;
  /** cmi.mode / cmi.core.lesson_mode is "review" (or "browse"): look, do not record. */
  review: boolean;
  /** What the LMS already holds, so a status is never downgraded. */
  passed: boolean;
  /**
   * The score (0-100) the LMS holds when its status says an attempt was submitted. A 2004 LMS
   * returns no suspend_data after a normal exit (after a pass), but does return the score.
   */
  score: number | undefined;
  /** What was stored could not be read (and was set aside): the learner starts again. */
  unreadable?: boolean;
}

export interface Tracker {
  /** lms: a SCORM API; local: localStorage; memory: nothing survives the page. */
  readonly kind: 'lms' | 'local' | 'memory';
  /** SCORM version when kind is lms: interactions are recorded only then. */
  readonly version: ScormVersion | undefined;
  /** The longest suspend_data the LMS keeps. */
  readonly limit: number;
  /** Without an LMS: a random id kept with the progress, which names the learner's downloaded results (no one's identity). */
  readonly learner?: string;
  start(): LaunchData;
  setProgress(location: string, suspendData: string): void;
  /** Score first, then status: some LMSs ignore a score sent after the status. */
  setResult(status: Status, score: number | undefined): void;
  setExit(finished: boolean): void;
  setSessionTime(ms: number): void;
  addInteraction(fields: InteractionFields): void;
  commit(): boolean;
  /** Ends the session: LMSFinish / Terminate. Called once. */
  finish(): void;
}

/**
 * The LMS API: walk up window.parent (at most 500 levels), then window.opener and its
 * parents. Never search down from top.
 */
export function findApi<T>(name: 'API' | 'API_1484_11'): T | undefined {
  const search = (start: Window | null): T | undefined => {
    let win = start;
    for (let hops = 0; win && hops < 500; hops++) {
      try {
        const api = (win as unknown as Record<string, T | undefined>)[name];
        if (api) return api;
      } catch {
        // A cross-origin frame: keep climbing.
      }
      if (win.parent === win) break;
      win = win.parent;
    }
    return undefined;
  };
  let opener: Window | null = null;
  try {
    opener = window.opener as Window | null;
  } catch {
    opener = null;
  }
  return search(window) ?? search(opener);
}
