/**
 * Which fields of each block and question type hold text a learner reads, and what kind of
 * text: the one per-type list that XLIFF export and import (i18n/units.ts), the markdown and
 * blank-text checks (validate/rules/text.ts) and the unit-id table in docs/translation.md
 * (scripts/generate-docs.mjs) all read.
 *
 * It is typed against the types generated from the schemas: every type must be listed, and
 * every field of it, with `false` for a field that holds no text for learners (an id, a path, a
 * citation). So a new block or question type, or a new field, fails `tsc` until it is decided
 * here whether and how it is translated.
 *
 * This file imports only types: the docs generator loads it on its own.
 */
import type { Block, Citation, Question } from './content.generated.js';

export type BlockType = Block['type'];
export type BlockOf<T extends BlockType> = Extract<Block, { type: T }>;
export type QuestionOf<T extends Question['type']> = Extract<Question, { type: T }>;

export type TextKind = 'plain' | 'markdown' | 'quote' | 'accept' | 'alt';

/** A text field: its kind, and how messages name it after the place ("heading", "alt text"; '' for nothing). */
export type TextField = TextKind | { kind: TextKind; label: string };

/** A list of texts, one unit each (`item.<m>`), or one unit for the whole list (accepted answers). */
type StringListSpec = { unit: string; label: string; kind: TextKind } | { joined: TextKind; label: string };

/** A list of objects: each named by its id (`option.<id>`) or its position from 1 (`item.<n>`). */
type ObjectListSpec<E> = E extends { id: string }
  ? { unit: string; by: 'id'; fields: TextSpec<E> }
  : { unit: string; by: 'number'; fields: TextSpec<E> };

/** The questions of a knowledge check: their units are the questions' own (`question.<id>`). */
export interface QuestionsSpec {
  questions: true;
}

type FieldSpec<V> = [V] extends [string]
  ? TextField | false
  : [V] extends [readonly (infer E)[]]
    ? [E] extends [string]
      ? StringListSpec | false
      : [E] extends [Question]
        ? QuestionsSpec
        : ObjectListSpec<E> | false
    : [V] extends [Citation]
      ? false
      : [V] extends [object]
        ? { unit: string; fields: TextSpec<V> } | false
        : false;

/** Every field but `type`, each with its text spec. */
export type TextSpec<T> = { readonly [K in Exclude<keyof T, 'type'>]-?: FieldSpec<NonNullable<T[K]>> };

export type AnyTextSpec = Readonly<Record<string, unknown>>;

const heading = { kind: 'plain', label: 'heading' } as const;
const markdownText = { kind: 'markdown', label: 'text' } as const;

/** The translatable texts of each block type, in the order they are exported. */
export const blockTexts: { readonly [T in BlockType]: TextSpec<BlockOf<T>> } = {
  text: { heading, markdown: markdownText },
  quote: { text: { kind: 'quote', label: '' }, citation: false },
  keyPoints: { heading, items: { unit: 'item', label: 'point', kind: 'plain' } },
  callout: { variant: false, heading, markdown: markdownText },
  image: { src: false, alt: { kind: 'alt', label: 'alt text' }, caption: { kind: 'plain', label: 'caption' } },
  glossary: { heading, terms: false },
  reflection: { id: false, prompt: 'plain', guidance: 'plain', modelAnswer: { kind: 'markdown', label: 'model answer' } },
  knowledgeCheck: { heading, questions: { questions: true } },
  video: { src: false, title: 'plain', captions: false, transcript: 'markdown' },
  audio: { src: false, title: 'plain', captions: false, transcript: 'markdown' },
  download: { src: false, title: 'plain', description: 'plain' },
  accordion: { heading, items: { unit: 'item', by: 'number', fields: { title: 'plain', markdown: markdownText } } },
  tabs: { heading, tabs: { unit: 'tab', by: 'number', fields: { label: 'plain', markdown: markdownText } } },
  scenario: {
    id: false,
    heading,
    introduction: 'markdown',
    start: false,
    steps: {
      unit: 'step',
      by: 'id',
      fields: {
        id: false,
        speaker: 'plain',
        text: markdownText,
        choices: {
          unit: 'choice',
          by: 'id',
          fields: { id: false, text: { kind: 'plain', label: '' }, feedback: 'plain', source: false, next: false },
        },
      },
    },
  },
  actionPlan: {
    id: false,
    heading,
    introduction: 'markdown',
    reflections: false,
    prompts: { unit: 'prompt', by: 'id', fields: { id: false, label: 'plain', hint: 'plain' } },
  },
};

