/**
 * Is an answer right? The same rules for knowledge checks, the assessment, and `coursekit
 * results` reading an LMS export back: shared by the learner runtime and build-time code, so
 * it imports nothing.
 */

/** What scoring needs of a question (the runtime's course data has more). */
export interface ScoredQuestion {
  type: 'single' | 'multiple' | 'trueFalse' | 'matching' | 'ordering' | 'fillIn';
  /** Option ids (single/multiple), "true"/"false", pair→match ids, ordered ids, or accepted texts. */
  correct: string[];
}

/** A learner's answer, by ids (see `responseOf` in runtime/ui/question.ts). */
export type Response = string[];

/** Fill-in answers ignore case, surrounding spaces and repeated spaces. */
export function normalizeText(text: string): string {
  return text.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();
}

export function isAnswered(response: Response | undefined): response is Response {
  return !!response && response.some((part) => part !== '');
}

export function isCorrect(question: ScoredQuestion, response: Response | undefined): boolean {
  if (!isAnswered(response)) return false;
  if (question.type === 'fillIn') {
    const given = normalizeText(response[0] ?? '');
    return question.correct.some((accepted) => normalizeText(accepted) === given);
  }
  if (question.type === 'multiple') {
    return response.length === question.correct.length && question.correct.every((id) => response.includes(id));
  }
  return response.length === question.correct.length && question.correct.every((id, i) => response[i] === id);
}

/** For practice feedback: not right, but some of it is. */
export function isPartlyCorrect(question: ScoredQuestion, response: Response | undefined): boolean {
  if (!isAnswered(response) || isCorrect(question, response)) return false;
  if (question.type === 'multiple') return response.some((id) => question.correct.includes(id));
  if (question.type === 'matching' || question.type === 'ordering') return question.correct.some((id, i) => response[i] === id);
  return false;
}

export interface Score {
  correct: number;
  total: number;
  /** 0 to 100, two decimals at most: what the LMS receives as score.raw. */
  percent: number;
  passed: boolean;
}

export function scoreOf(results: boolean[], passMark: number): Score {
  const total = results.length;
  const correct = results.filter(Boolean).length;
  const percent = total === 0 ? 0 : Math.round((correct * 10000) / total) / 100;
  // Compare exact fractions: a rounded percentage must not turn a fail into a pass.
  return { correct, total, percent, passed: total > 0 && correct * 100 >= passMark * total };
}
