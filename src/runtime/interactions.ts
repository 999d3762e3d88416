/**
 * cmi.interactions for an answered assessment question, in the order they must be written
 * (id, then type, then the rest). Ids derive from the question id and the attempt number, so
 * they are stable across builds and unique within the SCO; ids and patterns are spelt by
 * shared/interaction-patterns.ts.
 */
import { clean2004, correctPatterns, interactionId, responsePattern, type ScormVersion } from '../shared/interaction-patterns.js';
import type { Question, Response } from './course.js';
import { scorm12Duration, scorm12Time, scorm2004Duration, scorm2004Timestamp } from './time.js';

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

function description(prompt: string, language: string): string {
  const text = clean2004(prompt.replace(/\s+/g, ' ')).slice(0, 250);
  return /^[a-zA-Z]{1,8}(-[a-zA-Z0-9-]{2,8})?$/.test(language) ? `{lang=${language}}${text}` : text;
}

export interface ScenarioInteractionInput {
  moduleId: string;
  scenarioId: string;
  title: string;
  /** 1 the first time the learner reaches an ending. */
  run: number;
  steps: { step: string; choice: string }[];
  at: Date;
  language: string;
}

/**
 * A finished run through a scenario: no answer is right or wrong (result "neutral"), and the
 * response is the path, "step.choice" for each reply. SCORM 2004 calls this type "other"; SCORM
 * 1.2 has none, and its "choice" would lose which step each reply answered, so it is a
 * "performance", whose response is free text too. Weighting 0: it never counts towards a score.
 */
export function scenarioInteractionFields(version: ScormVersion, input: ScenarioInteractionInput): InteractionFields {
  const is12 = version === 'scorm12';
  const path = input.steps.map((s) => `${s.step}.${s.choice}`).join(',');
  const fields: InteractionFields = [
    [
      'id',
      is12
        ? `scenario_${input.scenarioId.replace(/[^A-Za-z0-9]/g, '_')}_${input.run}`
        : `urn:coursekit:${input.moduleId}:scenario:${input.scenarioId}:${input.run}`,
    ],
    ['type', is12 ? 'performance' : 'other'],
  ];
  if (!is12) fields.push(['description', description(input.title, input.language)]);
  fields.push(
    [is12 ? 'student_response' : 'learner_response', path.slice(0, is12 ? 255 : 4000)],
    ['result', 'neutral'],
    [is12 ? 'time' : 'timestamp', is12 ? scorm12Time(input.at) : scorm2004Timestamp(input.at)],
    ['weighting', '0'],
  );
  return fields;
}
