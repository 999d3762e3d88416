/**
 * The suspend_data encoding: compact, versioned, checked. SCORM 1.2 allows 4096 characters
 * and many LMSs cut longer values silently, so the encoder always returns a text within the
 * limit it is given, giving up detail step by step and saying how much (`loss`):
 *
 *   0  everything
 *   1  time spent per question left out (only the interactions' latency is affected)
 *   2  correct typed answers kept as the accepted answer they match
 *   3  wrong typed answers shortened (marked with "…"; they stay wrong)
 *   4  the review of the last submitted attempt left out (its score is kept)
 *   5  the answers of the attempt in progress left out
 *
 * Format 2, fields separated by "|":
 *   2 | pages fingerprint | bank fingerprint | viewed pages (hex bitset) | attempts used |
 *   flags (1 passed, 2 attempt present, 4 attempt submitted) | score × 100 | seed |
 *   current question | answers ("~"-separated) | seconds ("~"-separated) | extensions | checksum
 * Extensions are named values ("b:2s;s:…", see EXTENSIONS), so the state can grow without a new
 * format: a reader skips names it does not know. Format 1 (no extensions field) is still read,
 * so learners keep their progress when a course is republished with a newer coursekit.
 * Numbers are base 36. An answer refers to options by their authored position, one base-36
 * character each: single/true-false the chosen one, multiple a bitmask, matching one
 * character per pair ("_" for none), ordering the sequence; typed text is escaped ("%XX" for
 * % | ~ and a leading = or !), "=n" is accepted answer n, "!text" a shortened wrong answer.
 */
import type { Course, Question, Response } from './course.js';
import { drawAttempt } from '../shared/draw.js';
import { hash } from '../shared/random.js';
import { isCorrect, normalizeText } from '../shared/scoring.js';
import { emptyState, type Attempt, type LearnerState } from './state.js';

export const CODEC_VERSION = '2';
/** The format before extensions: read, never written. */
const FORMAT_1 = '1';
export const SCORM12_SUSPEND_LIMIT = 4096;
export const SCORM2004_SUSPEND_LIMIT = 64000;
/** The text of a wrong answer that had to be shortened ends with this. */
export const SHORTENED = '…';

export interface Encoded {
  text: string;
  loss: number;
}

export type DecodeProblem = 'version' | 'damaged' | 'pagesChanged' | 'bankChanged';

export interface Decoded {
  state: LearnerState;
  problems: DecodeProblem[];
  /** An attempt in progress could not be restored because the assessment changed. */
  lostAttempt: boolean;
}

const b36 = (n: number) => n.toString(36);
const int36 = (text: string | undefined) => (text ? parseInt(text, 36) : NaN);

export function pagesFingerprint(course: Course): string {
  return short(hash(course.pages.map((p) => p.id).join(' ')));
}

/**
 * Everything the draw depends on. Levels and draw rules count only where a rule is set, so an
 * attempt saved before rules existed still resumes when none was added.
 */
export function bankFingerprint(course: Course): string {
  const a = course.assessment;
  if (!a) return '0';
  const rule = (d: (typeof a.draw)[number]) => (d.minAtOrAbove ? `:${d.minAtOrAbove.level}>=${d.minAtOrAbove.count}` : '');
  const ruled = new Set(a.draw.filter((d) => d.minAtOrAbove).map((d) => d.key));
  const parts = [a.draw.map((d) => `${d.key}:${d.count}${rule(d)}`).join(','), String(a.shuffleQuestions), String(a.shuffleOptions)];
  for (const id of Object.keys(course.questions)) {
    const q = course.questions[id]!;
    if (q.bank) parts.push(`${id}:${q.type}:${q.source}:${q.ids.join(',')}${ruled.has(q.source) ? `:${q.level}` : ''}`);
  }
  return short(hash(parts.join(' ')));
}

function short(n: number): string {
  return b36(n % 36 ** 4).padStart(4, '0');
}

export function encodeState(state: LearnerState, course: Course, limit = Infinity): Encoded {
  let best = '';
  for (let loss = 0; loss <= 5; loss++) {
    if (loss === 3) {
      // Shorten wrong typed answers as little as possible: the longest length that fits.
      let low = 0;
      let high = 250;
      let fitting: string | undefined;
      while (low <= high) {
        const mid = (low + high) >> 1;
        const text = build(state, course, loss, mid);
        if (text.length <= limit) {
          fitting = text;
          low = mid + 1;
        } else high = mid - 1;
      }
      if (fitting !== undefined) return { text: fitting, loss };
      continue;
    }
    best = build(state, course, loss, 0);
    if (best.length <= limit) return { text: best, loss };
  }
  return { text: best, loss: 5 };
}

