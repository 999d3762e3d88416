/**
 * The translatable texts of a module: every string a learner sees, each with a stable unit id
 * derived from where it is (ids over indexes wherever the content has ids). Export reads the
 * texts; applying a translation walks the same list on a copy of the module and sets them, so
 * the two can never disagree about which unit is which.
 *
 * Unit ids are XLIFF NMTOKENs: content ids are lowercase letters, digits and hyphens, so `.`
 * separates the parts unambiguously. Blocks have no ids, so they are numbered from 1 (as in
 * every other coursekit message); questions, objectives, options, pairs, items and glossary
 * terms use their ids, so inserting a block renumbers only the blocks after it (and translations
 * are also found by their source text, so a renumbered block keeps its translation: compare.ts).
 *
 *   module.title  module.description  module.audience  module.source.A_58_275.title
 *   module.assessment.title  module.assessment.introduction
 *   lesson.<lesson>.title  lesson.<lesson>.summary  lesson.<lesson>.objective.<objective>.text
 *   lesson.<lesson>.block.<n>.heading|markdown|text|prompt|guidance|alt|caption
 *   lesson.<lesson>.block.<n>.item.<m>                          (key points)
 *   question.<question>.prompt|scenario|accept
 *   question.<question>.option.<option>.text|feedback
 *   question.<question>.pair.<pair>.prompt|match   question.<question>.item.<item>.text
 *   question.<question>.feedback.correct|incorrect               (bank and knowledge checks)
 *   glossary.<term>.term  glossary.<term>.definition
 */
import type { Citation, CourseModule, Question } from '../model/course.js';

export type TextKind = 'plain' | 'markdown' | 'quote' | 'accept' | 'alt';

export interface TranslatableText {
  /** The XLIFF unit id, e.g. `lesson.01-human-face.block.3.markdown`. */
  id: string;
  /** The content file it comes from, relative to the module folder, e.g. `lessons/01-human-face.json`. */
  file: string;
  /** JSON pointer to the text in that file. */
  pointer: string;
  /** The place as an author names it, for messages: "lesson `01-human-face` block 3 (text) markdown". */
  place: string;
  /** The text as the module has it; accepted answers are joined with ACCEPT_SEPARATOR. */
  text: string;
  kind: TextKind;
  /** For quotes: what they quote. */
  citation?: Citation;
  /** Writes a translation into the module the texts were collected from. */
  set(value: string): void;
}

/** Fill-in answers travel as one unit, so a translation may accept more or fewer spellings. */
export const ACCEPT_SEPARATOR = ' | ';

