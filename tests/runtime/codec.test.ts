/**
 * The suspend_data encoding: compact, versioned, checked, and within SCORM 1.2's 4096
 * characters for the sample module's worst case and for a 200-question bank, degrading
 * (and saying how) rather than dropping answers silently.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { RuntimeCourseData } from '../../src/model/runtime-data.js';
import { SCORM12_SUSPEND_LIMIT, SHORTENED, decodeResponse, decodeState, encodeResponse, encodeState } from '../../src/runtime/codec.js';
import type { Question, Response } from '../../src/runtime/course.js';
import { drawAttempt } from '../../src/shared/draw.js';
import { isCorrect } from '../../src/shared/scoring.js';
import { hash } from '../../src/shared/random.js';
import { emptyState, type LearnerState } from '../../src/runtime/state.js';
import { bigBankCourse, runtimeCourse, worstState } from '../helpers/runtime-course.js';

const q = (type: Question['type'], ids: string[], correct: string[]): Question => ({
  type,
  ids,
  correct,
  source: 'D#1',
  prompt: 'P',
  level: 'remember',
  bank: true,
});

const smallCourse: RuntimeCourseData = {
  id: 'small',
  version: '1.0.0',
  title: 'Small',
  language: 'en',
  scenarios: {},
  completion: 'allPagesViewedAndAssessmentPassed',
  pages: [
    { id: 'start', url: 'index.html', title: 'Start', kind: 'start' },
    { id: 'one', url: 'one.html', title: 'One', kind: 'lesson' },
    { id: 'two', url: 'two.html', title: 'Two', kind: 'lesson' },
    { id: 'assessment', url: 'assessment.html', title: 'Test', kind: 'assessment' },
  ],
  assessment: {
    passMark: 50,
    maxAttempts: 2,
    shuffleQuestions: false,
    shuffleOptions: false,
    draw: [{ key: 'D#1', count: 2 }],
    failedAttemptStatus: 'incomplete',
    reportedScore: 'best',
  },
  questions: { first: q('single', ['a', 'b', 'c'], ['b']), second: q('fillIn', [], ['yes']) },
  citedTexts: {},
  strings: {},
};

describe('answers', () => {
  it.each<[Question['type'], string[], Response | undefined, string]>([
    ['single', ['a', 'b', 'c'], ['c'], '2'],
    ['trueFalse', ['true', 'false'], ['false'], '1'],
    ['multiple', ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'], ['a', 'c', 'j'], 'ed'],
    ['matching', ['a', 'b', 'c'], ['b', '', 'a'], '1_0'],
    ['ordering', ['a', 'b', 'c'], ['c', 'a', 'b'], '201'],
    ['fillIn', [], ['50% ~ a|b'], '50%25 %7E a%7Cb'],
    ['fillIn', [], ['=!start'], '%3D!start'],
    ['single', ['a', 'b'], undefined, ''],
    ['matching', ['a', 'b'], ['', ''], ''],
  ])('%s %j: %j is encoded as %j and back', (type, ids, response, text) => {
    const question = q(type, ids, []);
    expect(encodeResponse(question, response)).toBe(text);
    expect(decodeResponse(question, text)).toEqual(response?.some(Boolean) ? response : undefined);
  });

  it('refuses what does not fit the question instead of guessing', () => {
    expect(decodeResponse(q('single', ['a', 'b'], []), '5')).toBeNull();
    expect(decodeResponse(q('ordering', ['a', 'b', 'c'], []), '001')).toBeNull();
    expect(decodeResponse(q('matching', ['a', 'b'], []), '0')).toBeNull();
    expect(decodeResponse(q('multiple', ['a', 'b'], []), 'z')).toBeNull();
  });
});

describe('the state', () => {
  const state: LearnerState = {
    viewed: ['start', 'one', 'assessment'],
    attemptsUsed: 1,
    passed: false,
    score: 50,
    bestScore: 50,
    scenarios: {},
    attempt: { seed: 123456, current: 1, submitted: false, answers: [['b'], ['no | maybe']], seconds: [12, 3] },
  };

  it('has a versioned, compact format', () => {
    const { text, loss } = encodeState(state, smallCourse);
    expect(loss).toBe(0);
    // version | pages print | bank print | viewed (hex bits) | attempts | flags | score×100 | seed | question | answers | seconds | extensions | checksum
    expect(text).toMatch(/^2\|\w{4}\|\w{4}\|b\|1\|2\|3uw\|2n9c\|1\|1~no %7C maybe\|c~3\|\|\w+$/);
    expect(decodeState(text, smallCourse)).toEqual({ state, problems: [], lostAttempt: false });
  });

  it('keeps the best score beside the last one when they differ', () => {
    const retaken: LearnerState = { ...state, attemptsUsed: 2, score: 25, bestScore: 62.5 };
    const { text } = encodeState(retaken, smallCourse);
    expect(text).toMatch(/\|b:4tm\|\w+$/);
    expect(decodeState(text, smallCourse).state).toEqual(retaken);
  });

  it('skips extensions it does not know (a newer coursekit wrote them) and refuses malformed ones', () => {
    const text = encodeState({ ...state, bestScore: 62.5 }, smallCourse).text;
    const signed = (body: string) => `${body}|${(hash(body) % 36 ** 5).toString(36)}`;
    const body = text.slice(0, text.lastIndexOf('|'));
    expect(decodeState(signed(body.replace('|b:4tm', '|zz:%7C9;b:4tm')), smallCourse)).toEqual({
      state: { ...state, bestScore: 62.5 },
      problems: [],
      lostAttempt: false,
    });
    expect(decodeState(signed(body.replace('|b:4tm', '|b:zzzz')), smallCourse).problems).toEqual(['damaged']);
    expect(decodeState(signed(body.replace('|b:4tm', '|:4tm')), smallCourse).problems).toEqual(['damaged']);
  });

  it('keeps the path through each scenario and how often it was finished, beside what format 2 already kept', () => {
    const played: LearnerState = {
      ...state,
      scenarios: {
        'ask-the-chair': { path: ['b', 'a', 'agree'], runs: 2 },
        'second-talk': { path: [], runs: 1 },
        untouched: { path: [], runs: 0 },
      },
    };
    const { text } = encodeState(played, smallCourse);
    expect(text).toMatch(/\|s:ask-the-chair=b\.a\.agree\*2,second-talk=\*1\|\w+$/);
    const { untouched: _, ...kept } = played.scenarios;
    expect(decodeState(text, smallCourse)).toEqual({ state: { ...played, scenarios: kept }, problems: [], lostAttempt: false });
    // Format 1 data, saved before scenarios existed, decodes with none played.
    expect(decodeState('1|hbex|28nn|b|1|2|3uw|2n9c|1|1~no %7C maybe|c~3|n8ij', smallCourse).state.scenarios).toEqual({});
  });

  it('refuses scenario paths that are not ids (damaged data, or data made up to reach into objects)', () => {
    const signed = (body: string) => `${body}|${(hash(body) % 36 ** 5).toString(36)}`;
    const text = encodeState({ ...state, scenarios: { talk: { path: ['a'], runs: 0 } } }, smallCourse).text;
    const body = text.slice(0, text.lastIndexOf('|'));
    for (const bad of ['s:__proto__=a', 's:talk=A', 's:talk=a..b', 's:talk=a*', 's:talk'])
      expect(decodeState(signed(body.replace('|s:talk=a', `|${bad}`)), smallCourse).problems, bad).toEqual(['damaged']);
  });

  it('still reads what format 1 (coursekit before extensions) saved', () => {
    // Written by the format 1 encoder for this state.
    const saved = '1|hbex|28nn|b|1|2|3uw|2n9c|1|1~no %7C maybe|c~3|n8ij';
    expect(decodeState(saved, smallCourse)).toEqual({ state, problems: [], lostAttempt: false });
  });

  it('keeps a submitted attempt for its review', () => {
    const submitted: LearnerState = {
      ...state,
      attemptsUsed: 2,
      passed: true,
      score: 100,
      attempt: { ...state.attempt!, submitted: true },
    };
    expect(decodeState(encodeState(submitted, smallCourse).text, smallCourse).state).toEqual(submitted);
  });

  it('notices damaged or truncated data and data from another format version', () => {
    const { text } = encodeState(state, smallCourse);
    expect(decodeState(text.slice(0, -3), smallCourse).problems).toEqual(['damaged']);
    expect(decodeState(text.replace('|1~no', '|0~no'), smallCourse).problems).toEqual(['damaged']);
    expect(decodeState(`3${text.slice(1)}`, smallCourse).problems).toEqual(['version']);
    expect(decodeState('', smallCourse)).toEqual({
      state: { viewed: [], attemptsUsed: 0, passed: false, score: undefined, bestScore: undefined, attempt: undefined, scenarios: {} },
      problems: [],
      lostAttempt: false,
    });
  });

  it('keeps attempts and the pass when the course is republished, and says when an unfinished attempt cannot continue', () => {
    const { text } = encodeState(state, smallCourse);
    const changedBank = { ...smallCourse, questions: { ...smallCourse.questions, third: q('single', ['a', 'b'], ['a']) } };
    const afterBankChange = decodeState(text, changedBank);
    expect(afterBankChange.problems).toEqual(['bankChanged']);
    expect(afterBankChange.lostAttempt).toBe(true);
    expect(afterBankChange.state).toMatchObject({ viewed: state.viewed, attemptsUsed: 1, score: 50, attempt: undefined });

    const changedPages = {
      ...smallCourse,
      pages: smallCourse.pages.concat({ id: 'three', url: 'three.html', title: 'Three', kind: 'lesson' }),
    };
    const afterPagesChange = decodeState(text, changedPages);
    expect(afterPagesChange.problems).toEqual(['pagesChanged']);
    expect(afterPagesChange.state).toMatchObject({ viewed: [], attemptsUsed: 1, attempt: state.attempt });
  });
});

describe("the learner's knowledge-check order", () => {
  it('is kept with the state, and absent from data written before it existed', () => {
    const encoded = encodeState({ ...emptyState(), practiceSeed: 2147483647 }, smallCourse).text;
    expect(encoded.split('|').at(-2)).toBe('k:zik0zj');
    expect(decodeState(encoded, smallCourse).state.practiceSeed).toBe(2147483647);
    const before = encodeState(emptyState(), smallCourse).text;
    expect(decodeState(before, smallCourse).state.practiceSeed).toBeUndefined();
  });
});

describe('draw rules by level and saved attempts', () => {
  let tiny: RuntimeCourseData;
  beforeAll(async () => {
    tiny = await runtimeCourse('tiny');
  });
  const withRule = (course: RuntimeCourseData, rule: { level: Question['level']; count: number }): RuntimeCourseData => ({
    ...course,
    assessment: { ...course.assessment!, draw: course.assessment!.draw.map((d, i) => (i === 1 ? { ...d, minAtOrAbove: rule } : d)) },
  });

  it('resumes an attempt saved by a build from before draw rules and levels were in the course data', () => {
    // Written by the 1.0 runtime (main at 5c1fc9d) for the tiny fixture: seed 424242, at question 2, both answered.
    const saved = '1|9g5m|rzro|1|0|2||93ci|1|remittances~10|5~7|gnavt';
    const decoded = decodeState(saved, tiny);
    expect(decoded.problems).toEqual([]);
    expect(decoded.state.attempt).toEqual({
      seed: 424242,
      current: 1,
      submitted: false,
      answers: [['remittances'], ['b', 'a']],
      seconds: [5, 7],
    });
  });

  it('sets aside an unfinished attempt when a rule, or a level its rule depends on, changes; not for other levels', () => {
    const saved = encodeState({ ...emptyState(), attempt: { seed: 5, current: 0, submitted: false, answers: [], seconds: [] } }, tiny).text;
    const ruled = withRule(tiny, { level: 'apply', count: 1 });
    expect(decodeState(saved, ruled)).toMatchObject({ problems: ['bankChanged'], lostAttempt: true });
    const savedRuled = encodeState(decodeState(saved, tiny).state, ruled).text;
    expect(decodeState(savedRuled, ruled).problems).toEqual([]);
    expect(decodeState(savedRuled, withRule(tiny, { level: 'apply', count: 2 })).problems).toEqual(['bankChanged']);
    const relevel = (course: RuntimeCourseData, id: string): RuntimeCourseData => ({
      ...course,
      questions: { ...course.questions, [id]: { ...course.questions[id]!, level: 'analyse' } },
    });
    // q75-order is in the ruled paragraph (75); q74-word is not.
    expect(decodeState(savedRuled, relevel(ruled, 'q75-order')).problems).toEqual(['bankChanged']);
    expect(decodeState(savedRuled, relevel(ruled, 'q74-word')).problems).toEqual([]);
    expect(decodeState(saved, relevel(tiny, 'q75-order')).problems).toEqual([]);
  });
});

const correctness = (course: RuntimeCourseData, state: LearnerState) =>
  drawAttempt(course, state.attempt!.seed).map((d, i) => isCorrect(course.questions[d.id]!, state.attempt!.answers[i]));

describe('within SCORM 1.2 suspend_data (4096 characters)', () => {
  let sample: RuntimeCourseData;
  beforeAll(async () => {
    sample = await runtimeCourse('sample');
  });

  it('fits the sample module worst case with nothing left out', () => {
    // The draw with the largest encoding among many seeds (most typed and matching answers).
    let longest = { length: 0, seed: 0 };
    for (let seed = 1; seed <= 3000; seed++) {
      const { text } = encodeState(worstState(sample, seed, false), sample, Infinity);
      if (text.length > longest.length) longest = { length: text.length, seed };
    }
    const fillIns = drawAttempt(sample, longest.seed).filter((d) => sample.questions[d.id]!.type === 'fillIn').length;
    expect(fillIns).toBe(1); // the bank's one fill-in question (paragraph 74): the most a draw can hold
    for (const submitted of [false, true]) {
      const state = worstState(sample, longest.seed, submitted);
      const encoded = encodeState(state, sample, SCORM12_SUSPEND_LIMIT);
      expect(encoded.loss).toBe(0);
      expect(encoded.text.length).toBeLessThanOrEqual(SCORM12_SUSPEND_LIMIT);
      expect(decodeState(encoded.text, sample).state).toEqual(state);
    }
    expect(longest.length).toBeLessThan(3400);
  });

  it('fits a 200-question bank drawn in full, shortening only wrong typed answers and saying so', () => {
    const big = bigBankCourse(200);
    const state = worstState(big, 42, false);
    expect(encodeState(state, big, Infinity).text.length).toBeGreaterThan(20_000);
    const encoded = encodeState(state, big, SCORM12_SUSPEND_LIMIT);
    expect(encoded.text.length).toBeLessThanOrEqual(SCORM12_SUSPEND_LIMIT);
    expect(encoded.loss).toBe(3);
    const decoded = decodeState(encoded.text, big).state;
    const drawn = drawAttempt(big, 42);
    drawn.forEach((d, i) => {
      const question = big.questions[d.id]!;
      const answer = decoded.attempt!.answers[i]!;
      if (question.type === 'fillIn') {
        expect(answer[0]!.endsWith(SHORTENED)).toBe(true);
        expect(state.attempt!.answers[i]![0]!.startsWith(answer[0]!.slice(0, -1))).toBe(true);
      } else {
        expect(answer).toEqual(state.attempt!.answers[i]);
      }
    });
    // The score the learner would get is unchanged.
    expect(correctness(big, decoded)).toEqual(correctness(big, state));
    expect(decoded).toMatchObject({ viewed: state.viewed, attemptsUsed: state.attemptsUsed, score: state.score });
    expect(decoded.attempt).toMatchObject({ seed: 42, current: 199, submitted: false });
  });

  it('keeps right typed answers right when they have to be stored as the accepted answer', () => {
    const big = bigBankCourse(200);
    const state = worstState(big, 7, true, `${'X'.repeat(200)} `);
    const encoded = encodeState(state, big, SCORM12_SUSPEND_LIMIT);
    expect(encoded.text.length).toBeLessThanOrEqual(SCORM12_SUSPEND_LIMIT);
    expect(encoded.loss).toBe(2);
    const decoded = decodeState(encoded.text, big).state;
    expect(correctness(big, decoded)).toEqual(correctness(big, state));
    expect(correctness(big, decoded).filter(Boolean).length).toBeGreaterThan(30);
  });

  it('says so when even that cannot fit, and still stays within the limit', () => {
    const huge = bigBankCourse(2400, 4);
    const inProgress = encodeState(worstState(huge, 1, false), huge, SCORM12_SUSPEND_LIMIT);
    expect(inProgress.loss).toBe(5);
    expect(inProgress.text.length).toBeLessThanOrEqual(SCORM12_SUSPEND_LIMIT);
    const decoded = decodeState(inProgress.text, huge).state;
    expect(decoded.attempt).toMatchObject({ seed: 1, current: 2399, submitted: false });
    const submitted = encodeState(worstState(huge, 1, true), huge, SCORM12_SUSPEND_LIMIT);
    expect(submitted.loss).toBe(4);
    expect(decodeState(submitted.text, huge).state).toMatchObject({ passed: true, score: 66.67, attemptsUsed: 1225, attempt: undefined });
  });
});
