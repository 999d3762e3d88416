/**
 * The JSON inputs as docs/results.md documents them: CMI dumps in the spellings LMSs store
 * (1.2 and 2004 element names, Moodle's cmi.interactions_N), and coursekit results files of
 * the wrong module, version or format version.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ResultsDocument } from '../../src/results/report.js';
import { runResults, scratchDir, type Scratch } from '../helpers/results.js';

let scratch: Scratch;
beforeAll(async () => {
  scratch = await scratchDir();
});
afterAll(async () => {
  await scratch?.cleanup();
});

async function run(name: string, content: unknown) {
  await writeFile(path.join(scratch.dir, name), JSON.stringify(content));
  return runResults([name, '--json'], scratch.dir);
}

const download = (overrides: Record<string, unknown>) => ({
  format: 'coursekit-results',
  formatVersion: 1,
  module: { id: 'migration-human-rights', version: '1.0.0', title: 'x' },
  learner: 'abcdefgh12345678',
  attempt: 1,
  score: { percent: 100, correct: 1, total: 12, passed: false },
  questions: [{ id: 'q74-overshadow', source: 'A/58/275#74', response: ['false'], correct: true }],
  downloadedAt: '2026-11-28T16:03:00.000Z',
  ...overrides,
});

describe('CMI interaction dumps', () => {
  it('reads the element names of both SCORM versions, and the cmi.interactions_N spelling Moodle stores', async () => {
    const result = await run('dump.json', [
      {
        cmi: {
          'cmi.core.student_id': 'u1',
          'cmi.core.score.raw': '8.33',
          'cmi.interactions_0.id': 'q74_overshadow_1',
          'cmi.interactions_0.student_response': 'f',
          'cmi.interactions_0.result': 'correct',
        },
      },
      {
        cmi: {
          'cmi.learner_id': 'u2',
          'cmi.interactions.0.id': 'urn:coursekit:migration-human-rights:q74-overshadow:1',
          'cmi.interactions.0.learner_response': 'true',
          'cmi.interactions.0.result': 'incorrect',
        },
      },
      { learner: 'u3' },
    ]);
    expect(result.code).toBe(0);
    const document = JSON.parse(result.stdout) as ResultsDocument;
    expect(document).toMatchObject({ learners: 2, attempts: 2 });
    const question = document.questions.find((q) => q.id === 'q74-overshadow')!;
    expect(question).toMatchObject({ responses: 2, correct: 1 });
    expect(question.options.map((o) => [o.id, o.chosen])).toEqual([
      ['true', 1],
      ['false', 1],
    ]);
    expect(document.warnings.map((w) => [w.code, w.pointer, w.message])).toEqual([
      [
        'results-row-skipped',
        '/2',
        '1 learner record skipped (/2): a learner record must be an object with a "cmi" object of element names and values.',
      ],
    ]);
  });
});

describe('coursekit results files', () => {
  it.each([
    [
      'another module',
      { module: { id: 'other-course', version: '1.0.0' } },
      'results-wrong-module',
      'holds results of module `other-course`',
    ],
    [
      'another version of the module',
      { module: { id: 'migration-human-rights', version: '2.0.0' } },
      'results-wrong-module',
      'holds results of version 2.0.0 of `migration-human-rights`',
    ],
    ['a newer format', { formatVersion: 2 }, 'results-format-unknown', 'this coursekit reads version 1 (update coursekit)'],
  ])('skips a file made with %s, saying so', async (_case, overrides, code, text) => {
    const result = await run(`download-${code}-${String(_case).length}.json`, download(overrides));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(code);
    expect(result.stderr).toContain(text);
  });
});
