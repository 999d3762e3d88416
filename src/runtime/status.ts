/**
 * Completion and success, from the learner state and the module's completion rule, and how
 * they map to each SCORM version. LMSs do not downgrade a status, so the content never
 * reports one it may have to take back: no "passed" before a real pass, and a status the LMS
 * already holds is never replaced by a weaker one.
 */
import type { CompletionRule } from './course.js';

export type Success = 'passed' | 'failed' | 'unknown';
export type LessonStatus12 = 'passed' | 'failed' | 'completed' | 'incomplete';

export interface Progress {
  rule: CompletionRule;
  /** Every lesson page id, and those viewed. */
  lessons: string[];
  viewed: string[];
  hasAssessment: boolean;
  passed: boolean;
  attemptsUsed: number;
  /** 0: unlimited. */
  maxAttempts: number;
  /** One SCO per page: the page this SCO tracks. */
  sco?: { id: string; kind: 'start' | 'lesson' | 'assessment' } | undefined;
  /** What a failed attempt reports while attempts remain (SCORM 1.2; see module.json tracking). */
  failedAttemptStatus: 'incomplete' | 'failed';
}

export interface Status {
  complete: boolean;
  success: Success;
  /**
   * Nothing left to do: exit "normal" instead of "suspend". A failed learner with no attempts
   * left is not finished, so the LMS keeps the data that enforces the attempt limit.
   */
  finished: boolean;
  /**
   * Failed, with attempts left, and the module keeps the LMS attempt open for a retake:
   * SCORM 1.2 then reports "incomplete" rather than "failed", which Moodle treats as finished.
   */
  retakeOpen: boolean;
}

export function statusOf(p: Progress): Status {
  const success: Success = p.passed ? 'passed' : p.attemptsUsed > 0 ? 'failed' : 'unknown';
  const retakeOpen = success === 'failed' && canStartAttempt(p) && p.failedAttemptStatus === 'incomplete';
  if (p.sco) {
    if (p.sco.kind === 'assessment') {
      const complete = p.passed || (p.attemptsUsed > 0 && !retakeOpen);
      return { complete, success, finished: p.passed, retakeOpen };
    }
    const complete = p.viewed.includes(p.sco.id);
    return { complete, success: 'unknown', finished: complete, retakeOpen: false };
  }
  const pagesDone = p.lessons.every((id) => p.viewed.includes(id));
  const assessmentDone = !p.hasAssessment || p.passed;
  const complete = p.rule === 'allPagesViewed' ? pagesDone : p.rule === 'assessmentPassed' ? assessmentDone : pagesDone && assessmentDone;
  return { complete, success: p.hasAssessment ? success : 'unknown', finished: complete && assessmentDone, retakeOpen };
}

export function canStartAttempt(p: Pick<Progress, 'passed' | 'attemptsUsed' | 'maxAttempts'>): boolean {
  return !p.passed && (p.maxAttempts === 0 || p.attemptsUsed < p.maxAttempts);
}

/**
 * SCORM 1.2 has one status: a known result wins, and a pass only counts once complete. A
 * failed attempt with a retake open is not yet a result: Moodle closes an attempt that
 * reports "failed" and relaunches it in review mode, locking the learner out of retakes.
 */
export function lessonStatus12(s: Status): LessonStatus12 {
  if (s.success === 'passed' && s.complete) return 'passed';
  if (s.success === 'failed' && !s.retakeOpen) return 'failed';
  return s.complete ? 'completed' : 'incomplete';
}

/**
 * A vocabulary value (status, mode, entry) as the LMS answered it, in SCORM's spelling: real
 * LMSs answer "Passed" or "COMPLETED", and reading those as something else would downgrade them.
 */
export function lmsVocabulary(value: string): string {
  return value.trim().toLowerCase();
}

/** The 1.2 status to write, given what the LMS holds; undefined when it must stay as is. */
export function nextLessonStatus(held: string, desired: LessonStatus12): LessonStatus12 | undefined {
  const current = lmsVocabulary(held);
  if (current === desired || current === 'passed') return undefined;
  if (desired === 'incomplete' && (current === 'completed' || current === 'failed')) return undefined;
  return desired;
}

export function nextCompletionStatus(held: string, complete: boolean): 'completed' | 'incomplete' | undefined {
  const current = lmsVocabulary(held);
  const desired = complete ? 'completed' : 'incomplete';
  return current === desired || current === 'completed' ? undefined : desired;
}

export function nextSuccessStatus(held: string, success: Success): 'passed' | 'failed' | undefined {
  const current = lmsVocabulary(held);
  return success === 'unknown' || current === success || current === 'passed' ? undefined : success;
}
