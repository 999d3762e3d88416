/**
 * The shipped course (modules/migration-human-rights, from A/58/275 paragraphs 74-77): it
 * validates with no warnings, quotes the source exactly, and every recommendation is taught,
 * practised and assessed by enough varied questions for the draw.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkModules, type CheckResult } from '../../src/pipeline/check.js';
import { normalizeWhitespace, numberingOf, splitSource } from '../../src/load/source-text.js';
import type { CourseModule } from '../../src/model/course.js';
import { fixturesDir, repoRoot } from '../helpers/projects.js';

// The document as published, kept in the repository (tests/fixtures/sources/README.md says where from).
const referenceCopy = path.join(fixturesDir, 'sources', 'A-58-275-paras-74-77.txt');
const PARAGRAPHS = [74, 75, 76, 77];
let checked: CheckResult;
let course: CourseModule;

beforeAll(async () => {
  checked = await checkModules({ cwd: repoRoot, modulesDir: path.join(repoRoot, 'modules'), only: ['migration-human-rights'] });
  course = checked.modules[0]!;
});

describe('the A/58/275 course', () => {
  it('validates with no errors; its warnings are the old level names and the item-writing findings the revision of issue 13 fixes', () => {
    expect(checked.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const counts = new Map<string, number>();
    for (const d of checked.diagnostics) counts.set(d.code, (counts.get(d.code) ?? 0) + 1);
    expect(Object.fromEntries(counts)).toEqual({ 'level-renamed': 9, 'key-longest-option': 1, 'ordering-follows-source': 4 });
    expect(course.meta.language).toBe('en');
  });

  it('ships the source text unchanged from the reference copy of the document', async () => {
    const shipped = await readFile(path.join(course.folder, course.sources[0]!.file), 'utf8');
    expect(shipped).toBe(await readFile(referenceCopy, 'utf8'));
  });

  it('quotes the report word for word: every quote block is in the paragraph it cites', async () => {
    const paragraphs = splitSource(await readFile(referenceCopy, 'utf8'), numberingOf('paragraph')).units;
    const quotes = course.lessons.flatMap((l) => l.blocks.filter((b) => b.type === 'quote').map((b) => ({ lesson: l.id, block: b })));
    expect(quotes.length).toBeGreaterThanOrEqual(4);
    for (const { lesson, block } of quotes) {
      if (block.type !== 'quote') continue;
      expect(paragraphs.get(String(block.citation.paragraph)), `${lesson}: "${block.text.slice(0, 40)}…"`).toContain(
        normalizeWhitespace(block.text),
      );
    }
  });

  it('declares paragraphs 74-77 and covers each with objectives, lessons, practice and at least 6 bank questions', () => {
    expect(course.sources[0]!.declared).toEqual(PARAGRAPHS.map(String));
    for (const row of course.coverage) {
      expect(row.objectives.length, `paragraph ${row.unit}`).toBeGreaterThan(0);
      expect(row.lessons.length, `paragraph ${row.unit}`).toBeGreaterThan(0);
      expect(row.knowledgeCheckQuestions.length, `paragraph ${row.unit}`).toBeGreaterThan(0);
      expect(row.bankQuestions.length, `paragraph ${row.unit}`).toBeGreaterThanOrEqual(6);
      expect(row.drawn, `paragraph ${row.unit}`).toBeGreaterThan(0);
    }
  });

  it('assesses remembering and applying for every paragraph, with every question type in the bank', () => {
    for (const paragraph of PARAGRAPHS) {
      const levels = new Set(course.bank.filter((q) => q.source.paragraph === paragraph).map((q) => q.level));
      expect([...levels].sort(), `paragraph ${paragraph}`).toEqual(['apply', 'remember']);
    }
    expect(new Set(course.bank.map((q) => q.type))).toEqual(new Set(['single', 'multiple', 'trueFalse', 'matching', 'ordering', 'fillIn']));
    expect(course.bank.some((q) => q.scenario)).toBe(true);
  });

  it('explains every answer: feedback on every choice option, and overall feedback elsewhere', () => {
    const questions = [
      ...course.bank,
      ...course.lessons.flatMap((l) => l.blocks.flatMap((b) => (b.type === 'knowledgeCheck' ? b.questions : []))),
    ];
    for (const q of questions) {
      if (q.type === 'single' || q.type === 'multiple') {
        for (const option of q.options) expect(option.feedback, `${q.id} option ${option.id}`).toBeTruthy();
      } else {
        expect(q.feedback, q.id).toBeDefined();
      }
    }
  });

  it('has a pass mark and an attempt limit, with the reasons written down', () => {
    const assessment = course.meta.assessment!;
    expect(assessment.passMark).toBeGreaterThan(50);
    expect(assessment.maxAttempts).toBeGreaterThan(0);
    expect(assessment.rationale?.length ?? 0).toBeGreaterThan(100);
  });

  it('marks context that is not from the report as background', () => {
    const background = course.lessons.flatMap((l) => l.blocks).filter((b) => b.type === 'callout' && b.variant === 'background');
    expect(background.length).toBeGreaterThan(0);
    // Organizations the report names but does not describe are explained as background only.
    for (const term of course.glossary.filter((t) => ['iom', 'ohchr', 'ilo'].includes(t.id))) expect(term.background, term.id).toBe(true);
  });
});
