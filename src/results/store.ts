/**
 * Normalised responses: every attempt a reader found, mapped onto the module's questions and
 * options, kept compactly (flat arrays of numbers; each distinct response stored once per
 * question) so that 100,000 attempts fit in a few tens of megabytes. Duplicates, unknown
 * interaction ids and unreadable responses are counted here, never silently dropped.
 */
import type { ScormVersion } from '../shared/interaction-patterns.js';
import type { Problems } from './problems.js';
import {
  decodeResponse,
  isRight,
  isScenarioInteraction,
  matchInteraction,
  rightAnswerText,
  type ModuleQuestions,
  type QuestionInfo,
} from './questions.js';
import type { RawAttempt, RawInteraction, RecordPlace } from './records.js';
import { placeName, quoted } from './problems.js';

export interface LearnerEntry {
  /** The identity the sources gave (an e-mail, a user id, a name, a browser's id): never printed without --names. */
  key: string;
  name: string | undefined;
  email: string | undefined;
  /** Attempt indexes, in the order the learner took them once sorted. */
  attempts: number[];
}

export interface AttemptEntry {
  learner: number;
  lmsAttempt: number;
  /** coursekit's attempt number (from the interaction ids), 0 when the source has none. */
  attempt: number;
  /** Reading order, the last tie-break. */
  sequence: number;
  /** Responses [start, end) in the flat arrays; empty for a score-only attempt. */
  start: number;
  end: number;
  /** Correct answers, and the questions the attempt drew (unanswered ones count as wrong, as in the course). */
  correct: number;
  total: number;
  /** 0-100: computed from the responses, or as the LMS recorded it for a score-only attempt. */
  score: number;
  passed: boolean;
  scoreOnly: boolean;
}

/** Per question: each distinct response once, with its decoded option ids. */
export interface ResponseTable {
  codes: Map<string, number>;
  values: string[][];
}

interface Answer {
  found: Resolved;
  interaction: RawInteraction;
}

export interface FileCounts {
  interactions: number;
  matched: number;
  unknownIds: Map<string, number>;
  /** Runs through the module's scenarios: recognised, never scored, left out of the figures. */
  scenarios: number;
}

const UNREADABLE = -1;
/** Distinct interaction ids and responses remembered, so each is decoded once. */
const CACHE_LIMIT = 50_000;

type Resolved = { question: QuestionInfo; version: ScormVersion | 'ids'; attempt: number };
type Decoded = { code: number; computed: boolean | undefined };

/**
 * A copy of a string that does not keep the text it was cut from alive: V8 makes a short
 * slice of a long string point into it, so a learner's e-mail cut from a 1 MB piece of the
 * export would otherwise keep the whole piece in memory for the rest of the run.
 */
function ownCopy(text: string): string {
  return ` ${text}`.slice(1);
}

export class ResponseStore {
  readonly learners: LearnerEntry[] = [];
  readonly attempts: AttemptEntry[] = [];
  /** Flat, one entry per response: question index, 1 if right, response code (-1 unreadable). */
  readonly question: number[] = [];
  readonly right: number[] = [];
  readonly code: number[] = [];
  readonly tables: ResponseTable[];
  readonly unknown = new Map<string, number>();
  /** Learners a source lists without any attempt (Moodle's "Not attempted"). */
  private readonly listedOnly = new Set<number>();
  private readonly learnerIndex = new Map<string, number>();
  private readonly seen = new Map<string, RecordPlace>();
  private readonly scoreOnly = new Map<string, number>();
  private readonly resolved = new Map<string, Resolved | null>();
  private readonly decoded: Map<string, Decoded>[];
  private readonly rightAnswers = new Map<string, string>();

  constructor(
    private readonly questions: ModuleQuestions,
    private readonly problems: Problems,
  ) {
    this.tables = questions.list.map(() => ({ codes: new Map(), values: [] }));
    this.decoded = questions.list.map(() => new Map());
  }

