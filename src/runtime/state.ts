/** What the runtime remembers about a learner between pages and sessions. */
import type { Response } from './course.js';

export interface Attempt {
  /** The draw follows from it (see draw.ts). */
  seed: number;
  /** Position of the question on screen. */
  current: number;
  submitted: boolean;
  /** By drawn position; undefined while unanswered. */
  answers: (Response | undefined)[];
  /** Seconds spent on each question, for the interactions' latency. */
  seconds: number[];
}

export interface LearnerState {
  /** Ids of the pages opened at least once. */
  viewed: string[];
  /** Submitted assessment attempts. */
  attemptsUsed: number;
  passed: boolean;
  /** The last submitted attempt's score, 0 to 100. */
  score: number | undefined;
  /** The best submitted attempt's score, 0 to 100: what modules that report the best score send. */
  bestScore: number | undefined;
  /** The attempt in progress, or the last submitted one (for its review). */
  attempt: Attempt | undefined;
  /** This learner's order of knowledge-check options: kept, so a reload or a relaunch shows the same order. */
  practiceSeed?: number;
  /** Scenario blocks by id: the choices made so far, and how many times the learner reached an ending. */
  scenarios: Record<string, ScenarioProgress>;
}

export interface ScenarioProgress {
  path: string[];
  runs: number;
}

export function emptyState(): LearnerState {
  return { viewed: [], attemptsUsed: 0, passed: false, score: undefined, bestScore: undefined, attempt: undefined, scenarios: {} };
}
