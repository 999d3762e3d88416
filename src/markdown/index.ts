/**
 * Markdown as coursekit reads it (CommonMark through markdown-it, raw HTML off): one parser for
 * the validate stage, which reports what a page cannot show, for the render stage, which turns
 * it into HTML (render/markdown.ts), and for the build, which lists the web addresses a course
 * links to. Rendering happens at build time only: nothing of this reaches the learner's browser.
 */
import MarkdownIt, { type Token } from 'markdown-it';

export type { Token };

const parser = new MarkdownIt('default', { html: false, linkify: true, typographer: false });
// Bare addresses become links only with their scheme ("https://…"), never from "www." or "x@y".
parser.linkify.set({ fuzzyLink: false, fuzzyEmail: false });
// Indented lines stay prose: JSON text is often indented by accident, and lessons show no code.
parser.disable('code');
// Every link is parsed, so that the renderer decides (and the validate stage reports) which are shown.
parser.validateLink = () => true;

/** The block tokens of a markdown text, inline content in each `inline` token's children. */
export function parseMarkdown(text: string): Token[] {
  return parser.parse(text, {});
}

/** Addresses a link may point to: the web and e-mail. Anything else would not work in a package. */
const LINK_SCHEMES = /^(https?:\/\/|mailto:)/i;

export function isAllowedLink(href: string): boolean {
  return LINK_SCHEMES.test(href);
}

/** A web address (not an e-mail address): learners need a connection to follow it. */
export function isWebLink(href: string): boolean {
  return /^https?:\/\//i.test(href);
}

/** The web addresses a markdown text links to, in order, each once. */
export function markdownWebLinks(text: string): readonly string[] {
  return analysed(text).webLinks;
}

/** Something in a markdown text that a page cannot show as the author meant it. */
export interface MarkdownProblem {
  message: string;
  hint: string;
}

/**
 * What the renderer shows other than the author meant: an image (it has no place for alt text
 * checks, so it shows its alt text), a link it cannot follow (shown as its text), and a "#"
 * heading marker without its space (shown as written).
 */
export function markdownProblems(text: string): readonly MarkdownProblem[] {
  return analysed(text).problems;
}

interface Analysis {
  problems: readonly MarkdownProblem[];
  webLinks: readonly string[];
}

/**
 * What a text's markdown holds, by text: validation asks for its problems and the build for its
 * web links, from one parse; the preview checks its modules at every save, and parsing every
 * text of a thousand unchanged lessons again would be most of a rebuild. Bounded, for long sessions.
 */
const analysisByText = new Map<string, Analysis>();
const REMEMBERED_TEXTS = 100_000;

function analysed(text: string): Analysis {
  let analysis = analysisByText.get(text);
  if (!analysis) {
    analysis = analyse(text);
    if (analysisByText.size >= REMEMBERED_TEXTS) analysisByText.clear();
    analysisByText.set(text, analysis);
  }
  return analysis;
}

function analyse(text: string): Analysis {
  const problems: MarkdownProblem[] = [];
  const webLinks = new Set<string>();
  const tokens = parseMarkdown(text);
  for (const token of inlineTokens(tokens)) {
    if (token.type === 'link_open' && isWebLink(attribute(token, 'href'))) webLinks.add(attribute(token, 'href'));
    if (token.type === 'image') {
      problems.push({
        message: `the image \`${attribute(token, 'src')}\` in the text is not shown (only its description is).`,
        hint: 'Put images in an "image" block, with "alt" text: coursekit checks the file and the description.',
      });
    } else if (token.type === 'link_open') {
      const href = attribute(token, 'href');
      if (!isAllowedLink(href)) {
        problems.push({
          message: `the link to \`${href}\` is shown as plain text: links must start with https://, http:// or mailto:.`,
          hint: 'Write the full address ("https://www.ohchr.org/…"); a package cannot link to its own files or run scripts.',
        });
      }
    }
  }
  for (const token of tokens) {
    if (token.type !== 'inline' || !/^#{1,6}[^\s#\d]/m.test(token.content)) continue;
    const line = token.content.split('\n').find((l) => /^#{1,6}[^\s#\d]/.test(l))!;
    problems.push({
      message: `"${line.length > 40 ? `${line.slice(0, 39)}…` : line}" is shown as written, "#" signs included.`,
      hint: 'For a sub-heading, put a space after the "#" signs ("## Heading") and a blank line before and after it.',
    });
  }
  return { problems, webLinks: [...webLinks] };
}

/** A token's attribute as text ('' when it has none). */
export function attribute(token: Token, name: string): string {
  return String(token.attrGet(name) ?? '');
}

function* inlineTokens(tokens: Token[]): Generator<Token> {
  for (const token of tokens) if (token.type === 'inline') yield* token.children ?? [];
}
