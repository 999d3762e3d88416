/**
 * How coursekit runs Eleventy: the templates' configuration file, the course data and the
 * content filters. Kept apart from render/index.ts, which imports Eleventy itself, so that the
 * benchmarks can prepare a run without loading Eleventy before their clock starts.
 */
import { type Citation, citationLabel, citedUnit } from '../model/course.js';
import type { Strings } from '../model/runtime-data.js';
import { eleventyConfigPath } from '../paths.js';
import { generator, hash, shuffle } from '../shared/random.js';
import { contentBlock, contentText, languageAttributes } from './content-text.js';
import { escapeHtml, renderMarkdown } from './markdown.js';
import { fillPlaceholders } from '../shared/ui-text.js';
import { languageNameIn, type ModuleView, type SiteModel } from './view-model.js';

/** Called with each page as soon as Eleventy has rendered it, with its path in the site folder. */
export type PageObserver = (file: string, content: string) => void;

/** Options for `new Eleventy(templatesDir, outDir, options)`. */
export function eleventyOptions(site: SiteModel, onPage?: PageObserver) {
  return {
    quietMode: true,
    configPath: eleventyConfigPath,
    config(eleventyConfig: EleventyUserConfig) {
      eleventyConfig.addGlobalData('coursekit', site);
      // Eleventy 3.1 warns about slow filters even in quiet mode (its groups are made verbose
      // before the mode is known); in coursekit's output that is noise. Cosmetic, so guarded.
      for (const group of Object.values(eleventyConfig.benchmarkManager?.get?.() ?? {})) group.setIsVerbose?.(false);
      // Identity: hands each finished page to the observer (see templates/pages.njk).
      eleventyConfig.addFilter('rendered', (content: unknown, permalink: string) => {
        const text = String(content);
        onPage?.(permalink, text);
        return text;
      });
      // Content texts: `m` is the page's module; a draft's untranslated texts come out marked (content-text.ts).
      const untranslated = (m: ModuleView) => site.untranslated.get(m.id);
      eleventyConfig.addFilter('tx', (text: string, m: ModuleView) => contentText(text, untranslated(m)));
      eleventyConfig.addFilter('langOf', (text: string, m: ModuleView) => languageAttributes(text, untranslated(m)));
      // `headingLevel`: the level of the text's top sub-heading, one below the heading it sits under.
      eleventyConfig.addFilter('md', (text: string, m: ModuleView, headingLevel: number) => {
        const draft = untranslated(m);
        const context = { headingLevel, externalLinkCue: m.strings.externalLink ?? '' };
        // In a text shown in the source language, the cue stays in the page's language.
        const cueLanguage = draft?.texts.has(text) ? { cueLanguage: m.language } : {};
        return contentBlock(renderMarkdown(text, { ...context, ...cueLanguage }), text, draft);
      });
      eleventyConfig.addFilter('paragraphs', (text: string, m: ModuleView) =>
        contentBlock(
          text
            .split(/\n\s*\n/)
            .map((p) => `<p>${escapeHtml(p.replace(/\s+/g, ' ').trim())}</p>`)
            .join(''),
          text,
          untranslated(m),
        ),
      );
      // Numbers in the page language's conventions (shared/ui-text.ts), as the runtime writes them.
      eleventyConfig.addFilter('fmt', (template: string, values: Record<string, string | number>, language: string) =>
        fillPlaceholders(template, values, language),
      );
      // "A/58/275, paragraph 74", "UDHR, Article 14(1)", in the language of `strings`.
      eleventyConfig.addFilter('cite', (citation: Citation, strings: Strings) => {
        const { kind, id } = citedUnit(citation);
        return citationLabel(strings, citation.document, kind, id);
      });
      eleventyConfig.addFilter('sortBy', <T extends Record<string, unknown>>(items: T[], key: string) =>
        [...items].sort((a, b) => String(a[key]).localeCompare(String(b[key]))),
      );
      eleventyConfig.addFilter('scramble', <T>(items: T[], seed: string) => scramble(items, seed));
      eleventyConfig.addFilter('languageName', (tag: string, inLanguage: string) => languageNameIn(tag, inLanguage));
      eleventyConfig.addFilter('preferredTrack', (captions: { language: string }[], language: string) =>
        preferredTrack(captions, language),
      );
      eleventyConfig.addFilter('stepNumber', (steps: { id: string }[], id: string) => steps.findIndex((s) => s.id === id) + 1);
    },
  };
}

/**
 * A fixed shuffle seeded by the question id, so that pages rendered without JavaScript do not
 * show ordering items in their correct order, while rebuilds stay byte-identical.
 */
export function scramble<T>(items: readonly T[], seed: string): T[] {
  const result = shuffle(items, generator(hash(seed)));
  // A shuffle that lands on the answer would give it away.
  if (result.length > 1 && result.every((item, i) => item === items[i])) result.push(result.shift()!);
  return result;
}

/** The caption track shown by default: the one in the page's language, else the first. */
export function preferredTrack(captions: { language: string }[], language: string): number {
  const base = (tag: string) => tag.toLowerCase().split('-')[0];
  const exact = captions.findIndex((c) => c.language.toLowerCase() === language.toLowerCase());
  const sameBase = captions.findIndex((c) => base(c.language) === base(language));
  return Math.max(exact >= 0 ? exact : sameBase, 0);
}

interface EleventyUserConfig {
  benchmarkManager?: { get?(): Record<string, { setIsVerbose?(verbose: boolean): void }> };
  addGlobalData(name: string, value: unknown): void;
  addFilter(name: string, filter: (...args: never[]) => unknown): void;
}
