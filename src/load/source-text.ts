/**
 * Source documents are plain text in which each part starts a line: a numbered paragraph with
 * its number and a full stop ("74. The economic…"), an article with its name and number
 * ("Article 13"), and inside a part, its numbered paragraphs ("1. Everyone has…"). Line breaks
 * inside a part are wrapping. How a document marks its parts is its numbering.
 */
export interface Numbering {
  /** How a part starts a line, with {n} for its number: "{n}. ", "Article {n}". */
  startsWith: string;
  /** How a numbered paragraph inside a part starts a line ("{n}. "), if the document has them. */
  subparagraphs: string | undefined;
}

/**
 * How a source marks its parts: as its declaration says ("numbering" in module.json), or else
 * the usual way for parts of its kind: "{n}. " for paragraphs, "Article {n}" with "{n}. " for
 * the numbered paragraphs inside, for articles (principles, sections, rules alike).
 */
export function numberingOf(kind: string, declared: Partial<Numbering> = {}): Numbering {
  const usual =
    kind === 'paragraph'
      ? { startsWith: '{n}. ', subparagraphs: undefined }
      : { startsWith: `${kind[0]!.toUpperCase()}${kind.slice(1)} {n}`, subparagraphs: '{n}. ' };
  return { startsWith: declared.startsWith ?? usual.startsWith, subparagraphs: declared.subparagraphs ?? usual.subparagraphs };
}

/** What learners see of a source: lines holding only a page number left out, words replaced. */
export interface DisplayRules {
  dropPageNumbers?: boolean | undefined;
  replace?: readonly { find: string; with: string }[] | undefined;
}

export interface SourceParts {
  /** Every part by number ("74"; "13" and its paragraphs "13(1)", "13(2)"), whitespace-normalized. */
  units: Map<string, string>;
  /** The same parts as learners see them (the display rules applied). */
  displayed: Map<string, string>;
  /** Numbers that start more than one part, with the (1-based) lines where they do. */
  repeated: { id: string; lines: number[] }[];
}

const PART_NUMBER = String.raw`\d{1,4}(?:\.\d{1,4})*`;
const SUBPARAGRAPH_NUMBER = String.raw`\d{1,3}|[a-z]`;
const PAGE_NUMBER_LINE = /^\s*(?:page\s+)?[-\u2013\u2014]?\s*\d{1,4}\s*[-\u2013\u2014]?\s*$/i;

/** Splits a source text into its parts, as its numbering marks them. */
export function splitSource(text: string, numbering: Numbering, display: DisplayRules = {}): SourceParts {
  const partStart = linePattern(numbering.startsWith, PART_NUMBER);
  const subStart = numbering.subparagraphs === undefined ? undefined : linePattern(numbering.subparagraphs, SUBPARAGRAPH_NUMBER);
  const lines = text.split(/\r?\n/);
  const collected = new Map<string, string[]>();
  const starts = new Map<string, number[]>();
  const collect = (id: string, line: string) => {
    const list = collected.get(id);
    if (list) list.push(line);
    else collected.set(id, [line]);
  };
  let part: string | undefined;
  let subparagraph: string | undefined;
  lines.forEach((line, index) => {
    const start = partStart.exec(line);
    if (start) {
      part = start[1]!;
      subparagraph = undefined;
      starts.set(part, [...(starts.get(part) ?? []), index + 1]);
      if (starts.get(part)!.length === 1) collect(part, start[2]!);
      else part = undefined;
      return;
    }
    if (part === undefined) return;
    const sub = subStart?.exec(line);
    if (sub) {
      subparagraph = `${part}(${sub[1]})`;
      starts.set(subparagraph, [...(starts.get(subparagraph) ?? []), index + 1]);
      if (starts.get(subparagraph)!.length > 1) subparagraph = undefined;
      else collect(subparagraph, sub[2]!);
    } else if (subparagraph !== undefined) {
      collect(subparagraph, line);
    }
    collect(part, line);
  });
  const units = new Map<string, string>();
  const displayed = new Map<string, string>();
  for (const [id, partLines] of collected) {
    units.set(id, normalizeWhitespace(partLines.join(' ')));
    displayed.set(id, displayText(partLines, display));
  }
  const repeated = [...starts].filter(([, at]) => at.length > 1).map(([id, at]) => ({ id, lines: at }));
  return { units, displayed, repeated };
}

