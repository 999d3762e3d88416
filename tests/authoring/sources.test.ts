/**
 * Source documents that are not numbered paragraphs: the UDHR fixture (articles 13 and 14,
 * each with numbered paragraphs, as the Declaration prints them) is cited "Article 14(1)" in
 * the module's language, and a source declared the wrong way gets one diagnostic that says how
 * to declare it. And what learners see of a source: its display rules, while quotes are still
 * checked against the file.
 */
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { numberingOf, splitSource } from '../../src/load/source-text.js';
import { copyProject, fixturesDir } from '../helpers/projects.js';
import { runCli } from './cli.js';

const made: string[] = [];
afterAll(async () => {
  await Promise.all(made.map((dir) => rm(dir, { recursive: true, force: true })));
});

async function project(name: string): Promise<string> {
  const dir = await copyProject(name);
  made.push(dir);
  return dir;
}

/** Rewrites a file of the copied module. */
async function edit(dir: string, file: string, change: (text: string) => string): Promise<void> {
  const target = path.join(dir, 'modules', file);
  await writeFile(target, change(await readFile(target, 'utf8')));
}

async function diagnosticsOf(dir: string): Promise<Diagnostic[]> {
  return JSON.parse((await runCli(['validate', '--format', 'json'], dir)).stdout) as Diagnostic[];
}

const site = (dir: string, file: string) => readFile(path.join(dir, 'dist', 'site', file), 'utf8');

