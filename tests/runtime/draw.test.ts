/** The assessment draw and scoring. */
import { beforeAll, describe, expect, it } from 'vitest';
import type { RuntimeCourseData } from '../../src/model/runtime-data.js';
import type { Question } from '../../src/runtime/course.js';
import { drawAttempt } from '../../src/shared/draw.js';
import { isCorrect, isPartlyCorrect, normalizeText, scoreOf } from '../../src/shared/scoring.js';
import { runtimeCourse } from '../helpers/runtime-course.js';

let sample: RuntimeCourseData;
let tiny: RuntimeCourseData;
let udhr: RuntimeCourseData;
beforeAll(async () => {
  [sample, tiny, udhr] = await Promise.all([runtimeCourse('sample'), runtimeCourse('tiny'), runtimeCourse('udhr-asylum')]);
});

describe('drawAttempt', () => {
  it('draws as the module says: 4 different questions from each paragraph, at least 2 of them at apply or above', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const drawn = drawAttempt(sample, seed);
      expect(drawn).toHaveLength(16);
      expect(new Set(drawn.map((d) => d.id)).size).toBe(16);
      const perParagraph = new Map<string, number>();
      const appliedPerParagraph = new Map<string, number>();
      for (const d of drawn) {
        const q = sample.questions[d.id]!;
        expect(q.bank).toBe(true);
        perParagraph.set(q.source, (perParagraph.get(q.source) ?? 0) + 1);
        if (q.level === 'apply' || q.level === 'analyse') appliedPerParagraph.set(q.source, (appliedPerParagraph.get(q.source) ?? 0) + 1);
      }
      expect([...perParagraph.values()]).toEqual([4, 4, 4, 4]);
      expect(
        [...appliedPerParagraph.values()].every((n) => n >= 2),
        `seed ${seed}`,
      ).toBe(true);
      expect(appliedPerParagraph.size).toBe(4);
    }
  });

  it('makes the same draw again from the same seed, and different draws from others', () => {
    expect(drawAttempt(sample, 99)).toEqual(drawAttempt(sample, 99));
    const draws = new Set(
      Array.from({ length: 50 }, (_, seed) =>
        drawAttempt(sample, seed)
          .map((d) => d.id)
          .join(),
      ),
    );
    expect(draws.size).toBeGreaterThan(40);
  });

  it('shuffles options as a permutation, and never starts an ordering question in the right order', () => {
    for (let seed = 1; seed <= 300; seed++) {
      for (const d of drawAttempt(sample, seed)) {
        const q = sample.questions[d.id]!;
        expect([...d.order].sort((a, b) => a - b)).toEqual(q.ids.map((_, i) => i));
        if (q.type === 'ordering') expect(d.order.every((n, i) => n === i)).toBe(false);
        if (q.type === 'trueFalse' || q.type === 'matching') expect(d.order).toEqual(q.ids.map((_, i) => i));
      }
    }
  });

  it('draws from an article the questions on its numbered paragraphs: 2 on Article 13(1-2), 2 on Article 14(1-2)', () => {
    const seen = new Set<string>();
    for (let seed = 1; seed <= 100; seed++) {
      const sources = drawAttempt(udhr, seed).map((d) => udhr.questions[d.id]!.source);
      expect(sources.filter((s) => s.startsWith('UDHR#13(')).length, sources.join()).toBe(2);
      expect(sources.filter((s) => s.startsWith('UDHR#14(')).length, sources.join()).toBe(2);
      for (const s of sources) seen.add(s);
    }
    expect([...seen].sort()).toEqual(['UDHR#13(1)', 'UDHR#13(2)', 'UDHR#14(1)', 'UDHR#14(2)']);
  });

  it('keeps paragraph order without question shuffling (tiny: 74 then 75)', () => {
    for (let seed = 1; seed <= 50; seed++) {
      expect(drawAttempt(tiny, seed).map((d) => tiny.questions[d.id]!.source)).toEqual(['A/58/275#74', 'A/58/275#75']);
    }
  });
});

