/**
 * What changed between two versions of a text, word by word, for the stale-translation
 * warning: the author sees the words that changed, with a little of the text around them,
 * instead of two excerpts cut at the same length (which look identical when the change is
 * near the end).
 */

/** Words kept around each change, so the author can find it in the lesson. */
const CONTEXT_WORDS = 3;
/** Beyond this many words on both sides a full diff costs too much; the changed middle is shown instead. */
const MAX_DIFF_CELLS = 4_000_000;

type Part = { kind: 'same' | 'removed' | 'added'; words: string[] };

/**
 * The new text with each change in brackets: `[old words → new words]`, `[+ added words]`,
 * `[- removed words]`; unchanged runs longer than the context are shortened to "…".
 * Spacing is not a change (the texts are compared word by word).
 *
 *   wordDiff('Money migrants send to their countries of origin.', 'Money migrants send home.')
 *   → 'Money migrants send [to their countries of origin. → home.]'
 */
export function wordDiff(before: string, after: string): string {
  const parts = diffWords(words(before), words(after));
  const out: string[] = [];
  parts.forEach((part, i) => {
    if (part.kind === 'same') {
      out.push(shorten(part.words, i > 0, i < parts.length - 1));
      return;
    }
    if (part.kind === 'added' && parts[i - 1]?.kind === 'removed') return; // written with the removal
    const next = parts[i + 1];
    if (part.kind === 'removed' && next?.kind === 'added') out.push(`[${part.words.join(' ')} → ${next.words.join(' ')}]`);
    else out.push(`[${part.kind === 'added' ? '+' : '-'} ${part.words.join(' ')}]`);
  });
  return out.filter((s) => s !== '').join(' ');
}

function words(text: string): string[] {
  return text.split(/\s+/).filter((w) => w !== '');
}

/** Unchanged words between changes: the context next to each change, "…" for the rest. */
function shorten(same: string[], changeBefore: boolean, changeAfter: boolean): string {
  const head = changeBefore ? same.slice(0, CONTEXT_WORDS) : [];
  const tail = changeAfter ? same.slice(Math.max(head.length, same.length - CONTEXT_WORDS)) : [];
  const skipped = same.length - head.length - tail.length;
  return [...head, ...(skipped > 0 ? ['…'] : []), ...tail].join(' ');
}

/** A shortest edit script over words (longest common subsequence), changes grouped removal first. */
function diffWords(a: string[], b: string[]): Part[] {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const middle =
    (endA - start) * (endB - start) > MAX_DIFF_CELLS
      ? [
          { kind: 'removed' as const, words: a.slice(start, endA) },
          { kind: 'added' as const, words: b.slice(start, endB) },
        ]
      : lcsDiff(a.slice(start, endA), b.slice(start, endB));
  return regroup([{ kind: 'same', words: a.slice(0, start) }, ...middle, { kind: 'same', words: a.slice(endA) }]);
}

function lcsDiff(a: string[], b: string[]): Part[] {
  // lengths[i][j]: the longest common subsequence of a[i..] and b[j..].
  const lengths = Array.from({ length: a.length + 1 }, () => new Uint32Array(b.length + 1));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lengths[i]![j] = a[i] === b[j] ? lengths[i + 1]![j + 1]! + 1 : Math.max(lengths[i + 1]![j]!, lengths[i]![j + 1]!);
    }
  }
  const parts: Part[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      parts.push({ kind: 'same', words: [a[i]!] });
      i++;
      j++;
    } else if (j >= b.length || (i < a.length && lengths[i + 1]![j]! >= lengths[i]![j + 1]!)) {
      parts.push({ kind: 'removed', words: [a[i++]!] });
    } else {
      parts.push({ kind: 'added', words: [b[j++]!] });
    }
  }
  return parts;
}

/** Merges neighbours of one kind, and puts the removal before the addition within each change. */
function regroup(parts: Part[]): Part[] {
  const out: Part[] = [];
  let removed: string[] = [];
  let added: string[] = [];
  const flush = () => {
    if (removed.length > 0) out.push({ kind: 'removed', words: removed });
    if (added.length > 0) out.push({ kind: 'added', words: added });
    removed = [];
    added = [];
  };
  for (const part of parts) {
    if (part.kind === 'removed') removed.push(...part.words);
    else if (part.kind === 'added') added.push(...part.words);
    else if (part.words.length > 0) {
      flush();
      const last = out.at(-1);
      if (last?.kind === 'same') last.words.push(...part.words);
      else out.push({ kind: 'same', words: [...part.words] });
    }
  }
  flush();
  return out;
}
