/**
 * The printed documents as HTML with print CSS: one file each, the stylesheet inline, images
 * beside them in media/. Paper size, the running header (the module title) and the page
 * numbers ("Page 2 of 9", in the module's language) are page rules built here; everything else
 * is handout.css. Nunjucks escapes every text that comes from the module.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import nunjucks from 'nunjucks';
import { type Citation, citationLabel, citedUnit } from '../model/course.js';
import type { Strings } from '../model/runtime-data.js';
import { packageRoot } from '../paths.js';
import { renderMarkdown } from '../render/markdown.js';
import { fillPlaceholders } from '../shared/ui-text.js';

const templatesDir = path.join(packageRoot, 'src', 'handout', 'templates');

export type PaperSize = 'a4' | 'letter';

const PAGE_SIZES: Record<PaperSize, string> = { a4: 'A4', letter: 'letter' };

let environment: nunjucks.Environment | undefined;

function templates(): nunjucks.Environment {
  if (environment) return environment;
  environment = new nunjucks.Environment(new nunjucks.FileSystemLoader(templatesDir), {
    autoescape: true,
    throwOnUndefined: true,
    trimBlocks: true,
    lstripBlocks: true,
  });
  // `headingLevel`: the level of the text's top sub-heading, one below the heading it sits under.
  environment.addFilter('md', (text: string, headingLevel: number, externalLinkCue: string) =>
    renderMarkdown(text, { headingLevel, externalLinkCue }),
  );
  environment.addFilter('cite', (citation: Citation, strings: Strings) => {
    const { kind, id } = citedUnit(citation);
    return citationLabel(strings, citation.document, kind, id);
  });
  // Numbers in the handout language's conventions, as on the course's pages.
  environment.addFilter('fmt', (template: string, values: Record<string, string | number>, language: string) =>
    fillPlaceholders(template, values, language),
  );
  return environment;
}

export interface PageSetup {
  paper: PaperSize;
  language: string;
  /** Read after a web link by screen readers (the printed page shows the address instead). */
  externalLink: string;
  /** The running header. */
  title: string;
  /** "Page {n} of {total}" in the module's language. */
  pageOf: string;
  /** The module's theme font, if it sets one. */
  fontFamily: string | undefined;
}

export function renderDocument(template: string, view: Record<string, unknown>, page: PageSetup): string {
  return templates().render(template, {
    ...view,
    language: page.language,
    externalLink: page.externalLink,
    css: `${pageRules(page)}\n${stylesheet()}`,
  });
}

let css: string | undefined;
function stylesheet(): string {
  css ??= readFileSync(path.join(templatesDir, 'handout.css'), 'utf8');
  return css;
}

function pageRules({ paper, title, pageOf, fontFamily }: PageSetup): string {
  const numbers = pageOf
    .split(/(\{n\}|\{total\})/)
    .filter((part) => part !== '')
    .map((part) => (part === '{n}' ? 'counter(page)' : part === '{total}' ? 'counter(pages)' : cssString(part)))
    .join(' ');
  return [
    `@page { size: ${PAGE_SIZES[paper]}; @top-center { content: ${cssString(title)}; } @bottom-center { content: ${numbers}; } }`,
    '@page :first { @top-center { content: none; } }',
    ...(fontFamily ? [`:root { --handout-font: ${fontFamily}, var(--handout-system-font); }`] : []),
  ].join('\n');
}

/**
 * A CSS string literal for any text: quotes, backslashes, line breaks and the characters that
 * could end the <style> element are written as escapes.
 */
export function cssString(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what must be escaped.
  return `"${text.replace(/[\u0000-\u001f\u007f"\\<>&]/g, (ch) => `\\${ch.charCodeAt(0).toString(16)} `)}"`;
}
