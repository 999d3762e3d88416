/**
 * A small, strict XML 1.0 reader for the files coursekit takes from elsewhere: the XLIFF files
 * translators send back (the writer escapes with encode/xml.ts) and SVG images. It is
 * deliberately narrow: elements, attributes, text, CDATA, comments and processing instructions;
 * the five predefined entities and character references; no DTD (a DOCTYPE is refused, or for
 * SVG skipped when it only names an external DTD, which is never fetched), so no entity
 * expansion from a file someone mailed us. Every node keeps its line and column so diagnostics
 * can point into the file, and every well-formedness error says where it is. (fast-xml-parser's
 * validator accepts undefined entities and several root elements, and its parser leaves
 * `&#233;` undecoded unless HTML entities are switched on.)
 */

export interface XmlPosition {
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
}

export interface XmlElement extends XmlPosition {
  kind: 'element';
  /** The qualified name as written, e.g. `unit` or `ck:module`. */
  name: string;
  attributes: Map<string, string>;
  children: XmlNode[];
}

export interface XmlText extends XmlPosition {
  kind: 'text';
  text: string;
}

export type XmlNode = XmlElement | XmlText;

export interface XmlError extends XmlPosition {
  message: string;
}

export type XmlParseResult = { ok: true; root: XmlElement } | { ok: false; error: XmlError };

class XmlSyntaxError extends Error {
  constructor(
    message: string,
    readonly index: number,
  ) {
    super(message);
  }
}

const NAME_START =
  // biome-ignore lint/suspicious/noMisleadingCharacterClass: the ranges of XML 1.0's NameStartChar production, in UTF-16 code units.
  /[A-Za-z_:\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u02FF\u0370-\u037D\u037F-\u1FFF\u200C\u200D\u2070-\u218F\u2C00-\u2FEF\u3001-\uD7FF\uF900-\uFDCF\uFDF0-\uFFFD]/;
const NAME_CHAR =
  // biome-ignore lint/suspicious/noMisleadingCharacterClass: the ranges of XML 1.0's NameChar production, in UTF-16 code units.
  /[-.0-9\u00B7\u0300-\u036F\u203F\u2040A-Za-z_:\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u02FF\u0370-\u037D\u037F-\u1FFF\u200C\u200D\u2070-\u218F\u2C00-\u2FEF\u3001-\uD7FF\uF900-\uFDCF\uFDF0-\uFFFD]/;
// Characters XML 1.0 forbids anywhere: C0 controls other than tab, newline and carriage return,
// lone surrogates, U+FFFE and U+FFFF.
const FORBIDDEN_CHAR =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', apos: "'", quot: '"' };

export interface XmlParseOptions {
  /**
   * How deep elements may nest. The reader recurses per level, and a file nested thousands deep
   * would end in a stack overflow; real files need a few dozen levels at most.
   */
  maxDepth?: number;
  /** The root element messages expect (default `xliff`). */
  root?: string;
  /**
   * Skip a DOCTYPE that only names an external DTD (drawing programs write one into SVG files);
   * one that declares entities of its own is still refused. The DTD is never read.
   */
  skipExternalDoctype?: boolean;
}

export function parseXml(input: string, options: XmlParseOptions = {}): XmlParseResult {
  // XML processors see every line ending as a single newline (XML 1.0 §2.11); positions are the same.
  const text = input.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) lineStarts.push(i + 1);
  const position = (index: number): XmlPosition => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid]! <= index) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: index - lineStarts[lo]! + 1 };
  };
  try {
    const forbidden = FORBIDDEN_CHAR.exec(text);
    if (forbidden) {
      const code = forbidden[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
      throw new XmlSyntaxError(`the character U+${code} is not allowed in an XML file`, forbidden.index);
    }
    return {
      ok: true,
      root: new Reader(text, position, { maxDepth: 100, root: 'xliff', skipExternalDoctype: false, ...options }).document(),
    };
  } catch (error) {
    if (error instanceof XmlSyntaxError)
      return { ok: false, error: { message: error.message, ...position(Math.min(error.index, text.length)) } };
    throw error;
  }
}

class Reader {
  private i = 0;
  private depth = 0;

  constructor(
    private readonly s: string,
    private readonly position: (index: number) => XmlPosition,
    private readonly options: Required<XmlParseOptions>,
  ) {}

