/**
 * Scenarios: a small graph of steps. Every id a choice or `start` names is a step; every step
 * can be reached from the first; and from every step the learner can reach an ending (a step
 * without choices, or a choice without `next`), so no learner is caught in a loop. The
 * feedback's citations resolve like any other.
 */
import type { Lesson } from '../../model/course.js';
import type { BlockOf } from '../../model/texts.js';
import { closest } from '../suggest.js';
import type { Citations } from './citations.js';
import type { At, Located, RuleContext } from './context.js';
import { firstById } from './references.js';

type Scenario = BlockOf<'scenario'>;

export function checkScenarios(context: RuleContext, lessons: Located<Lesson>[], citations: Citations): void {
  const scenarios: Located<Scenario>[] = [];
  for (const lesson of lessons) {
    for (const [b, block] of lesson.value.blocks.entries()) {
      if (block.type === 'scenario') scenarios.push({ value: block, file: lesson.file, pointer: `/blocks/${b}` });
    }
  }
  firstById(scenarios, 'scenario', context.report);
  for (const scenario of scenarios) checkScenario(context, scenario, citations);
}

function checkScenario({ report }: RuleContext, scenario: Located<Scenario>, citations: Citations): void {
  const { value, file, pointer } = scenario;
  const at = (below: string): At => ({ file, pointer: `${pointer}${below}` });
  const steps = firstById(
    value.steps.map((step, s) => ({ value: step, file, pointer: `${pointer}/steps/${s}` })),
    'step',
    report,
  );
  const stepIds = [...steps.keys()];
  const unknownStep = (id: string, where: At) =>
    report('unknown-reference', where, `there is no step \`${id}\` in scenario \`${value.id}\`.`, {
      hint: closest(id, stepIds)
        ? `Did you mean \`${closest(id, stepIds)}\`?`
        : `The steps are ${stepIds.map((s) => `\`${s}\``).join(', ')}.`,
    });

  const next = new Map<string, string[]>();
  const endsHere = new Set<string>();
  let dangling = false;
  for (const [s, step] of value.steps.entries()) {
    if (steps.get(step.id)?.value !== step) continue;
    const choices = step.choices ?? [];
    firstById(
      choices.map((choice, c) => ({ value: choice, file, pointer: `${pointer}/steps/${s}/choices/${c}` })),
      'choice',
      report,
    );
    if (choices.length === 0 || choices.some((c) => c.next === undefined)) endsHere.add(step.id);
    const targets: string[] = [];
    for (const [c, choice] of choices.entries()) {
      const choiceAt = `/steps/${s}/choices/${c}`;
      if (choice.source) citations.check(choice.source, at(`${choiceAt}/source`));
      if (choice.next === undefined) continue;
      if (steps.has(choice.next)) targets.push(choice.next);
      else {
        unknownStep(choice.next, at(`${choiceAt}/next`));
        dangling = true;
      }
    }
    next.set(step.id, targets);
  }
  if (!steps.has(value.start)) unknownStep(value.start, at('/start'));
  // A step id that names no step leaves the graph unknown: report it alone, not the steps it hides.
  if (dangling || !steps.has(value.start)) return;

  const reachable = [value.start];
  for (let i = 0; i < reachable.length; i++) {
    for (const target of next.get(reachable[i]!) ?? []) if (!reachable.includes(target)) reachable.push(target);
  }
  for (const [id, step] of steps) {
    if (!reachable.includes(id)) {
      report(
        'scenario-step-unreachable',
        { file, pointer: `${step.pointer}/id` },
        `no choice leads to step \`${id}\` from the first step (\`${value.start}\`).`,
      );
    }
  }

  // The steps from which an ending can be reached, grown backwards from the endings.
  const canEnd = new Set(endsHere);
  for (let grown = true; grown; ) {
    grown = false;
    for (const [id, targets] of next) {
      if (!canEnd.has(id) && targets.some((t) => canEnd.has(t))) {
        canEnd.add(id);
        grown = true;
      }
    }
  }
  const trapped = reachable.filter((id) => !canEnd.has(id));
  if (trapped.length > 0) {
    report(
      'scenario-no-ending',
      { file, pointer: `${steps.get(trapped[0]!)!.pointer}/id` },
      `from step \`${trapped[0]}\` the conversation can never end: ${trapped.length === 1 ? 'it only leads back to itself' : `steps ${trapped.map((s) => `\`${s}\``).join(', ')} only lead to each other`}.`,
    );
  }
}
