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
  it('draws as the module says: 3 different questions from each paragraph', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const drawn = drawAttempt(sample, seed);
      expect(drawn).toHaveLength(12);
      expect(new Set(drawn.map((d) => d.id)).size).toBe(12);
      const perParagraph = new Map<string, number>();
      for (const d of drawn) {
        const q = sample.questions[d.id]!;
        expect(q.bank).toBe(true);
        perParagraph.set(q.source, (perParagraph.get(q.source) ?? 0) + 1);
      }
      expect([...perParagraph.values()]).toEqual([3, 3, 3, 3]);
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

describe('scoring', () => {
  const question = (type: Question['type'], correct: string[], ids: string[] = ['a', 'b', 'c']): Question => ({
    type,
    correct,
    ids,
    source: '',
    prompt: '',
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
