/**
 * The learner's session: the one owner of the learner state and of all tracking. In an LMS
 * it lives in the launch wrapper and content pages call it through `parent.coursekitHost`;
 * without a launcher, each page runs its own session over localStorage. Pages only see the
 * `Host` methods, and get plain data back (they may live in another frame's realm).
 */
import { decodeResponse, decodeState, encodeResponse, encodeState } from './codec.js';
import { lessonIds, pageById, type Course, type Response } from './course.js';
import { drawAttempt, type DrawnQuestion } from '../shared/draw.js';
import type { RuntimeScenario } from '../model/runtime-data.js';
import { interactionFields, scenarioInteractionFields } from './interactions.js';
import { MAX_SCENARIO_PATH, walkScenario } from './scenario.js';
import { newSeed } from './seed.js';
import { isAnswered, isCorrect, scoreOf, type Score } from '../shared/scoring.js';
import { emptyState, type Attempt, type LearnerState } from './state.js';
import { canStartAttempt, statusOf, type Progress, type Status } from './status.js';
import type { Tracker } from './tracking/tracker.js';

/** A message for the learner: a key of the UI strings. */
export interface Notice {
  key: string;
  level: 'info' | 'error';
}

export interface AssessmentSummary {
  attemptsUsed: number;
  maxAttempts: number;
  passed: boolean;
  /** Last submitted attempt's score, 0 to 100. */
  score: number | undefined;
  /** The score the LMS records (the best or the last, as the module says). */
  recordedScore: number | undefined;
  canStart: boolean;
  /** Attempts the course still allows (null: no limit), also in review mode, where none can start. */
  attemptsLeft: number | null;
  inProgress: boolean;
}

export interface HostView {
  courseId: string;
  mode: Tracker['kind'];
  review: boolean;
  /** One SCO per page: the page id this launch tracks. */
  sco: string | undefined;
  viewed: string[];
  bookmark: string | undefined;
  complete: boolean;
  assessment: AssessmentSummary | undefined;
  notices: Notice[];
  /** Without an LMS: the id that names this learner's downloaded results. */
  learner: string | undefined;
  /** Shuffles this learner's knowledge-check options, the same way on every page load. */
  practiceSeed: number;
}

export interface AttemptView {
  /** 1 for the first attempt. */
  number: number;
  questions: DrawnQuestion[];
  /** By position; null while unanswered. */
  answers: (Response | null)[];
  current: number;
  submitted: boolean;
  /** Per question, once submitted. */
  results: boolean[];
  score: Score | undefined;
}

/** What content pages call. Version 1 of the launcher protocol. */
export interface Host {
  readonly protocol: 1;
  readonly courseId: string;
  view(): HostView;
  pageViewed(pageId: string): void;
  attempt(): AttemptView | undefined;
  startAttempt(): boolean;
  answer(position: number, response: Response | null): void;
  goTo(position: number): void;
  submit(): boolean;
  /** The choices made so far in a scenario block (undefined: no such scenario), and whether it has ended. */
  scenario(id: string): { path: string[]; ended: boolean } | undefined;
  choose(scenarioId: string, choiceId: string): void;
  restartScenario(id: string): void;
  listen(listener: () => void): () => void;
}

const COMMIT_RETRY_MS = [250, 750, 1500];
const SLOW_RETRY_MS = 15_000;
const MAX_TYPED_ANSWER = 250;

