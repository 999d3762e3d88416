/**
 * "Download my results": the file a learner without an LMS sends to the facilitator (a
 * workshop run from a USB stick, say), which `coursekit results` reads. Small, versioned, and
 * complete for one attempt: which questions were drawn, what the learner answered (by option
 * ids, as the course keeps answers), whether each was right, and the score.
 * The format is documented in docs/results.md; a change to it needs a new version.
 */
import type { Course } from './course.js';
import type { AttemptView } from './session.js';

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

/** Undefined unless the attempt was submitted. */
export function resultsFile(course: Course, learner: string, attempt: AttemptView, now: Date): ResultsFile | undefined {
  if (!attempt.submitted || !attempt.score) return undefined;
  return {
    format: RESULTS_FILE_FORMAT,
    formatVersion: RESULTS_FILE_VERSION,
    module: { id: course.id, version: course.version, title: course.title },
    learner,
    attempt: attempt.number,
    score: { ...attempt.score },
    questions: attempt.questions.map((drawn, i) => ({
      id: drawn.id,
      source: course.questions[drawn.id]?.source ?? '',
      response: attempt.answers[i] ?? null,
      correct: attempt.results[i] === true,
    })),
    downloadedAt: now.toISOString(),
  };
}

/** Distinct per learner and attempt, so a facilitator can save every file into one folder. */
export function resultsFileName(file: ResultsFile): string {
  return `${file.module.id}-results-${file.learner.slice(0, 8)}-attempt-${file.attempt}.json`;
}
