/**
 * What is inside a media file. Every package ships it, and an LMS serves it from its own site:
 * an HTML page or a script named as an image, or an SVG image with a script in it, runs there
 * when the file is opened on its own. So a media file must be an image by its content, of the
 * type its extension says, and an SVG image may hold no script, no event handler, no embedded
 * HTML and no reference to a file outside itself (learners' browsers make no requests
 * outside the package).
 */
import path from 'node:path';
import { diagnostic } from '../../diagnostics/create.js';
import { readBoundedFile, readFileStart } from '../../fs-read.js';
import { readProblemDiagnostic } from '../../load/json-file.js';
import { lineColumn } from '../../load/json-syntax.js';
import { parseXml, type XmlElement, type XmlPosition } from '../../load/xml.js';
import type { RuleContext } from './context.js';

type ImageType = 'PNG' | 'JPEG' | 'GIF' | 'WebP' | 'AVIF' | 'SVG';

const TYPE_BY_EXTENSION: Record<string, ImageType> = {
  '.png': 'PNG',
  '.jpg': 'JPEG',
  '.jpeg': 'JPEG',
  '.gif': 'GIF',
  '.webp': 'WebP',
  '.avif': 'AVIF',
  '.svg': 'SVG',
};

/** Drawings larger than this are not drawings (and parsing one would take a while). */
export const MAX_SVG_BYTES = 16 * 1024 * 1024;

const checked = new WeakMap<RuleContext, Map<string, boolean>>();

/**
 * Whether the file at `resolved.path` may be packaged. Problems are reported once per file, at
 * the file itself (with the line of an SVG element), however many blocks use it.
 */
export function checkImageContent(context: RuleContext, resolved: { path: string; relative: string }): boolean {
  let results = checked.get(context);
  if (!results) {
    results = new Map();
    checked.set(context, results);
  }
  let ok = results.get(resolved.path);
  if (ok === undefined) {
    ok = checkFile(context, resolved.path, `${context.loaded.displayFolder}/${resolved.relative}`);
    results.set(resolved.path, ok);
  }
  return ok;
}

function checkFile(context: RuleContext, file: string, display: string): boolean {
  const problem = (code: 'media-not-image' | 'media-unsafe-svg', message: string, at?: XmlPosition) => {
    context.diagnostics.push(diagnostic(code, { file: display, ...(at ? { line: at.line, column: at.column } : {}), message }));
    return false;
  };
  const name = path.basename(display);
  const expected = TYPE_BY_EXTENSION[path.extname(file).toLowerCase()];
  if (!expected) {
    return problem('media-not-image', `${name} is not an image type coursekit packages (${describeContent(file)}).`);
  }
  if (expected !== 'SVG') {
    const head = readFileStart(file, 32, context.loaded.realFolder);
    if (!head.ok) return problem('media-not-image', `${name} cannot be read as an image.`);
    const found = rasterType(head.bytes);
    if (found === expected) return true;
    return problem(
      'media-not-image',
      `${name} is not a ${expected} image: its content is ${found ? `a ${found} image` : describeBytes(head.bytes)}.`,
    );
  }
  const read = readBoundedFile(file, { maxBytes: MAX_SVG_BYTES, within: context.loaded.realFolder });
  if (!read.ok) {
    context.diagnostics.push(readProblemDiagnostic(read, display, MAX_SVG_BYTES, { what: 'SVG images' }));
    return false;
  }
  const text = decodeText(read.bytes);
  if (text === undefined) return problem('media-not-image', `${name} is not an SVG image: it is not text (${describeBytes(read.bytes)}).`);
  const parsed = parseXml(text, { root: 'svg', skipExternalDoctype: true, maxDepth: 256 });
  if (!parsed.ok) return problem('media-not-image', `${name} is not a well-formed SVG image: ${parsed.error.message}.`, parsed.error);
  if (localName(parsed.root.name) !== 'svg') {
    return problem('media-not-image', `${name} is not an SVG image: its root element is <${parsed.root.name}>, not <svg>.`, parsed.root);
  }
  const unsafe = findUnsafe(parsed.root);
  const stylesheet = /<\?xml-stylesheet\b/.exec(text);
  if (stylesheet) {
    unsafe.unshift({
      what: 'an <?xml-stylesheet?> instruction, which loads a style sheet from another file',
      ...lineColumn(text, stylesheet.index),
    });
  }
  if (unsafe.length === 0) return true;
  const [first] = unsafe as [Unsafe];
  const more = unsafe.length > 1 ? ` (and ${unsafe.length - 1} more such thing${unsafe.length > 2 ? 's' : ''})` : '';
  return problem('media-unsafe-svg', `${name} contains ${first.what}${more}.`, first);
}

interface Unsafe extends XmlPosition {
  what: string;
}

const ANIMATIONS = new Set(['animate', 'set', 'animatemotion', 'animatetransform', 'animatecolor']);

