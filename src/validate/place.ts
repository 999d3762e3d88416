/**
 * Names a place in a content file the way an author thinks of it: "lesson `01-intro` block 3
 * (quote)", "question `q-remit`", "entry 2 of `items`". Every diagnostic message starts with it.
 */
import { pointerToSegments } from '../load/json-pointer.js';
import type { Question } from '../model/content.generated.js';

export type ContentKind = 'module' | 'lesson' | 'question-bank' | 'glossary';

export interface Place {
  /** "lesson `01-intro` block 3 (quote)" */
  label: string;
  /** How the message refers to the thing: "a quote block", "the question". */
  noun: string;
  /** How the message names the field below the thing: "`citation.paragraph`", "entry 2 of `items`". */
  field: string;
  /** The dotted field path below the thing, e.g. `citation.paragraph`, for "needs `x.y`". */
  fieldPath: string;
  typeNoun: string;
}

/** What authors call each question type (the `type` values are for the file, not for people). */
const QUESTION_NOUNS: Record<Question['type'], string> = {
  single: 'single-choice question',
  multiple: 'multiple-response question',
  trueFalse: 'true-or-false question',
  matching: 'matching question',
  ordering: 'ordering question',
  fillIn: 'fill-in question',
};

/** Names the place a pointer refers to the way an author thinks of it. */
export function describePlace(kind: ContentKind, data: unknown, pointer: string): Place {
  const segments = pointerToSegments(pointer);
  let label = describeFile(kind, data);
  let noun =
    kind === 'module' ? 'the module' : kind === 'lesson' ? 'the lesson' : kind === 'glossary' ? 'the glossary' : 'the question bank';
  let typeNoun = 'content';
  let fieldStart = 0;
  let current: unknown = data;
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i]!;
    const parentKey = segments[i - 1];
    const next = (current as Record<string, unknown> | undefined)?.[segment];
    const index = Number(segment);
    if (Number.isInteger(index) && parentKey !== undefined) {
      const item = next as Record<string, unknown> | undefined;
      const id = typeof item?.id === 'string' ? `\`${item.id}\`` : undefined;
      const type = typeof item?.type === 'string' ? item.type : undefined;
      const named = (what: string) => (id ? `${what} ${id}` : `${what} ${index + 1}`);
      let part: string | undefined;
      if (parentKey === 'blocks') {
        part = `block ${index + 1}${type ? ` (${type})` : ''}`;
        noun = type ? withArticle(`${type} block`) : 'the block';
        typeNoun = 'block';
      } else if (parentKey === 'questions') {
        if (kind === 'question-bank') label = '';
        part = named('question');
        noun = type ? withArticle(QUESTION_NOUNS[type as Question['type']] ?? `${type} question`) : 'the question';
        typeNoun = 'question';
      } else if (parentKey === 'objectives') {
        part = named('objective');
        noun = 'an objective';
      } else if (parentKey === 'options') {
        part = named('option');
        noun = 'an option';
      } else if (parentKey === 'pairs') {
        part = named('pair');
        noun = 'a pair';
      } else if (parentKey === 'items' && typeof item === 'object' && item !== null) {
        part = named('item');
        noun = 'an item';
      } else if (parentKey === 'terms' && kind === 'glossary') {
        label = '';
        part = named('glossary term');
        noun = 'a glossary term';
      } else if (parentKey === 'draw') {
        part = `assessment draw entry ${index + 1}`;
        noun = 'a draw entry';
      } else if (parentKey === 'sources') {
        part = `source ${index + 1}`;
        noun = 'a source';
      }
      if (part) {
        label = label ? `${label} ${part}` : part;
        fieldStart = i + 1;
      }
    }
    current = next;
  }
  const names = segments.slice(fieldStart);
  // Trailing list positions are counted from 1 for people: "entry 2 of `items`".
  let trailingIndex: number | undefined;
  if (names.length > 1 && /^\d+$/.test(names.at(-1)!)) trailingIndex = Number(names.pop()) + 1;
  const fieldPath = names
    .map((s) => (/^\d+$/.test(s) ? `[${Number(s) + 1}]` : s))
    .join('.')
    .replace(/\.\[/g, '[');
  const field = fieldPath === '' ? '' : trailingIndex === undefined ? `\`${fieldPath}\`` : `entry ${trailingIndex} of \`${fieldPath}\``;
  return { label, noun, field, fieldPath, typeNoun };
}

function withArticle(noun: string): string {
  return `${/^[aeiou]/i.test(noun) ? 'an' : 'a'} ${noun}`;
}

function describeFile(kind: ContentKind, data: unknown): string {
  const id = (data as { id?: unknown } | null)?.id;
  const shownId = typeof id === 'string' ? ` \`${id}\`` : '';
  switch (kind) {
    case 'module':
      return `module${shownId}`;
    case 'lesson':
      return `lesson${shownId}`;
    case 'glossary':
      return 'glossary';
    case 'question-bank':
      return 'question bank';
  }
}
