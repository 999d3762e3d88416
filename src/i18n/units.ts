/**
 * The translatable texts of a module: every string a learner sees, each with a stable unit id
 * derived from where it is (ids over indexes wherever the content has ids). Export reads the
 * texts; applying a translation walks the same list on a copy of the module and sets them, so
 * the two can never disagree about which unit is which.
 *
 * Unit ids are XLIFF NMTOKENs: content ids are lowercase letters, digits and hyphens, so `.`
 * separates the parts unambiguously. Blocks are numbered from 1 (as in every other coursekit
 * message); questions, objectives, options, pairs, steps, choices, prompts and glossary terms
 * use their ids, so inserting a block renumbers only the blocks after it (and translations are
 * also found by their source text, so a renumbered block keeps its translation: compare.ts).
 * Which fields of each block and question type are texts is listed once, in model/texts.ts;
 * docs/translation.md shows the resulting ids (generated from that list).
 */
import type { Citation, CourseModule, Question } from '../model/course.js';
import { blockTexts, questionTexts, walkTexts, type FoundText, type TextKind } from '../model/texts.js';

export type { TextKind } from '../model/texts.js';

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
      const at = { id: `${l}.block.${i + 1}`, file, pointer: `/blocks/${i}`, place: `${lp} block ${i + 1} (${block.type})` };
      walkTexts(
        blockTexts[block.type],
        block as unknown as Record<string, unknown>,
        (found) => addFound(add, found, at),
        (questions, pointer) => {
          for (const [n, question] of questions.entries()) addQuestion(add, question, file, `${at.pointer}${pointer}/${n}`);
        },
      );
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
  const at = { id: `question.${question.id}`, file, pointer, place: `question \`${question.id}\`` };
  walkTexts(questionTexts[question.type], question as unknown as Record<string, unknown>, (found) => addFound(add, found, at));
}

/** One text the registry found, under the unit id, pointer and place of the block or question holding it. */
function addFound(add: Add, found: FoundText, at: { id: string; file: string; pointer: string; place: string }): void {
  const citation = found.kind === 'quote' ? (found.holder.citation as Citation) : undefined;
  if (Array.isArray(found.value)) {
    // Accepted answers travel as one unit, so a translation may accept more or fewer spellings.
    add(
      `${at.id}.${found.unit}`,
      at.file,
      `${at.pointer}${found.pointer}`,
      `${at.place}${found.place}`,
      found.value.join(ACCEPT_SEPARATOR),
      (v) => {
        const answers = splitAccepted(v);
        if (answers.length > 0) found.set(answers);
      },
      found.kind,
    );
    return;
  }
  add(
    `${at.id}.${found.unit}`,
    at.file,
    `${at.pointer}${found.pointer}`,
    `${at.place}${found.place}`,
    found.value,
    found.set,
    found.kind,
    citation,
  );
}