/** Scripts, event handlers, embedded HTML and references outside the image, in document order. */
function findUnsafe(root: XmlElement): Unsafe[] {
  const found: Unsafe[] = [];
  const stack: XmlElement[] = [root];
  while (stack.length > 0) {
    const element = stack.pop()!;
    const at = { line: element.line, column: element.column };
    const tag = localName(element.name).toLowerCase();
    if (tag === 'script') found.push({ what: 'a <script> element', ...at });
    else if (tag === 'foreignobject') found.push({ what: 'a <foreignObject> element (HTML inside the image)', ...at });
    else if (tag === 'handler' || tag === 'listener') found.push({ what: `a <${element.name}> element (an event handler)`, ...at });
    const animatesLink = ANIMATIONS.has(tag) && /^(xlink:)?href$/i.test(element.attributes.get('attributeName') ?? '');
    for (const [attribute, value] of element.attributes) {
      const attributeName = localName(attribute).toLowerCase();
      if (attributeName.startsWith('on')) {
        found.push({ what: `an event handler, the attribute ${attribute} on <${element.name}>`, ...at });
        continue;
      }
      const isLink = attributeName === 'href' || attributeName === 'src' || (animatesLink && /^(to|from|by|values)$/.test(attributeName));
      const reference = isLink ? unsafeReference(value) : unsafeCssReference(value);
      if (reference) found.push({ what: `${reference}, in ${attribute}="${shorten(value)}" on <${element.name}>`, ...at });
    }
    if (tag === 'style') {
      const css = element.children.map((c) => (c.kind === 'text' ? c.text : '')).join('');
      const reference = unsafeCssReference(css);
      if (reference) found.push({ what: `${reference}, in a <style> element`, ...at });
    }
    for (let i = element.children.length - 1; i >= 0; i--) {
      const child = element.children[i]!;
      if (child.kind === 'element') stack.push(child);
    }
  }
  return found;
}

// Browsers drop whitespace and control characters inside a URL's scheme ("java\tscript:").
// biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point.
const IGNORED_IN_URL = /[\u0000-\u0020]/g;
const EMBEDDED_IMAGE = /^data:image\/(png|jpeg|gif|webp|avif)[;,]/;

/** Why a link target is unsafe: a script URL or another file. A fragment (#id) and an embedded raster image are fine. */
function unsafeReference(value: string): string | undefined {
  const url = value.replace(IGNORED_IN_URL, '').toLowerCase();
  if (url.startsWith('javascript:') || url.startsWith('vbscript:')) return 'a script link';
  if (url.startsWith('data:')) return EMBEDDED_IMAGE.test(url) ? undefined : 'an embedded document other than a raster image';
  if (url === '' || url.startsWith('#')) return undefined;
  return 'a reference outside the image';
}

/** The same for the url(…) and @import of CSS, in a style or a presentation attribute (fill="url(#gradient)"). */
function unsafeCssReference(value: string): string | undefined {
  const compact = value.replace(IGNORED_IN_URL, '').toLowerCase();
  if (compact.includes('@import')) return 'a style sheet imported from another file';
  for (const match of compact.matchAll(/url\(['"]?([^'")]*)/g)) {
    const reference = unsafeReference(match[1]!);
    if (reference) return reference;
  }
  return undefined;
}

function rasterType(b: Uint8Array): ImageType | undefined {
  const ascii = (from: number, to: number) => String.fromCharCode(...b.subarray(from, to));
  if (b[0] === 0x89 && ascii(1, 4) === 'PNG' && b[4] === 0x0d && b[5] === 0x0a && b[6] === 0x1a && b[7] === 0x0a) return 'PNG';
  if (b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'JPEG';
  if (ascii(0, 6) === 'GIF87a' || ascii(0, 6) === 'GIF89a') return 'GIF';
  if (ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'WebP';
  if (ascii(4, 8) === 'ftyp' && /^avi[fs]$/.test(ascii(8, 12))) return 'AVIF';
  return undefined;
}

/** What a file that is not an image holds, for the message: "HTML", "text", "binary data". */
function describeBytes(b: Uint8Array): string {
  const raster = rasterType(b);
  if (raster) return `a ${raster} image`;
  const start = new TextDecoder()
    .decode(b.subarray(0, 32))
    .replace(/^\uFEFF/, '')
    .trimStart()
    .toLowerCase();
  if (start.startsWith('<!doctype html') || start.startsWith('<html') || start.startsWith('<script')) return 'HTML';
  if (start.startsWith('<svg') || start.startsWith('<?xml')) return 'XML (perhaps SVG)';
  if (b.subarray(0, 32).every((c) => c === 0x09 || c === 0x0a || c === 0x0d || (c >= 0x20 && c !== 0x7f))) return 'text';
  return 'not an image format coursekit knows';
}

function describeContent(file: string): string {
  const head = readFileStart(file, 32);
  const extension = path.extname(file);
  const content = head.ok ? describeBytes(head.bytes) : 'unreadable';
  return `${extension ? `a ${extension} file` : 'a file without an extension'}, whose content is ${content}; use PNG, JPEG, GIF, WebP, AVIF or SVG`;
}

function decodeText(bytes: Uint8Array): string | undefined {
  try {
    if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le', { fatal: true }).decode(bytes.subarray(2));
    if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be', { fatal: true }).decode(bytes.subarray(2));
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

function localName(qualified: string): string {
  return qualified.slice(qualified.indexOf(':') + 1);
}

function shorten(value: string): string {
  return value.length > 60 ? `${value.slice(0, 57)}…` : value;
}
