/** cmi.interactions: ids, types, response patterns and limits, accepted by a real SCORM API (scorm-again). */
import { Scorm12API, Scorm2004API } from 'scorm-again';
import { describe, expect, it } from 'vitest';
import type { Question } from '../../src/runtime/course.js';
import { interactionFields, type InteractionInput } from '../../src/runtime/interactions.js';
import { interactionId, singleCharIds } from '../../src/shared/interaction-patterns.js';

const q = (type: Question['type'], ids: string[], correct: string[], prompt = 'Which one?'): Question => ({
  type,
  ids,
  correct,
  prompt,
  source: 'A/58/275#74',
  level: 'remember',
  bank: true,
});
const at = new Date(2024, 4, 1, 9, 30, 5);
const input = (question: Question, response: string[], correct: boolean): InteractionInput => ({
  moduleId: 'tiny-course',
  questionId: 'q74-over-shadow',
  attempt: 2,
  question,
  response,
  correct,
  latencyMs: 65_250,
  at,
  language: 'en',
});

describe('interaction ids', () => {
  it('derive from the question id and attempt: identifier-safe in 1.2, a URN in 2004', () => {
    expect(interactionId('scorm12', 'tiny-course', 'q74-over-shadow', 1)).toBe('q74_over_shadow_1');
    expect(interactionId('scorm2004', 'tiny-course', 'q74-over-shadow', 1)).toBe('urn:coursekit:tiny-course:q74-over-shadow:1');
  });

  it('map 1.2 choice identifiers to single characters when the option ids are longer', () => {
    expect(singleCharIds(['a', 'b', 'c'])).toEqual(['a', 'b', 'c']);
    expect(singleCharIds(['yes', 'no', 'maybe'])).toEqual(['a', 'b', 'c']);
  });
});

describe('interaction fields', () => {
  it('writes id, then type, then the rest (1.2)', () => {
    expect(interactionFields('scorm12', input(q('multiple', ['first', 'second', 'third'], ['first', 'third']), ['second'], false))).toEqual(
      [
        ['id', 'q74_over_shadow_2'],
        ['type', 'choice'],
        ['correct_responses.0.pattern', 'a,c'],
        ['student_response', 'b'],
        ['result', 'wrong'],
        ['latency', '0000:01:05.25'],
        ['time', '09:30:05'],
        ['weighting', '1'],
      ],
    );
  });

  it('writes id, then type, then the rest, with a description (2004)', () => {
    expect(
      interactionFields('scorm2004', input(q('multiple', ['first', 'second', 'third'], ['first', 'third']), ['second'], false)),
    ).toEqual([
      ['id', 'urn:coursekit:tiny-course:q74-over-shadow:2'],
      ['type', 'choice'],
      ['description', '{lang=en}Which one?'],
      ['correct_responses.0.pattern', 'first[,]third'],
      ['learner_response', 'second'],
      ['result', 'incorrect'],
      ['latency', 'PT1M5.25S'],
      ['timestamp', '2024-05-01T09:30:05'],
      ['weighting', '1'],
    ]);
  });

  const patterns = (version: 'scorm12' | 'scorm2004', question: Question, response: string[]) =>
    Object.fromEntries(interactionFields(version, input(question, response, true)).filter(([key]) => /type|pattern|response/.test(key)));

  it.each<[string, Question, string[], Record<string, string>, Record<string, string>]>([
    [
      'true-false',
      q('trueFalse', ['true', 'false'], ['false']),
      ['true'],
      { type: 'true-false', 'correct_responses.0.pattern': 'f', student_response: 't' },
      { type: 'true-false', 'correct_responses.0.pattern': 'false', learner_response: 'true' },
    ],
    [
      'single choice',
      q('single', ['a', 'b'], ['b']),
      ['b'],
      { type: 'choice', 'correct_responses.0.pattern': 'b', student_response: 'b' },
      { type: 'choice', 'correct_responses.0.pattern': 'b', learner_response: 'b' },
    ],
    [
      'matching',
      q('matching', ['a', 'b', 'c'], ['a', 'b', 'c']),
      ['b', '', 'c'],
      { type: 'matching', 'correct_responses.0.pattern': 'a.a,b.b,c.c', student_response: 'a.b,c.c' },
      { type: 'matching', 'correct_responses.0.pattern': 'a[.]a[,]b[.]b[,]c[.]c', learner_response: 'a[.]b[,]c[.]c' },
    ],
    [
      'ordering',
      q('ordering', ['a', 'b', 'c'], ['a', 'b', 'c']),
      ['c', 'a', 'b'],
      { type: 'sequencing', 'correct_responses.0.pattern': 'a,b,c', student_response: 'c,a,b' },
      { type: 'sequencing', 'correct_responses.0.pattern': 'a[,]b[,]c', learner_response: 'c[,]a[,]b' },
    ],
    [
      'fill-in',
      q('fillIn', [], ['remittances', 'remittance']),
      ['Remittances'],
      {
        type: 'fill-in',
        'correct_responses.0.pattern': 'remittances',
        'correct_responses.1.pattern': 'remittance',
        student_response: 'Remittances',
      },
      {
        type: 'fill-in',
        'correct_responses.0.pattern': '{case_matters=false}remittances',
        'correct_responses.1.pattern': '{case_matters=false}remittance',
        learner_response: 'Remittances',
      },
    ],
  ])('%s', (_, question, response, v12, v2004) => {
    expect(patterns('scorm12', question, response)).toEqual(v12);
    expect(patterns('scorm2004', question, response)).toEqual(v2004);
  });

  it('keeps typed answers and descriptions within the limits', () => {
    const long = 'x'.repeat(400);
    const fields12 = Object.fromEntries(interactionFields('scorm12', input(q('fillIn', [], [long]), [long], true)));
    expect(fields12.student_response).toHaveLength(255);
    expect(fields12['correct_responses.0.pattern']).toHaveLength(255);
    const fields2004 = Object.fromEntries(
      interactionFields('scorm2004', input(q('fillIn', [], [long], long), [`{odd} [,] ${long}`], true)),
    );
    expect(fields2004.learner_response).toHaveLength(250);
    expect(fields2004.learner_response!.startsWith('(odd}')).toBe(true);
    expect(fields2004.learner_response).not.toContain('[,]');
    expect(fields2004.description).toBe(`{lang=en}${'x'.repeat(250)}`);
  });
});

