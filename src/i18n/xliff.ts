/**
 * XLIFF 2.0 as coursekit writes and reads it. One <file> per content file (`original` is the
 * path inside the module folder), one <unit> per text (`name` is the JSON pointer to it in that
 * file), one <segment> per unit. The root carries `ck:module` (namespace urn:coursekit) so an
 * imported file finds its module. Reading accepts what translation tools write back: XLIFF 2.0
 * or 2.1, groups, several segments or ignorables per unit (their texts are joined), notes and
 * extension elements (skipped).
 */
import { diagnostic } from '../diagnostics/create.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { escapeXmlAttribute, escapeXmlText } from '../encode/xml.js';
import { parseXml, textContent, type XmlElement, type XmlPosition } from '../load/xml.js';

export const XLIFF_NAMESPACE = 'urn:oasis:names:tc:xliff:document:2.0';
export const COURSEKIT_NAMESPACE = 'urn:coursekit';
const XLIFF_12_NAMESPACE = 'urn:oasis:names:tc:xliff:document:1.2';

export type SegmentState = 'initial' | 'translated' | 'reviewed' | 'final';
const STATES: readonly string[] = ['initial', 'translated', 'reviewed', 'final'];

// ---------------------------------------------------------------------------------------------
// Writing

export interface XliffNote {
  category: string;
  text: string;
}

export interface XliffOutUnit {
  id: string;
  /** The JSON pointer of the text in its file. */
  name: string;
  source: string;
  target?: string;
  state: SegmentState;
  notes: XliffNote[];
}

export interface XliffOutFile {
  id: string;
  original: string;
  units: XliffOutUnit[];
}

export interface XliffOutDocument {
  srcLang: string;
  trgLang: string;
  moduleId: string;
  files: XliffOutFile[];
}

