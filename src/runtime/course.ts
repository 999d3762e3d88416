/**
 * The course data every page loads from assets/course-data.js (`window.coursekitCourse`).
 * The shape is defined by the render stage; the runtime only reads it.
 */
import type { RuntimeCourseData, RuntimeQuestion } from '../model/runtime-data.js';

export type Course = RuntimeCourseData;
export type Question = RuntimeQuestion;

export type QuestionType = RuntimeQuestion['type'];
export type CompletionRule = RuntimeCourseData['completion'];
export type PageKind = RuntimeCourseData['pages'][number]['kind'];

/** A learner's answer to one question, by ids (see `responseOf` in ui/question.ts). */
export type Response = string[];

export function lessonIds(course: RuntimeCourseData): string[] {
  return course.pages.filter((p) => p.kind === 'lesson').map((p) => p.id);
}

export function pageById(course: RuntimeCourseData, id: string): RuntimeCourseData['pages'][number] | undefined {
  return course.pages.find((p) => p.id === id);
}

/** Fills `{name}` placeholders in a UI string. */
export function fmt(template: string | undefined, values: Record<string, string | number> = {}): string {
  return (template ?? '').replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
}

/**
 * A score (0-100) as the LMS records it: the value sent has up to two decimals (2 of 12 is
 * 16.67), so the learner sees those, in their language's digits and decimal mark.
 */
export function formatScore(score: number, language: string): string {
  try {
    return new Intl.NumberFormat(language, { maximumFractionDigits: 2 }).format(score);
  } catch {
    return String(Math.round(score * 100) / 100);
  }
}