describe('a real SCORM API accepts every field', () => {
  const questions: [Question, string[]][] = [
    [q('trueFalse', ['true', 'false'], ['true']), ['false']],
    [q('single', ['a', 'b', 'c', 'd'], ['c']), ['a']],
    [q('multiple', ['option-one', 'option-two', 'option-three'], ['option-one', 'option-three']), ['option-two', 'option-three']],
    [q('matching', ['a', 'b', 'c', 'd', 'e'], ['a', 'b', 'c', 'd', 'e']), ['b', 'a', '', 'd', 'e']],
    [q('ordering', ['a', 'b', 'c', 'd', 'e', 'f'], ['a', 'b', 'c', 'd', 'e', 'f']), ['f', 'e', 'd', 'c', 'b', 'a']],
    [q('fillIn', [], ['feminization', 'feminisation']), ['Feminisation, I think: 100%']],
  ];

  it.each(['scorm12', 'scorm2004'] as const)('%s', (version) => {
    const settings = { autocommit: false, lmsCommitUrl: false as const, logLevel: 5 as const, mastery_override: false };
    const errors: string[] = [];
    if (version === 'scorm12') {
      const api = new Scorm12API(settings);
      api.lmsInitialize();
      questions.forEach(([question, response], n) => {
        for (const [element, value] of interactionFields(version, input(question, response, false))) {
          if (api.lmsSetValue(`cmi.interactions.${n}.${element}`, value) !== 'true')
            errors.push(`${element}=${value}: ${api.lmsGetLastError()}`);
        }
      });
      expect(api.lmsGetValue('cmi.interactions._count')).toBe(String(questions.length));
    } else {
      const api = new Scorm2004API(settings);
      api.Initialize('');
      questions.forEach(([question, response], n) => {
        for (const [element, value] of interactionFields(version, input(question, response, false))) {
          if (api.SetValue(`cmi.interactions.${n}.${element}`, value) !== 'true') errors.push(`${element}=${value}: ${api.GetLastError()}`);
        }
      });
      expect(api.GetValue('cmi.interactions._count')).toBe(String(questions.length));
      expect(api.GetValue('cmi.interactions.3.learner_response')).toBe('a[.]b[,]b[.]a[,]d[.]d[,]e[.]e');
    }
    expect(errors).toEqual([]);
  });
});
