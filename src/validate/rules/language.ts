/**
 * "Every language the module declares has all its strings." A module is written in one
 * language ("language") and may be published in others ("translations", whose texts come from
 * XLIFF files, checked in src/i18n). In every one of them the learner interface (buttons,
 * labels, messages) comes from coursekit's locale files; a language without a complete locale
 * file gets English labels for the missing keys, which a learner notices at once.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { localesDir } from '../../paths.js';
import type { RuleContext } from './context.js';

const cache = new Map<string, string | undefined>();

/**
 * The module's language and each of its translations; the texts of each translation are
 * checked by the translation stage (translation-missing).
 */
export function checkLanguages({ meta, broken, report, moduleAt }: RuleContext): void {
  const language = broken.moduleTrusts('/language') ? checkLanguageStrings(meta.language) : undefined;
  if (language) report('language-strings-missing', moduleAt('/language'), language);
  (broken.moduleTrusts('/translations') ? (meta.translations ?? []) : []).forEach((tag, i) => {
    const missing = checkLanguageStrings(tag);
    if (missing) report('language-strings-missing', moduleAt(`/translations/${i}`), missing);
  });
}

/** Undefined when the language's interface strings are complete; otherwise what is missing. */
function checkLanguageStrings(language: string): string | undefined {
  if (cache.has(language)) return cache.get(language);
  const result = findMissing(language);
  cache.set(language, result);
  return result;
}

function findMissing(language: string): string | undefined {
  const base = language.split('-')[0]!;
  if (base === 'en') return undefined;
  const english = readLocale('en');
  if (!english) return undefined;
  const own = { ...(readLocale(base) ?? {}), ...(readLocale(language) ?? {}) };
  const missing = Object.keys(english).filter((key) => typeof own[key] !== 'string' || own[key].trim() === '');
  if (missing.length === 0) return undefined;
  if (missing.length === Object.keys(english).length) {
    return `the module is published in "${language}", but coursekit has no learner-interface strings for it (no ${base}.json in src/render/locales/): buttons and labels will be in English.`;
  }
  const shown = missing
    .slice(0, 8)
    .map((k) => `\`${k}\``)
    .join(', ');
  return `the learner-interface strings for "${language}" lack ${missing.length} of ${Object.keys(english).length} entries (${shown}${missing.length > 8 ? ', …' : ''}); those will be in English.`;
}

function readLocale(tag: string): Record<string, string> | undefined {
  const file = path.join(localesDir, `${tag}.json`);
  if (!existsSync(file)) return undefined;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
  } catch {
    return undefined;
  }
}