describe('drawAttempt with a rule by level', () => {
  // Paragraph 1: 9 questions, 2 at apply and 1 at analyse; each attempt draws 3, at least 2 at apply or above.
  const levels: Question['level'][] = [
    'remember',
    'remember',
    'apply',
    'remember',
    'understand',
    'remember',
    'analyse',
    'remember',
    'apply',
  ];
  const questions: Record<string, Question> = {};
  levels.forEach((level, i) => {
    questions[`q${i}`] = { type: 'single', source: 'D#1', prompt: '', level, ids: ['a', 'b'], correct: ['a'], bank: true };
  });
  questions.other = { type: 'single', source: 'D#2', prompt: '', level: 'remember', ids: ['a', 'b'], correct: ['a'], bank: true };
  const course = (rule?: { level: Question['level']; count: number }): RuntimeCourseData => ({
    ...tiny,
    assessment: {
      ...tiny.assessment!,
      shuffleQuestions: true,
      shuffleOptions: true,
      draw: [
        { key: 'D#1', count: 3, ...(rule ? { minAtOrAbove: rule } : {}) },
        { key: 'D#2', count: 1 },
      ],
    },
    questions,
  });
  const applied = (c: RuntimeCourseData, seed: number) =>
    drawAttempt(c, seed).filter((d) => ['apply', 'analyse'].includes(c.questions[d.id]!.level)).length;

  it("draws at least the rule's count at its level or above in every attempt, where a free draw often would not", () => {
    const ruled = course({ level: 'apply', count: 2 });
    for (let seed = 0; seed < 2000; seed++) {
      expect(applied(ruled, seed), `seed ${seed}`).toBeGreaterThanOrEqual(2);
      expect(drawAttempt(ruled, seed)).toHaveLength(4);
    }
    const free = course();
    expect(Array.from({ length: 2000 }, (_, seed) => applied(free, seed)).filter((n) => n < 2).length).toBeGreaterThan(1000);
  });

  it('changes nothing in an attempt that keeps the rule anyway', () => {
    const free = course();
    const ruled = course({ level: 'apply', count: 1 });
    let kept = 0;
    for (let seed = 0; seed < 500; seed++) {
      if (applied(free, seed) < 1) continue;
      kept++;
      expect(drawAttempt(ruled, seed), `seed ${seed}`).toEqual(drawAttempt(free, seed));
    }
    expect(kept).toBeGreaterThan(100);
  });

  it('still draws every question of the paragraph in some attempt, and the same draw from the same seed', () => {
    const ruled = course({ level: 'analyse', count: 1 });
    const seen = new Set<string>();
    for (let seed = 0; seed < 300; seed++) for (const d of drawAttempt(ruled, seed)) seen.add(d.id);
    expect([...seen].sort()).toEqual(Object.keys(questions).sort());
    for (let seed = 0; seed < 300; seed++) expect(drawAttempt(ruled, seed).some((d) => d.id === 'q6')).toBe(true);
    expect(drawAttempt(ruled, 7)).toEqual(drawAttempt(structuredClone(ruled), 7));
  });
});

describe('scoring', () => {
  const question = (type: Question['type'], correct: string[], ids: string[] = ['a', 'b', 'c']): Question => ({
    type,
    correct,
    ids,
    source: '',
    prompt: '',
    level: 'remember',
    bank: true,
  });

  it.each<[Question['type'], string[], string[] | undefined, boolean, boolean]>([
    ['single', ['b'], ['b'], true, false],
    ['single', ['b'], ['a'], false, false],
    ['multiple', ['a', 'b'], ['b', 'a'], true, false],
    ['multiple', ['a', 'b'], ['a'], false, true],
    ['multiple', ['a', 'b'], ['a', 'b', 'c'], false, true],
    ['matching', ['a', 'b', 'c'], ['a', 'c', 'b'], false, true],
    ['matching', ['a', 'b', 'c'], ['a', 'b', 'c'], true, false],
    ['ordering', ['a', 'b', 'c'], ['c', 'a', 'b'], false, false],
    ['fillIn', ['Remittances'], ['  remittances '], true, false],
    ['fillIn', ['civil society'], ['Civil   Society'], true, false],
    ['fillIn', ['civil society'], ['civil'], false, false],
    ['single', ['a'], undefined, false, false],
  ])('%s (correct %j) answered %j: correct %s, partly %s', (type, correct, response, right, partly) => {
    const q = question(type, correct);
    expect(isCorrect(q, response)).toBe(right);
    expect(isPartlyCorrect(q, response)).toBe(partly);
  });

  it('normalizes typed answers: case, surrounding and repeated spaces, Unicode composition', () => {
    expect(normalizeText('  Cafe\u0301  Au   LAIT ')).toBe('café au lait');
  });

  it('passes on exact fractions, never on a rounded percentage', () => {
    expect(scoreOf([true, true, false], 67)).toEqual({ correct: 2, total: 3, percent: 66.67, passed: false });
    expect(scoreOf([true, true, true, false], 75)).toEqual({ correct: 3, total: 4, percent: 75, passed: true });
    expect(
      scoreOf(
        Array.from({ length: 12 }, (_, i) => i < 9),
        75,
      ).passed,
    ).toBe(true);
    expect(
      scoreOf(
        Array.from({ length: 12 }, (_, i) => i < 8),
        75,
      ),
    ).toEqual({ correct: 8, total: 12, percent: 66.67, passed: false });
    expect(scoreOf([], 50)).toEqual({ correct: 0, total: 0, percent: 0, passed: false });
  });
});
