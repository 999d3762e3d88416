/**
 * Cognitive levels, lowest first: the first four of Anderson and Krathwohl's revision of
 * Bloom's taxonomy, as schemas/question.schema.json names them (a test keeps the two the same).
 * The build and the learner's browser both rank them: a draw rule asks for questions "at or
 * above" a level.
 */
export const COGNITIVE_LEVELS = ['remember', 'understand', 'apply', 'analyse'] as const;

export type CognitiveLevel = (typeof COGNITIVE_LEVELS)[number];

/** Whether `level` is `floor` or a higher level; an unknown level is below every level. */
export function isAtOrAbove(level: string | undefined, floor: CognitiveLevel): boolean {
  return COGNITIVE_LEVELS.indexOf(level as CognitiveLevel) >= COGNITIVE_LEVELS.indexOf(floor);
}
