/**
 * The shipped course (modules/migration-human-rights, from A/58/275 paragraphs 74-77): it
 * validates with no warnings, quotes the source exactly, keeps what is not from the report
 * in marked background, and its applied lesson lets learners write before they compare.
 * The assessment's own checks are in sample-assessment.test.ts.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkModules, type CheckResult } from '../../src/pipeline/check.js';
import { normalizeWhitespace, numberingOf, splitSource } from '../../src/load/source-text.js';
import type { CourseModule } from '../../src/model/course.js';
import { fixturesDir, repoRoot } from '../helpers/projects.js';
import { courseTexts, lessonBlocks, readCourseFiles, type CourseFile, type RawBlock } from './course-files.js';

// The document as published, kept in the repository (tests/fixtures/sources/README.md says where from).
const referenceCopy = path.join(fixturesDir, 'sources', 'A-58-275-paras-74-77.txt');
const PARAGRAPHS = [74, 75, 76, 77];

/** The source's numbered paragraphs by number, whitespace-normalised. */
function paragraphsOf(text: string): Map<number, string> {
  return new Map([...splitSource(text, numberingOf('paragraph')).units].map(([n, paragraph]) => [Number(n), paragraph]));
}

let checked: CheckResult;
let course: CourseModule;
let files: CourseFile[];
let sourceText: string;

beforeAll(async () => {
  checked = await checkModules({ cwd: repoRoot, modulesDir: path.join(repoRoot, 'modules'), only: ['migration-human-rights'] });
  course = checked.modules[0]!;
  files = await readCourseFiles();
  sourceText = await readFile(path.join(repoRoot, 'modules/migration-human-rights/sources/A-58-275-paras-74-77.txt'), 'utf8');
});

/** The paragraphs as the learner reads them: the module's declared display corrections applied. */
function displayedParagraphs(): string[] {
  const meta = files.find((f) => f.name === 'module.json')!.data as {
    sources: { display?: { replace?: { find: string; with: string }[] } }[];
  };
  const replacements = meta.sources[0]!.display?.replace ?? [];
  return [...paragraphsOf(sourceText).values()].map((p) => replacements.reduce((text, r) => text.split(r.find).join(r.with), p));
}

