/**
 * The shipped course's assessment, as a trainer relies on it: enough questions at each
 * cognitive level for every recommendation, draws that put application into every attempt,
 * items written to be weighed rather than spotted, and every idea of paragraphs 74-77 tested.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkModules } from '../../src/pipeline/check.js';
import { defaultSeed, drawForms } from '../../src/handout/forms.js';
import { runtimeAssessmentOf } from '../../src/render/view-model.js';
import type { CourseModule, Question } from '../../src/model/course.js';
import { repoRoot } from '../helpers/projects.js';
import { readCourseFiles, type CourseFile } from './course-files.js';

const PARAGRAPHS = [74, 75, 76, 77];
const LEVELS = ['remember', 'understand', 'apply', 'analyse'];
const APPLY_OR_ABOVE: ReadonlySet<string> = new Set(['apply', 'analyse']);
/** The ideas of each paragraph that the idea map in docs/content-review.md lists (issue 13). */
const IDEAS_PER_PARAGRAPH: Record<number, number> = { 74: 7, 75: 4, 76: 7, 77: 7 };

interface Draw {
  source: { document: string; paragraph: number };
  count: number;
  minAtOrAbove?: { level: string; count: number };
}

let course: CourseModule;
let files: CourseFile[];
let knowledgeChecks: Question[];
let draws: Draw[];

beforeAll(async () => {
  const checked = await checkModules({ cwd: repoRoot, modulesDir: path.join(repoRoot, 'modules'), only: ['migration-human-rights'] });
  course = checked.modules[0]!;
  files = await readCourseFiles();
  knowledgeChecks = course.lessons.flatMap((l) => l.blocks.flatMap((b) => (b.type === 'knowledgeCheck' ? b.questions : [])));
  draws = (files.find((f) => f.name === 'module.json')!.data as { assessment: { draw: Draw[] } }).assessment.draw;
});

const bankFor = (paragraph: number) => course.bank.filter((q) => q.source.paragraph === paragraph);
const atOrAbove = (level: string) => (q: Question) => LEVELS.indexOf(q.level) >= LEVELS.indexOf(level);

