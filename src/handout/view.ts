/**
 * What the handout templates see: the validated module shaped into printed pages. Questions
 * get their paper layout here (letters, numbered prompts, the boxes to fill), so the
 * templates only loop; the answer key is built from the very layout its form prints.
 */
import { citationKey, citationLabel, citedUnit, type CourseModule, type Lesson, type Question } from '../model/course.js';
import type { Strings } from '../model/runtime-data.js';
import type { RuntimeAssessment } from '../render/view-model.js';
import { fillPlaceholders } from '../shared/ui-text.js';
import { letter, practiceLayout, type PaperQuestion } from '../shared/paper-form.js';
import { sheetEntry } from '../shared/paper-sheet.js';
import type { QuizForm } from './forms.js';
import type { SessionPlan } from './plan.js';

export interface PaperQuestionView {
  id: string;
  /** As printed: "3", or "2.1" for a lesson's practice question. */
  number: string;
  type: Question['type'];
  scenario: string | undefined;
  prompt: string;
  instruction: string;
  /** Lettered choices: options, true and false, a matching question's matches, the items to order. */
  choices: { letter: string; text: string }[];
  /** Matching: the numbered prompts, each with a box for a letter. */
  prompts: { number: number; text: string }[];
}

export interface KeyItemView {
  number: string;
  id: string;
  prompt: string;
  /** The correct answer in words, one line each: "B. Labour", "1 → C. Government", "A. Foreign affairs". */
  answer: string[];
  /** What the results sheet takes for the correct answer. */
  entry: string;
  /** The results sheet column of a quiz form's question ("75 #1 (A1 B4)"); none for a practice question. */
  column?: string;
  /** What an ordering or matching entry stands for, spelled out: "A=3, B=2, C=4, D=1"; else empty. */
  entryPairs: string;
  paragraph: { label: string; text: string };
  feedback: { correct: string | undefined; incorrect: string | undefined; options: { letter: string; text: string; right: boolean }[] };
}

/** A lettered list, as printed on a form, keyed by its position. */
function choicesOf(question: Question, paper: PaperQuestion, s: Strings): PaperQuestionView['choices'] {
  const textOf = (id: string): string => {
    switch (question.type) {
      case 'single':
      case 'multiple':
        return question.options.find((o) => o.id === id)!.text;
      case 'trueFalse':
        return s[id] ?? id;
      case 'matching':
        return question.pairs.find((p) => p.id === id)!.match;
      case 'ordering':
        return question.items.find((i) => i.id === id)!.text;
      case 'fillIn':
        return '';
    }
  };
  return paper.lettered.map((id, i) => ({ letter: letter(i), text: textOf(id) }));
}

function instructionOf(question: Question, s: Strings): string {
  switch (question.type) {
    case 'single':
    case 'trueFalse':
      return s.chooseOne!;
    case 'multiple':
      return s.chooseAll!;
    case 'matching':
      return s['handout.matchInstruction']!;
    case 'ordering':
      return s['handout.orderInstruction']!;
    case 'fillIn':
      return s['handout.fillInInstruction']!;
  }
}

export function paperQuestionView(question: Question, paper: PaperQuestion, number: string, s: Strings): PaperQuestionView {
  return {
    id: question.id,
    number,
    type: question.type,
    scenario: question.scenario,
    prompt: question.prompt,
    instruction: instructionOf(question, s),
    choices: choicesOf(question, paper, s),
    prompts: question.type === 'matching' ? question.pairs.map((p, i) => ({ number: i + 1, text: p.prompt })) : [],
  };
}

/** A lesson's knowledge-check questions on paper, numbered within the lesson ("2.1"). */
export function practiceQuestions(module: CourseModule, course: RuntimeAssessment, s: Strings): Map<string, PaperQuestionView> {
  const views = new Map<string, PaperQuestionView>();
  module.lessons.forEach((lesson, l) => {
    let k = 0;
    for (const block of lesson.blocks) {
      if (block.type !== 'knowledgeCheck') continue;
      for (const q of block.questions) {
        k++;
        views.set(q.id, paperQuestionView(q, practiceLayout(q.id, course.questions[q.id]!), `${l + 1}.${k}`, s));
      }
    }
  });
  return views;
}

export function formQuestions(form: QuizForm, questions: Map<string, Question>, s: Strings): PaperQuestionView[] {
  return form.questions.map((paper, i) => paperQuestionView(questions.get(paper.id)!, paper, String(i + 1), s));
}