describe('the A/58/275 course', () => {
  it('validates with no errors and no warnings', () => {
    expect(checked.diagnostics).toEqual([]);
    expect(course.meta.language).toBe('en');
    expect(course.meta.version).toBe('2.0.0');
  });

  it('ships the source text unchanged from the reference copy of the document', async () => {
    expect(sourceText).toBe(await readFile(referenceCopy, 'utf8'));
  });

  it('declares paragraphs 74-77 and covers each with objectives, lessons, practice and at least 10 bank questions', () => {
    expect(course.sources[0]!.declared).toEqual(PARAGRAPHS.map(String));
    for (const row of course.coverage) {
      expect(row.objectives.length, `paragraph ${row.unit}`).toBeGreaterThan(0);
      expect(row.lessons.length, `paragraph ${row.unit}`).toBeGreaterThan(0);
      expect(row.knowledgeCheckQuestions.length, `paragraph ${row.unit}`).toBeGreaterThan(0);
      expect(row.bankQuestions.length, `paragraph ${row.unit}`).toBeGreaterThanOrEqual(10);
      expect(row.drawn, `paragraph ${row.unit}`).toBeGreaterThan(0);
    }
  });

  it('quotes the report word for word: every quote block is in the paragraph it cites', () => {
    const paragraphs = paragraphsOf(sourceText);
    const quotes = course.lessons.flatMap((l) => l.blocks.flatMap((b) => (b.type === 'quote' ? [{ lesson: l.id, block: b }] : [])));
    expect(quotes.length).toBeGreaterThanOrEqual(8);
    for (const { lesson, block } of quotes) {
      expect(paragraphs.get(Number(block.citation.paragraph)), `${lesson}: "${block.text.slice(0, 40)}…"`).toContain(
        normalizeWhitespace(block.text),
      );
    }
  });

  it('cuts no quote block mid-sentence, where a cut could not be marked', () => {
    const paragraphs = paragraphsOf(sourceText);
    for (const lesson of course.lessons) {
      for (const block of lesson.blocks) {
        if (block.type !== 'quote') continue;
        const paragraph = paragraphs.get(Number(block.citation.paragraph))!;
        const quote = normalizeWhitespace(block.text);
        const before = paragraph.slice(0, paragraph.indexOf(quote));
        const label = `${lesson.id}: "${quote.slice(0, 40)}…"`;
        expect(before === '' || /[.!?] $/.test(before), `${label} starts mid-sentence`).toBe(true);
        expect(quote, `${label} ends mid-sentence`).toMatch(/[.!?]$/);
      }
    }
  });

  it('quotes the report word for word in running text too: every “…” passage, cut only at a marked ellipsis', () => {
    const paragraphs = displayedParagraphs();
    let passages = 0;
    for (const { where, text, accept } of courseTexts(files)) {
      expect(text.split('“').length, `${where}: unbalanced quotation marks`).toBe(text.split('”').length);
      for (const match of text.matchAll(/“([^”]*)”/g)) {
        // A fill-in prompt quotes its sentence with the blank; the first accepted answer completes it.
        const quoted = accept && match[1]!.includes('______') ? match[1]!.replace('______', accept[0]!) : match[1]!;
        for (const part of quoted.split('…')) {
          const words = part.trim().replace(/[.,;:]$/, '');
          if (words === '') continue;
          passages++;
          expect(
            paragraphs.some((p) => p.includes(words)),
            `${where}: “${words}” is not in paragraphs 74-77`,
          ).toBe(true);
        }
      }
    }
    expect(passages).toBeGreaterThan(100);
  });

  it('marks the cut where a running-text quotation starts a sentence of the report and stops before its end', () => {
    const paragraphs = displayedParagraphs();
    // Where the words occur in the paragraphs as displayed: the text just before and just after each occurrence.
    const occurrences = (words: string) =>
      paragraphs.flatMap((p) => {
        const found: { before: string; after: string }[] = [];
        for (let at = p.indexOf(words); at !== -1; at = p.indexOf(words, at + 1))
          found.push({ before: p.slice(0, at), after: p.slice(at + words.length) });
        return found;
      });
    const startsSentence = (words: string) => occurrences(words).some(({ before }) => before === '' || /[.!?] $/.test(before));
    const endsSentence = (words: string) => occurrences(words).some(({ after }) => /^([.!?]|$)/.test(after));
    let checked = 0;
    for (const { where, text, accept } of courseTexts(files)) {
      for (const match of text.matchAll(/“([^”]*)”/g)) {
        const quoted = accept && match[1]!.includes('______') ? match[1]!.replace('______', accept[0]!) : match[1]!;
        const parts = quoted.split('…').map((part) => part.trim().replace(/[.,;:]$/, ''));
        if (!/^[A-Z]/.test(parts[0]!) || !startsSentence(parts[0]!)) continue;
        checked++;
        const last = parts.at(-1)!;
        expect(last === '' || endsSentence(last), `${where}: “${quoted}” stops mid-sentence without “…”`).toBe(true);
      }
    }
    expect(checked).toBeGreaterThanOrEqual(10);
  });

  it('says precisely what it covers: paragraphs 74-77, the start of a section V that continues after them', () => {
    expect(course.meta.description).toContain('section V');
    expect(course.meta.description).toContain('continues after paragraph 77');
    expect(course.meta.assessment?.title).toContain('paragraphs 74 to 77');
    expect(course.sources[0]!.title).toContain(
      'section V, Conclusions and recommendations (paragraphs 74 to 85), extract of paragraphs 74 to 77',
    );
    for (const { where, text } of courseTexts(files)) {
      expect(text, where).not.toMatch(/the conclusions and recommendations \((section V, )?paragraphs 74/i);
      expect(text, where).not.toMatch(/\bthe recommendations of A\/58\/275|\bthe four recommendations\b/i);
    }
  });

  it('puts the reporting line to the Commission on Human Rights in the past: the Human Rights Council replaced it in 2006', () => {
    for (const { where, text } of courseTexts(files)) expect(text, where).not.toMatch(/\breports to the Commission on Human Rights/);
    const rapporteur = course.glossary.find((t) => t.id === 'special-rapporteur')!;
    expect(rapporteur.definition).toContain('reported to the Commission on Human Rights');
    expect(rapporteur.definition).toContain('Human Rights Council');
  });

  it('never turns "particularly if" into a condition on the value of remittances', () => {
    for (const { where, text } of courseTexts(files)) {
      for (const sentence of text.split(/(?<=[.!?])\s+/)) {
        if (!/\bcondition\b/i.test(sentence)) continue;
        expect(sentence, where).toMatch(/\b(not|without|turns)\b/);
      }
    }
  });

  it('marks context that is not from the report as background, and explains the law behind a human rights-based approach', () => {
    const blocks = files.filter((f) => f.name.startsWith('lessons/')).flatMap((f) => (f.data as { blocks: RawBlock[] }).blocks);
    const background = blocks.filter((b) => b.type === 'callout' && b.variant === 'background');
    expect(background.length).toBeGreaterThanOrEqual(12);
    for (const b of blocks.filter((b) => b.heading?.startsWith('Background'))) {
      expect(b.variant, b.heading).toBe('background');
      expect(b.markdown, b.heading).toMatch(/it is not taken from the report\.$/);
    }
    const backgroundText = background.map((b) => b.markdown).join('\n');
    for (const subject of [
      'Migrant Workers and Members of Their Families',
      'whatever their migration status',
      'Human Rights Council',
      'Global Compact for Safe, Orderly and Regular Migration',
      'Global Forum on Migration and Development',
      'Recommended Principles and Guidelines on Human Rights at International Borders',
    ]) {
      expect(backgroundText).toContain(subject);
    }
    // Organizations the report names but does not describe, and the terms added for v2, are explained as background only.
    const required = [
      'iom',
      'ohchr',
      'ilo',
      'migrant',
      'migrant-worker',
      'dignity',
      'refugee',
      'asylum-seeker',
      'country-of-transit',
      'gender-equity',
    ];
    for (const id of required) expect(course.glossary.find((t) => t.id === id)?.background, id).toBe(true);
  });

  it('links the feminization of migration (74) with the ILO themes on migrant women and gender equity (77)', () => {
    const gender = lessonBlocks(files, '04-partnerships').find((b) => b.type === 'text' && b.heading?.includes('gender'));
    expect(gender?.markdown).toContain('Paragraph 74');
    expect(gender?.markdown).toContain('migrant women and gender equity');
    // The report does not draw the link itself; the course says that it does.
    expect(gender?.markdown).toContain('this course does');
  });
});

describe('the applied lesson', () => {
  let blocks: RawBlock[];
  beforeAll(() => {
    blocks = lessonBlocks(files, '05-applied-policy-review');
  });

  it('has the learner write a review of each paragraph before its model answer appears', () => {
    const reviews = blocks.flatMap((b, i) => (b.type === 'reflection' && b.modelAnswer ? [{ block: b, before: blocks[i - 1]! }] : []));
    expect(reviews.map((r) => r.before.type === 'quote' && r.before.citation?.paragraph)).toEqual(PARAGRAPHS);
    for (const { block } of reviews)
      expect(block.modelAnswer).toMatch(/\*\*Strengths\*\*[\s\S]*\*\*Gaps and risks\*\*[\s\S]*\*\*Suggestions\*\*/);
    // No model review sits in the lesson as ordinary text, where it would be read first.
    expect(blocks.filter((b) => /model/i.test(b.heading ?? ''))).toEqual([]);
  });

  it('reviews a fictional draft that is labelled as fictional', () => {
    expect(blocks.some((b) => b.type === 'callout' && b.markdown?.includes('**fictional**'))).toBe(true);
  });

  it('has a conversation with the interior ministry chair that can be followed to an end from every reply', () => {
    const scenario = blocks.find((b) => b.type === 'scenario')!;
    const steps = new Map(scenario.steps!.map((s) => [s.id, s]));
    expect(steps.size).toBe(scenario.steps!.length);
    const reached = new Set<string>();
    const visit = (id: string): void => {
      if (reached.has(id)) return;
      reached.add(id);
      const step = steps.get(id);
      expect(step, `step ${id}`).toBeDefined();
      for (const choice of step!.choices ?? []) {
        expect(choice.feedback.length, `${id}/${choice.id}`).toBeGreaterThan(20);
        expect(PARAGRAPHS, `${id}/${choice.id}`).toContain(choice.source.paragraph);
        if (choice.next) visit(choice.next);
      }
    };
    visit(scenario.start!);
    expect([...reached].sort()).toEqual([...steps.keys()].sort());
    expect(scenario.steps!.filter((s) => !s.choices?.length).length).toBeGreaterThan(0);
    for (const step of scenario.steps!) expect(step.speaker).toContain('Ministry of the Interior');
    expect(new Set(scenario.steps!.flatMap((s) => s.choices ?? []).map((c) => c.source.paragraph))).toEqual(new Set([75, 76, 77]));
  });

  it('ends with an action plan that gathers a reflection of every lesson', () => {
    expect(blocks.at(-1)!.type).toBe('actionPlan');
    const plan = blocks.at(-1)!;
    const reflectionLesson = new Map<string, string>();
    for (const lesson of course.meta.lessons) {
      for (const b of lessonBlocks(files, lesson)) if (b.type === 'reflection' && b.id) reflectionLesson.set(b.id, lesson);
    }
    for (const id of plan.reflections!) expect(reflectionLesson.has(id), id).toBe(true);
    expect(new Set(plan.reflections!.map((id) => reflectionLesson.get(id)))).toEqual(new Set(course.meta.lessons));
    expect(plan.prompts!.length).toBeGreaterThanOrEqual(3);
  });
});