  /** Adds what one record of an export says, counting its interactions (and those that matched) into `counts`. */
  add(raw: RawAttempt, counts: FileCounts): void {
    const learner = this.learnerOf(raw);
    if (!raw.attempted) {
      this.listedOnly.add(learner);
      return;
    }
    const byAttempt = new Map<number, Answer[]>();
    let scenarios = 0;
    for (const interaction of raw.interactions) {
      counts.interactions++;
      const found = this.resolve(raw, interaction);
      if (!found && raw.notation !== 'ids' && isScenarioInteraction(this.questions, interaction.id)) {
        scenarios++;
        continue;
      }
      if (!found) {
        const id = this.unknown.has(interaction.id) ? interaction.id : ownCopy(interaction.id);
        counts.unknownIds.set(id, (counts.unknownIds.get(id) ?? 0) + 1);
        this.unknown.set(id, (this.unknown.get(id) ?? 0) + 1);
        continue;
      }
      counts.matched++;
      const list = byAttempt.get(found.attempt) ?? [];
      list.push({ found, interaction });
      byAttempt.set(found.attempt, list);
    }
    counts.scenarios += scenarios;
    const lmsAttempt = raw.lmsAttempt ?? 0;
    if (byAttempt.size === 0) {
      // Scores without interactions: a Basic report, or an Interactions report of a SCORM 2004 package.
      const answered = raw.interactions.length - scenarios;
      if (raw.score !== undefined && answered === 0) this.addScoreOnly(raw, learner, lmsAttempt);
      else if (answered === 0) this.listedOnly.add(learner);
      return;
    }
    for (const attempt of [...byAttempt.keys()].sort((a, b) => a - b)) {
      const identity = `${learner}\u0000${lmsAttempt}\u0000${attempt}`;
      const earlier = this.seen.get(identity);
      if (earlier) {
        this.problems.tally(
          'results-duplicate',
          raw.place,
          ['duplicated attempt skipped', 'duplicated attempts skipped'],
          `the same learner's attempt was already read from ${earlier.file}${earlier.row ? ` ${placeName(earlier)}` : ''}.`,
        );
        continue;
      }
      this.seen.set(identity, raw.place);
      this.addAttempt(raw, learner, lmsAttempt, attempt, byAttempt.get(attempt)!);
    }
  }

  /** Learners with at least one attempt, and those listed without any. */
  notAttempted(): number {
    let n = 0;
    for (const learner of this.listedOnly) if (this.learners[learner]!.attempts.length === 0) n++;
    return n;
  }

  /** Puts each learner's attempts in the order taken: LMS attempt, then coursekit attempt, then reading order. */
  finish(): void {
    // A score-only attempt is dropped when the same LMS attempt came with its interactions too.
    const withInteractions = new Set(this.attempts.filter((a) => !a.scoreOnly).map((a) => `${a.learner}\u0000${a.lmsAttempt}`));
    const kept = new Set(
      this.attempts
        .map((a, i) => (a.scoreOnly && withInteractions.has(`${a.learner}\u0000${a.lmsAttempt}`) ? -1 : i))
        .filter((i) => i >= 0),
    );
    for (const learner of this.learners) {
      learner.attempts = learner.attempts
        .filter((i) => kept.has(i))
        .sort((x, y) => {
          const a = this.attempts[x]!;
          const b = this.attempts[y]!;
          return a.lmsAttempt - b.lmsAttempt || a.attempt - b.attempt || a.sequence - b.sequence;
        });
    }
  }

  /** Attempts kept after finish(). */
  keptAttempts(): number[] {
    return this.learners.flatMap((l) => l.attempts);
  }

  private learnerOf(raw: RawAttempt): number {
    const { key, name, email } = raw.learner;
    let index = this.learnerIndex.get(key);
    if (index === undefined) {
      index = this.learners.length;
      this.learners.push({
        key: ownCopy(key),
        name: name === undefined ? undefined : ownCopy(name),
        email: email === undefined ? undefined : ownCopy(email),
        attempts: [],
      });
      this.learnerIndex.set(this.learners[index]!.key, index);
    }
    return index;
  }

  private resolve(raw: RawAttempt, interaction: RawInteraction): Resolved | undefined {
    if (raw.notation === 'ids') {
      const question = this.questions.byId.get(interaction.id);
      return question && { question, version: 'ids', attempt: raw.attempt ?? 0 };
    }
    let found = this.resolved.get(interaction.id);
    if (found === undefined) {
      found = matchInteraction(this.questions, interaction.id) ?? null;
      if (this.resolved.size < CACHE_LIMIT) this.resolved.set(ownCopy(interaction.id), found);
    }
    return found ?? undefined;
  }

  /** The response as option ids (its code in the question's table) and whether the module's key finds it right; once per distinct response. */
  private decode(question: QuestionInfo, version: ScormVersion | 'ids', response: string | string[] | null): Decoded {
    // A verdict alone (a paper sheet's 1 or 0) counts for the question's difficulty, not its options.
    if (response === null) return { code: UNREADABLE, computed: undefined };
    const cache = this.decoded[question.index]!;
    const key = `${version}\u0000${Array.isArray(response) ? response.join('\u0001') : response}`;
    let decoded = cache.get(key);
    if (!decoded) {
      const ids = decodeResponse(question, response, version);
      decoded = ids ? { code: this.codeOf(question, ids), computed: isRight(question, ids) } : { code: UNREADABLE, computed: undefined };
      if (cache.size < CACHE_LIMIT) cache.set(ownCopy(key), decoded);
    }
    return decoded;
  }

  private rightAnswerOf(question: QuestionInfo, version: ScormVersion): string {
    const key = `${version}:${question.index}`;
    let text = this.rightAnswers.get(key);
    if (text === undefined) {
      text = rightAnswerText(question, version);
      this.rightAnswers.set(key, text);
    }
    return text;
  }

