/**
 * Markdown to HTML for the pages; the parser and what it accepts are in src/markdown/. Text is
 * escaped, so content never injects markup; links go only to the web and to e-mail, and web
 * links say they leave the course; sub-headings take the level that fits the page's outline.
 * Top-level blocks are joined by a line break and nothing else is added, so pages stay small.
 */
import { attribute, isAllowedLink, isWebLink, parseMarkdown, type Token } from '../markdown/index.js';

export interface MarkdownContext {
  /** The level of the text's top sub-heading: one below the heading the text sits under. */
  headingLevel: number;
  /** Read after each web link by screen readers, e.g. "(external link, opens in a new tab)". */
  externalLinkCue: string;
  /** The cue's language, when the text is in another (a draft's untranslated text). */
  cueLanguage?: string;
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

export function renderMarkdown(source: string, context: MarkdownContext): string {
  const tokens = parseMarkdown(source);
  const levels = headingLevels(tokens, context.headingLevel);
  const blocks: string[] = [];
  let html = '';
  let depth = 0;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.type === 'table_open' && depth === 0) {
      const caption = captionAfterTable(tokens, i);
      html += '<table>';
      if (caption) {
        html += `<caption>${renderInline(caption.inline.children ?? [], context).replace(/^:\s*/, '')}</caption>`;
        tokens.splice(caption.at, 3);
      }
    } else {
      html += renderBlockToken(token, levels, context);
    }
    depth += token.nesting;
    if (depth === 0) {
      blocks.push(html);
      html = '';
    }
  }
  return blocks.join('\n');
}

function renderBlockToken(token: Token, levels: Map<string, number>, context: MarkdownContext): string {
  switch (token.type) {
    case 'inline':
      return renderInline(token.children ?? [], context);
    case 'paragraph_open':
      return token.hidden ? '' : '<p>';
    case 'paragraph_close':
      return token.hidden ? '' : '</p>';
    case 'heading_open':
      return `<h${levels.get(token.tag)}>`;
    case 'heading_close':
      return `</h${levels.get(token.tag)}>`;
    case 'ordered_list_open': {
      const start = Number(attribute(token, 'start') || 1);
      return start === 1 ? '<ol>' : `<ol start="${start}">`;
    }
    case 'th_open':
    case 'td_open': {
      const scope = token.type === 'th_open' ? ' scope="col"' : '';
      const style = attribute(token, 'style');
      return `<${token.tag}${scope}${style ? ` style="${escapeHtml(style)}"` : ''}>`;
    }
    case 'fence':
      return `<pre><code>${escapeHtml(token.content)}</code></pre>`;
    case 'hr':
      return '<hr>';
    default:
      // Lists, items, block quotes and the table's sections: the tag as parsed.
      return token.nesting === 1 ? `<${token.tag}>` : token.nesting === -1 ? `</${token.tag}>` : '';
  }
}

function renderInline(tokens: Token[], context: MarkdownContext): string {
  let html = '';
  // Per open link: what closes it (nothing for a link shown as its text).
  const links: string[] = [];
  for (const token of tokens) {
    switch (token.type) {
      case 'text':
      case 'text_special':
        html += escapeHtml(token.content);
        break;
      case 'softbreak':
        html += ' ';
        break;
      case 'hardbreak':
        html += '<br>';
        break;
      case 'code_inline':
        html += `<code>${escapeHtml(token.content)}</code>`;
        break;
      case 'image':
        // Not shown (images need an image block and its checks); its description stands in.
        html += escapeHtml(token.content);
        break;
      case 'link_open': {
        const href = attribute(token, 'href');
        if (!isAllowedLink(href)) {
          links.push('');
        } else if (isWebLink(href)) {
          html += `<a href="${escapeHtml(href)}" class="ck-external" target="_blank" rel="noopener">`;
          const lang = context.cueLanguage ? ` lang="${escapeHtml(context.cueLanguage)}"` : '';
          links.push(`<span class="ck-visually-hidden"${lang}> ${escapeHtml(context.externalLinkCue)}</span></a>`);
        } else {
          html += `<a href="${escapeHtml(href)}">`;
          links.push('</a>');
        }
        break;
      }
      case 'link_close':
        html += links.pop() ?? '';
        break;
      default:
        // Emphasis, strong emphasis and strikethrough: the tag as parsed, always well nested.
        if (token.nesting === 1) html += `<${token.tag}>`;
        else if (token.nesting === -1) html += `</${token.tag}>`;
        else html += escapeHtml(token.content);
    }
  }
  return html;
}

/**
 * The level each heading tag of the text takes: its levels in order, from `top` down, so a
 * text's "##" becomes the level below the block's heading and the page's outline skips none.
 */
function headingLevels(tokens: Token[], top: number): Map<string, number> {
  const used = [...new Set(tokens.filter((t) => t.type === 'heading_open').map((t) => t.tag))].sort();
  return new Map(used.map((tag, rank) => [tag, Math.min(6, top + rank)]));
}

/** A paragraph right after a table that starts with ": " is the table's caption (as in Pandoc). */
function captionAfterTable(tokens: Token[], tableOpen: number): { at: number; inline: Token } | undefined {
  let depth = 0;
  for (let i = tableOpen; i < tokens.length; i++) {
    depth += tokens[i]!.nesting;
    if (depth > 0) continue;
    const [open, inline] = [tokens[i + 1], tokens[i + 2]];
    if (open?.type !== 'paragraph_open' || inline?.type !== 'inline' || !inline.content.startsWith(': ')) return undefined;
    return { at: i + 1, inline };
  }
  return undefined;
}
