/**
 * What the module knows and no LMS does: for every question, its paragraph, objective,
 * cognitive level and key; and how the package spelt its interaction ids and responses, so an
 * LMS export can be read back into question ids and option ids. The spelling comes from the
 * functions the runtime writes with (shared/interaction-patterns.ts), so the two cannot drift apart.
 */
import { type Citation, citationKey, citedUnit, type CourseModule, type Question } from '../model/course.js';
import type { RuntimeQuestion } from '../model/runtime-data.js';
import { toRuntimeQuestion } from '../render/view-model.js';
import { correctPatterns, interactionKey, singleCharIds, type ScormVersion } from '../shared/interaction-patterns.js';
import { isCorrect } from '../shared/scoring.js';
import { isWithinUnit } from '../shared/units.js';

export interface QuestionOption {
  id: string;
  text: string;
}

export interface QuestionInfo {
  /** Position in the bank: the index the analysis keys on. */
  index: number;
  id: string;
  /** The recommendation, a declared part: "document#paragraph" ("A/58/275#74", "UDHR#13"). */
  key: string;
  objective: string;
  /** The cognitive level as the module names it. */
  level: string;
  type: Question['type'];
  prompt: string;
  runtime: RuntimeQuestion;
  /** What a learner chooses from: options, true/false, the pairs' matches, the items; none for fill-in. */
  options: QuestionOption[];
}

export interface ModuleQuestions {
  moduleId: string;
  version: string;
  list: QuestionInfo[];
  byId: Map<string, QuestionInfo>;
  /** Interaction keys (see interactionKey) of both SCORM versions → question. */
  byInteractionKey: Map<string, { question: QuestionInfo; version: ScormVersion }>;
  /** Questions each attempt draws per recommendation. */
  drawn: Map<string, number>;
  questionsPerAttempt: number;
  passMark: number;
}

/** The declared part a citation falls in ("UDHR#14" for Article 14(1)), or the cited part itself when none does. */
export function recommendationKey(module: CourseModule, citation: Citation): string {
  const { id } = citedUnit(citation);
  const declared = module.sources.find((s) => s.document === citation.document)?.declared.find((part) => isWithinUnit(id, part));
  return declared === undefined ? citationKey(citation) : `${citation.document}#${declared}`;
}

/** `translatedIds`: ids of the module's translations, whose SCORM 2004 interaction ids name them instead. */
export function moduleQuestions(module: CourseModule, translatedIds: string[] = []): ModuleQuestions {
  const list = module.bank.map(
    (q, index): QuestionInfo => ({
      index,
      id: q.id,
      key: recommendationKey(module, q.source),
      objective: q.objective,
      level: q.level,
      type: q.type,
      prompt: q.prompt,
      runtime: toRuntimeQuestion(q, true),
      options: optionsOf(q),
    }),
  );
  const byInteractionKey = new Map<string, { question: QuestionInfo; version: ScormVersion }>();
  for (const question of list) {
    byInteractionKey.set(interactionKey('scorm12', module.id, question.id), { question, version: 'scorm12' });
    for (const id of [module.id, ...translatedIds])
      byInteractionKey.set(interactionKey('scorm2004', id, question.id), { question, version: 'scorm2004' });
  }
  const assessment = module.meta.assessment;
  const drawn = new Map((assessment?.draw ?? []).map((d) => [recommendationKey(module, d.source), d.count]));
  return {
    moduleId: module.id,
    version: module.meta.version,
    list,
    byId: new Map(list.map((q) => [q.id, q])),
    byInteractionKey,
    drawn,
    questionsPerAttempt: [...drawn.values()].reduce((a, b) => a + b, 0),
    passMark: assessment?.passMark ?? 0,
  };
}

function optionsOf(q: Question): QuestionOption[] {
  switch (q.type) {
    case 'single':
    case 'multiple':
      return q.options.map((o) => ({ id: o.id, text: o.text }));
    case 'trueFalse':
      return [
        { id: 'true', text: 'True' },
        { id: 'false', text: 'False' },
      ];
    case 'matching':
      return q.pairs.map((p) => ({ id: p.id, text: p.match }));
    case 'ordering':
      return q.items.map((i) => ({ id: i.id, text: i.text }));
    case 'fillIn':
      return [];
  }
}

