/**
 * "Download my results": the file a learner without an LMS sends to the facilitator (a
 * workshop run from a USB stick, say), which `coursekit results` reads. Its format is in
 * shared/results-file.ts.
 */
import { RESULTS_FILE_FORMAT, RESULTS_FILE_VERSION, type ResultsFile } from '../shared/results-file.js';
import type { Course } from './course.js';
import type { AttemptView } from './session.js';

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
