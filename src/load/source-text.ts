/**
 * Source documents are plain text in which each numbered paragraph starts a line with its
 * number and a full stop ("74. The economic…"). Line breaks inside a paragraph are wrapping.
 */
export function splitParagraphs(text: string): Map<number, string> {
  const paragraphs = new Map<number, string>();
  let current: number | undefined;
  let lines: string[] = [];
  const flush = () => {
    if (current !== undefined) paragraphs.set(current, normalizeWhitespace(lines.join(' ')));
  };
  for (const line of text.split(/\r?\n/)) {
    const match = /^\s*(\d{1,4})\.\s+(.*)$/.exec(line);
    if (match) {
      flush();
      current = Number(match[1]);
      lines = [match[2]!];
    } else if (current !== undefined) {
      lines.push(line);
    }
  }
  flush();
  return paragraphs;
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
