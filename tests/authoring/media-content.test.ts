/**
 * Media files are checked by content: an image of the type its extension says, and an SVG image
 * with nothing that runs or loads (scripts, event handlers, embedded HTML, references outside
 * the image). What drawing programs write, such as a DOCTYPE naming the SVG DTD, still passes.
 */
import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { copyBrokenCase, runCli } from './cli.js';

const made: string[] = [];
afterAll(() => Promise.all(made.map((dir) => rm(dir, { recursive: true, force: true }))));

/** Validates the base module with media/services.svg replaced by `svg`. */
async function validateWithSvg(svg: string): Promise<Diagnostic[]> {
  const dir = await copyBrokenCase('_base');
  made.push(dir);
  await writeFile(path.join(dir, 'modules', 'small-course', 'media', 'services.svg'), svg);
  const run = await runCli(['validate', '--format', 'json'], dir);
  return JSON.parse(run.stdout) as Diagnostic[];
}

const svg = (body: string, attributes = '') =>
  `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="20" height="20"${attributes}>\n${body}\n</svg>\n`;

describe('an SVG image', () => {
  it.each([
    ['an event handler', svg('<circle r="8"/>', ' onload="alert(1)"'), 'an event handler, the attribute onload on <svg>'],
    ['a handler in another case', svg('<circle r="8" ONCLICK="alert(1)"/>'), 'an event handler, the attribute ONCLICK on <circle>'],
    ['a script link', svg('<a href="javascript:alert(1)"><circle r="8"/></a>'), 'a script link, in href="javascript:alert(1)" on <a>'],
    [
      'a script link hidden with a tab',
      svg('<a xlink:href="java&#9;script:alert(1)"><circle r="8"/></a>'),
      'a script link, in xlink:href="java\tscript:alert(1)" on <a>',
    ],
    [
      'an animation that sets a script link',
      svg('<a><set attributeName="href" to="javascript:alert(1)"/><circle r="8"/></a>'),
      'a script link, in to="javascript:alert(1)" on <set>',
    ],
    ['embedded HTML', svg('<foreignObject><p xmlns="http://www.w3.org/1999/xhtml">Hi</p></foreignObject>'), 'a <foreignObject> element'],
    ['an image from the web', svg('<image href="https://tracker.example/pixel.png"/>'), 'a reference outside the image'],
    [
      'a style sheet from the web',
      svg('<style>@import url(https://fonts.example/a.css);</style>'),
      'a style sheet imported from another file',
    ],
    [
      'a fill from another file',
      svg('<circle r="8" fill="url(other.svg#g)"/>'),
      'a reference outside the image, in fill="url(other.svg#g)"',
    ],
    [
      'an embedded SVG document',
      svg('<image href="data:image/svg+xml;base64,PHN2Zz4="/>'),
      'an embedded document other than a raster image',
    ],
    [
      'a style sheet instruction',
      `<?xml version="1.0"?>\n<?xml-stylesheet href="https://x.example/a.css"?>\n${svg('<circle r="8"/>')}`,
      'an <?xml-stylesheet?> instruction',
    ],
  ])('is refused when it holds %s', async (_name, content, expected) => {
    const diagnostics = await validateWithSvg(content);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ code: 'media-unsafe-svg', file: 'modules/small-course/media/services.svg' });
    expect(diagnostics[0]!.message).toContain(expected);
  });

  it('is refused with its place when it is not well-formed XML, or not SVG', async () => {
    expect(await validateWithSvg('<svg xmlns="http://www.w3.org/2000/svg"><circle r="8"></svg>')).toMatchObject([
      {
        code: 'media-not-image',
        line: 1,
        column: 55,
        message: expect.stringContaining('is not a well-formed SVG image: </svg> closes <circle>'),
      },
    ]);
    expect(await validateWithSvg('<html><body>Hi</body></html>')).toMatchObject([
      { code: 'media-not-image', message: 'services.svg is not an SVG image: its root element is <html>, not <svg>.' },
    ]);
  });

  it('refuses entities a DOCTYPE declares, and never reads an external DTD', async () => {
    const laughs = `<?xml version="1.0"?>\n<!DOCTYPE svg [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>\n${svg('<text>&b;</text>')}`;
    expect(await validateWithSvg(laughs)).toMatchObject([
      { code: 'media-not-image', message: expect.stringContaining('the DOCTYPE declares entities of its own') },
    ]);
  });

  it('passes as drawing programs write it: a DTD named, gradients, internal links, embedded raster images, styles', async () => {
    const drawing = `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">
<!-- Generator: a drawing program -->
${svg(`<title>Services</title>
<defs><linearGradient id="g"><stop offset="0" stop-color="#fff"/></linearGradient><circle id="c" r="8"/></defs>
<style>.dot { fill: url(#g); }</style>
<use xlink:href="#c" class="dot" style="stroke: url('#g')"/>
<a href="#c"><text>one</text></a>
<image href="data:image/png;base64,iVBORw0KGgo=" width="1" height="1"/>`)}`;
    expect(await validateWithSvg(drawing)).toEqual([]);
  });
});