export function splitAccepted(value: string): string[] {
  return value
    .split('|')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** Where each bank question lives: its file (relative to the module folder) and index in it. */
export type QuestionFiles = ReadonlyMap<string, { file: string; index: number }>;

/**
 * Every translatable text of `module`, in reading order: module.json, the lessons in course
 * order, the question bank, the glossary. `set` writes into `module` itself, so collect from a
 * copy when applying a translation.
 */
export function collectTexts(module: CourseModule, questionFiles?: QuestionFiles): TranslatableText[] {
  const texts: TranslatableText[] = [];
  const add: Add = (id, file, pointer, place, text, set, kind = 'plain', citation) => {
    if (text === undefined) return;
    const entry: TranslatableText = { id, file, pointer, place, text, kind, set };
    if (citation) entry.citation = citation;
    texts.push(entry);
  };

  // module.json
  const meta = module.meta;
  const m = 'module.json';
  add('module.title', m, '/title', 'module title', meta.title, (v) => (meta.title = v));
  add('module.description', m, '/description', 'module description', meta.description, (v) => (meta.description = v));
  add('module.audience', m, '/audience', 'module audience', meta.audience, (v) => (meta.audience = v));
  const sourceKeys = new Set<string>();
  meta.sources.forEach((source, i) => {
    let key = source.document.replace(/[^A-Za-z0-9-]+/g, '_');
    for (let n = 2; sourceKeys.has(key); n++) key = `${key}_${n}`;
    sourceKeys.add(key);
    add(`module.source.${key}.title`, m, `/sources/${i}/title`, `source \`${source.document}\` title`, source.title, (v) => {
      source.title = v;
      for (const text of module.sources) if (text.document === source.document) text.title = v;
    });
  });
  const assessment = meta.assessment;
  if (assessment) {
    add('module.assessment.title', m, '/assessment/title', 'assessment title', assessment.title, (v) => (assessment.title = v));
    add(
      'module.assessment.introduction',
      m,
      '/assessment/introduction',
      'assessment introduction',
      assessment.introduction,
      (v) => (assessment.introduction = v),
      'markdown',
    );
  }

  // lessons/<id>.json
  for (const lesson of module.lessons) {
    const file = `lessons/${lesson.id}.json`;
    const l = `lesson.${lesson.id}`;
    const lp = `lesson \`${lesson.id}\``;
    add(`${l}.title`, file, '/title', `${lp} title`, lesson.title, (v) => (lesson.title = v));
    add(`${l}.summary`, file, '/summary', `${lp} summary`, lesson.summary, (v) => (lesson.summary = v));
    lesson.objectives.forEach((objective, i) => {
      add(
        `${l}.objective.${objective.id}.text`,
        file,
        `/objectives/${i}/text`,
        `${lp} objective \`${objective.id}\``,
        objective.text,
        (v) => (objective.text = v),
      );
    });
    lesson.blocks.forEach((block, i) => {
      const b = `${l}.block.${i + 1}`;
      const bp = `/blocks/${i}`;
      const place = `${lp} block ${i + 1} (${block.type})`;
      switch (block.type) {
        case 'text':
        case 'callout':
          add(`${b}.heading`, file, `${bp}/heading`, `${place} heading`, block.heading, (v) => (block.heading = v));
          add(`${b}.markdown`, file, `${bp}/markdown`, `${place} text`, block.markdown, (v) => (block.markdown = v), 'markdown');
          break;
        case 'quote':
          add(`${b}.text`, file, `${bp}/text`, `${place}`, block.text, (v) => (block.text = v), 'quote', block.citation);
          break;
        case 'keyPoints':
          add(`${b}.heading`, file, `${bp}/heading`, `${place} heading`, block.heading, (v) => (block.heading = v));
          for (const [n, item] of block.items.entries())
            add(`${b}.item.${n + 1}`, file, `${bp}/items/${n}`, `${place} point ${n + 1}`, item, (v) => (block.items[n] = v));
          break;
        case 'image':
          add(`${b}.alt`, file, `${bp}/alt`, `${place} alt text`, block.alt, (v) => (block.alt = v), 'alt');
          add(`${b}.caption`, file, `${bp}/caption`, `${place} caption`, block.caption, (v) => (block.caption = v));
          break;
        case 'glossary':
          add(`${b}.heading`, file, `${bp}/heading`, `${place} heading`, block.heading, (v) => (block.heading = v));
          break;
        case 'reflection':
          add(`${b}.prompt`, file, `${bp}/prompt`, `${place} prompt`, block.prompt, (v) => (block.prompt = v));
          add(`${b}.guidance`, file, `${bp}/guidance`, `${place} guidance`, block.guidance, (v) => (block.guidance = v));
          break;
        case 'knowledgeCheck':
          add(`${b}.heading`, file, `${bp}/heading`, `${place} heading`, block.heading, (v) => (block.heading = v));
          for (const [n, question] of block.questions.entries()) addQuestion(add, question, file, `${bp}/questions/${n}`);
          break;
      }
    });
  }

  // questions/*.json
  for (const question of module.bank) {
    const where = questionFiles?.get(question.id);
    addQuestion(add, question, where?.file ?? 'questions', where ? `/questions/${where.index}` : '');
  }

  // glossary.json
  module.glossary.forEach((term, i) => {
    const g = `glossary.${term.id}`;
    const gp = `glossary term \`${term.id}\``;
    add(`${g}.term`, 'glossary.json', `/terms/${i}/term`, gp, term.term, (v) => (term.term = v));
    add(`${g}.definition`, 'glossary.json', `/terms/${i}/definition`, `${gp} definition`, term.definition, (v) => (term.definition = v));
  });
  return texts;
}

type Add = (
  id: string,
  file: string,
  pointer: string,
  place: string,
  text: string | undefined,
  set: (value: string) => void,
  kind?: TextKind,
  citation?: Citation,
) => void;

function addQuestion(add: Add, question: Question, file: string, pointer: string): void {
  const q = `question.${question.id}`;
  const qp = `question \`${question.id}\``;
  add(`${q}.prompt`, file, `${pointer}/prompt`, `${qp} prompt`, question.prompt, (v) => (question.prompt = v));
  add(`${q}.scenario`, file, `${pointer}/scenario`, `${qp} scenario`, question.scenario, (v) => (question.scenario = v), 'markdown');
  switch (question.type) {
    case 'single':
    case 'multiple':
      question.options.forEach((option, i) => {
        const o = `${q}.option.${option.id}`;
        const op = `${qp} option \`${option.id}\``;
        add(`${o}.text`, file, `${pointer}/options/${i}/text`, op, option.text, (v) => (option.text = v));
        add(`${o}.feedback`, file, `${pointer}/options/${i}/feedback`, `${op} feedback`, option.feedback, (v) => (option.feedback = v));
      });
      break;
    case 'matching':
      question.pairs.forEach((pair, i) => {
        const p = `${q}.pair.${pair.id}`;
        const pp = `${qp} pair \`${pair.id}\``;
        add(`${p}.prompt`, file, `${pointer}/pairs/${i}/prompt`, `${pp} prompt`, pair.prompt, (v) => (pair.prompt = v));
        add(`${p}.match`, file, `${pointer}/pairs/${i}/match`, `${pp} match`, pair.match, (v) => (pair.match = v));
      });
      break;
    case 'ordering':
      question.items.forEach((item, i) => {
        add(
          `${q}.item.${item.id}.text`,
          file,
          `${pointer}/items/${i}/text`,
          `${qp} item \`${item.id}\``,
          item.text,
          (v) => (item.text = v),
        );
      });
      break;
    case 'fillIn':
      add(
        `${q}.accept`,
        file,
        `${pointer}/accept`,
        `${qp} accepted answers`,
        question.accept.join(ACCEPT_SEPARATOR),
        (v) => {
          const answers = splitAccepted(v);
          if (answers.length > 0) question.accept = answers as [string, ...string[]];
        },
        'accept',
      );
      break;
    case 'trueFalse':
      break;
  }
  const feedback = question.feedback;
  if (feedback) {
    add(
      `${q}.feedback.correct`,
      file,
      `${pointer}/feedback/correct`,
      `${qp} feedback when correct`,
      feedback.correct,
      (v) => (feedback.correct = v),
    );
    add(
      `${q}.feedback.incorrect`,
      file,
      `${pointer}/feedback/incorrect`,
      `${qp} feedback when incorrect`,
      feedback.incorrect,
      (v) => (feedback.incorrect = v),
    );
  }
}
