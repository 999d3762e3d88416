/**
 * What the learner runtime reads on every page (assets/course-data.js, `window.coursekitCourse`):
 * built by the render stage (render/view-model.ts), read by the browser runtime, which may import
 * only types from build-time code. Plain data, so it crosses into the browser as JSON.
 */
import type { CognitiveLevel, Module, Question } from './content.generated.js';

/** The learner-interface strings of one language (src/render/locales/<lang>.json), by key. */
export type Strings = Record<string, string>;

/** Data the learner runtime needs on every page: written once per module as assets/course-data.js. */
export interface RuntimeCourseData {
  id: string;
  version: string;
  title: string;
  language: string;
  completion: Module['tracking']['completion'];
  pages: { id: string; url: string; title: string; kind: 'start' | 'lesson' | 'assessment' }[];
  assessment:
    | {
        passMark: number;
        maxAttempts: number;
        shuffleQuestions: boolean;
        shuffleOptions: boolean;
        /** Per paragraph ("document#paragraph"): how many questions, and at least how many at a level or above. */
        draw: { key: string; count: number; minAtOrAbove?: { level: CognitiveLevel; count: number } }[];
        /** What SCORM 1.2 reports after a failed attempt while attempts remain (see tracking in module.json). */
        failedAttemptStatus: 'incomplete' | 'failed';
        /** Which attempt's score reaches the LMS. */
        reportedScore: 'best' | 'latest';
      }
    | undefined;
  /** Every question, bank and knowledge checks, with what is needed to score it. */
  questions: Record<string, RuntimeQuestion>;
  /**
   * The part of the source each bank question cites, by "document#part" ("A/58/275#74",
   * "UDHR#14(1)"), as learners see it, with its label ("UDHR, Article 14(1)"): the results review.
   */
  citedTexts: Record<string, { label: string; text: string }>;
  /** The language of the cited texts when it is not the course's (a translation quotes the source documents as written). */
  citedTextsLanguage?: { lang: string; dir: 'ltr' | 'rtl' };
  /** Scenario blocks by id: how their steps connect, so the session can keep and report the learner's path. */
  scenarios: Record<string, RuntimeScenario>;
  strings: Strings;
}

export interface RuntimeScenario {
  /** The heading, for the LMS's description of the interaction. */
  title: string;
  start: string;
  /** Each step's choices, by step id: the choice id and the step it leads to (none: the conversation ends). */
  steps: Record<string, { id: string; next?: string }[]>;
}

export interface RuntimeQuestion {
  type: Question['type'];
  /** "document#part": "A/58/275#74", "UDHR#14(1)". */
  source: string;
  prompt: string;
  level: CognitiveLevel;
  /** Option, pair or item ids in authored order. */
  ids: string[];
  /** Correct answer: option ids (single/multiple), "true"/"false", pair→match ids, ordered ids, or accepted texts. */
  correct: string[];
  bank: boolean;
}
