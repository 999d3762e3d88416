/** The learner-facing UI strings, one JSON file per language in src/render/locales/. */
import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import type { Strings } from '../model/runtime-data.js';
import { localesDir } from '../paths.js';

const RTL_LANGUAGES = new Set(['ar', 'he', 'fa', 'ur']);
const cache = new Map<string, Strings>();

/** Strings for a language tag, falling back from `fr-CA` to `fr` to English for missing keys. */
export function loadStrings(language: string): Strings {
  const cached = cache.get(language);
  if (cached) return cached;
  const english = readLocale('en') ?? {};
  const base = language.split('-')[0]!;
  const strings = { ...english, ...(readLocale(base) ?? {}), ...(readLocale(language) ?? {}) };
  cache.set(language, strings);
  return strings;
}

/** After a locale file changed (the preview): read the strings again. */
export function forgetStrings(): void {
  cache.clear();
}

function readLocale(tag: string): Strings | undefined {
  const file = path.join(localesDir, `${tag}.json`);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Strings) : undefined;
}

export function textDirection(language: string): 'ltr' | 'rtl' {
  return RTL_LANGUAGES.has(language.split('-')[0]!) ? 'rtl' : 'ltr';
}
