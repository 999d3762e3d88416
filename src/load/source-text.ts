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