export class Session implements Host {
  readonly protocol = 1;
  readonly courseId: string;
  private state: LearnerState = emptyState();
  private bookmark: string | undefined;
  private review = false;
  private readonly notices = new Map<string, Notice['level']>();
  private readonly listeners: (() => void)[] = [];
  private readonly startedAt = Date.now();
  /** When the question on screen was shown, and when each was first shown (this session). */
  private shownAt = Date.now();
  private readonly firstShown: Date[] = [];
  private dirty = false;
  private ended = false;
  private commitFailures = 0;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly course: Course,
    private readonly tracker: Tracker,
    private readonly sco?: string,
  ) {
    this.courseId = course.id;
  }

  /** Reads what the LMS (or the browser) kept, and records the launch. */
  start(): void {
    const launch = this.tracker.start();
    const decoded = decodeState(launch.suspendData, this.course);
    this.state = decoded.state;
    if (launch.unreadable || decoded.problems.includes('damaged') || decoded.problems.includes('version'))
      this.notify('restoreFailed', 'error');
    if (decoded.lostAttempt) this.notify('assessmentChanged', 'info');
    if (launch.passed) this.state.passed = true;
    // The suspend_data may be gone (a 2004 relaunch after a pass) while the LMS kept the score.
    if (this.state.score === undefined && launch.score !== undefined) {
      this.state.score = launch.score;
      this.state.bestScore = launch.score;
    }
    // A learner's knowledge checks keep their option order from the first launch on.
    this.state.practiceSeed ??= newSeed();
    this.bookmark = pageById(this.course, launch.location) ? launch.location : undefined;
    this.review = launch.review;
    if (this.review) this.notify('reviewMode', 'info');
    if (this.tracker.kind === 'local') this.notify('savedLocally', 'info');
    if (this.tracker.kind === 'memory') this.notify('notSavedLocally', 'error');
    this.record();
    this.save(true);
  }

  // ---- Host ----

  view(): HostView {
    const a = this.course.assessment;
    const attempt = this.state.attempt;
    return {
      courseId: this.course.id,
      mode: this.tracker.kind,
      review: this.review,
      sco: this.sco,
      viewed: this.state.viewed.slice(),
      bookmark: this.bookmark,
      complete: this.status().complete,
      assessment: a && {
        attemptsUsed: this.state.attemptsUsed,
        maxAttempts: a.maxAttempts,
        passed: this.state.passed,
        score: this.state.score,
        recordedScore: this.recordedScore(),
        canStart: this.canStart(),
        attemptsLeft: this.state.passed ? 0 : a.maxAttempts === 0 ? null : Math.max(0, a.maxAttempts - this.state.attemptsUsed),
        inProgress: !!attempt && !attempt.submitted,
      },
      notices: Array.from(this.notices, ([key, level]) => ({ key, level })),
      learner: this.tracker.learner,
      practiceSeed: this.state.practiceSeed ?? 0,
    };
  }

  pageViewed(pageId: string): void {
    const page = pageById(this.course, String(pageId));
    if (!page || (this.sco && page.id !== this.sco)) return;
    if (!this.state.viewed.includes(page.id)) this.state.viewed.push(page.id);
    if (page.kind !== 'start') this.bookmark = page.id;
    this.record();
    this.save(true);
  }

  attempt(): AttemptView | undefined {
    const attempt = this.state.attempt;
    const a = this.course.assessment;
    if (!attempt || !a) return undefined;
    const questions = drawAttempt(this.course, attempt.seed);
    const results = attempt.submitted ? this.results(attempt, questions) : [];
    return {
      number: this.state.attemptsUsed + (attempt.submitted ? 0 : 1),
      questions,
      answers: this.answersOf(attempt, questions).map((answer) => answer?.slice() ?? null),
      current: attempt.current,
      submitted: attempt.submitted,
      results,
      score: attempt.submitted ? scoreOf(results, a.passMark) : undefined,
    };
  }

  startAttempt(): boolean {
    if (!this.canStart() || (this.state.attempt && !this.state.attempt.submitted)) return false;
    this.state.attempt = { seed: newSeed(), current: 0, submitted: false, answers: [], seconds: [] };
    this.firstShown.length = 0;
    this.shown();
    this.save(true);
    return true;
  }

  answer(position: number, response: Response | null): void {
    const attempt = this.openAttempt();
    const drawn = attempt && drawAttempt(this.course, attempt.seed)[position];
    if (!attempt || !drawn) return;
    const question = this.course.questions[drawn.id]!;
    // Copy into this realm (the caller may be a page about to unload), and keep only what the
    // question can hold: one malformed answer must not make the saved state unreadable.
    // Typed answers are at most 250 characters, as the input's maxlength says (the codec's worst case).
    const copy = response && isAnswered(response) ? Array.from(response, (part) => String(part).slice(0, MAX_TYPED_ANSWER)) : undefined;
    const valid = copy && decodeResponse(question, encodeResponse(question, copy));
    if (copy && !valid) return;
    attempt.answers[position] = valid ?? undefined;
    this.save(false);
  }

  goTo(position: number): void {
    const attempt = this.openAttempt();
    if (!attempt || !(position >= 0 && position < drawAttempt(this.course, attempt.seed).length)) return;
    this.clock(attempt);
    attempt.current = position;
    this.shown();
    this.save(true);
  }

  submit(): boolean {
    const attempt = this.openAttempt();
    const a = this.course.assessment;
    if (!attempt || !a) return false;
    this.clock(attempt);
    const questions = drawAttempt(this.course, attempt.seed);
    attempt.answers = this.answersOf(attempt, questions);
    const results = this.results(attempt, questions);
    const score = scoreOf(results, a.passMark);
    attempt.submitted = true;
    this.state.attemptsUsed += 1;
    this.state.score = score.percent;
    this.state.bestScore = Math.max(this.state.bestScore ?? 0, score.percent);
    if (score.passed) this.state.passed = true;
    const now = new Date();
    questions.forEach((drawn, i) => {
      const response = attempt.answers[i];
      if (!this.tracker.version || !isAnswered(response)) return;
      const latencyMs = (attempt.seconds[i] ?? 0) * 1000;
      this.tracker.addInteraction(
        interactionFields(this.tracker.version, {
          moduleId: this.course.id,
          questionId: drawn.id,
          attempt: this.state.attemptsUsed,
          question: this.course.questions[drawn.id]!,
          response,
          correct: results[i]!,
          latencyMs,
          at: this.firstShown[i] ?? new Date(now.getTime() - latencyMs),
          language: this.course.language,
        }),
      );
    });
    this.record();
    this.save(true);
    return true;
  }

  scenario(id: string): { path: string[]; ended: boolean } | undefined {
    const scenario = this.scenarioById(id);
    if (!scenario) return undefined;
    const walk = walkScenario(scenario, this.state.scenarios[id]?.path ?? []);
    return { path: walk.steps.map((s) => s.choice), ended: walk.current === undefined };
  }

  choose(scenarioId: string, choiceId: string): void {
    const id = String(scenarioId);
    const scenario = this.scenarioById(id);
    if (!scenario || this.ended) return;
    const kept = this.state.scenarios[id] ?? { path: [], runs: 0 };
    const walk = walkScenario(scenario, kept.path);
    if (walk.current === undefined || walk.steps.length >= MAX_SCENARIO_PATH) return;
    const path = [...walk.steps.map((s) => s.choice), String(choiceId)];
    const next = walkScenario(scenario, path);
    if (next.broken) return;
    kept.path = path;
    this.state.scenarios[id] = kept;
    if (next.current === undefined) {
      kept.runs += 1;
      if (this.tracker.version && !this.review) {
        this.tracker.addInteraction(
          scenarioInteractionFields(this.tracker.version, {
            moduleId: this.course.id,
            scenarioId: id,
            title: scenario.title,
            run: kept.runs,
            steps: next.steps,
            at: new Date(),
            language: this.course.language,
          }),
        );
      }
    }
    this.save(true);
  }

  restartScenario(id: string): void {
    const kept = this.state.scenarios[String(id)];
    if (!kept || this.ended) return;
    kept.path = [];
    this.save(true);
  }

  listen(listener: () => void): () => void {
    this.listeners.push(listener);
    return () => {
      const i = this.listeners.indexOf(listener);
      if (i >= 0) this.listeners.splice(i, 1);
    };
  }

  // ---- for the launcher ----

  /** The LMS API was found but would not initialize: this session is kept in the browser. */
  notifyLmsUnavailable(): void {
    this.notify('lmsNotStarted', 'error');
  }

  /** The page to open: the bookmark, the SCO's own page, or the start page. */
  entryPage(): string {
    const id = this.sco ?? this.bookmark;
    return (id && pageById(this.course, id)?.url) || 'index.html';
  }

  /** The page is hidden (maybe for good, on mobile): save and commit now. */
  suspend(): void {
    if (this.ended) return;
    if (!this.review) this.tracker.setSessionTime(Date.now() - this.startedAt);
    this.save(true);
  }

  /** pagehide: the last chance. Finishes the LMS session, exactly once. */
  end(): void {
    if (this.ended) return;
    const attempt = this.openAttempt();
    if (attempt) this.clock(attempt);
    if (!this.review) this.tracker.setSessionTime(Date.now() - this.startedAt);
    this.flush();
    this.ended = true;
    clearTimeout(this.retryTimer);
    this.tracker.finish();
  }

  // ---- internals ----

  /** Ids come from pages: only the course's own scenarios, never an inherited property. */
  private scenarioById(id: string): RuntimeScenario | undefined {
    return Object.hasOwn(this.course.scenarios, id) ? this.course.scenarios[id] : undefined;
  }

  private canStart(): boolean {
    const a = this.course.assessment;
    if (!a || this.review || (this.sco && pageById(this.course, this.sco)?.kind !== 'assessment')) return false;
    return canStartAttempt({ passed: this.state.passed, attemptsUsed: this.state.attemptsUsed, maxAttempts: a.maxAttempts });
  }

  private openAttempt(): Attempt | undefined {
    const attempt = this.state.attempt;
    return attempt && !attempt.submitted && !this.review && !this.ended ? attempt : undefined;
  }

  /**
   * The learner's answers. An ordering question left as it was shown is answered with the order
   * shown: the learner may agree with it, and it is never the right order (draw.ts), so an
   * untouched question scores nothing.
   */
  private answersOf(attempt: Attempt, questions: DrawnQuestion[]): (Response | undefined)[] {
    return questions.map((drawn, i) => {
      const question = this.course.questions[drawn.id]!;
      return attempt.answers[i] ?? (question.type === 'ordering' ? drawn.order.map((n) => question.ids[n]!) : undefined);
    });
  }

  private results(attempt: Attempt, questions: DrawnQuestion[]): boolean[] {
    return questions.map((drawn, i) => isCorrect(this.course.questions[drawn.id]!, attempt.answers[i]));
  }

  private shown(): void {
    const attempt = this.state.attempt;
    this.shownAt = Date.now();
    if (attempt && !this.firstShown[attempt.current]) this.firstShown[attempt.current] = new Date();
  }

  private clock(attempt: Attempt): void {
    const now = Date.now();
    attempt.seconds[attempt.current] = (attempt.seconds[attempt.current] ?? 0) + Math.round((now - this.shownAt) / 1000);
    this.shownAt = now;
  }

  private progress(): Progress {
    const a = this.course.assessment;
    const scoPage = this.sco ? pageById(this.course, this.sco) : undefined;
    return {
      rule: this.course.completion,
      lessons: lessonIds(this.course),
      viewed: this.state.viewed,
      hasAssessment: !!a,
      passed: this.state.passed,
      attemptsUsed: this.state.attemptsUsed,
      maxAttempts: a?.maxAttempts ?? 0,
      sco: scoPage && { id: scoPage.id, kind: scoPage.kind },
      failedAttemptStatus: a?.failedAttemptStatus ?? 'incomplete',
    };
  }

  /** A retake never lowers the grade unless the module reports the latest score. */
  private recordedScore(): number | undefined {
    return this.course.assessment?.reportedScore === 'latest' ? this.state.score : this.state.bestScore;
  }

  private status(): Status {
    return statusOf(this.progress());
  }

  /** Score, statuses and exit for the LMS; nothing in review mode. */
  private record(): void {
    if (this.review) return;
    const status = this.status();
    this.tracker.setResult(status, this.recordedScore());
    this.tracker.setExit(status.finished);
  }

  /**
   * Every change is kept; only meaningful events (page, question, attempt) commit. Without an
   * LMS, storage is written at once, since a reload must not lose a typed answer.
   */
  private save(meaningful: boolean): void {
    if (this.ended || this.review) return;
    this.dirty = true;
    if (!meaningful && this.tracker.kind === 'lms') return;
    this.flush();
    this.commit();
  }

  private flush(): void {
    if (!this.dirty || this.review) return;
    const encoded = encodeState(this.state, this.course, this.tracker.limit);
    if (encoded.loss >= 3) this.notify('storageFull', 'error');
    this.tracker.setProgress(this.bookmark ?? '', encoded.text);
    this.dirty = false;
  }

  private commit(): void {
    if (this.ended) return;
    if (this.retryTimer !== undefined) {
      // Between quick retries, wait for them; while only slow retries are left, try now.
      if (this.commitFailures <= COMMIT_RETRY_MS.length) return;
      clearTimeout(this.retryTimer);
      this.retryTimer = undefined;
    }
    const wasMemory = this.tracker.kind === 'memory';
    if (this.tracker.commit()) {
      if (this.commitFailures > COMMIT_RETRY_MS.length) this.notify('saveRecovered', 'info', 'notSavedLms');
      this.commitFailures = 0;
      if (!wasMemory && (this.tracker.kind as Tracker['kind']) === 'memory') this.notify('notSavedLocally', 'error', 'savedLocally');
      return;
    }
    // A few quick retries, then the learner is told, and saving is tried again now and then.
    const delay = COMMIT_RETRY_MS[this.commitFailures] ?? SLOW_RETRY_MS;
    this.commitFailures++;
    if (this.commitFailures === COMMIT_RETRY_MS.length + 1) this.notify('notSavedLms', 'error', 'saveRecovered');
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      this.commit();
    }, delay);
  }

  private notify(key: string, level: Notice['level'], replaces?: string): void {
    if (replaces) this.notices.delete(replaces);
    this.notices.set(key, level);
    for (const listener of this.listeners.slice()) {
      try {
        listener();
      } catch {
        // A listener from a page that has gone.
      }
    }
  }
}
