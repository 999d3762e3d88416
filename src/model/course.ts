/**
 * The validated, resolved course: what the validate stage hands to render and package.
 * Content shapes come from the generated schema types; this file only adds the resolved parts.
 */
import type { Citation, Glossary, Lesson, Module, Question, SourceDocument } from './content.generated.js';
import type { Strings } from './runtime-data.js';

export type { Citation, Lesson, Module, Question } from './content.generated.js';
export type GlossaryTerm = Glossary['terms'][number];
export type QuestionType = Question['type'];

/** What a source document's parts are called: citations name them by it, learners read it. */
export const UNIT_KINDS = ['paragraph', 'article', 'principle', 'section', 'rule'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

/** The list in a source declaration that names the parts the module covers: "articles": [13, 14]. */
export const UNIT_LISTS = {
  paragraph: 'paragraphs',
  article: 'articles',
  principle: 'principles',
  section: 'sections',
  rule: 'rules',
} as const satisfies Record<UnitKind, keyof SourceDocument>;

export interface SourceText {
  document: string;
  title: string;
  /** Path inside the module folder. */
  file: string;
  /** What the document's parts are called. */
  unit: UnitKind;
  /** The parts the module declares as its recommendations, by number ("74", "13", "14(1)"). */
  declared: string[];
  /** Every part found in the text, by number ("13", and "13(1)" for its numbered paragraphs), whitespace-normalized. */
  units: Map<string, string>;
  /** The same parts as learners see them: the source's "display" rules applied. */
  displayed: Map<string, string>;
}

export interface MediaDetails {
  /** Size in bytes. */
  bytes: number;
  /** What the file is, as learners call it: "PDF", "MP4 video". */
  label: string;
  mime: string;
  /** WebVTT captions: the file's text, and the text of each cue, in order. */
  webVtt?: string;
  cues?: string[];
}

export interface CoverageRow {
  document: string;
  /** The declared part, by number: "74", "13". */
  unit: string;
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
  /** What pages show of the files of video, audio and download blocks and their captions, by path. */
  mediaDetails: Record<string, MediaDetails>;
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

/** The part a citation names: what it is called and its number as text ("74", "14(1)"). */
export function citedUnit(c: Citation): { kind: UnitKind; id: string } {
  for (const kind of UNIT_KINDS) {
    const number = c[kind];
    if (number !== undefined) return { kind, id: String(number) };
  }
  // The schema requires one of them; an empty id resolves to nothing.
  return { kind: 'paragraph', id: '' };
}

/** "A/58/275#74", "UDHR#14(1)": one key per cited part, as the learner runtime keys them too. */
export function citationKey(c: Citation): string {
  return `${c.document}#${citedUnit(c).id}`;
}

/**
 * "A/58/275, paragraph 74", "UDHR, Article 14(1)": a citation as learners read it, in the
 * language of `strings` (the learner-interface strings, src/render/locales/).
 */
export function citationLabel(strings: Strings, document: string, kind: UnitKind, id: string): string {
  const unit = (strings[kind] ?? unitName(kind, '{n}')).replace('{n}', id);
  return (strings.quoteFrom ?? '{document}, {unit}').replace('{document}', document).replace('{unit}', unit);
}

/** "paragraph 74", "Article 14(1)": a part as diagnostics name it, in English. */
export function unitName(kind: UnitKind, id: string): string {
  return kind === 'paragraph' ? `paragraph ${id}` : `${kind[0]!.toUpperCase()}${kind.slice(1)} ${id}`;
}
