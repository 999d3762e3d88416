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
