/**
 * cmi.interactions for an answered assessment question, in the order they must be written
 * (id, then type, then the rest). Ids derive from the question id and the attempt number, so
 * they are stable across builds and unique within the SCO.
 */
import type { Question, Response } from './course.js';
import { scorm12Duration, scorm12Time, scorm2004Duration, scorm2004Timestamp } from './time.js';

export type ScormVersion = 'scorm12' | 'scorm2004';

export interface InteractionInput {
  moduleId: string;
  questionId: string;
  /** 1 for the first assessment attempt. */
  attempt: number;
  question: Question;
  response: Response;
  correct: boolean;
  latencyMs: number;
  at: Date;
  language: string;
}

/** [element below cmi.interactions.n., value] pairs. */
export type InteractionFields = [string, string][];

const TYPES: Record<Question['type'], string> = {
  single: 'choice',
  multiple: 'choice',
  trueFalse: 'true-false',
  matching: 'matching',
  ordering: 'sequencing',
  fillIn: 'fill-in',
};

export function interactionId(version: ScormVersion, moduleId: string, questionId: string, attempt: number): string {
  return version === 'scorm12'
    ? `${questionId.replace(/[^A-Za-z0-9]/g, '_')}_${attempt}`
    : `urn:coursekit:${moduleId}:${questionId}:${attempt}`;
}

export function interactionFields(version: ScormVersion, input: InteractionInput): InteractionFields {
  const is12 = version === 'scorm12';
  const { question } = input;
  const fields: InteractionFields = [
    ['id', interactionId(version, input.moduleId, input.questionId, input.attempt)],
    ['type', TYPES[question.type]],
  ];
  if (!is12) fields.push(['description', description(question.prompt, input.language)]);
  for (const [i, pattern] of correctPatterns(version, question).entries()) fields.push([`correct_responses.${i}.pattern`, pattern]);
  fields.push(
    [is12 ? 'student_response' : 'learner_response', responsePattern(version, question, input.response)],
    ['result', input.correct ? 'correct' : is12 ? 'wrong' : 'incorrect'],
    ['latency', is12 ? scorm12Duration(input.latencyMs) : scorm2004Duration(input.latencyMs)],
    [is12 ? 'time' : 'timestamp', is12 ? scorm12Time(input.at) : scorm2004Timestamp(input.at)],
    ['weighting', '1'],
  );
  return fields;
}

/**
 * SCORM 1.2 choice, matching and sequencing identifiers are single characters 0-9 a-z:
 * option ids are used when they all are one character, else options are lettered by position.
 */
export function singleCharIds(ids: string[]): string[] {
  return ids.every((id) => /^[0-9a-z]$/.test(id)) ? ids : ids.map((_, i) => (i < 26 ? String.fromCharCode(97 + i) : String(i - 26)));
}

function correctPatterns(version: ScormVersion, q: Question): string[] {
  if (q.type === 'fillIn') {
    return version === 'scorm12'
      ? q.correct.map((text) => text.slice(0, 255))
      : q.correct.slice(0, 10).map((text) => `{case_matters=false}${clean2004(text).slice(0, 230)}`);
  }
  return [responsePattern(version, q, q.correct)];
}

export function responsePattern(version: ScormVersion, q: Question, response: Response): string {
  const is12 = version === 'scorm12';
  const list = is12 ? ',' : '[,]';
  const chars = is12 ? singleCharIds(q.ids) : q.ids;
  const short = (id: string) => chars[q.ids.indexOf(id)] ?? id;
  switch (q.type) {
    case 'trueFalse':
      return is12 ? (response[0] === 'true' ? 't' : 'f') : response[0] === 'true' ? 'true' : 'false';
    case 'single':
    case 'multiple':
    case 'ordering':
      return response.map(short).join(list);
    case 'matching':
      return q.ids
        .map((id, i) => (response[i] ? `${short(id)}${is12 ? '.' : '[.]'}${short(response[i]!)}` : ''))
        .filter(Boolean)
        .join(list);
    case 'fillIn':
      return is12 ? (response[0] ?? '').slice(0, 255) : clean2004(response[0] ?? '').slice(0, 250);
  }
}

/** 2004 strings must not hold the list delimiters or start with a "{...}" prefix. */
function clean2004(text: string): string {
  return text.replace(/\[[,.:]\]/g, ' ').replace(/^\{/, '(');
}

function description(prompt: string, language: string): string {
  const text = clean2004(prompt.replace(/\s+/g, ' ')).slice(0, 250);
  return /^[a-zA-Z]{1,8}(-[a-zA-Z0-9-]{2,8})?$/.test(language) ? `{lang=${language}}${text}` : text;
}
