/**
 * The facilitator guide's session plan: an opening, each lesson for the minutes module.json
 * "workshop" gives it (or its estimatedMinutes), the paper quiz (after the last lesson, or the
 * one "quizAfter" names) and a closing, with a break
 * planned before any part that would take the time since the last break beyond the limit.
 */
import type { CourseModule } from '../model/course.js';

export type PlanPartKind = 'opening' | 'lesson' | 'break' | 'quiz' | 'closing';

export interface PlanPart {
  kind: PlanPartKind;
  /** Clock times, HH:MM. */
  start: string;
  end: string;
  minutes: number;
  /** For a lesson: its index in the module's lesson order. */
  lesson?: number;
}

export interface SessionPlan {
  parts: PlanPart[];
  start: string;
  end: string;
  minutes: number;
}

const DEFAULTS = { startTime: '09:00', openingMinutes: 15, closingMinutes: 15, breakAfter: 90, breakMinutes: 15, lessonMinutes: 30 };
const QUIZ_MINUTES_PER_QUESTION = 2;

export function sessionPlan(module: CourseModule, quizQuestions: number): SessionPlan {
  const workshop = module.meta.workshop ?? {};
  const wanted: Omit<PlanPart, 'start' | 'end'>[] = [{ kind: 'opening', minutes: workshop.openingMinutes ?? DEFAULTS.openingMinutes }];
  const quiz = { kind: 'quiz' as const, minutes: workshop.quizMinutes ?? quizQuestions * QUIZ_MINUTES_PER_QUESTION };
  module.lessons.forEach((lesson, i) => {
    wanted.push({
      kind: 'lesson',
      lesson: i,
      minutes: workshop.lessonMinutes?.[lesson.id] ?? lesson.estimatedMinutes ?? DEFAULTS.lessonMinutes,
    });
    if (quizQuestions > 0 && lesson.id === workshop.quizAfter) wanted.push(quiz);
  });
  if (quizQuestions > 0 && !wanted.includes(quiz)) wanted.push(quiz);
  wanted.push({ kind: 'closing', minutes: workshop.closingMinutes ?? DEFAULTS.closingMinutes });

  const breakAfter = workshop.breaks?.afterMinutes ?? DEFAULTS.breakAfter;
  const breakMinutes = workshop.breaks?.minutes ?? DEFAULTS.breakMinutes;
  const start = clockMinutes(workshop.startTime ?? DEFAULTS.startTime);
  let now = start;
  let sinceBreak = 0;
  const parts: PlanPart[] = [];
  const add = (part: Omit<PlanPart, 'start' | 'end'>) => {
    parts.push({ ...part, start: clock(now), end: clock(now + part.minutes) });
    now += part.minutes;
  };
  for (const part of wanted) {
    if (part.minutes === 0) continue;
    if (sinceBreak > 0 && sinceBreak + part.minutes > breakAfter) {
      add({ kind: 'break', minutes: breakMinutes });
      sinceBreak = 0;
    }
    add(part);
    sinceBreak += part.minutes;
  }
  return { parts, start: clock(start), end: clock(now), minutes: now - start };
}

function clockMinutes(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return h! * 60 + m!;
}

/** A workshop that runs past midnight wraps around the clock. */
function clock(minutes: number): string {
  const within = minutes % (24 * 60);
  return `${String(Math.floor(within / 60)).padStart(2, '0')}:${String(within % 60).padStart(2, '0')}`;
}
