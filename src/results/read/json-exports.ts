/**
 * The JSON formats: the file the web package's "Download my results" saves, and a generic
 * dump of `cmi.interactions.n.*` values per learner (what other LMSs' exports reduce to).
 * Both are documented in docs/results.md.
 */
import { RESULTS_FILE_FORMAT, RESULTS_FILE_VERSION } from '../../shared/results-file.js';
import type { Problems } from '../problems.js';
import type { RawAttempt, RawInteraction } from '../records.js';

export type JsonReading =
  | { ok: true; format: 'coursekit-download'; module: { id: string; version: string }; attempts: RawAttempt[] }
  | { ok: true; format: 'cmi-dump'; attempts: RawAttempt[] }
  | { ok: false; description: string; pointer?: string };

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/** `fileKey`: stands in for the learner when a download names none (each file is then its own learner). */
export function readJsonExport(data: unknown, file: string, fileKey: string, problems: Problems): JsonReading {
  if (isObject(data) && data.format === RESULTS_FILE_FORMAT) return readDownload(data, file, fileKey);
  const learners = Array.isArray(data) ? data : isObject(data) ? data.learners : undefined;
  if (Array.isArray(learners)) return readCmiDump(learners, Array.isArray(data) ? '' : '/learners', file, problems);
  return { ok: false, description: 'JSON, but neither a coursekit results file nor a CMI interactions dump (an object with "learners")' };
}

function readDownload(data: Json, file: string, fileKey: string): JsonReading {
  const fail = (pointer: string, what: string): JsonReading => ({
    ok: false,
    description: `a coursekit results file whose ${what}`,
    pointer,
  });
  if (data.formatVersion !== RESULTS_FILE_VERSION)
    return fail(
      '/formatVersion',
      `format version is ${JSON.stringify(data.formatVersion)}, and this coursekit reads version ${RESULTS_FILE_VERSION} (update coursekit)`,
    );
  const module = data.module;
  if (!isObject(module) || typeof module.id !== 'string' || typeof module.version !== 'string')
    return fail('/module', '"module" lacks its id or version');
  if (!Array.isArray(data.questions)) return fail('/questions', '"questions" is not a list');
  const interactions: RawInteraction[] = [];
  for (const [i, q] of data.questions.entries()) {
    if (!isObject(q) || typeof q.id !== 'string') return fail(`/questions/${i}`, `question ${i + 1} has no id`);
    // An unanswered question (response null) counts in the score, not in the item figures.
    if (q.response === null || q.response === undefined) continue;
    interactions.push({
      id: q.id,
      response: Array.isArray(q.response) ? q.response.map(String) : String(q.response),
      result: typeof q.correct === 'boolean' ? q.correct : undefined,
    });
  }
  const attempt = typeof data.attempt === 'number' && Number.isInteger(data.attempt) && data.attempt > 0 ? data.attempt : 1;
  const learner = typeof data.learner === 'string' && data.learner.trim() !== '' ? data.learner.trim() : fileKey;
  return {
    ok: true,
    format: 'coursekit-download',
    module: { id: module.id, version: module.version },
    attempts: [
      {
        place: { file, pointer: '' },
        learner: { key: `download:${learner}` },
        lmsAttempt: undefined,
        attempt,
        score: isObject(data.score) && typeof data.score.percent === 'number' ? data.score.percent : undefined,
        attempted: true,
        notation: 'ids',
        interactions,
      },
    ],
  };
}

/** Element names of both SCORM versions, and the "cmi.interactions_0.id" spelling Moodle stores 1.2 under. */
const INTERACTION = /^cmi\.interactions[._](\d+)\.(id|student_response|learner_response|result)$/;

function readCmiDump(learners: unknown[], base: string, file: string, problems: Problems): JsonReading {
  const attempts: RawAttempt[] = [];
  for (const [i, record] of learners.entries()) {
    const pointer = `${base}/${i}`;
    const cmi = isObject(record) ? record.cmi : undefined;
    if (!isObject(record) || !isObject(cmi)) {
      problems.tally(
        'results-row-skipped',
        { file, pointer },
        ['learner record skipped', 'learner records skipped'],
        'a learner record must be an object with a "cmi" object of element names and values.',
      );
      continue;
    }
    const value = (name: string): string | undefined => {
      const v = cmi[name];
      return typeof v === 'string' || typeof v === 'number' ? String(v) : undefined;
    };
    const byIndex = new Map<number, { id?: string; response?: string; result?: string }>();
    for (const [name, raw] of Object.entries(cmi)) {
      const match = INTERACTION.exec(name);
      if (!match || (typeof raw !== 'string' && typeof raw !== 'number')) continue;
      const entry = byIndex.get(Number(match[1])) ?? {};
      const field = match[2]!;
      if (field === 'id') entry.id = String(raw);
      else if (field === 'result') entry.result = String(raw);
      else entry.response = String(raw);
      byIndex.set(Number(match[1]), entry);
    }
    const interactions: RawInteraction[] = [...byIndex.entries()]
      .sort(([a], [b]) => a - b)
      .filter(([, e]) => e.id !== undefined && e.id !== '')
      .map(([, e]) => ({ id: e.id!, response: e.response ?? '', result: e.result }));
    const name = stringField(record.name) ?? value('cmi.core.student_name') ?? value('cmi.learner_name');
    const key = stringField(record.learner) ?? value('cmi.core.student_id') ?? value('cmi.learner_id') ?? name;
    if (key === undefined) {
      problems.tally(
        'results-row-skipped',
        { file, pointer },
        ['learner record skipped', 'learner records skipped'],
        'the record names no learner ("learner", cmi.core.student_id or cmi.learner_id).',
      );
      continue;
    }
    const lmsAttempt =
      typeof record.attempt === 'number' && Number.isInteger(record.attempt) && record.attempt > 0 ? record.attempt : undefined;
    const scoreText = value('cmi.core.score.raw') ?? value('cmi.score.raw');
    const score = Number(scoreText);
    attempts.push({
      place: { file, pointer },
      learner: { key: `cmi:${key}`, ...(name === undefined ? {} : { name }) },
      lmsAttempt,
      score: scoreText !== undefined && scoreText !== '' && Number.isFinite(score) ? score : undefined,
      attempted: interactions.length > 0 || scoreText !== undefined,
      notation: 'scorm',
      interactions,
    });
  }
  return { ok: true, format: 'cmi-dump', attempts };
}

function stringField(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : typeof value === 'number' ? String(value) : undefined;
}
