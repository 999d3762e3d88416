/**
 * A scenario's path: the learner's choices from the first step, in order. Which step each
 * choice answers follows from the choices before it, so the choice ids are all that is kept.
 */
import type { RuntimeScenario } from '../model/runtime-data.js';

/** More choices than this are refused (the learner starts again): the path must fit in suspend_data. */
export const MAX_SCENARIO_PATH = 60;

export interface ScenarioWalk {
  /** Each choice with the step it answered. */
  steps: { step: string; choice: string }[];
  /** The step waiting for a choice; undefined once the conversation has ended. */
  current: string | undefined;
  /** The path is longer than the scenario allows (it changed since): only `steps` of it are valid. */
  broken: boolean;
}

export function walkScenario(scenario: RuntimeScenario, path: readonly string[]): ScenarioWalk {
  const steps: ScenarioWalk['steps'] = [];
  let current: string | undefined = scenario.start;
  for (const choiceId of path) {
    const choice: { id: string; next?: string } | undefined =
      current === undefined ? undefined : scenario.steps[current]?.find((c) => c.id === choiceId);
    if (!choice || current === undefined) return { steps, current, broken: true };
    steps.push({ step: current, choice: choiceId });
    current = choice.next;
  }
  // A step without choices is an ending.
  if (current !== undefined && (scenario.steps[current]?.length ?? 0) === 0) current = undefined;
  return { steps, current, broken: false };
}
