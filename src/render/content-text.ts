/**
 * Content texts on a page. In a draft translation (`coursekit build --draft`) a text not
 * translated yet is shown in the source language: it carries that language's `lang` (and `dir`),
 * so screen readers pronounce it right, and a visible "not yet translated" mark, so reviewers
 * see what is left. Every other text passes through untouched, so complete modules render
 * exactly as before.
 */
import nunjucks from 'nunjucks';
import { escapeHtml } from './markdown.js';

/** The texts of a draft still in the source language. */
export interface UntranslatedTexts {
  /** As the module holds them (a text translated elsewhere into the very same words counts too: harmless in a draft). */
  texts: ReadonlySet<string>;
  lang: string;
  dir: 'ltr' | 'rtl';
  /** "(not yet translated)", in the page's language. */
  mark: string;
}

type Html = InstanceType<typeof nunjucks.runtime.SafeString>;

/** A text as an element's content: unchanged (the template escapes it), or in its language with the mark. */
export function contentText(text: string, untranslated: UntranslatedTexts | undefined): string | Html {
  if (!untranslated?.texts.has(text)) return text;
  return new nunjucks.runtime.SafeString(
    `<span${languageOf(untranslated)}>${escapeHtml(text)}</span> <span class="ck-untranslated-mark">${escapeHtml(untranslated.mark)}</span>`,
  );
}

/** HTML made from a text (markdown, a quote's paragraphs): unchanged, or in a block of its language after the mark. */
export function contentBlock(html: string, text: string, untranslated: UntranslatedTexts | undefined): string {
  if (!untranslated?.texts.has(text)) return html;
  return `<p class="ck-untranslated-mark">${escapeHtml(untranslated.mark)}</p><div${languageOf(untranslated)}>${html}</div>`;
}

/** ` lang="…"` for an element whose attribute or plain-text content is a text not translated yet (alt text, a list option). */
export function languageAttributes(text: string, untranslated: UntranslatedTexts | undefined): Html | '' {
  return untranslated?.texts.has(text) ? new nunjucks.runtime.SafeString(languageOf(untranslated)) : '';
}

function languageOf(untranslated: UntranslatedTexts): string {
  return ` lang="${escapeHtml(untranslated.lang)}" dir="${untranslated.dir}"`;
}