/** The key to one printed layout: what is right, what the sheet takes for it, where it comes from, what to say. */
export function keyItem(
  question: Question,
  paper: PaperQuestion,
  number: string,
  course: RuntimeAssessment,
  citedTexts: Map<string, string>,
  s: Strings,
): KeyItemView {
  const runtime = course.questions[question.id]!;
  const choices = choicesOf(question, paper, s);
  const byId = new Map(paper.lettered.map((id, i) => [id, choices[i]!]));
  const line = (id: string) => `${byId.get(id)!.letter}. ${byId.get(id)!.text}`;
  let answer: string[];
  switch (question.type) {
    case 'single':
    case 'multiple':
    case 'trueFalse':
      answer = paper.lettered.filter((id) => runtime.correct.includes(id)).map(line);
      break;
    case 'matching':
      answer = question.pairs.map((pair, i) => `${i + 1} → ${line(pair.id)}`);
      break;
    case 'ordering':
      answer = runtime.correct.map(line);
      break;
    case 'fillIn':
      answer = question.accept;
      break;
  }
  const { kind, id } = citedUnit(question.source);
  const options = question.type === 'single' || question.type === 'multiple' ? question.options : [];
  return {
    number,
    id: question.id,
    prompt: question.prompt,
    answer,
    entry: sheetEntry(runtime, paper, runtime.correct),
    entryPairs: entryPairs(question.type, sheetEntry(runtime, paper, runtime.correct)),
    paragraph: {
      label: citationLabel(s, question.source.document, kind, id),
      text: citedTexts.get(citationKey(question.source)) ?? '',
    },
    feedback: {
      correct: question.feedback?.correct,
      incorrect: question.feedback?.incorrect,
      options: paper.lettered
        .map((id) => options.find((o) => o.id === id))
        .filter((o) => o?.feedback !== undefined)
        .map((o) => ({ letter: byId.get(o!.id)!.letter, text: o!.feedback!, right: runtime.correct.includes(o!.id) })),
    },
  };
}

/**
 * An ordering entry gives, letter by letter, the number written beside each item ("3241": A=3,
 * B=2…); a matching entry, prompt by prompt, the letter written beside it ("CA-": 1=C, 2=A…).
 */
function entryPairs(type: Question['type'], entry: string): string {
  if (type === 'ordering') return [...entry].map((n, i) => `${letter(i)}=${n}`).join(', ');
  if (type === 'matching') return [...entry].map((l, i) => `${i + 1}=${l}`).join(', ');
  return '';
}

/** The plan's parts in words, for the guide's table. */
export function planRows(plan: SessionPlan, module: CourseModule, s: Strings, language: string) {
  return plan.parts.map((part) => ({
    ...part,
    label:
      part.kind === 'lesson'
        ? fillPlaceholders(s['handout.session']!, { n: part.lesson! + 1, title: module.lessons[part.lesson!]!.title }, language)
        : s[`handout.${part.kind}`]!,
  }));
}

type ScenarioBlock = Extract<Lesson['blocks'][number], { type: 'scenario' }>;

export interface ScenarioStepView {
  /** Numbered from the start step, then in the order written. */
  number: number;
  speaker: string;
  text: string;
  choices: { letter: string; text: string; feedback: string; source: string; next: number | undefined }[];
}

export interface ScenarioView {
  heading: string;
  introduction: string;
  opening: ScenarioStepView;
  steps: ScenarioStepView[];
}

/** A branching conversation on paper: every step, each reply with its consequence and the step it leads to. */
export function scenarioView(block: ScenarioBlock, s: Strings): ScenarioView {
  const start = block.steps.find((step) => step.id === block.start)!;
  const ordered = [start, ...block.steps.filter((step) => step !== start)];
  const numberOf = new Map(ordered.map((step, i) => [step.id, i + 1]));
  const steps = ordered.map(
    (step): ScenarioStepView => ({
      number: numberOf.get(step.id)!,
      speaker: step.speaker ?? '',
      text: step.text,
      choices: (step.choices ?? []).map((choice, i) => ({
        letter: letter(i),
        text: choice.text,
        feedback: choice.feedback,
        source: choice.source ? citationLabel(s, choice.source.document, citedUnit(choice.source).kind, citedUnit(choice.source).id) : '',
        next: choice.next === undefined ? undefined : numberOf.get(choice.next),
      })),
    }),
  );
  return { heading: block.heading, introduction: block.introduction ?? '', opening: steps[0]!, steps };
}
