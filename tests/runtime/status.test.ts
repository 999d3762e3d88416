/** Status rules: completion per module rule, success, and never a status the LMS cannot take back. */
import { describe, expect, it } from 'vitest';
import {
  canStartAttempt,
  lessonStatus12,
  nextCompletionStatus,
  nextLessonStatus,
  nextSuccessStatus,
  statusOf,
  type Progress,
} from '../../src/runtime/status.js';

const base: Progress = {
  rule: 'allPagesViewedAndAssessmentPassed',
  lessons: ['one', 'two'],
  viewed: [],
  hasAssessment: true,
  passed: false,
  attemptsUsed: 0,
  maxAttempts: 3,
  failedAttemptStatus: 'failed',
};
const allViewed = { viewed: ['start', 'one', 'two'] };

describe('statusOf', () => {
  it.each([
    // rule, progress, complete, success, finished, 1.2 lesson_status
    ['allPagesViewed', {}, false, 'unknown', false, 'incomplete'],
    ['allPagesViewed', allViewed, true, 'unknown', false, 'completed'],
    ['allPagesViewed', { ...allViewed, passed: true, attemptsUsed: 1 }, true, 'passed', true, 'passed'],
    ['allPagesViewed', { ...allViewed, attemptsUsed: 1 }, true, 'failed', false, 'failed'],
    ['assessmentPassed', {}, false, 'unknown', false, 'incomplete'],
    ['assessmentPassed', allViewed, false, 'unknown', false, 'incomplete'],
    ['assessmentPassed', { passed: true, attemptsUsed: 2 }, true, 'passed', true, 'passed'],
    ['assessmentPassed', { attemptsUsed: 1 }, false, 'failed', false, 'failed'],
    ['allPagesViewedAndAssessmentPassed', allViewed, false, 'unknown', false, 'incomplete'],
    // Passed without viewing every page: not complete, so 1.2 must not say "passed" yet.
    ['allPagesViewedAndAssessmentPassed', { passed: true, attemptsUsed: 1 }, false, 'passed', false, 'incomplete'],
    ['allPagesViewedAndAssessmentPassed', { ...allViewed, passed: true, attemptsUsed: 1 }, true, 'passed', true, 'passed'],
    ['allPagesViewedAndAssessmentPassed', { attemptsUsed: 1 }, false, 'failed', false, 'failed'],
    // Attempts exhausted: still "not finished", so exit stays suspend and the limit survives a relaunch.
    ['allPagesViewedAndAssessmentPassed', { ...allViewed, attemptsUsed: 3 }, false, 'failed', false, 'failed'],
  ] as const)('%s with %j: complete %s, success %s, finished %s, 1.2 %s', (rule, progress, complete, success, finished, status12) => {
    const status = statusOf({ ...base, rule, ...progress });
    expect(status).toEqual({ complete, success, finished, retakeOpen: false });
    expect(lessonStatus12(status)).toBe(status12);
  });

  it.each([
    // rule, progress, complete, 1.2 lesson_status, retake open
    // A failed attempt with attempts left keeps the LMS attempt open: Moodle closes one that says "failed".
    ['allPagesViewedAndAssessmentPassed', { ...allViewed, attemptsUsed: 1 }, false, 'incomplete', true],
    ['assessmentPassed', { attemptsUsed: 2 }, false, 'incomplete', true],
    // Pages viewed under allPagesViewed: already "completed", which a failed attempt does not take back.
    ['allPagesViewed', { ...allViewed, attemptsUsed: 1 }, true, 'completed', true],
    // The last allowed attempt failed: now it is a result.
    ['allPagesViewedAndAssessmentPassed', { ...allViewed, attemptsUsed: 3 }, false, 'failed', false],
    ['allPagesViewedAndAssessmentPassed', { ...allViewed, attemptsUsed: 2, passed: true }, true, 'passed', false],
  ] as const)(
    'with failed attempts reported as incomplete: %s, %j: complete %s, 1.2 %s',
    (rule, progress, complete, status12, retakeOpen) => {
      const status = statusOf({ ...base, failedAttemptStatus: 'incomplete', rule, ...progress });
      expect(status).toMatchObject({ complete, retakeOpen });
      expect(status.success).toBe(progress.attemptsUsed > 0 && !('passed' in progress) ? 'failed' : 'passed');
      expect(lessonStatus12(status)).toBe(status12);
    },
  );

  it('keeps an assessment SCO incomplete while its retake is open', () => {
    const sco = { id: 'assessment', kind: 'assessment' } as const;
    expect(statusOf({ ...base, failedAttemptStatus: 'incomplete', attemptsUsed: 1, sco })).toMatchObject({
      complete: false,
      success: 'failed',
      retakeOpen: true,
    });
    expect(statusOf({ ...base, failedAttemptStatus: 'incomplete', attemptsUsed: 3, sco })).toMatchObject({
      complete: true,
      success: 'failed',
      retakeOpen: false,
    });
  });

  it('ignores the assessment part of the rule when the module has none', () => {
    const status = statusOf({ ...base, hasAssessment: false, ...allViewed });
    expect(status).toEqual({ complete: true, success: 'unknown', finished: true, retakeOpen: false });
    expect(lessonStatus12(status)).toBe('completed');
  });

  it('tracks one page per SCO in a multi-SCO package', () => {
    expect(statusOf({ ...base, sco: { id: 'two', kind: 'lesson' } })).toEqual({
      complete: false,
      success: 'unknown',
      finished: false,
      retakeOpen: false,
    });
    expect(statusOf({ ...base, viewed: ['two'], sco: { id: 'two', kind: 'lesson' } })).toEqual({
      complete: true,
      success: 'unknown',
      finished: true,
      retakeOpen: false,
    });
    expect(statusOf({ ...base, sco: { id: 'assessment', kind: 'assessment' } })).toEqual({
      complete: false,
      success: 'unknown',
      finished: false,
      retakeOpen: false,
    });
    expect(statusOf({ ...base, attemptsUsed: 1, sco: { id: 'assessment', kind: 'assessment' } })).toEqual({
      complete: true,
      success: 'failed',
      finished: false,
      retakeOpen: false,
    });
    expect(statusOf({ ...base, attemptsUsed: 1, passed: true, sco: { id: 'assessment', kind: 'assessment' } })).toEqual({
      complete: true,
      success: 'passed',
      finished: true,
      retakeOpen: false,
    });
  });
});

