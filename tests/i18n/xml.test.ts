/** The strict XML reader under the XLIFF import: what it accepts, and where it says a file breaks. */
import { describe, expect, it } from 'vitest';
import { escapeXmlAttribute, escapeXmlText } from '../../src/encode/xml.js';
import { parseXml, textContent, type XmlElement } from '../../src/load/xml.js';

function root(xml: string): XmlElement {
  const result = parseXml(xml);
  if (!result.ok) throw new Error(`${result.error.line}:${result.error.column} ${result.error.message}`);
  return result.root;
}

function error(xml: string) {
  const result = parseXml(xml);
  if (result.ok) throw new Error('expected a syntax error');
  return result.error;
}

describe('parseXml', () => {
  it('decodes entities, character references and CDATA, and keeps positions', () => {
    const r = root(
      '<?xml version="1.0" encoding="UTF-8"?>\n<!-- c -->\n<a x="1 &amp; 2" y=\'&#x41;\'>\n  <b>&lt;x&gt; &#233;&#x1F600; <![CDATA[<raw> & ]]>end</b><c/>\n</a>\n',
    );
    expect(r.name).toBe('a');
    expect(r.line).toBe(3);
    expect(r.attributes.get('x')).toBe('1 & 2');
    expect(r.attributes.get('y')).toBe('A');
    const b = r.children.find((c): c is XmlElement => c.kind === 'element' && c.name === 'b')!;
    expect(textContent(b)).toBe('<x> é😀 <raw> & end');
    expect([b.line, b.column]).toEqual([4, 3]);
  });

  it('reads every line ending as a newline, and drops a byte order mark', () => {
    const r = root('\uFEFF<a>one\r\ntwo\rthree</a>');
    expect(textContent(r)).toBe('one\ntwo\nthree');
  });

  it('normalizes whitespace in attribute values but keeps escaped line breaks', () => {
    expect(root('<a v="x\ny&#10;z"/>').attributes.get('v')).toBe('x y\nz');
  });

  it.each([
    ['<a><b></a>', 1, 7, '</a> closes <b>, which was opened at line 1, column 4'],
    ['<a>x &nbsp; y</a>', 1, 6, 'the entity &nbsp; is not defined in XML (only &lt; &gt; &amp; &apos; &quot; and &#…; are)'],
    ['<a>fish & chips</a>', 1, 9, '`&` starts an entity reference that has no `;`; write a literal & as &amp;'],
    ['<a/><b/>', 1, 5, 'there is a second root element after the end of the first; an XML file has exactly one'],
    ['<a x="1" x="2"/>', 1, 10, 'the attribute x appears twice in <a>'],
    ['<a>\n  <b>', 2, 6, '<b> (line 2) is never closed with </b>'],
    [
      '<!DOCTYPE a [<!ENTITY x "y">]><a/>',
      1,
      1,
      'the file has a DOCTYPE declaration; XLIFF files do not need one, and coursekit does not read them',
    ],
    ['', 1, 1, 'the file is empty'],
    ['hello', 1, 1, 'expected the root element (`<xliff …>`), but the file starts with text'],
    ['<a>\u0001</a>', 1, 4, 'the character U+0001 is not allowed in an XML file'],
    ['<a v="<"/>', 1, 7, 'the value of v contains `<`; write it as &lt;'],
    ['<a>&#0;</a>', 1, 4, '&#0; is not a valid character reference'],
    ['<?xml version="1.0" encoding="ISO-8859-1"?><a/>', 1, 1, 'the file declares the encoding "ISO-8859-1"; save it as UTF-8'],
  ])('reports %j at %i:%i', (xml, line, column, message) => {
    expect(error(xml)).toEqual({ line, column, message });
  });

  it('escapes text and attributes so they read back unchanged', () => {
    const text = 'a < b & c > d ]]> "q" \'s\' \r\n\tend';
    const r = root(`<a v="${escapeXmlAttribute(text)}">${escapeXmlText(text)}</a>`);
    expect(textContent(r)).toBe(text);
    expect(r.attributes.get('v')).toBe(text);
  });
});
