/**
 * Reflections and action plans: reflection and plan ids are unique in the module (the
 * learner's notes are kept under them), prompt ids within their plan, and every reflection a
 * plan gathers exists.
 */
import type { Lesson } from '../../model/course.js';
import type { BlockOf } from '../../model/texts.js';
import { closest } from '../suggest.js';
import type { Located, RuleContext } from './context.js';
import { firstById } from './references.js';

export function checkReflectionsAndPlans({ report }: RuleContext, lessons: Located<Lesson>[]): void {
  const reflections: Located<BlockOf<'reflection'> & { id: string }>[] = [];
  const plans: Located<BlockOf<'actionPlan'>>[] = [];
  for (const lesson of lessons) {
    for (const [b, block] of lesson.value.blocks.entries()) {
      const pointer = `/blocks/${b}`;
      if (block.type === 'reflection' && block.id !== undefined)
        reflections.push({ value: { ...block, id: block.id }, file: lesson.file, pointer });
      if (block.type === 'actionPlan') plans.push({ value: block, file: lesson.file, pointer });
    }
  }
  const reflectionIds = [...firstById(reflections, 'reflection', report).keys()];
  firstById(plans, 'action plan', report);
  for (const plan of plans) {
    firstById(
      plan.value.prompts.map((prompt, p) => ({ value: prompt, file: plan.file, pointer: `${plan.pointer}/prompts/${p}` })),
      'prompt',
      report,
    );
    plan.value.reflections.forEach((id, r) => {
      if (reflectionIds.includes(id)) return;
      const suggestion = closest(id, reflectionIds);
      report(
        'unknown-reference',
        { file: plan.file, pointer: `${plan.pointer}/reflections/${r}` },
        `there is no reflection with the id \`${id}\` in the module.`,
        {
          hint: suggestion
            ? `Did you mean \`${suggestion}\`?`
            : `Give the reflection block you mean an "id" (for example "id": "${id}"), or remove it from "reflections".`,
        },
      );
    });
  }
}
