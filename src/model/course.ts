/**
 * The validated, resolved course: what the validate stage hands to render and package.
 * Content shapes come from the generated schema types; this file only adds the resolved parts.
 */
import type { Citation, Glossary, Lesson, Module, Question } from './content.generated.js';

export type { Citation, Lesson, Module, Question } from './content.generated.js';
export type GlossaryTerm = Glossary['terms'][number];
export type QuestionType = Question['type'];

export interface SourceText {
  document: string;
  title: string;
  /** Path inside the module folder. */
  file: string;
  /** The paragraphs the module declares as its recommendations. */
  declared: number[];
  /** Every numbered paragraph found in the text, whitespace-normalized. */
  paragraphs: Map<number, string>;
}

export interface CoverageRow {
  document: string;
  paragraph: number;
  objectives: string[];
  lessons: string[];
  bankQuestions: string[];
  knowledgeCheckQuestions: string[];
  /** Questions each assessment attempt draws for this paragraph. */
  drawn: number;
}

export interface CourseModule {
  id: string;
  /** Absolute path of the module folder. */
  folder: string;
  meta: Module;
  lessons: Lesson[];
  glossary: GlossaryTerm[];
  /** The assessment's question bank, in file then array order. */
  bank: Question[];
  sources: SourceText[];
  /** Media files the lessons use, relative to the module folder, sorted. */
  media: string[];
  coverage: CoverageRow[];
  /** Set on a module made from another's translation (i18n/apply.ts). */
  translation?: TranslationInfo;
}

export interface TranslationInfo {
  /** The language the module was written in: its source documents, and texts not translated yet, are in it. */
  sourceLanguage: string;
  /** Built with texts not translated yet (`--draft`): its id and packages end in `-draft`. */
  draft: boolean;
  /** The texts a draft shows in the source language, as the module holds them; empty when complete. */
  untranslated: string[];
}

export function citationKey(c: Citation): string {
  return `${c.document}#${c.paragraph}`;
}