describe('the question bank', () => {
  it('has at least 40 questions, at least 40 % of them at apply or analyse, and at least 3 at apply or above for every paragraph', () => {
    expect(course.bank.length).toBeGreaterThanOrEqual(40);
    for (const q of course.bank) expect(LEVELS, q.id).toContain(q.level);
    const applied = course.bank.filter((q) => APPLY_OR_ABOVE.has(q.level)).length;
    expect(applied / course.bank.length).toBeGreaterThanOrEqual(0.4);
    for (const paragraph of PARAGRAPHS) {
      expect(bankFor(paragraph).filter((q) => APPLY_OR_ABOVE.has(q.level)).length, `paragraph ${paragraph}`).toBeGreaterThanOrEqual(3);
      expect(bankFor(paragraph).filter((q) => !APPLY_OR_ABOVE.has(q.level)).length, `paragraph ${paragraph}`).toBeGreaterThanOrEqual(3);
    }
  });

  it('uses every question type, and sets application questions in ministry scenarios', () => {
    expect(new Set(course.bank.map((q) => q.type))).toEqual(new Set(['single', 'multiple', 'trueFalse', 'matching', 'ordering', 'fillIn']));
    const applied = course.bank.filter((q) => APPLY_OR_ABOVE.has(q.level) && q.type !== 'ordering');
    expect(applied.filter((q) => q.scenario).length / applied.length).toBeGreaterThanOrEqual(0.8);
  });

  it("asks for no order of the source's own sentences or lists", () => {
    const paragraphs = course.sources[0]!.units;
    for (const q of course.bank.filter((q) => q.type === 'ordering')) {
      if (q.type !== 'ordering') continue;
      const paragraph = paragraphs.get(String(q.source.paragraph))!.toLowerCase();
      for (const item of q.items) expect(paragraph, `${q.id} item ${item.id}`).not.toContain(item.text.toLowerCase().replace(/\.$/, ''));
    }
  });

  it('does not match one-to-one the policy areas that paragraph 76 calls overlapping', () => {
    const areas = [
      'human rights',
      'demography',
      'trade practices',
      'employment policies',
      'security-related issues',
      'development cooperation',
    ];
    for (const q of course.bank) {
      if (q.type !== 'matching') continue;
      const sides = q.pairs.flatMap((p) => [p.prompt, p.match].map((t) => t.toLowerCase()));
      expect(sides.filter((t) => areas.includes(t)).length, q.id).toBeLessThan(2);
    }
  });

  it('tests every idea of each paragraph: the idea map in docs/content-review.md names bank questions of that paragraph for each', async () => {
    const review = await readFile(path.join(repoRoot, 'docs/content-review.md'), 'utf8');
    const section = review.split(/^## /m).find((s) => s.startsWith('Idea-to-question map'));
    expect(section, 'docs/content-review.md has a section "## Idea-to-question map"').toBeDefined();
    const rows = section!.split('\n').filter((line) => /^\| 7[4-7] \|/.test(line));
    const byId = new Map(course.bank.map((q) => [q.id, q]));
    for (const paragraph of PARAGRAPHS) {
      const ideas = rows.filter((r) => r.startsWith(`| ${paragraph} |`));
      expect(ideas.length, `ideas of paragraph ${paragraph}`).toBeGreaterThanOrEqual(IDEAS_PER_PARAGRAPH[paragraph]!);
      for (const row of ideas) {
        const ids = [...row.matchAll(/`([a-z0-9-]+)`/g)].map((m) => m[1]!);
        expect(ids.length, row).toBeGreaterThan(0);
        for (const id of ids) expect(byId.get(id)?.source.paragraph, `${id} in: ${row}`).toBe(paragraph);
      }
    }
  });

  it('is counted truly in docs/content-review.md: the level table gives the bank as it is', async () => {
    const review = await readFile(path.join(repoRoot, 'docs/content-review.md'), 'utf8');
    const table = review.slice(review.indexOf('Counts by level'), review.indexOf('Counts by type'));
    const row = (label: string) => {
      const line = table.split('\n').find((l) => l.startsWith(`| ${label} | `));
      expect(line, `level table row "${label}"`).toBeDefined();
      return line!
        .split('|')
        .slice(2, 7)
        .map((cell) => Number.parseInt(cell.trim(), 10));
    };
    for (const [label, questions] of [...PARAGRAPHS.map((p) => [String(p), bankFor(p)] as const), ['All', course.bank] as const]) {
      const counts = LEVELS.map((level) => questions.filter((q) => q.level === level).length);
      expect(row(label), `paragraph ${label}`).toEqual([...counts, questions.length]);
    }
  });

  it('gives new ids to questions that were replaced or whose choices changed meaning, so LMS reports of different versions cannot be confused', () => {
    const retired = [
      'q74-remittances-condition',
      'q74-argument-order',
      'q74-ministry-report',
      'q75-ministries-named',
      'q75-purpose',
      'q75-argument-order',
      'q75-match-ministries',
      'q76-systems-management',
      'q76-policy-areas-order',
      'q76-match-policy-areas',
      'q76-border-only',
      'q77-best-way',
      'q77-ilo-themes-order',
      'q77-side-event',
      'kc74-approach',
      'kc76-areas',
      'kc77-parties',
      'kc74-veridia-benefits',
      'kc75-veridia-preparation',
      'kc76-veridia-asylum',
      // Retired after the second independent review (docs/content-review.md, "Ids").
      'q74-women-statements',
      'q74-remittance-programme',
      'q75-task-force',
      'q76-harmonized-term',
      'q76-asylum-integrity',
      'q76-participants',
      'q76-consultation-gaps',
      'q76-overlapping-areas',
      'q76-border-only-plan',
      'q76-asylum-screening',
      'q77-cooperation-areas',
      'q77-labour-training',
      'q77-iom-ohchr-welcome',
      'q77-mainstream-project',
      'q77-training-offer',
      // Fill-ins that other questions on a printed form answered, now choice questions (the workshop review).
      'q75-civil-society',
      'q77-third-partner',
    ];
    const ids = new Set([...course.bank, ...knowledgeChecks].map((q) => q.id));
    for (const id of retired) expect(ids.has(id), id).toBe(false);
  });
});

describe('every question, in the bank and in the lessons', () => {
  it('explains every answer: feedback on every choice option, and overall feedback', () => {
    for (const q of [...course.bank, ...knowledgeChecks]) {
      if (q.type === 'single' || q.type === 'multiple') {
        for (const option of q.options) expect(option.feedback, `${q.id} option ${option.id}`).toBeTruthy();
      }
      expect(q.feedback, q.id).toBeDefined();
    }
  });

  it('has options to weigh, not to spot: no "all/none of the above", no unemphasised negative stem', () => {
    for (const q of [...course.bank, ...knowledgeChecks]) {
      if (q.type !== 'single' && q.type !== 'multiple') continue;
      for (const option of q.options) expect(option.text, `${q.id} option ${option.id}`).not.toMatch(/\b(all|none|both) of the above\b/i);
      // The report's own words, quoted, are not the stem's negation.
      expect(q.prompt.replace(/“[^”]*”/g, '“…”'), q.id).not.toMatch(/\bnot\b|\bexcept\b/);
    }
  });

  it('does not give the key away by its length or its place', () => {
    const singles = [...course.bank, ...knowledgeChecks].filter((q) => q.type === 'single');
    const keyIsLongest = singles.filter((q) => {
      if (q.type !== 'single') return false;
      const key = q.options.find((o) => o.id === q.correct)!;
      return q.options.every((o) => o === key || o.text.length < key.text.length);
    });
    expect(keyIsLongest.length / singles.length, keyIsLongest.map((q) => q.id).join(', ')).toBeLessThan(1 / 3);
    for (const group of [singles.filter((q) => course.bank.includes(q)), singles.filter((q) => knowledgeChecks.includes(q))]) {
      const positions = group.map((q) => (q.type === 'single' ? q.options.findIndex((o) => o.id === q.correct) : -1));
      const most = Math.max(...[0, 1, 2, 3].map((p) => positions.filter((x) => x === p).length));
      expect(most / positions.length).toBeLessThan(0.5);
    }
  });
});

describe('the assessment draw', () => {
  it('draws from every paragraph, with at least 2 questions at apply or above in every attempt, which the bank can always supply with variety', () => {
    expect(draws.map((d) => d.source.paragraph).sort()).toEqual(PARAGRAPHS);
    for (const draw of draws) {
      const label = `paragraph ${draw.source.paragraph}`;
      const bank = bankFor(draw.source.paragraph);
      expect(draw.minAtOrAbove?.level, label).toBe('apply');
      const min = draw.minAtOrAbove!.count;
      expect(min, label).toBeGreaterThanOrEqual(2);
      expect(min, label).toBeLessThanOrEqual(draw.count);
      // Every possible attempt: enough at the level for the minimum, enough in all for the count, and more than that to vary.
      expect(bank.filter(atOrAbove('apply')).length, label).toBeGreaterThan(min);
      expect(bank.length, label).toBeGreaterThan(draw.count);
    }
  });

  it('tells learners the real draw, pass mark and attempts, and gives the reasons in the rationale', () => {
    const assessment = course.meta.assessment!;
    const perParagraph = draws[0]!.count;
    expect(draws.every((d) => d.count === perParagraph && d.minAtOrAbove?.count === draws[0]!.minAtOrAbove?.count)).toBe(true);
    const total = perParagraph * draws.length;
    const needed = Math.ceil((total * assessment.passMark) / 100);
    const intro = assessment.introduction ?? '';
    expect(intro).toContain(`**${perParagraph} questions for each paragraph** (${total} questions in all)`);
    expect(intro).toContain(`bank of ${course.bank.length}`);
    expect(intro).toContain(`at least **${draws[0]!.minAtOrAbove!.count} of the ${perParagraph}**`);
    expect(intro).toContain(`**${assessment.passMark}%** (${needed} correct answers out of ${total})`);
    expect(intro).toContain(`**${assessment.maxAttempts} attempts**`);
    const rationale = assessment.rationale ?? '';
    expect(rationale).toContain(`${assessment.passMark}% (${needed} of ${total})`);
    expect(rationale).toContain(`${perParagraph} questions from each of the four paragraphs (${total} per attempt`);
    const sizes = PARAGRAPHS.map((p) => bankFor(p).length);
    const appliedSizes = PARAGRAPHS.map((p) => bankFor(p).filter(atOrAbove('apply')).length);
    expect(rationale).toContain(`from a bank of ${Math.min(...sizes)} to ${Math.max(...sizes)} per paragraph`);
    expect(rationale).toContain(`the bank has ${Math.min(...appliedSizes)} to ${Math.max(...appliedSizes)} such questions per paragraph`);
    expect(assessment.passMark).toBeGreaterThan(50);
    expect(assessment.maxAttempts).toBeGreaterThan(0);
  });
});

describe('the workshop quiz', () => {
  it('prints forms A and B with the same questions per paragraph and level, repeating only what the bank cannot replace, and few questions at that', () => {
    const runtime = runtimeAssessmentOf(course);
    const cellOf = (id: string) => `${runtime.questions[id]!.source} ${course.bank.find((q) => q.id === id)!.level}`;
    const profile = (ids: string[]) => ids.map(cellOf).sort().join(', ');
    for (const seed of [defaultSeed(runtime, course.id, course.meta.version), 1, 2, 3, 4, 5]) {
      const forms = drawForms(runtime, seed);
      const [a, b] = [forms.A, forms.B].map((form) => form.questions.map((q) => q.id)) as [string[], string[]];
      expect(profile(b)).toBe(profile(a));
      // Where form A draws n of the m questions of a paragraph at a level, form B must repeat 2n - m.
      let least = 0;
      for (const cell of new Set(a.map(cellOf))) {
        const inBank = course.bank.filter((q) => cellOf(q.id) === cell).length;
        least += Math.max(0, 2 * a.filter((id) => cellOf(id) === cell).length - inBank);
      }
      expect(forms.shared).toBe(least);
      expect(forms.shared).toBeLessThanOrEqual(4);
    }
  });

  it('prints by default two forms as hard as each other: as many questions of each kind of answer, none on both', () => {
    const runtime = runtimeAssessmentOf(course);
    const forms = drawForms(runtime, defaultSeed(runtime, course.id, course.meta.version));
    const kinds = (form: typeof forms.A) => {
      const counts: Record<string, number> = {};
      for (const q of form.questions) {
        const type = runtime.questions[q.id]!.type;
        const kind = type === 'single' || type === 'trueFalse' ? 'one answer' : type === 'fillIn' ? 'typed' : 'all or nothing';
        counts[kind] = (counts[kind] ?? 0) + 1;
      }
      return counts;
    };
    expect(kinds(forms.B)).toEqual(kinds(forms.A));
    expect(forms.shared).toBe(0);
  });
});