  document(): XmlElement {
    if (this.s.startsWith('<?xml') && /\s/.test(this.s[5] ?? '')) this.declaration();
    this.misc();
    if (this.i >= this.s.length) this.fail(this.s.trim() === '' ? 'the file is empty' : 'the file has no root element');
    if (this.s.startsWith('<!DOCTYPE', this.i)) this.doctype();
    if (this.s[this.i] !== '<') this.fail(`expected the root element (\`<${this.options.root} …>\`), but the file starts with text`);
    const root = this.element();
    this.misc();
    if (this.i < this.s.length) {
      this.fail(
        this.s[this.i] === '<'
          ? 'there is a second root element after the end of the first; an XML file has exactly one'
          : 'there is text after the end of the root element',
      );
    }
    return root;
  }

  private doctype(): void {
    const end = this.s.indexOf('>', this.i);
    const declaration = end < 0 ? '' : this.s.slice(this.i, end);
    if (!this.options.skipExternalDoctype)
      this.fail(
        `the file has a DOCTYPE declaration; ${this.options.root.toUpperCase()} files do not need one, and coursekit does not read them`,
      );
    if (end < 0 || declaration.includes('['))
      this.fail('the DOCTYPE declares entities of its own; coursekit does not expand them (save the file without a DOCTYPE)');
    this.i = end + 1;
    this.misc();
  }

  private declaration(): void {
    const end = this.s.indexOf('?>', this.i);
    if (end < 0) this.fail('the XML declaration `<?xml … ?>` is not closed');
    const decl = this.s.slice(this.i, end);
    const encoding = /\bencoding\s*=\s*["']([^"']*)["']/.exec(decl)?.[1];
    if (encoding && !/^utf-?(8|16)$/i.test(encoding)) {
      this.fail(`the file declares the encoding "${encoding}"; save it as UTF-8`);
    }
    this.i = end + 2;
  }

  /** Whitespace, comments and processing instructions between top-level parts. */
  private misc(): void {
    for (;;) {
      while (this.i < this.s.length && /\s/.test(this.s[this.i]!)) this.i++;
      if (this.s.startsWith('<!--', this.i)) this.comment();
      else if (this.s.startsWith('<?', this.i)) this.instruction();
      else return;
    }
  }

  private comment(): void {
    const end = this.s.indexOf('-->', this.i + 4);
    if (end < 0) this.fail('a comment `<!--` is never closed with `-->`');
    this.i = end + 3;
  }

  private instruction(): void {
    if (this.s.startsWith('<?xml', this.i) && /[\s?]/.test(this.s[this.i + 5] ?? '')) {
      this.fail('the XML declaration `<?xml … ?>` must be the very first thing in the file');
    }
    const end = this.s.indexOf('?>', this.i + 2);
    if (end < 0) this.fail('a processing instruction `<?` is never closed with `?>`');
    this.i = end + 2;
  }

  private name(what: string): string {
    const start = this.i;
    if (!NAME_START.test(this.s[this.i] ?? '')) this.fail(`expected ${what}`);
    this.i++;
    while (this.i < this.s.length && NAME_CHAR.test(this.s[this.i]!)) this.i++;
    return this.s.slice(start, this.i);
  }

  private element(): XmlElement {
    const start = this.i;
    if (++this.depth > this.options.maxDepth)
      this.fail(`elements are nested more than ${this.options.maxDepth} deep; no real file needs that many levels`);
    this.i++; // <
    const name = this.name('an element name after `<`');
    const element: XmlElement = { kind: 'element', name, attributes: new Map(), children: [], ...this.position(start) };
    for (;;) {
      const hadSpace = this.skipSpace();
      const c = this.s[this.i];
      if (c === '/') {
        if (this.s[this.i + 1] !== '>') this.fail(`expected \`/>\` to close <${name}>`);
        this.i += 2;
        this.depth--;
        return element;
      }
      if (c === '>') {
        this.i++;
        break;
      }
      if (c === undefined) this.fail(`the tag <${name}> is never closed with \`>\``);
      if (!hadSpace) this.fail(`expected a space before the next attribute of <${name}>`);
      const attrStart = this.i;
      const attr = this.name(`an attribute name or \`>\` in <${name}>`);
      this.skipSpace();
      if (this.s[this.i] !== '=') this.fail(`the attribute ${attr} of <${name}> has no value (expected \`=\`)`);
      this.i++;
      this.skipSpace();
      const quote = this.s[this.i];
      if (quote !== '"' && quote !== "'") this.fail(`the value of ${attr} must be in quotes`);
      const valueStart = ++this.i;
      const end = this.s.indexOf(quote, valueStart);
      if (end < 0) this.fail(`the value of ${attr} is never closed with ${quote}`);
      const raw = this.s.slice(valueStart, end);
      const lt = raw.indexOf('<');
      if (lt >= 0) this.fail(`the value of ${attr} contains \`<\`; write it as &lt;`, valueStart + lt);
      if (element.attributes.has(attr)) this.fail(`the attribute ${attr} appears twice in <${name}>`, attrStart);
      // Attribute-value normalization (XML 1.0 §3.3.3): literal whitespace becomes a space.
      element.attributes.set(attr, this.decode(raw.replace(/[\t\n]/g, ' '), valueStart));
      this.i = end + 1;
    }
    this.content(element);
    this.depth--;
    return element;
  }

