/** Every UI string exists in the six UN languages, with the same placeholders as English. */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { localesDir } from '../../src/paths.js';
import { loadStrings, textDirection } from '../../src/render/strings.js';

const read = (lang: string) => JSON.parse(readFileSync(path.join(localesDir, `${lang}.json`), 'utf8')) as Record<string, string>;
const english = read('en');
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('UI locales', () => {
  it('ships Arabic, Chinese, English, French, Russian and Spanish', () => {
    expect(readdirSync(localesDir).sort()).toEqual(['ar.json', 'en.json', 'es.json', 'fr.json', 'ru.json', 'zh.json']);
  });

  it.each(['ar', 'es', 'fr', 'ru', 'zh'])('%s has every English key, translated, with the same placeholders', (lang) => {
    const strings = read(lang);
    expect(Object.keys(strings).sort()).toEqual(Object.keys(english).sort());
    for (const [key, text] of Object.entries(english)) {
      expect(placeholders(strings[key]!), `${lang}.${key}`).toEqual(placeholders(text));
      expect(strings[key]!.trim(), `${lang}.${key}`).not.toBe('');
    }
    const untranslated = Object.keys(english).filter((k) => strings[k] === english[k] && !/^\{\w+\}|^\(|min$/.test(english[k]!));
    expect(untranslated.length, `untranslated in ${lang}: ${untranslated.join(', ')}`).toBeLessThanOrEqual(3);
  });

  it('falls back from a regional tag to its language, and sets the direction', () => {
    expect(loadStrings('zh-Hans').startCourse).toBe(read('zh').startCourse);
    expect(loadStrings('fr-CA').next).toBe('Suivant');
    expect(textDirection('ar')).toBe('rtl');
    expect(textDirection('en')).toBe('ltr');
  });
});
