/**
 * Lesson text through the markdown parser (src/markdown/, src/render/markdown.ts): what authors
 * write shows as they meant it, or is reported; nothing they write becomes markup of their own,
 * and the subset coursekit always had renders to the same bytes as before.
 */
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { markdownProblems, markdownWebLinks } from '../../src/markdown/index.js';
import { renderMarkdown } from '../../src/render/markdown.js';
import { runCli } from '../helpers/cli.js';
import { copyProject } from '../helpers/projects.js';

const cue = '(external link, opens in a new tab)';
const render = (text: string, headingLevel = 2) => renderMarkdown(text, { headingLevel, externalLinkCue: cue });

describe('markdown on the page', () => {
  it('renders the paragraphs, emphasis and lists of earlier versions to the same bytes', () => {
    expect(
      render(
        'Paragraph 74 looks at **economic**, *social* and cultural\n  contributions.\n\n- remittances\n- the feminization of migration\n\n1. first\n2. second',
      ),
    ).toBe(
      '<p>Paragraph 74 looks at <strong>economic</strong>, <em>social</em> and cultural contributions.</p>\n' +
        '<ul><li>remittances</li><li>the feminization of migration</li></ul>\n' +
        '<ol><li>first</li><li>second</li></ol>',
    );
  });

  it('nests emphasis correctly', () => {
    const html = render('**a *b** c*');
    // Every tag closes in the order it opened.
    const stack: string[] = [];
    for (const [, close, name] of html.matchAll(/<(\/?)(strong|em|p)>/g)) {
      if (close) expect(stack.pop()).toBe(name);
      else stack.push(name!);
    }
    expect(stack).toEqual([]);
    expect(render('**bold with *italic* inside**')).toBe('<p><strong>bold with <em>italic</em> inside</strong></p>');
  });

  it('fits sub-headings under the heading the text sits under, without skipping a level', () => {
    expect(render('## Where\n\ntext\n\n#### Detail', 3)).toBe('<h3>Where</h3>\n<p>text</p>\n<h4>Detail</h4>');
    expect(render('# Top\n\n### Below', 2)).toBe('<h2>Top</h2>\n<h3>Below</h3>');
    expect(render('## Deep\n\n### Deeper', 6)).toBe('<h6>Deep</h6>\n<h6>Deeper</h6>');
  });

  it('links to the web as external links with a cue for screen readers, to e-mail plainly, and to nothing else', () => {
    expect(render('See [the report](https://www.ohchr.org/a?b=1&c=2).')).toBe(
      '<p>See <a href="https://www.ohchr.org/a?b=1&amp;c=2" class="ck-external" target="_blank" rel="noopener">the report<span class="ck-visually-hidden"> (external link, opens in a new tab)</span></a>.</p>',
    );
    expect(render('Write to [us](mailto:training@example.org).')).toBe('<p>Write to <a href="mailto:training@example.org">us</a>.</p>');
    expect(render('Go <https://example.org> or https://example.com now')).toContain('<a href="https://example.com"');
    // Scripts, files and pages of the package are shown as their text.
    expect(render('[click](javascript:alert(1)) [file](file:///etc/passwd) [page](02-ministries.html) [data](data:text/html,x)')).toBe(
      '<p>click file page data</p>',
    );
  });

  it('renders tables with header cells and an optional caption, and quotes that are not the source document', () => {
    expect(render('| Area | Paragraph |\n| --- | --: |\n| Remittances | 74 |\n\n: What each paragraph covers')).toBe(
      '<table><caption>What each paragraph covers</caption><thead><tr><th scope="col">Area</th><th scope="col" style="text-align:right">Paragraph</th></tr></thead>' +
        '<tbody><tr><td>Remittances</td><td style="text-align:right">74</td></tr></tbody></table>',
    );
    expect(render('> A trainer once said: *listen first*.')).toBe(
      '<blockquote><p>A trainer once said: <em>listen first</em>.</p></blockquote>',
    );
  });

  it('never lets HTML through, and shows an image only by its description', () => {
    expect(render('<script>alert(1)</script> <b onclick="x">b</b>')).toBe(
      '<p>&lt;script&gt;alert(1)&lt;/script&gt; &lt;b onclick=&quot;x&quot;&gt;b&lt;/b&gt;</p>',
    );
    expect(render('![A map of the regions](media/map.svg)')).toBe('<p>A map of the regions</p>');
  });
});

describe('markdown problems reported to the author', () => {
  it('reports images, links a package cannot follow and "#" headings without their space; nothing for good text', () => {
    expect(markdownProblems('## Heading\n\n**bold** [ok](https://x.org) [mail](mailto:a@b.org)\n\n#1 priority')).toEqual([]);
    expect(markdownProblems('![map](media/map.svg)\n\n[next](02-next.html)\n\n##Where things stand').map((p) => p.message)).toEqual([
      'the image `media/map.svg` in the text is not shown (only its description is).',
      'the link to `02-next.html` is shown as plain text: links must start with https://, http:// or mailto:.',
      '"##Where things stand" is shown as written, "#" signs included.',
    ]);
  });

  it('lists the web addresses a text links to, once each', () => {
    expect(markdownWebLinks('[a](https://a.org) [b](mailto:b@c.org) [a again](https://a.org) https://d.org [x](page.html)')).toEqual([
      'https://a.org',
      'https://d.org',
    ]);
  });
});

describe('links in a built course', () => {
  it('lists the web addresses each module links to in the build summary, since a package used offline cannot open them', async () => {
    const dir = await copyProject('tiny');
    try {
      const lesson = path.join(dir, 'modules', 'tiny-course', 'lessons', '02-ministries.json');
      const data = JSON.parse(await readFile(lesson, 'utf8'));
      data.blocks.push({
        type: 'text',
        markdown: 'Read [A/58/275](https://undocs.org/A/58/275) or write to [us](mailto:training@example.org).',
      });
      await writeFile(lesson, JSON.stringify(data));
      const run = await runCli(['build', '--target', 'web'], dir);
      expect(run.code).toBe(0);
      expect(run.stdout.split('\n')[1]).toBe(
        'tiny-course links to 1 web address(es), which learners can open only when online: https://undocs.org/A/58/275',
      );
      const page = await readFile(path.join(dir, 'dist', 'site', 'tiny-course', '02-ministries.html'), 'utf8');
      expect(page).toContain(
        '<p>Read <a href="https://undocs.org/A/58/275" class="ck-external" target="_blank" rel="noopener">A/58/275<span class="ck-visually-hidden"> (external link, opens in a new tab)</span></a> or write to <a href="mailto:training@example.org">us</a>.</p>',
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
