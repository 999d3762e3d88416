/** What every item-writing rule gets, and the few things several of them need to know about a question. */
import type { Question } from '../../model/course.js';
import type { At, Located, Report } from '../rules/context.js';
import type { Words } from './words.js';

export interface ItemCheck {
  /** The assessment's question bank. */
  bank: Located<Question>[];
  /** The bank and the lessons' knowledge checks. */
  questions: Located<Question>[];
  /** The module's language (a BCP 47 tag). */
  language: string;
  /** Undefined in a language without a list of common words: the rules that compare words do not run. */
  words: Words | undefined;
  /** The text of the paragraph a question cites, when the citation resolves. */
  paragraphOf(question: Question): string | undefined;
  /** The assessment shuffles the options of its choice questions. */
  shuffleOptions: boolean;
  report: Report;
  moduleAt(pointer: string): At;
}

export type ChoiceQuestion = Extract<Question, { type: 'single' | 'multiple' }>;

export function isChoice(question: Question): question is ChoiceQuestion {
  return question.type === 'single' || question.type === 'multiple';
}

export function isKey(question: ChoiceQuestion, optionId: string): boolean {
  return question.type === 'single' ? question.correct === optionId : question.correct.includes(optionId);
}

/** The texts a learner gives as the right answer: the key options, the statement judged true or false, pairs, items, accepted answers. */
export function answerTexts(question: Question): string[] {
  switch (question.type) {
    case 'single':
    case 'multiple':
      return question.options.filter((o) => isKey(question, o.id)).map((o) => o.text);
    case 'trueFalse':
      return [question.prompt];
    case 'matching':
      return question.pairs.flatMap((p) => [p.prompt, p.match]);
    case 'ordering':
      return question.items.map((i) => i.text);
    case 'fillIn':
      return question.accept;
  }
}

/** A text as messages quote it: in quotation marks, cut after about 60 characters. */
export function quoted(text: string): string {
  const plain = text.replace(/\s+/g, ' ').trim();
  return `"${plain.length > 60 ? `${plain.slice(0, 57).trimEnd()}…` : plain}"`;
}

/** "`a`, `b` and `c`" */
export function listIds(ids: string[]): string {
  return joinWithAnd(ids.map((id) => `\`${id}\``));
}

/** "x, y and z" */
export function joinWithAnd(texts: string[]): string {
  return texts.length <= 1 ? (texts[0] ?? '') : `${texts.slice(0, -1).join(', ')} and ${texts.at(-1)}`;
}

export function at(q: Located<Question>, suffix: string): At {
  return { file: q.file, pointer: `${q.pointer}${suffix}` };
}