  private addScoreOnly(raw: RawAttempt, learner: number, lmsAttempt: number): void {
    const identity = `${learner}\u0000${lmsAttempt}`;
    if (this.scoreOnly.has(identity)) {
      this.problems.tally(
        'results-duplicate',
        raw.place,
        ['duplicated attempt skipped', 'duplicated attempts skipped'],
        `the same learner's attempt and score were already read.`,
      );
      return;
    }
    this.scoreOnly.set(identity, this.attempts.length);
    const score = raw.score!;
    this.pushAttempt(learner, {
      learner,
      lmsAttempt,
      attempt: 0,
      sequence: this.attempts.length,
      start: this.question.length,
      end: this.question.length,
      correct: 0,
      total: 0,
      score,
      passed: score >= this.questions.passMark,
      scoreOnly: true,
    });
  }

  private addAttempt(raw: RawAttempt, learner: number, lmsAttempt: number, attempt: number, answers: Answer[]): void {
    const start = this.question.length;
    let correct = 0;
    const answered = new Set<number>();
    for (const { found, interaction } of answers) {
      const { question, version } = found;
      if (answered.has(question.index)) {
        this.problems.tally(
          'results-duplicate',
          raw.place,
          ['repeated answer skipped', 'repeated answers skipped'],
          `the attempt answers ${question.id} more than once; the first answer counts.`,
        );
        continue;
      }
      answered.add(question.index);
      const { code, computed } = this.decode(question, version, interaction.response);
      if (code === UNREADABLE && interaction.response !== null) {
        const shown = Array.isArray(interaction.response)
          ? quoted(JSON.stringify(interaction.response))
          : `"${quoted(interaction.response)}"`;
        this.problems.tally(
          'results-response-unreadable',
          raw.place,
          ['response not understood', 'responses not understood'],
          `${shown} is not a response question ${question.id} can have; it counts for the question's difficulty but not for its options.`,
        );
      }
      const recorded = verdict(interaction.result);
      if (recorded !== undefined && computed !== undefined && recorded !== computed) {
        this.problems.tally(
          'results-result-mismatch',
          raw.place,
          ['response judged differently', 'responses judged differently'],
          `the source marks the answer to ${question.id} ${recorded ? 'right' : 'wrong'}, this module's key ${computed ? 'right' : 'wrong'}. The export may come from another version of the module; the source's verdict is used.`,
        );
      } else if (
        version !== 'ids' &&
        interaction.rightAnswer !== undefined &&
        interaction.rightAnswer !== '' &&
        interaction.rightAnswer !== this.rightAnswerOf(question, version)
      ) {
        this.problems.tally(
          'results-result-mismatch',
          raw.place,
          ['right answer differs from the module', 'right answers differ from the module'],
          `the source records "${quoted(interaction.rightAnswer)}" as the right answer to ${question.id}; this module's is "${quoted(this.rightAnswerOf(question, version))}". The export may come from another version of the module.`,
        );
      }
      const isRightAnswer = recorded ?? computed ?? false;
      if (isRightAnswer) correct++;
      this.question.push(question.index);
      this.right.push(isRightAnswer ? 1 : 0);
      this.code.push(code);
    }
    const total = Math.max(this.questions.questionsPerAttempt, answered.size);
    this.pushAttempt(learner, {
      learner,
      lmsAttempt,
      attempt,
      sequence: this.attempts.length,
      start,
      end: this.question.length,
      correct,
      total,
      score: Math.round((correct * 10000) / total) / 100,
      // Exact fractions, as the course decides: a rounded percentage must not turn a fail into a pass.
      passed: correct * 100 >= this.questions.passMark * total,
      scoreOnly: false,
    });
  }

  private pushAttempt(learner: number, entry: AttemptEntry): void {
    this.learners[learner]!.attempts.push(this.attempts.length);
    this.attempts.push(entry);
  }

  private codeOf(question: QuestionInfo, response: string[]): number {
    // The options of a multiple-response answer are a set: one spelling for each set.
    const canonical =
      question.type === 'multiple'
        ? [...response].sort((a, b) => question.runtime.ids.indexOf(a) - question.runtime.ids.indexOf(b))
        : response;
    const table = this.tables[question.index]!;
    const key = canonical.join('\u0000');
    let code = table.codes.get(key);
    if (code === undefined) {
      code = table.values.length;
      table.codes.set(key, code);
      table.values.push(canonical);
    }
    return code;
  }
}

/** A recorded result: true, false, or undefined when the source gives none we can trust. */
function verdict(result: RawInteraction['result']): boolean | undefined {
  if (typeof result === 'boolean') return result;
  // The spellings coursekit's packages write, before any clean-up.
  if (result === 'correct') return true;
  if (result === 'wrong' || result === 'incorrect') return false;
  const value = result?.trim().toLowerCase();
  if (value === 'correct') return true;
  if (value === 'wrong' || value === 'incorrect') return false;
  return undefined;
}
