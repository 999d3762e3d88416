/** Suggestions for a mistyped value: the nearest allowed word, identifier or language tag. */

/** The allowed word closest to a misspelling, if it is close enough to be a likely typo. */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = editDistance(word.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  if (best !== undefined && bestDistance <= Math.max(2, Math.floor(word.length / 3))) return best;
  // "alt_text" for "alt", "questionText" for "question": one name contains the other.
  const plain = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');
  const target = plain(word);
  return candidates.find((c) => plain(c).length >= 3 && (target.startsWith(plain(c)) || plain(c).startsWith(target)) && target.length >= 3);
}

/** Levenshtein distance: the fewest one-character insertions, deletions and substitutions from a to b. */
export function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length]!;
}

/** "Intro Lesson" → "intro-lesson": the identifier an author most likely meant. */
export function slugify(value: string): string {
  return value
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64)
    .replace(/-+$/, '');
}

const LANGUAGE_NAMES: Record<string, string> = {
  english: 'en',
  french: 'fr',
  français: 'fr',
  francais: 'fr',
  spanish: 'es',
  español: 'es',
  espanol: 'es',
  arabic: 'ar',
  russian: 'ru',
  chinese: 'zh',
  portuguese: 'pt',
  german: 'de',
  italian: 'it',
  dutch: 'nl',
  japanese: 'ja',
  korean: 'ko',
};

export function suggestLanguageTag(value: string): string | undefined {
  const named = LANGUAGE_NAMES[value.trim().toLowerCase()];
  if (named) return named;
  const [first, ...rest] = value.trim().split(/[-_]/);
  if (!first || !/^[a-zA-Z]{2,3}$/.test(first)) return undefined;
  const tag = [first.toLowerCase(), ...rest.map((r) => (r.length === 2 ? r.toUpperCase() : r))].join('-');
  return /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(tag) && tag !== value ? tag : undefined;
}