const questionHead = { id: false, prompt: 'plain', scenario: 'markdown', source: false, objective: false, level: false } as const;
const questionTail = {
  feedback: {
    unit: 'feedback',
    fields: { correct: { kind: 'plain', label: 'when correct' }, incorrect: { kind: 'plain', label: 'when incorrect' } },
  },
} as const;
const options = {
  unit: 'option',
  by: 'id',
  fields: { id: false, text: { kind: 'plain', label: '' }, feedback: 'plain' },
} as const;

/** The translatable texts of each question type (bank and knowledge checks), in the order they are exported. */
export const questionTexts: { readonly [T in Question['type']]: TextSpec<QuestionOf<T>> } = {
  single: { ...questionHead, options, correct: false, ...questionTail },
  multiple: { ...questionHead, options, correct: false, ...questionTail },
  trueFalse: { ...questionHead, correct: false, ...questionTail },
  matching: { ...questionHead, pairs: { unit: 'pair', by: 'id', fields: { id: false, prompt: 'plain', match: 'plain' } }, ...questionTail },
  ordering: {
    ...questionHead,
    items: { unit: 'item', by: 'id', fields: { id: false, text: { kind: 'plain', label: '' } } },
    ...questionTail,
  },
  fillIn: { ...questionHead, accept: { joined: 'accept', label: 'accepted answers' }, ...questionTail },
};

/** One text found by `walkTexts`, relative to the object walked. */
export interface FoundText {
  /** Unit id parts below the object, e.g. `step.intro.choice.a.feedback`. */
  unit: string;
  /** JSON pointer below the object, e.g. `/steps/0/choices/0/feedback`. */
  pointer: string;
  /** Words for messages below the object's place, e.g. ` step \`intro\` choice \`a\` feedback`. */
  place: string;
  kind: TextKind;
  /** The string, or the strings of a joined list. */
  value: string | string[];
  /** Writes a new value (a string, or the strings of a joined list) in place. */
  set(value: string | string[]): void;
  /** The object holding the field (a quote's citation sits beside its text). */
  holder: Record<string, unknown>;
}

/**
 * Calls `visit` for every text `spec` names in `value`, in spec order; knowledge-check
 * questions are handed to `visitQuestions` instead.
 */
export function walkTexts(
  spec: AnyTextSpec,
  value: Record<string, unknown>,
  visit: (text: FoundText) => void,
  visitQuestions?: (questions: Question[], pointer: string) => void,
  at: { unit: string; pointer: string; place: string } = { unit: '', pointer: '', place: '' },
): void {
  const join = (unit: string, part: string) => (unit ? `${unit}.${part}` : part);
  for (const [key, field] of Object.entries(spec)) {
    const current = value[key];
    if (field === false || current === undefined) continue;
    const pointer = `${at.pointer}/${key}`;
    if (typeof field === 'string' || (typeof field === 'object' && field !== null && 'kind' in field && !('unit' in field))) {
      const { kind, label } =
        typeof field === 'string' ? { kind: field as TextKind, label: key } : (field as { kind: TextKind; label: string });
      visit({
        unit: join(at.unit, key),
        pointer,
        place: label ? `${at.place} ${label}` : at.place,
        kind,
        value: current as string,
        set: (v) => {
          value[key] = v;
        },
        holder: value,
      });
      continue;
    }
    const list = field as Record<string, unknown>;
    if ('questions' in list) {
      visitQuestions?.(current as Question[], pointer);
    } else if ('joined' in list) {
      visit({
        unit: join(at.unit, key),
        pointer,
        place: `${at.place} ${list.label as string}`,
        kind: list.joined as TextKind,
        value: current as string[],
        set: (v) => {
          value[key] = v;
        },
        holder: value,
      });
    } else if ('kind' in list) {
      const items = current as string[];
      items.forEach((item, i) => {
        visit({
          unit: join(at.unit, `${list.unit as string}.${i + 1}`),
          pointer: `${pointer}/${i}`,
          place: `${at.place} ${list.label as string} ${i + 1}`,
          kind: list.kind as TextKind,
          value: item,
          set: (v) => {
            items[i] = v as string;
          },
          holder: value,
        });
      });
    } else if ('by' in list) {
      (current as Record<string, unknown>[]).forEach((item, i) => {
        const name = list.by === 'id' ? String(item.id) : String(i + 1);
        const shown = list.by === 'id' ? `\`${name}\`` : name;
        walkTexts(list.fields as AnyTextSpec, item, visit, visitQuestions, {
          unit: join(at.unit, `${list.unit as string}.${name}`),
          pointer: `${pointer}/${i}`,
          place: `${at.place} ${list.unit as string} ${shown}`,
        });
      });
    } else {
      walkTexts(list.fields as AnyTextSpec, current as Record<string, unknown>, visit, visitQuestions, {
        unit: join(at.unit, list.unit as string),
        pointer,
        place: `${at.place} ${list.unit as string}`,
      });
    }
  }
}
