/**
 * How coursekit's SCORM packages spell interaction ids and response patterns. The learner
 * runtime writes them (runtime/interactions.ts); `coursekit results` reads LMS exports back with
 * the same functions, so the two cannot drift apart. Shared by browser and build-time code, so
 * it imports nothing.
 */

export type ScormVersion = 'scorm12' | 'scorm2004';

/** What the patterns need of a question (the runtime's course data has more). */
export interface PatternQuestion {
  type: 'single' | 'multiple' | 'trueFalse' | 'matching' | 'ordering' | 'fillIn';
  /** Option, pair or item ids in authored order. */
  ids: string[];
  /** Option ids, "true"/"false", pair→match ids, ordered ids, or accepted texts. */
  correct: string[];
}

export function interactionId(version: ScormVersion, moduleId: string, questionId: string, attempt: number): string {
  return `${interactionKey(version, moduleId, questionId)}${version === 'scorm12' ? '_' : ':'}${attempt}`;
}

/** The part of an interaction id that names the question: the same in every attempt (`coursekit results` maps ids back with it). */
export function interactionKey(version: ScormVersion, moduleId: string, questionId: string): string {
  return version === 'scorm12' ? questionId.replace(/[^A-Za-z0-9]/g, '_') : `urn:coursekit:${moduleId}:${questionId}`;
}

/**
 * A scenario's interaction (a path through it, never scored): the part of its id that names the
 * scenario, followed like a question's by the run number. `coursekit results` recognises these
 * and leaves them out of the figures rather than calling them unknown.
 */
export function scenarioInteractionKey(version: ScormVersion, moduleId: string, scenarioId: string): string {
  return version === 'scorm12'
    ? `scenario_${scenarioId.replace(/[^A-Za-z0-9]/g, '_')}`
    : `urn:coursekit:${moduleId}:scenario:${scenarioId}`;
}

export function scenarioInteractionId(version: ScormVersion, moduleId: string, scenarioId: string, run: number): string {
  return `${scenarioInteractionKey(version, moduleId, scenarioId)}${version === 'scorm12' ? '_' : ':'}${run}`;
}

/**
 * SCORM 1.2 choice, matching and sequencing identifiers are single characters 0-9 a-z:
 * option ids are used when they all are one character, else options are lettered by position.
 */
export function singleCharIds(ids: string[]): string[] {
  return ids.every((id) => /^[0-9a-z]$/.test(id)) ? ids : ids.map((_, i) => (i < 26 ? String.fromCharCode(97 + i) : String(i - 26)));
}

export function correctPatterns(version: ScormVersion, q: PatternQuestion): string[] {
  if (q.type === 'fillIn') {
    return version === 'scorm12'
      ? q.correct.map((text) => text.slice(0, 255))
      : q.correct.slice(0, 10).map((text) => `{case_matters=false}${clean2004(text).slice(0, 230)}`);
  }
  return [responsePattern(version, q, q.correct)];
}

export function responsePattern(version: ScormVersion, q: PatternQuestion, response: string[]): string {
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
export function clean2004(text: string): string {
  return text.replace(/\[[,.:]\]/g, ' ').replace(/^\{/, '(');
}
