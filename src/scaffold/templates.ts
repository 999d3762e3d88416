/**
 * The files `coursekit new` writes. Each is valid as written (the test suite validates a fresh
 * module), and its placeholder text says what to replace, so an author starts from something
 * that builds and learns the format by editing it.
 */
import type { Lesson, Module, QuestionBank } from '../model/content.generated.js';

export interface ModuleTemplateOptions {
  id: string;
  title: string;
  language: string;
  /** The `$schema` value: the module schema, relative to module.json. */
  schemaRef: string;
}

export const PLACEHOLDER_DOCUMENT = 'DOC/1';
export const PLACEHOLDER_SOURCE_FILE = 'sources/source.txt';
export const FIRST_LESSON_ID = '01-introduction';

const PARAGRAPH_TEXT = 'Replace this with the text of paragraph 1 of your source document.';

export function sourceText(): string {
  return [
    PLACEHOLDER_DOCUMENT,
    'Replace this file with the text of your source document, and DOC/1 with its symbol (in module.json too).',
    'Each numbered paragraph starts a line with its number and a full stop, as below; the lines after it belong to the same paragraph.',
    `1. ${PARAGRAPH_TEXT} Quotes in the lessons must match this text word for word.`,
    '',
  ].join('\n');
}

export function moduleJson(options: ModuleTemplateOptions): Module & { $schema: string } {
  const citation = { document: PLACEHOLDER_DOCUMENT, paragraph: 1 };
  return {
    $schema: options.schemaRef,
    id: options.id,
    version: '0.1.0',
    language: options.language,
    title: options.title,
    description: 'Replace this with two or three sentences on what the module covers and what learners will be able to do after it.',
    audience: 'Replace this with who the module is for.',
    sources: [
      {
        document: PLACEHOLDER_DOCUMENT,
        title: 'Replace this with the title of the source document',
        file: PLACEHOLDER_SOURCE_FILE,
        paragraphs: [1],
      },
    ],
    lessons: [FIRST_LESSON_ID],
    assessment: {
      title: 'Final assessment',
      introduction: 'Replace this with a short introduction: how many questions, the pass mark, how many attempts.',
      draw: [{ source: citation, count: 1 }],
      passMark: 75,
      maxAttempts: 3,
    },
    tracking: { completion: 'allPagesViewedAndAssessmentPassed' },
  };
}

export interface LessonTemplateOptions {
  id: string;
  title: string;
  schemaRef: string;
  objectiveId: string;
  citation: { document: string; paragraph: number };
  /** A verbatim quote from the cited paragraph, when the paragraph text is known. */
  quote?: string | undefined;
}

export function lessonJson(options: LessonTemplateOptions): Lesson & { $schema: string } {
  const { citation } = options;
  const blocks: Lesson['blocks'] = [
    {
      type: 'text',
      heading: 'Introduction',
      markdown: `Replace this with the lesson's introduction. Markdown works: **bold**, *italic*, and lists:\n\n- one point\n- another point`,
    },
  ];
  if (options.quote) blocks.push({ type: 'quote', text: options.quote, citation });
  blocks.push({
    type: 'keyPoints',
    heading: 'Key points',
    items: [`Replace this with what learners should remember from paragraph ${citation.paragraph}.`],
  });
  return {
    $schema: options.schemaRef,
    id: options.id,
    title: options.title,
    summary: 'Replace this with one or two sentences for the start page.',
    estimatedMinutes: 10,
    objectives: [
      {
        id: options.objectiveId,
        text: `Explain what paragraph ${citation.paragraph} of ${citation.document} recommends.`,
        source: citation,
      },
    ],
    blocks,
  };
}

export function questionBankJson(schemaRef: string, objectiveId: string): QuestionBank & { $schema: string } {
  const source = { document: PLACEHOLDER_DOCUMENT, paragraph: 1 };
  return {
    $schema: schemaRef,
    questions: [
      {
        type: 'single',
        id: 'q1-main-point',
        prompt: 'Replace this with a question on paragraph 1. What does paragraph 1 recommend?',
        source,
        objective: objectiveId,
        level: 'recall',
        options: [
          { id: 'a', text: 'Replace with the correct answer.', feedback: 'Say why this is right, quoting paragraph 1.' },
          { id: 'b', text: 'Replace with a plausible wrong answer.', feedback: 'Say why this is wrong, with reference to paragraph 1.' },
          {
            id: 'c',
            text: 'Replace with another plausible wrong answer.',
            feedback: 'Say why this is wrong, with reference to paragraph 1.',
          },
        ],
        correct: 'a',
      },
      {
        type: 'trueFalse',
        id: 'q1-true-false',
        prompt: 'Replace this with a statement about paragraph 1 that is true or false.',
        source,
        objective: objectiveId,
        level: 'recall',
        correct: true,
        feedback: { correct: 'Say why the statement is true.', incorrect: 'Explain what paragraph 1 says instead.' },
      },
    ],
  };
}

export function firstLessonQuote(): string {
  return PARAGRAPH_TEXT;
}

/** "migration-basics" → "Migration basics"; "02-security" → "Security". */
export function titleFromId(id: string): string {
  const words = id.replace(/^\d+-/, '').split('-').filter(Boolean).join(' ');
  return words ? words[0]!.toUpperCase() + words.slice(1) : id;
}
