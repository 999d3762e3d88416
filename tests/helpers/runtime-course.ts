/** Course data as the learner runtime receives it (assets/course-data.js), for unit tests. */
import path from 'node:path';
import { checkModules } from '../../src/pipeline/check.js';
import type { RuntimeCourseData, RuntimeQuestion } from '../../src/model/runtime-data.js';
import { buildSiteModel } from '../../src/render/view-model.js';
import type { Question, Response } from '../../src/runtime/course.js';
import { drawAttempt } from '../../src/shared/draw.js';
import type { LearnerState } from '../../src/runtime/state.js';
import { fixturesDir, repoRoot } from './projects.js';

/** The runtime data of a fixture project (tests/fixtures/projects/) or of the repository's sample module. */
export async function runtimeCourse(name: 'tiny' | 'udhr-asylum' | 'sample'): Promise<RuntimeCourseData> {
  const modulesDir = name === 'sample' ? path.join(repoRoot, 'modules') : path.join(fixturesDir, 'projects', name, 'modules');
  const checked = await checkModules({ cwd: repoRoot, modulesDir });
  const module = checked.modules[0];
  if (!module) throw new Error(`${name} did not validate: ${JSON.stringify(checked.diagnostics)}`);
  return buildSiteModel([module]).runtimeData.get(module.id)!;
}

/**
 * A synthetic course whose assessment draws every question of a bank of `size`, cycling
 * through the question types at their largest (10 options, 8 pairs or items, long accepted
 * answers): the worst case for suspend_data.
 */
export function bigBankCourse(size = 200, lessons = 40): RuntimeCourseData {
  const questions: Record<string, RuntimeQuestion> = {};
  const letters = (n: number) => Array.from({ length: n }, (_, i) => `option-${String.fromCharCode(97 + i)}`);
  const types: RuntimeQuestion['type'][] = ['single', 'multiple', 'trueFalse', 'matching', 'ordering', 'fillIn'];
  const perParagraph = size / 4;
  for (let i = 0; i < size; i++) {
    const type = types[i % types.length]!;
    const source = `A/58/275#${74 + Math.floor(i / perParagraph)}`;
    const id = `question-${String(i).padStart(3, '0')}-with-a-rather-long-identifier-to-be-safe`.slice(0, 64);
    const ids =
      type === 'trueFalse' ? ['true', 'false'] : type === 'fillIn' ? [] : letters(type === 'matching' || type === 'ordering' ? 8 : 10);
    const correct =
      type === 'single'
        ? [ids[0]!]
        : type === 'multiple'
          ? ids.slice(0, 5)
          : type === 'trueFalse'
            ? ['true']
            : type === 'fillIn'
              ? ['x'.repeat(200), 'an accepted answer']
              : ids.slice();
    questions[id] = { type, source, prompt: `Question ${i}?`, ids, correct, level: 'remember', bank: true };
  }
  const pages: RuntimeCourseData['pages'] = [{ id: 'start', url: 'index.html', title: 'Start', kind: 'start' }];
  for (let i = 0; i < lessons; i++) pages.push({ id: `lesson-${i}`, url: `lesson-${i}.html`, title: `Lesson ${i}`, kind: 'lesson' });
  pages.push({ id: 'assessment', url: 'assessment.html', title: 'Assessment', kind: 'assessment' });
  return {
    id: 'big-bank',
    version: '1.0.0',
    title: 'Big bank',
    language: 'en',
    completion: 'allPagesViewedAndAssessmentPassed',
    pages,
    assessment: {
      passMark: 80,
      maxAttempts: 0,
      shuffleQuestions: true,
      shuffleOptions: true,
      draw: [74, 75, 76, 77].map((p) => ({ key: `A/58/275#${p}`, count: perParagraph })),
      failedAttemptStatus: 'incomplete',
      reportedScore: 'best',
    },
    questions,
    citedTexts: {},
    scenarios: {},
    strings: {},
  };
}

/** The largest answer a learner can give to a question: all options, every pair, 250 characters that all need escaping. */
export function worstAnswer(question: Question, typed = '%'.repeat(250)): Response {
  switch (question.type) {
    case 'single':
    case 'trueFalse':
      return [question.ids[question.ids.length - 1]!];
    case 'multiple':
      return question.ids.slice();
    case 'matching':
      return question.ids.slice().reverse();
    case 'ordering':
      return question.ids.slice().reverse();
    case 'fillIn':
      return [typed];
  }
}

/** A learner who has seen everything and answered every drawn question at its largest. */
export function worstState(course: RuntimeCourseData, seed: number, submitted: boolean, typed?: string): LearnerState {
  const drawn = drawAttempt(course, seed);
  return {
    viewed: course.pages.map((p) => p.id),
    attemptsUsed: 35 ** 2,
    passed: submitted,
    score: 66.67,
    bestScore: 83.33,
    scenarios: {},
    attempt: {
      seed,
      current: drawn.length - 1,
      submitted,
      answers: drawn.map((d) => worstAnswer(course.questions[d.id]!, typed)),
      seconds: drawn.map(() => 1_000_000),
    },
  };
}
