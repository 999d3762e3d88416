/**
 * The file "Download my results" saves and `coursekit results` reads: small, versioned, and
 * complete for one attempt: which questions were drawn, what the learner answered (by option
 * ids, as the course keeps answers), whether each was right, and the score. Documented in
 * docs/results.md; a change to it needs a new version. Shared by browser and build-time code,
 * so it imports nothing.
 */

export const RESULTS_FILE_FORMAT = 'coursekit-results';
export const RESULTS_FILE_VERSION = 1;

export interface ResultsFile {
  format: typeof RESULTS_FILE_FORMAT;
  formatVersion: typeof RESULTS_FILE_VERSION;
  module: { id: string; version: string; title: string };
  /** A random id kept in this browser with the learner's progress: links a learner's files, names no one. */
  learner: string;
  /** 1 for the learner's first attempt. */
  attempt: number;
  score: { percent: number; correct: number; total: number; passed: boolean };
  /** The drawn questions in the order shown; `response` is null for an unanswered one. */
  questions: { id: string; source: string; response: string[] | null; correct: boolean }[];
  /** ISO 8601, when the learner downloaded the file. */
  downloadedAt: string;
}