function build(state: LearnerState, course: Course, loss: number, textBudget: number): string {
  let attempt = state.attempt;
  if (attempt?.submitted && loss >= 4) attempt = undefined;
  const drawn = attempt ? drawAttempt(course, attempt.seed) : [];
  const answers =
    attempt && loss < 5 ? drawn.map((d, i) => encodeResponse(course.questions[d.id]!, attempt.answers[i], loss, textBudget)) : [];
  const seconds = attempt && loss < 1 ? drawn.map((_, i) => b36(Math.round(attempt.seconds[i] ?? 0))) : [];
  const flags = (state.passed ? 1 : 0) | (attempt ? 2 : 0) | (attempt?.submitted ? 4 : 0);
  const fields = [
    CODEC_VERSION,
    pagesFingerprint(course),
    bankFingerprint(course),
    viewedBits(state.viewed, course),
    b36(state.attemptsUsed),
    b36(flags),
    state.score === undefined ? '' : b36(Math.round(state.score * 100)),
    attempt ? b36(attempt.seed) : '',
    attempt ? b36(attempt.current) : '',
    answers.join('~').replace(/~+$/, ''),
    seconds.join('~').replace(/(~0)+$/, ''),
    writeExtensions(state),
  ];
  const body = fields.join('|');
  return `${body}|${checksum(body)}`;
}

interface Extension {
  /** A short name, unique among the extensions; never reused for another meaning. */
  name: string;
  /** The value to keep, or undefined when there is nothing to add to the other fields. */
  write(state: LearnerState): string | undefined;
  /** Reads the value back into the state; false when it is damaged. */
  read(text: string, state: LearnerState): boolean;
}

const EXTENSIONS: Extension[] = [
  {
    // The best score × 100, when it is not the last one (field 7) already.
    name: 'b',
    write: (state) =>
      state.bestScore === undefined || state.bestScore === state.score ? undefined : b36(Math.round(state.bestScore * 100)),
    read: (text, state) => {
      const score = int36(text);
      state.bestScore = score / 100;
      return score >= 0 && score <= 10000;
    },
  },
  {
    // The seed of the learner's knowledge-check option order.
    name: 'k',
    write: (state) => (state.practiceSeed === undefined ? undefined : b36(state.practiceSeed)),
    read: (text, state) => {
      state.practiceSeed = int36(text);
      return state.practiceSeed >= 0 && state.practiceSeed <= 0x7fffffff;
    },
  },
  {
    // Scenario blocks: "<id>=<choice>.<choice>…*<runs>" for each, ","-separated; runs when not 0.
    name: 's',
    write: (state) => {
      const parts = Object.keys(state.scenarios).flatMap((id) => {
        const { path, runs } = state.scenarios[id]!;
        return path.length || runs ? [`${id}=${path.join('.')}${runs ? `*${b36(runs)}` : ''}`] : [];
      });
      return parts.length ? parts.join(',') : undefined;
    },
    read: (text, state) =>
      text.split(',').every((part) => {
        const found = /^([a-z0-9][a-z0-9-]{0,63})=((?:[a-z][a-z0-9-]{0,15}(?:\.|(?=\*|$)))*)(?:\*([0-9a-z]{1,6}))?$/.exec(part);
        if (!found) return false;
        state.scenarios[found[1]!] = { path: found[2] ? found[2].split('.') : [], runs: found[3] ? int36(found[3]) : 0 };
        return true;
      }),
  },
];

function writeExtensions(state: LearnerState): string {
  const parts: string[] = [];
  for (const extension of EXTENSIONS) {
    const value = extension.write(state);
    if (value !== undefined) parts.push(`${extension.name}:${escapeText(value, /[%|~;:]/g)}`);
  }
  return parts.join(';');
}

function readExtensions(text: string, state: LearnerState): boolean {
  for (const part of text ? text.split(';') : []) {
    const colon = part.indexOf(':');
    if (colon < 1) return false;
    const extension = EXTENSIONS.find((e) => e.name === part.slice(0, colon));
    if (extension && !extension.read(unescapeText(part.slice(colon + 1)), state)) return false;
  }
  return true;
}

function checksum(body: string): string {
  return b36(hash(body) % 36 ** 5);
}

function viewedBits(viewed: string[], course: Course): string {
  let hex = '';
  for (let i = 0; i < course.pages.length; i += 4) {
    let nibble = 0;
    for (let bit = 0; bit < 4; bit++) {
      const page = course.pages[i + bit];
      if (page && viewed.includes(page.id)) nibble |= 1 << bit;
    }
    hex += nibble.toString(16);
  }
  return hex.replace(/0+$/, '');
}

