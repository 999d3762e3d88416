/**
 * The broken-module corpus (tests/fixtures/broken/): every mistake through the real CLI entry.
 * `validate` must exit 1 with the exact message snapshotted, and `build` must exit 1 too,
 * leave an existing dist/ byte for byte as it was, and leave no staging folder behind.
 * Neither may crash (no stack trace, no "internal error").
 */
import { execFileSync } from 'node:child_process';
import { mkdir, readdir, readFile, rename, rm, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { OUTPUT_MARKER } from '../../src/pipeline/output-folder.js';
import { catalog } from '../../src/diagnostics/catalog.js';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { brokenDir, copyBrokenCase, CRASH, hashTree, runCli } from './cli.js';

interface BrokenCase {
  name: string;
  /** The diagnostic codes the case must produce (the snapshot pins the full text). */
  codes: string[];
  /** Extra arguments: `--strict` for cases that only warn. */
  args?: string[];
  /** Changes made to the temporary copy, for files that cannot be committed as they are. */
  prepare?: (dir: string) => Promise<void>;
}

const moduleDir = (dir: string) => path.join(dir, 'modules', 'small-course');
/** Stands for a secret in a file outside the module: no output may contain it. */
const SECRET = 'do-not-print-7f3a9c';

const cases: BrokenCase[] = [
  // Reading files
  { name: 'truncated-json', codes: ['json-syntax'] },
  { name: 'trailing-comma', codes: ['json-syntax'] },
  { name: 'single-quotes', codes: ['json-syntax'] },
  { name: 'missing-comma', codes: ['json-syntax'] },
  { name: 'comment-in-json', codes: ['json-syntax'] },
  { name: 'smart-quotes', codes: ['json-syntax'] },
  { name: 'unclosed-text', codes: ['json-syntax'] },
  { name: 'unescaped-quote-in-text', codes: ['json-syntax'] },
  { name: 'extra-closing-brace', codes: ['json-syntax'] },
  { name: 'empty-file', codes: ['file-empty'] },
  { name: 'byte-order-mark', codes: ['file-bom'], args: ['--strict'] },
  { name: 'not-utf8', codes: ['file-not-utf8'] },
  {
    name: 'large-lesson',
    codes: ['file-too-large'],
    // 20 MB of valid JSON: a lesson with a pasted data dump.
    prepare: async (dir) => {
      const filler = 'x'.repeat(1000);
      const blocks = Array.from({ length: 20_000 }, () => ({ type: 'text', markdown: filler }));
      const lesson = { id: '03-data-dump', title: 'Data', objectives: [], blocks };
      await writeFile(path.join(moduleDir(dir), 'lessons', '03-data-dump.json'), JSON.stringify(lesson));
    },
  },
  {
    name: 'deeply-nested-json',
    codes: ['json-too-deep'],
    // 5,000 levels of lists: valid JSON that would overflow the stack of every check after loading.
    prepare: (dir) =>
      writeFile(
        path.join(moduleDir(dir), 'lessons', '03-deep.json'),
        `{"id": "03-deep", "title": "Deep", "objectives": [], "blocks": ${'['.repeat(5000)}${']'.repeat(5000)}}\n`,
      ),
  },
  {
    name: 'lesson-symlink-outside',
    codes: ['file-outside-module'],
    // A lesson linked to a file elsewhere on the machine: never read, packaged or printed.
    prepare: async (dir) => {
      const secret = path.join(dir, 'secret.json');
      await writeFile(secret, `{"token": "${SECRET}"}\n`);
      const lesson = path.join(moduleDir(dir), 'lessons', '02-planning-together.json');
      await rm(lesson);
      await symlink(secret, lesson);
    },
  },
  {
    name: 'module-json-symlink-outside',
    codes: ['file-outside-module'],
    prepare: async (dir) => {
      const moduleJson = path.join(moduleDir(dir), 'module.json');
      const secret = path.join(dir, 'module-elsewhere.json');
      await writeFile(secret, `${(await readFile(moduleJson, 'utf8')).slice(0, -2)}, "x": "${SECRET}"}\n`);
      await rm(moduleJson);
      await symlink(secret, moduleJson);
    },
  },
  {
    name: 'question-bank-fifo',
    codes: ['file-unreadable'],
    // A named pipe would block the read for ever.
    prepare: async (dir) => {
      await rm(path.join(moduleDir(dir), 'questions', 'para-2.json'));
      execFileSync('mkfifo', [path.join(moduleDir(dir), 'questions', 'para-2.json')]);
    },
  },
  {
    name: 'glossary-symlink-to-device',
    codes: ['file-outside-module'],
    // /dev/zero never ends: it is outside the module, so it is never opened.
    prepare: async (dir) => {
      await rm(path.join(moduleDir(dir), 'glossary.json'));
      await symlink('/dev/zero', path.join(moduleDir(dir), 'glossary.json'));
    },
  },
  {
    name: 'source-symlink-outside',
    codes: ['media-outside-module'],
    prepare: async (dir) => {
      const source = path.join(moduleDir(dir), 'sources', 'R-1-100.txt');
      await writeFile(path.join(dir, 'source-elsewhere.txt'), await readFile(source));
      await rm(source);
      await symlink(path.join(dir, 'source-elsewhere.txt'), source);
    },
  },
  {
    name: 'lesson-dangling-symlink',
    codes: ['file-unreadable'],
    prepare: (dir) => symlink('03-not-written-yet.json', path.join(moduleDir(dir), 'lessons', '03-next.json')),
  },
  // Schema
  { name: 'wrong-types', codes: ['schema-type'] },
  { name: 'unknown-block-type', codes: ['schema-unknown-type'] },
  { name: 'unknown-field-typo', codes: ['schema-unknown-property'] },
  { name: 'misspelt-required-field', codes: ['schema-unknown-property'] },
  { name: 'quote-missing-paragraph', codes: ['schema-required'] },
  { name: 'unknown-question-type', codes: ['schema-unknown-type'] },
  { name: 'bad-question-id', codes: ['schema-pattern'] },
  { name: 'single-answer-as-list', codes: ['schema-type'] },
  { name: 'correct-answer-as-number', codes: ['schema-type'] },
  { name: 'bad-version-and-language', codes: ['schema-pattern', 'schema-pattern'] },
  // Media
  { name: 'media-url', codes: ['media-outside-module'] },
  { name: 'path-traversal', codes: ['media-outside-module'] },
  { name: 'absolute-media-path', codes: ['media-outside-module'] },
  { name: 'missing-media', codes: ['media-missing'] },
  { name: 'media-wrong-case', codes: ['media-missing'] },
  {
    name: 'media-symlink-escape',
    codes: ['media-outside-module'],
    prepare: async (dir) => {
      const outside = path.join(dir, 'outside.svg');
      await writeFile(outside, '<svg xmlns="http://www.w3.org/2000/svg"/>');
      const image = path.join(moduleDir(dir), 'media', 'services.svg');
      await rm(image);
      await symlink(outside, image);
    },
  },
  { name: 'media-name-hash', codes: ['schema-pattern'] },
  { name: 'media-html-as-image', codes: ['media-not-image'] },
  { name: 'media-wrong-content', codes: ['media-not-image'] },
  { name: 'media-svg-script', codes: ['media-unsafe-svg'] },
  {
    name: 'media-dangling-symlink',
    codes: ['media-missing'],
    prepare: async (dir) => {
      const image = path.join(moduleDir(dir), 'media', 'services.svg');
      await rm(image);
      await symlink('services-final.svg', image);
    },
  },
  {
    name: 'media-nfd-name',
    codes: ['media-missing'],
    // The lesson says "cafés" with é as one character (NFC); the file, as macOS names files, with
    // e and a combining accent (NFD). They look the same and differ in every byte-wise comparison.
    prepare: (dir) => rename(path.join(moduleDir(dir), 'media', 'services.svg'), path.join(moduleDir(dir), 'media', 'cafe\u0301s.svg')),
  },
  { name: 'blank-alt-text', codes: ['image-alt-missing'] },
  { name: 'unreadable-theme', codes: ['theme-contrast', 'theme-contrast', 'media-missing'] },
  // Structure and references
  { name: 'duplicate-question-ids', codes: ['duplicate-id'] },
  { name: 'duplicate-objective-ids', codes: ['duplicate-id', 'unknown-reference', 'unknown-reference'] },
  { name: 'dangling-objective', codes: ['unknown-reference'] },
  { name: 'dangling-glossary-term', codes: ['unknown-reference'] },
  {
    name: 'scenario-dead-ends',
    codes: ['scenario-no-ending', 'scenario-step-unreachable', 'scenario-step-unreachable', 'unknown-reference'],
  },
  { name: 'action-plan-unknown-reflection', codes: ['duplicate-id', 'duplicate-id', 'unknown-reference'] },
  {
    name: 'media-not-what-it-says',
    codes: ['media-content-mismatch', 'captions-invalid', 'media-captions-missing', 'media-type-unsupported'],
  },
  { name: 'lesson-file-missing', codes: ['lesson-missing'] },
  { name: 'lesson-id-mismatch', codes: ['lesson-id-mismatch'] },
  { name: 'module-id-mismatch', codes: ['module-id-mismatch'] },
  { name: 'folder-without-module-json', codes: ['module-json-missing'] },
  { name: 'workshop-unknown-lesson', codes: ['unknown-reference', 'unknown-reference'] },
  // One mistake, one diagnostic: a schema error hides no other problem, and causes none
  { name: 'schema-error-hides-nothing', codes: ['schema-pattern', 'schema-type', 'unknown-reference'] },
  { name: 'mistyped-lesson-id', codes: ['lesson-missing'] },
  { name: 'lesson-copied-with-its-id', codes: ['duplicate-id'] },
  { name: 'objective-in-unlisted-lesson', codes: ['lesson-unlisted', 'unknown-reference'] },
  // Sources and quotes
  { name: 'quote-not-verbatim', codes: ['quote-not-verbatim'] },
  { name: 'quote-wrong-paragraph', codes: ['quote-not-verbatim'] },
  { name: 'paragraph-not-in-source', codes: ['unknown-paragraph'] },
  { name: 'unknown-source-document', codes: ['unknown-source'] },
  { name: 'source-file-missing', codes: ['source-file-missing'] },
  { name: 'source-numbered-again', codes: ['source-numbering-repeats'] },
  // Questions and the assessment
  { name: 'unsatisfiable-draw', codes: ['draw-unsatisfiable'] },
  {
    name: 'drawn-paragraph-without-questions',
    codes: ['draw-unsatisfiable'],
    prepare: (dir) => rm(path.join(moduleDir(dir), 'questions', 'para-2.json')),
  },
  { name: 'draw-level-unsatisfiable', codes: ['draw-level-unsatisfiable'] },
  { name: 'paragraph-not-assessed', codes: ['paragraph-not-assessed'] },
  { name: 'paragraph-not-taught', codes: ['paragraph-not-taught', 'paragraph-not-assessed'] },
  { name: 'correct-answer-not-an-option', codes: ['answer-unknown-option'] },
  { name: 'duplicate-option-id', codes: ['duplicate-option'] },
  { name: 'objective-from-another-paragraph', codes: ['objective-source-mismatch'] },
  { name: 'assessment-missing', codes: ['assessment-missing', 'no-assessment-questions'] },
  // More structure, sources and text
  { name: 'duplicate-source-document', codes: ['duplicate-id'] },
  { name: 'declared-paragraph-not-in-source', codes: ['source-paragraph-missing'] },
  { name: 'quote-curly-apostrophe', codes: ['quote-not-verbatim'] },
  { name: 'blank-text', codes: ['text-blank'] },
  { name: 'title-control-character', codes: ['text-control-character'] },
  { name: 'title-too-long', codes: ['schema-length'] },
  {
    name: 'glossary-file-missing',
    codes: ['glossary-missing'],
    prepare: (dir) => rm(path.join(moduleDir(dir), 'glossary.json')),
  },
  // Warnings, which fail with --strict
  { name: 'unlisted-lesson', codes: ['lesson-unlisted'], args: ['--strict'] },
  { name: 'draw-same-questions-every-attempt', codes: ['draw-no-variety'], args: ['--strict'] },
  { name: 'all-options-correct', codes: ['all-options-correct'], args: ['--strict'] },
  { name: 'duplicate-option-text', codes: ['option-text-duplicate'], args: ['--strict'] },
  { name: 'title-bidi-override', codes: ['text-invisible-character'], args: ['--strict'] },
  { name: 'old-level-names', codes: ['level-renamed'], args: ['--strict'] },
  { name: 'language-not-translated', codes: ['language-strings-missing'], args: ['--strict'] },
  { name: 'placeholder-left', codes: ['placeholder-text'], args: ['--strict'] },
  { name: 'display-replace-unmatched', codes: ['display-replace-unmatched'], args: ['--strict'] },
  { name: 'markdown-not-shown', codes: ['markdown-unsupported', 'markdown-unsupported', 'markdown-unsupported'], args: ['--strict'] },
  // Item writing: warnings too
  { name: 'option-all-none-above', codes: ['option-all-none-above'], args: ['--strict'] },
  { name: 'negative-stem-hidden', codes: ['negative-stem-hidden'], args: ['--strict'] },
  { name: 'option-near-duplicate', codes: ['option-near-duplicate'], args: ['--strict'] },
  { name: 'key-repeats-stem', codes: ['key-repeats-stem'], args: ['--strict'] },
  { name: 'distractor-feedback-missing', codes: ['distractor-feedback-missing'], args: ['--strict'] },
  { name: 'ordering-follows-source', codes: ['ordering-follows-source'], args: ['--strict'] },
  { name: 'key-not-in-source', codes: ['key-not-in-source'], args: ['--strict'] },
  { name: 'key-longest-option', codes: ['key-longest-option'], args: ['--strict'] },
  { name: 'key-position-pattern', codes: ['key-position-pattern'], args: ['--strict'] },
  {
    name: 'warnings-fail-with-strict',
    codes: ['image-alt-unhelpful', 'markdown-html', 'objective-not-measurable', 'option-feedback-missing'],
    args: ['--strict'],
  },
];

const made: string[] = [];
afterAll(async () => {
  await Promise.all(made.map((dir) => rm(dir, { recursive: true, force: true })));
});

async function prepared(c: BrokenCase): Promise<string> {
  const dir = await copyBrokenCase(c.name);
  made.push(dir);
  await c.prepare?.(dir);
  return dir;
}

describe('the broken-module corpus', () => {
  it('has at least 25 cases, each a folder here or made by the test', async () => {
    expect(cases.length).toBeGreaterThanOrEqual(25);
    const folders = (await readdir(brokenDir, { withFileTypes: true }))
      .filter((e) => e.isDirectory() && e.name !== '_base')
      .map((e) => e.name);
    const names = cases.map((c) => c.name);
    expect(new Set(names).size).toBe(names.length);
    expect(folders.filter((f) => !names.includes(f))).toEqual([]);
    expect(cases.filter((c) => !c.prepare && !folders.includes(c.name)).map((c) => c.name)).toEqual([]);
  });

  it('starts from a base module that is valid, even with --strict', async () => {
    const dir = await prepared({ name: '_base', codes: [] });
    const run = await runCli(['validate', '--strict'], dir);
    expect(run).toEqual({ code: 0, stdout: '0 error(s), 0 warning(s) in 1 module(s), 6 file(s): valid.\n', stderr: '' });
  });
});

describe.each(cases)('broken module: $name', (c) => {
  it('validate exits 1 with the exact message', async () => {
    const dir = await prepared(c);
    const run = await runCli(['validate', ...(c.args ?? [])], dir);
    expect(run.code).toBe(1);
    const shown = `$ coursekit validate${c.args ? ` ${c.args.join(' ')}` : ''}\n${run.stderr}${run.stdout}`;
    expect(shown).not.toMatch(CRASH);
    expect(shown).not.toContain(SECRET);
    await expect(shown).toMatchFileSnapshot(`./__snapshots__/broken/${c.name}.txt`);

    const json = await runCli(['validate', '--format', 'json', ...(c.args ?? [])], dir);
    expect(json.code).toBe(1);
    const diagnostics = JSON.parse(json.stdout) as Diagnostic[];
    expect(diagnostics.map((d) => d.code).sort()).toEqual([...c.codes].sort());
    for (const d of diagnostics) {
      expect(catalog[d.code], d.code).toBeDefined();
      expect(d.severity).toBe(catalog[d.code].severity);
      expect(d.message.length).toBeGreaterThan(10);
      expect(d.hint).toBeTruthy();
    }
  });

  it('build exits 1 and leaves dist/ exactly as it was', async () => {
    const dir = await prepared(c);
    const dist = path.join(dir, 'dist');
    await mkdir(path.join(dist, 'site'), { recursive: true });
    await mkdir(path.join(dist, 'packages'), { recursive: true });
    // A previous build's dist/, marked as coursekit's, so the build may replace it.
    await writeFile(path.join(dist, OUTPUT_MARKER), '');
    await writeFile(path.join(dist, 'site', 'index.html'), '<!doctype html><title>the previous build</title>\n');
    await writeFile(path.join(dist, 'packages', 'small-course-web.zip'), Buffer.from([0x50, 0x4b, 0x05, 0x06, ...new Array(18).fill(0)]));
    const before = await hashTree(dir);

    const run = await runCli(['build', '--target', 'web', ...(c.args ?? [])], dir);
    expect(run.code).toBe(1);
    expect(run.stdout + run.stderr).not.toMatch(CRASH);
    expect(run.stdout).toContain('dist/ was left as it was.');
    expect(await hashTree(dir)).toEqual(before);
  });
});