/** An interaction id written by this module's package: its question and coursekit attempt number. */
export function matchInteraction(
  questions: ModuleQuestions,
  id: string,
): { question: QuestionInfo; version: ScormVersion; attempt: number } | undefined {
  const match = /^(.+)[_:](\d+)$/.exec(id);
  if (!match) return undefined;
  const found = questions.byInteractionKey.get(match[1]!);
  // The separator must be the one the version uses: "_" in 1.2, ":" in 2004.
  if (!found || id.charAt(match[1]!.length) !== (found.version === 'scorm12' ? '_' : ':')) return undefined;
  return { ...found, attempt: Number(match[2]) };
}

/**
 * A response as coursekit keeps it (runtime/ui/question.ts `responseOf`): option ids, "true" or
 * "false", the chosen match id for each pair in authored order ("" for none), item ids in the
 * learner's order, or the typed text. Undefined when the pattern cannot be this question's.
 */
export function decodeResponse(q: QuestionInfo, response: string | string[], notation: ScormVersion | 'ids'): string[] | undefined {
  const ids = q.runtime.ids;
  if (notation === 'ids')
    return Array.isArray(response) && response.every((r) => typeof r === 'string') && validIds(q, response) ? response : undefined;
  const text = Array.isArray(response) ? response.join(',') : response;
  const is12 = notation === 'scorm12';
  const chars = is12 ? singleCharIds(ids) : ids;
  const idOf = (short: string): string | undefined => ids[chars.indexOf(short.trim())];
  const list = (t: string) => (t === '' ? [] : t.split(is12 ? ',' : '[,]'));
  switch (q.type) {
    case 'trueFalse': {
      const value = text.trim().toLowerCase();
      if (value === 't' || value === 'true' || value === '1') return ['true'];
      if (value === 'f' || value === 'false' || value === '0') return ['false'];
      return undefined;
    }
    case 'single':
    case 'multiple':
    case 'ordering': {
      const picked = list(text).map(idOf);
      return picked.every((id) => id !== undefined) ? (picked as string[]) : undefined;
    }
    case 'matching': {
      const matched = ids.map(() => '');
      for (const pair of list(text)) {
        const [left, right] = pair.split(is12 ? '.' : '[.]');
        const at = left === undefined ? -1 : chars.indexOf(left.trim());
        const match = right === undefined ? undefined : idOf(right);
        if (at < 0 || match === undefined) return undefined;
        matched[at] = match;
      }
      return matched;
    }
    case 'fillIn':
      // A 2004 string may carry a language prefix ({lang=fr}); it is not part of the answer.
      return [is12 ? text : text.replace(/^\{lang=[^}]*\}/, '')];
  }
}

function validIds(q: QuestionInfo, response: string[]): boolean {
  if (q.type === 'fillIn') return response.length <= 1;
  if (q.type === 'matching') return response.every((id) => id === '' || q.runtime.ids.includes(id));
  return response.every((id) => q.runtime.ids.includes(id));
}

export function isRight(q: QuestionInfo, response: string[]): boolean {
  return isCorrect(q.runtime, response);
}

/** The right answer as the package reported it in SCORM 1.2, the way Moodle's "Right answer" column shows it. */
export function rightAnswerText(q: QuestionInfo, version: ScormVersion): string {
  return correctPatterns(version, q.runtime).join(',');
}

/** A response in words, for the report: option texts, pairs, the order, or the typed text. */
export function describeResponse(q: QuestionInfo, response: string[]): string {
  const text = (id: string) => q.options.find((o) => o.id === id)?.text ?? id;
  switch (q.type) {
    case 'single':
    case 'multiple':
    case 'trueFalse':
      return response.map(text).join('; ');
    case 'ordering':
      return response.map(text).join(' → ');
    case 'matching':
      return response.map((id, i) => `${i + 1} → ${id === '' ? '(none)' : text(id)}`).join('; ');
    case 'fillIn':
      return `“${response[0] ?? ''}”`;
  }
}
