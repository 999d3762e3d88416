/**
 * The files `coursekit new` writes. Each is valid as written (the test suite validates a fresh
 * module), and its placeholder text says what to replace, so an author starts from something
 * that builds and learns the format by editing it. The placeholders come from
 * validate/placeholders.ts, which `coursekit validate` warns about until they are replaced.
 */
import type { Lesson, Module, QuestionBank } from '../model/content.generated.js';
import { type Citation, citedUnit, unitName } from '../model/course.js';
import { PLACEHOLDERS, placeholder } from '../validate/placeholders.js';

export interface ModuleTemplateOptions {
  id: string;
  title: string;
  language: string;
  /** The `$schema` value: the module schema, relative to module.json. */
  schemaRef: string;
}

export const PLACEHOLDER_DOCUMENT = PLACEHOLDERS.document;
export const PLACEHOLDER_SOURCE_FILE = 'sources/source.txt';
export const FIRST_LESSON_ID = '01-introduction';

const PARAGRAPH_TEXT = placeholder('paragraphText');

export function sourceText(): string {
  return [
    PLACEHOLDER_DOCUMENT,
    placeholder('sourceFile'),
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
    description: placeholder('moduleDescription'),
    audience: placeholder('audience'),
    sources: [
      {
        document: PLACEHOLDER_DOCUMENT,
        title: placeholder('sourceTitle'),
        file: PLACEHOLDER_SOURCE_FILE,
        paragraphs: [1],
      },
    ],
    lessons: [FIRST_LESSON_ID],
    assessment: {
      title: 'Final assessment',
      introduction: placeholder('assessmentIntroduction'),
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
  citation: Citation;
  /** A verbatim quote from the cited part, when its text is known. */
  quote?: string | undefined;
}

export function lessonJson(options: LessonTemplateOptions): Lesson & { $schema: string } {
  const { citation } = options;
  const { kind, id } = citedUnit(citation);
  const part = unitName(kind, id);
  const blocks: Lesson['blocks'] = [
    {
      type: 'text',
      heading: 'Introduction',
      markdown: `${placeholder('lessonIntroduction')} Markdown works: **bold**, *italic*, and lists:\n\n- one point\n- another point`,
    },
  ];
  if (options.quote) blocks.push({ type: 'quote', text: options.quote, citation });
  blocks.push({
    type: 'keyPoints',
    heading: 'Key points',
    items: [placeholder('keyPoint', part)],
  });
  return {
    $schema: options.schemaRef,
    id: options.id,
    title: options.title,
    summary: placeholder('lessonSummary'),
    estimatedMinutes: 10,
    objectives: [
      {
        id: options.objectiveId,
        text: `Explain what ${part} of ${citation.document} says.`,
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
        prompt: `${placeholder('questionPrompt')} What does paragraph 1 recommend?`,
        source,
        objective: objectiveId,
        level: 'remember',
        options: [
          { id: 'a', text: placeholder('correctOption'), feedback: placeholder('correctOptionFeedback') },
          { id: 'b', text: placeholder('wrongOption'), feedback: placeholder('wrongOptionFeedback') },
          { id: 'c', text: placeholder('anotherWrongOption'), feedback: placeholder('wrongOptionFeedback') },
        ],
        correct: 'a',
      },
      {
        type: 'trueFalse',
        id: 'q1-true-false',
        prompt: placeholder('statementPrompt'),
        source,
        objective: objectiveId,
        level: 'remember',
        correct: true,
        feedback: { correct: placeholder('trueFeedback'), incorrect: placeholder('falseFeedback') },
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
