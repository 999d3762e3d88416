/**
 * Questions, in the assessment's bank (questions/*.json) and in the lessons' knowledge checks:
 * one id space for both (they become SCORM interaction ids), a citation and an objective each,
 * and answers that make sense: the correct answer is an option, ids are unique within a
 * question, options differ and say why they are right or wrong.
 */
import type { QuestionBank } from '../../model/content.generated.js';
import type { Lesson, Question } from '../../model/course.js';
import { normalizeWhitespace } from '../../load/source-text.js';
import type { Citations } from './citations.js';
import type { At, Located, Report, RuleContext } from './context.js';
import { checkQuestionObjective, type Objectives } from './objectives.js';
import { firstById } from './references.js';

export interface Questions {
  bank: Located<Question>[];
  knowledgeChecks: Located<Question>[];
}

export function collectQuestions({ loaded, broken }: RuleContext, lessons: Located<Lesson>[]): Questions {
  const knowledgeChecks: Located<Question>[] = [];
  for (const lesson of lessons) {
    for (const [b, block] of lesson.value.blocks.entries()) {
      if (block.type !== 'knowledgeCheck') continue;
      for (const [i, q] of block.questions.entries())
        knowledgeChecks.push({ value: q, file: lesson.file, pointer: `/blocks/${b}/questions/${i}` });
    }
  }
  const bank: Located<Question>[] = [];
  for (const file of loaded.questionFiles) {
    if (broken.file(file)) continue;
    for (const [i, q] of (file.data as QuestionBank).questions.entries()) bank.push({ value: q, file, pointer: `/questions/${i}` });
  }
  return { bank, knowledgeChecks };
}

export function checkQuestions(context: RuleContext, questions: Questions, objectives: Objectives, citations: Citations): void {
  const all = [...questions.bank, ...questions.knowledgeChecks];
  firstById(all, 'question', context.report);
  for (const q of all) {
    const citationOk = citations.check(q.value.source, { file: q.file, pointer: `${q.pointer}/source` });
    checkQuestionObjective(context, q, objectives, citationOk);
    checkAnswers(q, context.report);
  }
}

function checkAnswers(q: Located<Question>, report: Report): void {
  const question = q.value;
  const at = (suffix: string): At => ({ file: q.file, pointer: `${q.pointer}${suffix}` });
  const checkIds = (items: { id: string }[], listName: string) => {
    const seen = new Set<string>();
    items.forEach((item, i) => {
      if (seen.has(item.id))
        report('duplicate-option', at(`/${listName}/${i}/id`), `the id \`${item.id}\` is used twice in "${listName}".`);
      seen.add(item.id);
    });
    return seen;
  };
  switch (question.type) {
    case 'single':
    case 'multiple': {
      const ids = checkIds(question.options, 'options');
      const correct = question.type === 'single' ? [question.correct] : question.correct;
      correct.forEach((id, i) => {
        if (ids.has(id)) return;
        const pointer = question.type === 'single' ? '/correct' : `/correct/${i}`;
        report('answer-unknown-option', at(pointer), `the correct answer \`${id}\` is not one of the options (${[...ids].join(', ')}).`);
      });
      const idsUnique = ids.size === question.options.length;
      if (question.type === 'multiple' && idsUnique && question.options.every((o) => question.correct.includes(o.id))) {
        report('all-options-correct', at('/correct'), `all ${question.options.length} options are marked correct.`);
      }
      const byText = new Map<string, string>();
      question.options.forEach((option, i) => {
        const text = normalizeWhitespace(option.text).toLowerCase();
        const twin = byText.get(text);
        if (twin !== undefined)
          report('option-text-duplicate', at(`/options/${i}/text`), `options \`${twin}\` and \`${option.id}\` have the same text.`);
        else byText.set(text, option.id);
        if (!option.feedback && !question.feedback) {
          report('option-feedback-missing', at(`/options/${i}`), `the option has no feedback, and the question has no overall feedback.`);
        }
      });
      break;
    }
    case 'matching':
      checkIds(question.pairs, 'pairs');
      break;
    case 'ordering':
      checkIds(question.items, 'items');
      break;
    case 'trueFalse':
    case 'fillIn':
      break;
    default:
      // A question type without a case here fails tsc.
      question satisfies never;
  }
}
