/**
 * Text that passes the schema but would show nothing, show markup, break a manifest or show a
 * placeholder: strings made only of spaces, HTML tags in markdown (coursekit shows them as
 * text), markdown the page shows otherwise than written (an image, a link it cannot follow, a
 * "#" heading without its space), control characters and invisible formatting characters, and
 * the texts `coursekit new` wrote for the author to replace.
 */
import { segmentsToPointer } from '../../load/json-pointer.js';
import { markdownProblems } from '../../markdown/index.js';
import type { Lesson, Question } from '../../model/course.js';
import type { JsonFile } from '../../model/json-file.js';
import { blockTexts, questionTexts, walkTexts, type FoundText } from '../../model/texts.js';
import { describePlace, type ContentKind } from '../place.js';
import { placeholderIn } from '../placeholders.js';
import type { At, Located, Report, RuleContext } from './context.js';
import { markdownHtmlTag } from './style.js';

/** Every string of every content file, in one walk: blank texts, unwanted characters, placeholders left. */
export function checkTextValues({ kinds, report }: RuleContext): void {
  for (const [file, kind] of kinds) {
    forEachText(file, (value, segments) => {
      checkBlankText(value, segments, file, kind, report);
      checkCharacters(value, segments, file, kind, report);
      checkPlaceholder(value, segments, file, kind, report);
    });
  }
}

/** A placeholder left in content would reach learners: a warning, so `--strict` stops it. */
function checkPlaceholder(value: string, segments: readonly (string | number)[], file: JsonFile, kind: ContentKind, report: Report): void {
  const found = placeholderIn(value);
  if (!found) return;
  const pointer = segmentsToPointer(segments);
  const field = describePlace(kind, file.data, pointer).field || 'the text';
  report('placeholder-text', { file, pointer }, `${field} still has the placeholder "${found}" that \`coursekit new\` wrote.`);
}

/** Every markdown field (model/texts.ts says which fields are markdown): in blocks, the assessment's introduction, question scenarios. */
export function checkMarkdownFields(
  { meta, broken, report, moduleAt }: RuleContext,
  lessons: Located<Lesson>[],
  questions: Located<Question>[],
): void {
  const checkFound = (file: JsonFile, pointer: string) => (found: FoundText) => {
    if (found.kind === 'markdown') checkMarkdown(found.value as string, { file, pointer: `${pointer}${found.pointer}` }, report);
  };
  for (const lesson of lessons) {
    for (const [b, block] of lesson.value.blocks.entries())
      walkTexts(blockTexts[block.type], block as unknown as Record<string, unknown>, checkFound(lesson.file, `/blocks/${b}`));
  }
  if (meta.assessment?.introduction && broken.moduleTrusts('/assessment/introduction'))
    checkMarkdown(meta.assessment.introduction, moduleAt('/assessment/introduction'), report);
  for (const q of questions)
    walkTexts(questionTexts[q.value.type], q.value as unknown as Record<string, unknown>, checkFound(q.file, q.pointer));
}

/** Text made only of spaces passes the schema's "at least one character" but shows nothing. */
function checkBlankText(value: string, segments: readonly (string | number)[], file: JsonFile, kind: ContentKind, report: Report): void {
  if (value === '' || value.trim() !== '') return;
  const key = segments.at(-1);
  const pointer = segmentsToPointer(segments);
  const imageAlt = key === 'alt' && segments.at(-3) === 'blocks';
  const field = describePlace(kind, file.data, pointer).field || 'the text';
  report(
    imageAlt ? 'image-alt-missing' : 'text-blank',
    { file, pointer },
    imageAlt ? 'the image has no alt text: `alt` is only spaces.' : `${field} is only spaces.`,
  );
}

/**
 * Characters no author means to write. Control characters (a vertical tab pasted from Word)
 * make the SCORM manifest invalid XML, so they are errors. Bidirectional overrides and isolates
 * and zero-width characters show nothing, yet reorder or split what learners and the LMS see
 * (a title can read differently from what it says), so they are warnings.
 */
function checkCharacters(value: string, segments: readonly (string | number)[], file: JsonFile, kind: ContentKind, report: Report): void {
  // Most texts have none of these: one quick test before finding each and its place.
  if (!MAYBE_UNWANTED.test(value)) return;
  const found = findUnwantedCharacters(value);
  if (found.length === 0) return;
  const pointer = segmentsToPointer(segments);
  const field = describePlace(kind, file.data, pointer).field || 'the text';
  for (const severity of ['control', 'invisible'] as const) {
    const ofKind = found.filter((f) => f.kind === severity);
    if (ofKind.length === 0) continue;
    const [first] = ofKind as [UnwantedCharacter];
    const more = ofKind.length > 1 ? ` (and ${ofKind.length - 1} more such character${ofKind.length > 2 ? 's' : ''})` : '';
    const where = `${first.name}, at character ${first.position}${more}`;
    if (severity === 'control') {
      report('text-control-character', { file, pointer }, `${field} contains a control character, ${where}.`);
    } else {
      report('text-invisible-character', { file, pointer }, `${field} contains an invisible formatting character, ${where}.`);
    }
  }
}