export function encodeResponse(question: Question, response: Response | undefined, loss = 0, textBudget = 0): string {
  if (!response?.some((part) => part !== '')) return '';
  const index = (id: string | undefined) => question.ids.indexOf(id ?? '');
  switch (question.type) {
    case 'single':
    case 'trueFalse':
      return b36(index(response[0]));
    case 'multiple':
      return b36(response.reduce((mask, id) => mask | (1 << index(id)), 0));
    case 'matching':
      return question.ids.map((_, i) => (response[i] ? b36(index(response[i])) : '_')).join('');
    case 'ordering':
      return response.map((id) => b36(index(id))).join('');
    case 'fillIn': {
      const text = response[0] ?? '';
      if (loss >= 2 && isCorrect(question, response)) {
        return `=${question.correct.findIndex((accepted) => normalizeText(accepted) === normalizeText(text))}`;
      }
      if (loss >= 3) return `!${escapeText(Array.from(text).slice(0, textBudget).join(''))}`;
      return escapeText(text).replace(/^[=!]/, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
    }
  }
}

function escapeText(text: string, special = /[%|~]/g): string {
  return text.replace(special, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

function unescapeText(text: string): string {
  return text.replace(/%([0-9A-F]{2})/g, (_, code: string) => String.fromCharCode(parseInt(code, 16)));
}

/** undefined: no answer; null: the text does not fit the question (damaged data). */
export function decodeResponse(question: Question, text: string): Response | undefined | null {
  if (text === '') return undefined;
  const count = question.ids.length;
  const id = (c: string) => {
    const n = int36(c);
    return n >= 0 && n < count ? question.ids[n]! : null;
  };
  switch (question.type) {
    case 'single':
    case 'trueFalse': {
      const one = text.length === 1 ? id(text) : null;
      return one === null ? null : [one];
    }
    case 'multiple': {
      const mask = int36(text);
      if (!(mask > 0 && mask < 1 << count)) return null;
      return question.ids.filter((_, i) => mask & (1 << i));
    }
    case 'matching': {
      if (text.length !== count) return null;
      const picks = Array.from(text, (c) => (c === '_' ? '' : id(c)));
      return picks.includes(null) ? null : (picks as string[]);
    }
    case 'ordering': {
      const items = Array.from(text, id);
      return items.length !== count || items.includes(null) || new Set(items).size !== count ? null : (items as string[]);
    }
    case 'fillIn': {
      if (text[0] === '=') {
        const accepted = question.correct[int36(text.slice(1))];
        return accepted === undefined ? null : [accepted];
      }
      if (text[0] === '!') return [unescapeText(text.slice(1)) + SHORTENED];
      return [unescapeText(text)];
    }
  }
}

export function decodeState(text: string, course: Course): Decoded {
  const state = emptyState();
  const fail = (problem: DecodeProblem): Decoded => ({ state, problems: [problem], lostAttempt: false });
  if (!text) return { state, problems: [], lostAttempt: false };
  const fields = text.split('|');
  const format = fields[0];
  if (format !== CODEC_VERSION && format !== FORMAT_1) return fail('version');
  const sum = fields.pop();
  if (fields.length !== (format === FORMAT_1 ? 11 : 12) || sum !== checksum(fields.join('|'))) return fail('damaged');
  const [, pagesPrint, bankPrint, viewed = '', used, flagText, score, seed = '', current = '', answers, seconds, extensions = ''] = fields;
  const problems: DecodeProblem[] = [];
  const flags = int36(flagText);
  const attemptsUsed = int36(used);
  if (!(flags >= 0) || !(attemptsUsed >= 0)) return fail('damaged');
  state.attemptsUsed = attemptsUsed;
  state.passed = (flags & 1) === 1;
  state.score = score ? int36(score) / 100 : undefined;
  state.bestScore = state.score;
  if (!readExtensions(extensions, state)) return fail('damaged');
  if (pagesPrint === pagesFingerprint(course)) {
    course.pages.forEach((page, i) => {
      if (parseInt(viewed[i >> 2] ?? '0', 16) & (1 << (i & 3))) state.viewed.push(page.id);
    });
  } else problems.push('pagesChanged');
  let lostAttempt = false;
  if (flags & 2) {
    const submitted = (flags & 4) === 4;
    if (bankPrint !== bankFingerprint(course)) {
      problems.push('bankChanged');
      lostAttempt = !submitted;
    } else {
      const attempt: Attempt = { seed: int36(seed), current: int36(current), submitted, answers: [], seconds: [] };
      const drawn = drawAttempt(course, attempt.seed);
      const answerTexts = answers ? answers.split('~') : [];
      const secondTexts = seconds ? seconds.split('~') : [];
      if (!(attempt.seed >= 0) || !(attempt.current >= 0) || answerTexts.length > drawn.length) return fail('damaged');
      for (let i = 0; i < drawn.length; i++) {
        const response = decodeResponse(course.questions[drawn[i]!.id]!, answerTexts[i] ?? '');
        if (response === null) return fail('damaged');
        attempt.answers.push(response);
        attempt.seconds.push(int36(secondTexts[i]) || 0);
      }
      attempt.current = Math.min(attempt.current, Math.max(0, drawn.length - 1));
      state.attempt = attempt;
    }
  }
  return { state, problems, lostAttempt };
}
