/** Every UI string exists in the six UN languages, with the same placeholders as English. */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { localesDir } from '../../src/paths.js';
import { loadStrings, textDirection } from '../../src/render/strings.js';
import { fillPlaceholders } from '../../src/shared/ui-text.js';

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

  it('spaces French punctuation as French typography does: no-break space before a colon, narrow no-break space before ; ! ? % and inside « »', () => {
    const french = read('fr');
    for (const [key, text] of Object.entries(french)) {
      expect(text, `fr.${key}`).not.toMatch(/[ \u00a0][;!?%»]|« |[^\u00a0]:(?=\s|$)| \{n\} min/);
      expect(text.replace(/\u00a0:/g, '').replace(/\u202f[;!?%»]|«\u202f/g, ''), `fr.${key}`).not.toMatch(/[\u00a0\u202f](?![0-9a-zA-Z])/);
    }
    expect(french.passMark).toBe('Note de passage\u00a0: {n}\u202f%');
    expect(french.colon).toBe('{label}\u00a0:');
  });

  it('writes numbers in the conventions of the language (Intl), in the pages and in the runtime alike', () => {
    expect(fillPlaceholders(read('fr').scoreLine!, { score: 16.6667, correct: 2, total: 12 }, 'fr')).toBe(
      'Votre score\u00a0: 16,67\u202f% (2 réponses correctes sur 12).',
    );
    expect(fillPlaceholders(english.scoreLine!, { score: 16.6667, correct: 2, total: 12 }, 'en')).toBe(
      'You scored 16.67% (2 of 12 correct).',
    );
    expect(fillPlaceholders('{n} / {document}', { n: 1234.5, document: 'A/58/275' }, 'ru')).toBe('1\u00a0234,5 / A/58/275');
  });

  it('falls back from a regional tag to its language, and sets the direction', () => {
    expect(loadStrings('zh-Hans').startCourse).toBe(read('zh').startCourse);
    expect(loadStrings('fr-CA').next).toBe('Suivant');
    expect(textDirection('ar')).toBe('rtl');
    expect(textDirection('en')).toBe('ltr');
  });
});