function displayText(lines: readonly string[], display: DisplayRules): string {
  const kept = display.dropPageNumbers ? lines.filter((line) => !PAGE_NUMBER_LINE.test(line)) : lines;
  let text = normalizeWhitespace(kept.join(' '));
  for (const { find, with: replacement } of display.replace ?? []) text = text.replaceAll(normalizeWhitespace(find), replacement);
  return text;
}

/**
 * "{n}. " → a line starting with a number and a full stop, then the part's first words;
 * "Article {n}" → a line starting with "Article" and a number not followed by more letters or digits.
 */
function linePattern(template: string, numberPattern: string): RegExp {
  const [before = '', after = ''] = template.split('{n}');
  const literal = (part: string) =>
    part
      .trim()
      .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
      .replace(/\s+/g, String.raw`\s+`);
  const lead = before.trim() === '' ? '' : `${literal(before)}${/\s$/.test(before) ? String.raw`\s+` : ''}`;
  const tail = after.trim() === '' ? '' : `${/^\s/.test(after) ? String.raw`\s*` : ''}${literal(after)}`;
  const end = /\s$/.test(after) || (after.trim() === '' && after !== '') ? String.raw`(?:\s+|$)` : String.raw`(?![\p{L}\p{N}])\s*`;
  return new RegExp(`^\\s*${lead}(${numberPattern})${tail}${end}(.*)$`, 'u');
}

/**
 * Lines such as "Article 14" or "Principle 5" alone on a line, when a document has several
 * with the same word: how the document is divided, to suggest its declaration.
 */
export function findHeadings(text: string): { word: string; numbers: string[]; lines: number[] } | undefined {
  const byWord = new Map<string, { numbers: string[]; lines: number[] }>();
  text.split(/\r?\n/).forEach((line, index) => {
    const heading = /^\s*(\p{Lu}\p{L}+)\s+(\d{1,4}(?:\.\d{1,4})*)\s*$/u.exec(line);
    if (!heading) return;
    const found = byWord.get(heading[1]!) ?? { numbers: [], lines: [] };
    found.numbers.push(heading[2]!);
    found.lines.push(index + 1);
    byWord.set(heading[1]!, found);
  });
  const [word, found] = [...byWord].sort((a, b) => b[1].numbers.length - a[1].numbers.length)[0] ?? [];
  return word && found && found.numbers.length >= 2 ? { word, ...found } : undefined;
}

export function normalizeWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * How much of a quote matches the paragraph before it diverges, to tell the author where
 * the quote stops being verbatim.
 */
export function longestMatchingPrefix(quote: string, paragraph: string): string {
  const words = quote.split(' ');
  let low = 0;
  let high = words.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (paragraph.includes(words.slice(0, mid).join(' '))) low = mid;
    else high = mid - 1;
  }
  return words.slice(0, low).join(' ');
}

/** Curly quotes, apostrophes and dashes as their plain forms, to tell a typographic slip from a wording change. */
function plainTypography(text: string): string {
  return text
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/[\u2013\u2014]/g, '-');
}

/**
 * Says where a quote stops matching its paragraph, for an author comparing the two by eye:
 * "after "…a valuable and", the source has "positive component of" but the quote has "useful
 * component of"". Both texts are whitespace-normalized.
 */
export function explainQuoteMismatch(quote: string, paragraph: string): string {
  if (plainTypography(paragraph).includes(plainTypography(quote))) {
    return 'only quotation marks, apostrophes or dashes differ (curly or straight, short or long): copy them from the source';
  }
  if (paragraph.toLowerCase().includes(quote.toLowerCase())) return 'only letter case differs: copy the capitals as in the source';
  const matched = longestMatchingPrefix(quote, paragraph);
  if (!matched) return 'its first words are not in that paragraph; check the citation, or copy the quote again from the source';
  const next = (text: string) => text.trim().split(' ').slice(0, 6).join(' ');
  const quoteRest = next(quote.slice(matched.length));
  const sourceRest = next(paragraph.slice(paragraph.indexOf(matched) + matched.length));
  const after = `after "…${matched.split(' ').slice(-5).join(' ')}"`;
  if (!quoteRest) return `${after} the quote ends where the source does not; check the words before it`;
  if (!sourceRest) return `${after} the paragraph ends, but the quote goes on with "${quoteRest}…"`;
  return `${after}, the source has "${sourceRest}…" but the quote has "${quoteRest}…"`;
}