describe('never downgrading what the LMS holds', () => {
  it.each([
    ['not attempted', 'incomplete', 'incomplete'],
    ['', 'incomplete', 'incomplete'],
    ['incomplete', 'incomplete', undefined],
    ['incomplete', 'failed', 'failed'],
    ['failed', 'passed', 'passed'],
    ['failed', 'incomplete', undefined],
    ['completed', 'incomplete', undefined],
    ['completed', 'passed', 'passed'],
    ['completed', 'failed', 'failed'],
    ['passed', 'failed', undefined],
    ['passed', 'incomplete', undefined],
    ['passed', 'completed', undefined],
    // LMSs answer in their own letter case (spoor lower-cases too).
    ['Passed', 'incomplete', undefined],
    ['PASSED', 'failed', undefined],
    ['Completed', 'incomplete', undefined],
    ['Failed', 'incomplete', undefined],
  ] as const)('1.2: LMS holds %j, content wants %s: writes %s', (current, desired, written) => {
    expect(nextLessonStatus(current, desired)).toBe(written);
  });

  it.each([
    ['unknown', false, 'incomplete'],
    ['not attempted', true, 'completed'],
    ['incomplete', true, 'completed'],
    ['completed', false, undefined],
    ['completed', true, undefined],
    ['COMPLETED', false, undefined],
    ['Completed', true, undefined],
  ] as const)('2004 completion: LMS holds %s, complete %s: writes %s', (current, complete, written) => {
    expect(nextCompletionStatus(current, complete)).toBe(written);
  });

  it.each([
    ['unknown', 'unknown', undefined],
    ['unknown', 'failed', 'failed'],
    ['failed', 'passed', 'passed'],
    ['passed', 'failed', undefined],
    ['passed', 'unknown', undefined],
    ['Passed', 'failed', undefined],
    ['PASSED', 'unknown', undefined],
  ] as const)('2004 success: LMS holds %s, content knows %s: writes %s', (current, success, written) => {
    expect(nextSuccessStatus(current, success)).toBe(written);
  });
});

describe('canStartAttempt', () => {
  it('allows attempts up to the limit, none after a pass, unlimited with 0', () => {
    expect(canStartAttempt({ passed: false, attemptsUsed: 2, maxAttempts: 3 })).toBe(true);
    expect(canStartAttempt({ passed: false, attemptsUsed: 3, maxAttempts: 3 })).toBe(false);
    expect(canStartAttempt({ passed: true, attemptsUsed: 1, maxAttempts: 3 })).toBe(false);
    expect(canStartAttempt({ passed: false, attemptsUsed: 99, maxAttempts: 0 })).toBe(true);
  });
});