/** Deterministic output: the same module and translations always give the same bytes. */
export function writeXliff(doc: XliffOutDocument): string {
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<xliff xmlns="${XLIFF_NAMESPACE}" xmlns:ck="${COURSEKIT_NAMESPACE}" version="2.0" srcLang="${escapeXmlAttribute(doc.srcLang)}" trgLang="${escapeXmlAttribute(doc.trgLang)}" ck:module="${escapeXmlAttribute(doc.moduleId)}">`,
  ];
  for (const file of doc.files) {
    if (file.units.length === 0) continue;
    out.push(`  <file id="${escapeXmlAttribute(file.id)}" original="${escapeXmlAttribute(file.original)}">`);
    for (const unit of file.units) {
      out.push(`    <unit id="${escapeXmlAttribute(unit.id)}" name="${escapeXmlAttribute(unit.name)}" xml:space="preserve">`);
      if (unit.notes.length > 0) {
        out.push('      <notes>');
        for (const note of unit.notes)
          out.push(`        <note category="${escapeXmlAttribute(note.category)}">${escapeXmlText(note.text)}</note>`);
        out.push('      </notes>');
      }
      out.push(`      <segment state="${unit.state}">`);
      out.push(`        <source>${escapeXmlText(unit.source)}</source>`);
      if (unit.target !== undefined) out.push(`        <target>${escapeXmlText(unit.target)}</target>`);
      out.push('      </segment>');
      out.push('    </unit>');
    }
    out.push('  </file>');
  }
  out.push('</xliff>', '');
  return out.join('\n');
}

// ---------------------------------------------------------------------------------------------
// Reading

export interface XliffUnit extends XmlPosition {
  id: string;
  /** The `original` of the enclosing <file>. */
  original: string | undefined;
  /** The source text: every segment's and ignorable's source, in order. */
  source: string;
  /** The target text, or undefined when any segment has no <target>. */
  target: string | undefined;
  /** The state of the first segment, when valid. */
  state: SegmentState | undefined;
}

export interface XliffDocument extends XmlPosition {
  version: string;
  srcLang: string;
  trgLang: string;
  /** From `ck:module`, when the file still has it. */
  moduleId: string | undefined;
  units: Map<string, XliffUnit>;
}

export interface ReadXliffResult {
  /** Present when the file could be read (its diagnostics are then about single units at most). */
  document: XliffDocument | undefined;
  diagnostics: Diagnostic[];
}

const NMTOKEN =
  // biome-ignore lint/suspicious/noMisleadingCharacterClass: the ranges of XML 1.0's NameChar production, in UTF-16 code units.
  /^[-.0-9:A-Z_a-z\u00B7\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u037D\u037F-\u1FFF\u200C\u200D\u203F\u2040\u2070-\u218F\u2C00-\u2FEF\u3001-\uD7FF\uF900-\uFDCF\uFDF0-\uFFFD]+$/;

/**
 * Reads an XLIFF file's text. `displayPath` is the file as messages name it (relative to the
 * working directory). Problems come back as `xliff-invalid` diagnostics with line and column;
 * any error leaves `document` undefined.
 */
export function readXliff(text: string, displayPath: string): ReadXliffResult {
  const name = displayPath.split('/').pop() ?? displayPath;
  const diagnostics: Diagnostic[] = [];
  const invalid = (message: string, at?: XmlPosition, hint?: string) => {
    diagnostics.push(
      diagnostic('xliff-invalid', {
        file: displayPath,
        ...(at ? { line: at.line, column: at.column } : {}),
        message: `${name}: ${message}`,
        ...(hint === undefined ? {} : { hint }),
      }),
    );
    return { document: undefined, diagnostics };
  };

  const parsed = parseXml(text);
  if (!parsed.ok) return invalid(`the file is not well-formed XML: ${parsed.error.message}.`, parsed.error);
  const root = parsed.root;
  const rootScope = scopeOf(root, new Map([['xml', 'http://www.w3.org/XML/1998/namespace']]));
  const rootName = resolve(root.name, rootScope, true);
  const version = root.attributes.get('version') ?? '';
  if (rootName.local !== 'xliff') {
    return invalid(`the root element is <${root.name}>, not <xliff>: this is not an XLIFF file.`, root);
  }
  if (rootName.namespace === XLIFF_12_NAMESPACE || version.startsWith('1.')) {
    return invalid(
      `the file is XLIFF ${version || '1.x'}; coursekit reads XLIFF 2.0.`,
      root,
      'Save or export the file as XLIFF 2.0 in your translation tool (XLIFF 2.1 works too), keeping the unit ids coursekit wrote.',
    );
  }
  if (rootName.namespace !== XLIFF_NAMESPACE) {
    return invalid(`<xliff> is in the namespace "${rootName.namespace ?? ''}", not "${XLIFF_NAMESPACE}" (XLIFF 2.0).`, root);
  }
  if (version !== '2.0' && version !== '2.1') {
    return invalid(
      version === ''
        ? '<xliff> has no version attribute; XLIFF 2.0 files have version="2.0".'
        : `the file says version="${version}"; coursekit reads XLIFF 2.0 (and 2.1).`,
      root,
    );
  }
  const srcLang = root.attributes.get('srcLang');
  if (!srcLang) return invalid('<xliff> has no srcLang attribute (the language the texts were translated from).', root);
  const trgLang = root.attributes.get('trgLang');
  if (!trgLang) {
    return invalid(
      '<xliff> has no trgLang attribute, so the language of the translation is unknown.',
      root,
      'Set the target language in the translation tool, or add trgLang="<language>" to the <xliff> element, then save again.',
    );
  }
  let moduleId: string | undefined;
  for (const [attr, value] of root.attributes) {
    const resolved = resolve(attr, rootScope, false);
    if (resolved.namespace === COURSEKIT_NAMESPACE && resolved.local === 'module') moduleId = value;
  }

  const units = new Map<string, XliffUnit>();
  const visitContainer = (element: XmlElement, scope: Scope, original: string | undefined) => {
    for (const child of element.children) {
      if (child.kind !== 'element') continue;
      const childScope = scopeOf(child, scope);
      const childName = resolve(child.name, childScope, true);
      if (childName.namespace !== XLIFF_NAMESPACE) continue; // extensions (metadata and the like)
      if (childName.local === 'group') visitContainer(child, childScope, original);
      else if (childName.local === 'unit') readUnit(child, childScope, original);
    }
  };
  const readUnit = (unit: XmlElement, scope: Scope, original: string | undefined) => {
    const id = unit.attributes.get('id');
    if (id === undefined || id === '') return void invalid('a <unit> has no id.', unit);
    if (!NMTOKEN.test(id)) return void invalid(`the unit id "${id}" is not a valid XLIFF id (NMTOKEN).`, unit);
    const earlier = units.get(id);
    if (earlier) return void invalid(`the unit id \`${id}\` is used twice (first at line ${earlier.line}).`, unit);
    let source = '';
    let target: string | undefined = '';
    let state: SegmentState | undefined;
    let segments = 0;
    for (const part of unit.children) {
      if (part.kind !== 'element') continue;
      const partName = resolve(part.name, scopeOf(part, scope), true);
      if (partName.namespace !== XLIFF_NAMESPACE || (partName.local !== 'segment' && partName.local !== 'ignorable')) continue;
      const isSegment = partName.local === 'segment';
      if (isSegment) {
        segments++;
        const s = part.attributes.get('state');
        if (segments === 1 && s !== undefined && STATES.includes(s)) state = s as SegmentState;
      }
      let partSource: string | undefined;
      let partTarget: string | undefined;
      for (const el of part.children) {
        if (el.kind !== 'element') continue;
        const elName = resolve(el.name, scopeOf(el, scope), true);
        if (elName.namespace !== XLIFF_NAMESPACE || (elName.local !== 'source' && elName.local !== 'target')) continue;
        const content = textContent(el);
        if (content === undefined) {
          const inline = el.children.find((c): c is XmlElement => c.kind === 'element')!;
          return void invalid(
            `the <${elName.local}> of unit \`${id}\` contains markup (<${inline.name}>), but coursekit texts are plain text.`,
            inline,
            'Remove the tags and keep only the text. Formatting such as **bold** is written as plain characters in coursekit texts.',
          );
        }
        if (elName.local === 'source') partSource = content;
        else partTarget = content;
      }
      if (partSource === undefined) return void invalid(`a <${partName.local}> of unit \`${id}\` has no <source>.`, part);
      source += partSource;
      // An ignorable without a target keeps its source (spacing between segments).
      if (!isSegment && partTarget === undefined) partTarget = partSource;
      target = target === undefined || partTarget === undefined ? undefined : target + partTarget;
    }
    if (segments === 0) return void invalid(`unit \`${id}\` has no <segment>.`, unit);
    units.set(id, { id, original, source, target, state, line: unit.line, column: unit.column });
  };

  let files = 0;
  for (const child of root.children) {
    if (child.kind !== 'element') continue;
    const scope = scopeOf(child, rootScope);
    const childName = resolve(child.name, scope, true);
    if (childName.namespace !== XLIFF_NAMESPACE || childName.local !== 'file') continue;
    files++;
    visitContainer(child, scope, child.attributes.get('original'));
  }
  if (diagnostics.length > 0) return { document: undefined, diagnostics };
  if (files === 0) return invalid('the file has no <file> element, so no texts.', root);
  return { document: { version, srcLang, trgLang, moduleId, units, line: root.line, column: root.column }, diagnostics };
}

type Scope = Map<string, string>;

/** The namespace bindings in force inside `element`. */
function scopeOf(element: XmlElement, parent: Scope): Scope {
  let scope = parent;
  for (const [attr, value] of element.attributes) {
    if (attr === 'xmlns' || attr.startsWith('xmlns:')) {
      if (scope === parent) scope = new Map(parent);
      scope.set(attr === 'xmlns' ? '' : attr.slice(6), value);
    }
  }
  return scope;
}

/** Element names take the default namespace when unprefixed; attribute names do not. */
function resolve(qname: string, scope: Scope, isElement: boolean): { namespace: string | undefined; local: string } {
  const colon = qname.indexOf(':');
  if (colon < 0) return { namespace: isElement ? scope.get('') || undefined : undefined, local: qname };
  return { namespace: scope.get(qname.slice(0, colon)), local: qname.slice(colon + 1) };
}