describe('a document divided into articles (the UDHR fixture)', () => {
  it('validates with --strict and builds, citing articles and their numbered paragraphs', async () => {
    const dir = await project('udhr-asylum');
    expect((await runCli(['validate', '--strict'], dir)).code).toBe(0);
    expect((await runCli(['build', '--target', 'web'], dir)).code).toBe(0);
    const lesson = await site(dir, 'udhr-asylum/02-asylum.html');
    expect(lesson).toContain('<figcaption>UDHR, Article 14(1)</figcaption>');
    expect(lesson).toContain('<p data-ck-feedback-for="source">Source: UDHR, Article 14(2)</p>');
    // The answer review shows the cited paragraph of the article, under its label.
    const data = await site(dir, 'udhr-asylum/assets/course-data.js');
    expect(data).toContain(
      '"UDHR#14(1)":{"label":"UDHR, Article 14(1)","text":"Everyone has the right to seek and to enjoy in other countries asylum from persecution."}',
    );
    const report = await site(dir, 'reports/udhr-asylum.html');
    expect(report).toContain('>UDHR, Article 13</th>');
    expect(report).toContain('>UDHR, Article 14</th>');
  });

  it("names the parts in the module's language", async () => {
    const dir = await project('udhr-asylum');
    await edit(dir, 'udhr-asylum/module.json', (t) => t.replace('"language": "en"', '"language": "fr"'));
    expect((await runCli(['build', '--target', 'web'], dir)).code).toBe(0);
    const lesson = await site(dir, 'udhr-asylum/01-movement.html');
    expect(lesson).toContain('<figcaption>UDHR, article 13(1)</figcaption>');
    expect(lesson).toContain('<p data-ck-feedback-for="source">Source\u00a0: UDHR, article 13(2)</p>');
    expect(await site(dir, 'reports/udhr-asylum.html')).toContain('>UDHR, article 14</th>');
  });

  it('says how to declare a source whose paragraphs are numbered 1, 2, 1, 2, in one diagnostic', async () => {
    // An author who declares the Declaration as numbered paragraphs, and cites them so.
    const dir = await project('udhr-asylum');
    await edit(dir, 'udhr-asylum/module.json', (t) => t.replace('"articles": [13, 14]', '"paragraphs": [13, 14]'));
    for (const file of [
      'module.json',
      'glossary.json',
      'lessons/01-movement.json',
      'lessons/02-asylum.json',
      'questions/article-13.json',
      'questions/article-14.json',
    ])
      await edit(dir, `udhr-asylum/${file}`, (t) => t.replace(/"article": "?(\d+)(\(\d\))?"?/g, '"paragraph": $1'));
    const run = await runCli(['validate'], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatchInlineSnapshot(`
      "modules/udhr-asylum/module.json:14:15 error source-numbering-repeats
        module \`udhr-asylum\` source 1: sources/udhr-articles-13-14.txt has paragraph 1 twice (lines 5 and 9): its numbering starts again after "Article 14", so a citation of paragraph 1 would not say which one it means.
        at /sources/0/file
          13 |       "title": "Universal Declaration of Human Rights (1948)",
        > 14 |       "file": "sources/udhr-articles-13-14.txt",
             |               ^
          15 |       "paragraphs": [13, 14]
        hint: The document is divided into articles ("Article 14", line 8), each with numbered paragraphs: declare "articles": [13, 14] in place of "paragraphs", and cite { "document": "UDHR", "article": "14(1)" } for paragraph 1 of Article 14.

      "
    `);
  });

  it('says how to cite an article when a citation names a paragraph', async () => {
    const dir = await project('udhr-asylum');
    await edit(dir, 'udhr-asylum/questions/article-13.json', (t) => t.replace('"article": "13(1)"', '"paragraph": 13'));
    const found = await diagnosticsOf(dir);
    expect(found.map((d) => [d.code, d.pointer, d.message, d.hint])).toMatchInlineSnapshot(`
      [
        [
          "citation-unit-mismatch",
          "/questions/0/source/paragraph",
          "question \`q13-within\`: UDHR is divided into articles, so a citation of it names an article, not a paragraph.",
          "Write { "document": "UDHR", "article": 13 }: "article" in place of "paragraph", in every citation of UDHR.",
        ],
      ]
    `);
  });

  it('names the numbered paragraphs an article has when a citation names another', async () => {
    const dir = await project('udhr-asylum');
    await edit(dir, 'udhr-asylum/lessons/02-asylum.json', (t) =>
      t.replace(
        '"article": "14(2)" }\n    },\n    {\n      "type": "reflection"',
        '"article": "14(3)" }\n    },\n    {\n      "type": "reflection"',
      ),
    );
    const found = await diagnosticsOf(dir);
    expect(found.map((d) => [d.code, d.pointer, d.message, d.hint])).toMatchInlineSnapshot(`
      [
        [
          "unknown-paragraph",
          "/blocks/3/citation/article",
          "lesson \`02-asylum\` block 4 (quote): UDHR has no Article 14(3) in sources/udhr-articles-13-14.txt (Article 14 has paragraphs 14(1), 14(2)).",
          "Cite one of those. Article 14 exists when a line of sources/udhr-articles-13-14.txt starts with "Article 14", and Article 14(3) when a line after it starts with "3. " (set "numbering" in module.json when the file prints them otherwise).",
        ],
      ]
    `);
  });

  it("counts the questions on an article's paragraphs for its draw", async () => {
    const dir = await project('udhr-asylum');
    await edit(dir, 'udhr-asylum/module.json', (t) => t.replace('"article": 14 }, "count": 2', '"article": 14 }, "count": 4'));
    const found = await diagnosticsOf(dir);
    expect(found.map((d) => [d.code, d.message])).toMatchInlineSnapshot(`
      [
        [
          "draw-unsatisfiable",
          "module \`udhr-asylum\` assessment draw entry 2: each attempt draws 4 question(s) from UDHR Article 14, but the question bank has 3.",
        ],
      ]
    `);
  });
});

describe("what learners see of a source (the source-display fixture: A/58/275's text as converted from PDF)", () => {
  const reference = path.join(fixturesDir, 'sources', 'A-58-275-paras-74-77.txt');

  it('shows paragraph 77 without the page number and with "fifty-ninth" joined, while the file is unchanged', async () => {
    const text = await readFile(reference, 'utf8');
    const display = { dropPageNumbers: true, replace: [{ find: 'fiftyninth', with: 'fifty-ninth' }] };
    const parts = splitSource(text, numberingOf('paragraph'), display);
    expect(parts.units.get('77')).toContain('at its fiftyninth session');
    expect(parts.units.get('77')).toMatch(/in the issue of migration\. 22$/);
    expect(parts.displayed.get('77')).toContain('at its fifty-ninth session');
    expect(parts.displayed.get('77')).toMatch(/in the issue of migration\.$/);
  });

  it('puts the displayed text in the answer review, and accepts a quote of either', async () => {
    const dir = await project('source-display');
    expect((await runCli(['validate', '--strict'], dir)).code).toBe(0);
    // The lesson quotes the displayed text ("fifty-ninth"); the file's own words pass too.
    await edit(dir, 'display-course/lessons/01-cooperation.json', (t) => t.replace('fifty-ninth', 'fiftyninth'));
    expect((await runCli(['validate', '--strict'], dir)).code).toBe(0);
    expect((await runCli(['build', '--target', 'web'], dir)).code).toBe(0);
    const data = await site(dir, 'display-course/assets/course-data.js');
    expect(data).toContain(
      '"label":"A/58/275, paragraph 77","text":"The Special Rapporteur was encouraged by the words of the General Director of IOM in his address to the Commission on Human Rights at its fifty-ninth session.',
    );
    expect(data).toContain('in the issue of migration."}');
    expect(data).not.toContain('fiftyninth');
  });

  it('still checks quotes word for word, and warns about a replacement that finds nothing', async () => {
    const dir = await project('source-display');
    await edit(dir, 'display-course/lessons/01-cooperation.json', (t) => t.replace('fifty-ninth', 'fifty-eighth'));
    await edit(dir, 'display-course/module.json', (t) => t.replace('"find": "fiftyninth"', '"find": "fifty ninth"'));
    const found = await diagnosticsOf(dir);
    expect(found.map((d) => [d.code, d.pointer, d.message])).toMatchInlineSnapshot(`
      [
        [
          "quote-not-verbatim",
          "/blocks/0/text",
          "lesson \`01-cooperation\` block 1 (quote): the quote is not found word for word in A/58/275 paragraph 77: after "…on Human Rights at its", the source has "fiftyninth session. The suggestion that cooperation…" but the quote has "fifty-eighth session.…".",
        ],
        [
          "display-replace-unmatched",
          "/sources/0/display/replace/0/find",
          "module \`display-course\` source 1: "fifty ninth" is not in sources/A-58-275-paras-74-77.txt, so this replacement changes nothing.",
        ],
      ]
    `);
  });
});