interface UnwantedCharacter {
  kind: 'control' | 'invisible';
  /** "U+000B LINE TABULATION". */
  name: string;
  /** 1-based, in characters as a reader counts them (code points). */
  position: number;
}

const C0_NAMES = [
  'NULL',
  'START OF HEADING',
  'START OF TEXT',
  'END OF TEXT',
  'END OF TRANSMISSION',
  'ENQUIRY',
  'ACKNOWLEDGE',
  'BELL',
  'BACKSPACE',
  'CHARACTER TABULATION',
  'LINE FEED',
  'LINE TABULATION (a vertical tab, as Word pastes a line break)',
  'FORM FEED',
  'CARRIAGE RETURN',
  'SHIFT OUT',
  'SHIFT IN',
  'DATA LINK ESCAPE',
  'DEVICE CONTROL ONE',
  'DEVICE CONTROL TWO',
  'DEVICE CONTROL THREE',
  'DEVICE CONTROL FOUR',
  'NEGATIVE ACKNOWLEDGE',
  'SYNCHRONOUS IDLE',
  'END OF TRANSMISSION BLOCK',
  'CANCEL',
  'END OF MEDIUM',
  'SUBSTITUTE',
  'ESCAPE',
  'INFORMATION SEPARATOR FOUR',
  'INFORMATION SEPARATOR THREE',
  'INFORMATION SEPARATOR TWO',
  'INFORMATION SEPARATOR ONE',
];

const INVISIBLE_NAMES: Record<number, string> = {
  8203: 'ZERO WIDTH SPACE',
  8288: 'WORD JOINER',
  65279: 'ZERO WIDTH NO-BREAK SPACE (a byte order mark)',
  8234: 'LEFT-TO-RIGHT EMBEDDING',
  8235: 'RIGHT-TO-LEFT EMBEDDING',
  8236: 'POP DIRECTIONAL FORMATTING',
  8237: 'LEFT-TO-RIGHT OVERRIDE',
  8238: 'RIGHT-TO-LEFT OVERRIDE',
  8294: 'LEFT-TO-RIGHT ISOLATE',
  8295: 'RIGHT-TO-LEFT ISOLATE',
  8296: 'FIRST STRONG ISOLATE',
  8297: 'POP DIRECTIONAL ISOLATE',
};

// Tab, line feed and carriage return are whitespace every format takes; the rest of C0, DEL and
// C1 are controls; a lone surrogate or U+FFFE/U+FFFF cannot be written in XML at all.
const UNWANTED =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF\u200B\u2060\uFEFF\u202A-\u202E\u2066-\u2069]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
/** The same characters and every surrogate (paired ones, such as emoji, are then looked at closely). */
const MAYBE_UNWANTED =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF\u200B\u2060\uFEFF\u202A-\u202E\u2066-\u2069\uD800-\uDFFF]/;

function findUnwantedCharacters(text: string): UnwantedCharacter[] {
  const found: UnwantedCharacter[] = [];
  for (const match of text.matchAll(UNWANTED)) {
    const code = match[0].charCodeAt(0);
    const hex = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
    const position = [...text.slice(0, match.index)].length + 1;
    const invisible = INVISIBLE_NAMES[code];
    if (invisible) found.push({ kind: 'invisible', name: `${hex} ${invisible}`, position });
    else found.push({ kind: 'control', name: `${hex} ${controlName(code)}`, position });
  }
  return found;
}

function controlName(code: number): string {
  if (code < 0x20) return C0_NAMES[code]!;
  if (code === 0x7f) return 'DELETE';
  if (code >= 0xd800 && code <= 0xdfff) return '(half of a character cut in two: an unpaired surrogate)';
  if (code >= 0xfffe) return '(a noncharacter)';
  return '(a C1 control character, usually text decoded with the wrong encoding)';
}

/** Calls `visit` with every string of a content file but its "$schema", and the path to it. */
function forEachText(file: JsonFile, visit: (value: string, segments: readonly (string | number)[]) => void): void {
  // One path, grown and shrunk while walking: this runs on every string of every file.
  const segments: (string | number)[] = [];
  const walk = (value: unknown) => {
    if (typeof value === 'string') {
      if (segments.length !== 1 || segments[0] !== '$schema') visit(value, segments);
      return;
    }
    if (value === null || typeof value !== 'object') return;
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        segments.push(i);
        walk(value[i]);
        segments.pop();
      }
    } else {
      for (const key in value) {
        segments.push(key);
        walk((value as Record<string, unknown>)[key]);
        segments.pop();
      }
    }
  };
  walk(file.data);
}

function checkMarkdown(markdown: string, at: At, report: Report): void {
  const tag = markdownHtmlTag(markdown);
  if (tag) report('markdown-html', at, `the text contains the HTML tag ${tag}, which learners will see as text.`);
  for (const problem of markdownProblems(markdown)) report('markdown-unsupported', at, problem.message, { hint: problem.hint });
}