  private content(element: XmlElement): void {
    let textStart = -1;
    let text = '';
    const flush = () => {
      if (textStart >= 0) element.children.push({ kind: 'text', text, ...this.position(textStart) });
      textStart = -1;
      text = '';
    };
    for (;;) {
      if (this.i >= this.s.length) this.fail(`<${element.name}> (line ${element.line}) is never closed with </${element.name}>`);
      if (this.s[this.i] === '<') {
        if (this.s.startsWith('</', this.i)) {
          flush();
          const closeAt = this.i;
          this.i += 2;
          const name = this.name('an element name after `</`');
          this.skipSpace();
          if (this.s[this.i] !== '>') this.fail(`expected \`>\` to end </${name}>`);
          this.i++;
          if (name !== element.name) {
            this.fail(`</${name}> closes <${element.name}>, which was opened at line ${element.line}, column ${element.column}`, closeAt);
          }
          return;
        }
        if (this.s.startsWith('<![CDATA[', this.i)) {
          const end = this.s.indexOf(']]>', this.i + 9);
          if (end < 0) this.fail('a CDATA section `<![CDATA[` is never closed with `]]>`');
          if (textStart < 0) textStart = this.i;
          text += this.s.slice(this.i + 9, end);
          this.i = end + 3;
          continue;
        }
        if (this.s.startsWith('<!--', this.i)) {
          this.comment();
          continue;
        }
        if (this.s.startsWith('<?', this.i)) {
          this.instruction();
          continue;
        }
        if (this.s.startsWith('<!', this.i)) this.fail('unexpected `<!`: only comments and CDATA sections may start with `<!` here');
        flush();
        element.children.push(this.element());
        continue;
      }
      const next = this.s.indexOf('<', this.i);
      const end = next < 0 ? this.s.length : next;
      const raw = this.s.slice(this.i, end);
      const cdataEnd = raw.indexOf(']]>');
      if (cdataEnd >= 0) this.fail('`]]>` is not allowed in text; write it as ]]&gt;', this.i + cdataEnd);
      if (textStart < 0) textStart = this.i;
      text += this.decode(raw, this.i);
      this.i = end;
    }
  }

  private decode(raw: string, offset: number): string {
    if (!raw.includes('&')) return raw;
    return raw.replace(/&([^;&\s<]*);?/g, (match, body: string, at: number) => {
      const where = offset + at;
      if (!match.endsWith(';')) this.fail('`&` starts an entity reference that has no `;`; write a literal & as &amp;', where);
      if (body.startsWith('#')) {
        const hex = body[1] === 'x';
        const digits = body.slice(hex ? 2 : 1);
        const code = digits !== '' && (hex ? /^[0-9a-fA-F]+$/ : /^[0-9]+$/).test(digits) ? parseInt(digits, hex ? 16 : 10) : NaN;
        const valid =
          code === 0x9 ||
          code === 0xa ||
          code === 0xd ||
          (code >= 0x20 && code <= 0xd7ff) ||
          (code >= 0xe000 && code <= 0xfffd) ||
          (code >= 0x10000 && code <= 0x10ffff);
        if (!valid) this.fail(`${match} is not a valid character reference`, where);
        return String.fromCodePoint(code);
      }
      const value = PREDEFINED[body];
      if (value === undefined)
        this.fail(`the entity ${match} is not defined in XML (only &lt; &gt; &amp; &apos; &quot; and &#…; are)`, where);
      return value;
    });
  }

  private skipSpace(): boolean {
    const start = this.i;
    while (this.i < this.s.length && /[ \t\n]/.test(this.s[this.i]!)) this.i++;
    return this.i > start;
  }

  private fail(message: string, index = this.i): never {
    throw new XmlSyntaxError(message, index);
  }
}

/** The text of an element's children, or undefined when it has child elements. */
export function textContent(element: XmlElement): string | undefined {
  let text = '';
  for (const child of element.children) {
    if (child.kind === 'element') return undefined;
    text += child.text;
  }
  return text;
}
