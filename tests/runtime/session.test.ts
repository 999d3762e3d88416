/**
 * The session (the launcher's host) against a real SCORM API, scorm-again, for both
 * versions: what is written, in which order, and what is never written.
 */
import { Scorm12API, Scorm2004API } from 'scorm-again';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { RuntimeCourseData } from '../../src/model/runtime-data.js';
import { SCORM12_SUSPEND_LIMIT } from '../../src/runtime/codec.js';
import { Session } from '../../src/runtime/session.js';
import { Scorm12Tracker, type Scorm12Api } from '../../src/runtime/tracking/scorm12.js';
import { Scorm2004Tracker, type Scorm2004Api } from '../../src/runtime/tracking/scorm2004.js';
import { bigBankCourse, runtimeCourse } from '../helpers/runtime-course.js';

type Version = 'scorm12' | 'scorm2004';
const settings = { autocommit: false, lmsCommitUrl: false as const, logLevel: 5 as const, mastery_override: false };

interface Lms {
  calls: { method: string; element: string; value: string; result: string }[];
  failCommits: boolean;
  /** SetValue of matching elements answers "false" (error 351), as an LMS that will not store them. */
  refuseSets: RegExp | undefined;
  /** Every API call throws. */
  throwing: boolean;
  /** GetValue answers in capitals ("PASSED"), as some LMSs spell SCORM's vocabulary. */
  shouting: boolean;
  tracker: Scorm12Tracker | Scorm2004Tracker | undefined;
  session(course: RuntimeCourseData, sco?: string): Session;
  cmi(): any;
  sets(): Record<string, string>;
}

/** A scorm-again API that records every call, optionally preloaded with an earlier session's data. */
function lms(version: Version, saved?: object): Lms {
  const real: any = version === 'scorm12' ? new Scorm12API(settings) : new Scorm2004API(settings);
  if (saved) real.loadFromJSON(JSON.parse(JSON.stringify(saved)));
  const names =
    version === 'scorm12'
      ? ['LMSInitialize', 'LMSFinish', 'LMSGetValue', 'LMSSetValue', 'LMSCommit', 'LMSGetLastError']
      : ['Initialize', 'Terminate', 'GetValue', 'SetValue', 'Commit', 'GetLastError'];
  const self: Lms = {
    calls: [],
    failCommits: false,
    refuseSets: undefined,
    throwing: false,
    shouting: false,
    tracker: undefined,
    session(course, sco) {
      const tracker =
        version === 'scorm12' ? new Scorm12Tracker(api as unknown as Scorm12Api) : new Scorm2004Tracker(api as unknown as Scorm2004Api);
      self.tracker = tracker;
      expect(tracker.initialize()).toBe(true);
      const session = new Session(course, tracker, sco);
      session.start();
      return session;
    },
    cmi: () => real.renderCMIToJSONObject().cmi,
    sets: () => Object.fromEntries(self.calls.filter((c) => /SetValue/.test(c.method)).map((c) => [c.element, c.value])),
  };
  const api: Record<string, (...args: string[]) => string> = {};
  let refusedLast = false;
  for (const name of names) {
    api[name] = (...args: string[]) => {
      if (self.throwing) throw new TypeError('the LMS API broke');
      if (/GetLastError/.test(name) && refusedLast) return '351';
      refusedLast = /SetValue/.test(name) && !!self.refuseSets?.test(args[0] ?? '');
      let result = refusedLast || (/Commit/.test(name) && self.failCommits) ? 'false' : String(real[name](...args));
      if (/GetValue/.test(name) && self.shouting) result = result.toUpperCase();
      if (!/GetLastError/.test(name)) self.calls.push({ method: name, element: args[0] ?? '', value: args[1] ?? '', result });
      return result;
    };
  }
  return self;
}

let tiny: RuntimeCourseData;
beforeAll(async () => {
  tiny = await runtimeCourse('tiny');
});
afterEach(() => {
  vi.useRealTimers();
});

/** Answers every drawn question right (or wrong, or right only at some positions) through the host interface, as a page does. */
function takeAttempt(session: Session, course: RuntimeCourseData, rightAt: boolean | ((position: number) => boolean)): void {
  expect(session.startAttempt()).toBe(true);
  const attempt = session.attempt()!;
  attempt.questions.forEach((drawn, i) => {
    const right = typeof rightAt === 'boolean' ? rightAt : rightAt(i);
    const q = course.questions[drawn.id]!;
    const answer =
      q.type === 'fillIn'
        ? [right ? q.correct[0]! : 'no idea']
        : right
          ? q.correct
          : q.type === 'single' || q.type === 'trueFalse' || q.type === 'multiple'
            ? [q.ids.find((id) => !q.correct.includes(id))!]
            : q.correct.slice().reverse();
    session.answer(i, answer);
    if (i < attempt.questions.length - 1) session.goTo(i + 1);
  });
  expect(session.submit()).toBe(true);
}

/**
 * What Moodle 5.0 hands the next launch (SCORM-NOTES.md, issue 18): SCORM 1.2 treats passed,
 * failed and completed as a finished attempt and relaunches it in review mode; SCORM 2004
 * returns the data only after exit "suspend", and relaunches a passed SCO in review mode.
 */
function moodleRelaunch(version: Version, kept: any): object {
  if (version === 'scorm12') {
    const finished = ['passed', 'failed', 'completed'].includes(kept.core.lesson_status);
    return {
      cmi: {
        suspend_data: kept.suspend_data,
        core: {
          lesson_location: kept.core.lesson_location,
          lesson_status: kept.core.lesson_status,
          score: kept.core.score,
          lesson_mode: finished ? 'review' : 'normal',
          credit: finished ? 'no-credit' : 'credit',
          entry: !finished && kept.core.exit === 'suspend' ? 'resume' : '',
        },
      },
    };
  }
  const review = kept.success_status === 'passed';
  const common = {
    completion_status: kept.completion_status,
    success_status: kept.success_status,
    score: kept.score,
    mode: review ? 'review' : 'normal',
  };
  return kept.exit === 'suspend'
    ? { cmi: { ...common, suspend_data: kept.suspend_data, location: kept.location, entry: 'resume' } }
    : { cmi: { ...common, entry: 'ab-initio' } };
}

describe.each(['scorm12', 'scorm2004'] as const)('%s retakes, relaunched as Moodle does', (version) => {
  const is12 = version === 'scorm12';
  /** tiny with three attempts and a pass mark that one wrong answer of two misses. */
  const retakeable = (settings: Partial<RuntimeCourseData['assessment'] & object> = {}) => {
    const course = structuredClone(tiny);
    Object.assign(course.assessment!, { passMark: 100, maxAttempts: 3 }, settings);
    return course;
  };
  const statusOf = (cmi: any) => (is12 ? cmi.core.lesson_status : `${cmi.completion_status}/${cmi.success_status}`);
  const rawScore = (cmi: any) => (is12 ? cmi.core.score.raw : cmi.score.raw);
  const viewEverything = (session: Session, course: RuntimeCourseData) => {
    for (const page of course.pages) session.pageViewed(page.id);
  };

  it('keeps the LMS attempt open after a failed attempt with attempts left, so the learner retakes, passes, and keeps the best score', () => {
    const course = retakeable();
    const first = lms(version);
    let session = first.session(course);
    viewEverything(session, course);
    takeAttempt(session, course, (i) => i === 0);
    session.end();
    let kept = first.cmi();
    expect(statusOf(kept)).toBe(is12 ? 'incomplete' : 'incomplete/failed');
    expect(rawScore(kept)).toBe('50');
    expect(is12 ? kept.core.exit : kept.exit).toBe('suspend');

    const second = lms(version, moodleRelaunch(version, kept));
    session = second.session(course);
    expect(session.view()).toMatchObject({ review: false, assessment: { attemptsUsed: 1, canStart: true, attemptsLeft: 2, score: 50 } });
    takeAttempt(session, course, false);
    session.end();
    kept = second.cmi();
    expect(statusOf(kept)).toBe(is12 ? 'incomplete' : 'incomplete/failed');
    expect(rawScore(kept)).toBe('50');
    expect(session.view().assessment).toMatchObject({ score: 0, recordedScore: 50, attemptsLeft: 1 });

    const third = lms(version, moodleRelaunch(version, kept));
    session = third.session(course);
    takeAttempt(session, course, true);
    session.end();
    kept = third.cmi();
    expect(statusOf(kept)).toBe(is12 ? 'passed' : 'completed/passed');
    expect(rawScore(kept)).toBe('100');
  });

  it('reports failed once the last allowed attempt fails', () => {
    const course = retakeable({ maxAttempts: 2 });
    const api = lms(version);
    const session = api.session(course);
    viewEverything(session, course);
    takeAttempt(session, course, false);
    expect(statusOf(api.cmi())).toBe(is12 ? 'incomplete' : 'incomplete/failed');
    takeAttempt(session, course, (i) => i === 1);
    expect(statusOf(api.cmi())).toBe(is12 ? 'failed' : 'incomplete/failed');
    expect(rawScore(api.cmi())).toBe('50');
    expect(session.view().assessment).toMatchObject({ canStart: false, attemptsLeft: 0 });
  });

  it('sends the latest score when the module asks for it', () => {
    const course = retakeable({ reportedScore: 'latest' });
    const api = lms(version);
    const session = api.session(course);
    takeAttempt(session, course, (i) => i === 0);
    expect(rawScore(api.cmi())).toBe('50');
    takeAttempt(session, course, false);
    expect(rawScore(api.cmi())).toBe('0');
  });

  it('with failed attempts reported as failed, a relaunch in review mode says so and counts the attempts left truthfully', () => {
    const course = retakeable({ failedAttemptStatus: 'failed' });
    const first = lms(version);
    let session = first.session(course);
    takeAttempt(session, course, false);
    session.end();
    const kept = first.cmi();
    expect(statusOf(kept)).toBe(is12 ? 'failed' : 'incomplete/failed');
    if (!is12) return; // Moodle leaves a failed 2004 attempt open: no review mode to test.
    const again = lms(version, moodleRelaunch(version, kept));
    session = again.session(course);
    expect(session.view().review).toBe(true);
    expect(session.view().notices).toContainEqual({ key: 'reviewMode', level: 'info' });
    expect(session.view().assessment).toMatchObject({ canStart: false, attemptsUsed: 1, attemptsLeft: 2 });
    session.end();
    expect(again.calls.filter((c) => c.method === 'LMSSetValue')).toEqual([]);
  });
});

describe('typed answers', () => {
  it('keeps at most 250 characters of a typed answer, whatever the page sends', () => {
    // Only the fill-in question is left for paragraph 74, so every draw includes it.
    const course = structuredClone(tiny);
    delete course.questions['q74-overshadow'];
    const api = lms('scorm12');
    const session = api.session(course);
    expect(session.startAttempt()).toBe(true);
    const attempt = session.attempt()!;
    const position = attempt.questions.findIndex((q) => course.questions[q.id]!.type === 'fillIn');
    expect(position).toBeGreaterThan(-1);
    session.answer(position, ['x'.repeat(400)]);
    expect(session.attempt()!.answers[position]).toEqual(['x'.repeat(250)]);
  });
});

describe.each<Version>(['scorm12', 'scorm2004'])('%s session', (version) => {
  const is12 = version === 'scorm12';
  const el = {
    status: 'cmi.core.lesson_status',
    raw: is12 ? 'cmi.core.score.raw' : 'cmi.score.raw',
    exit: is12 ? 'cmi.core.exit' : 'cmi.exit',
    suspend: 'cmi.suspend_data',
    location: is12 ? 'cmi.core.lesson_location' : 'cmi.location',
  };
  const setValue = is12 ? 'LMSSetValue' : 'SetValue';
  const indexOfSet = (api: Lms, element: string, value?: string) =>
    api.calls.findIndex((c) => c.method === setValue && c.element === element && (value === undefined || c.value === value));

  it('starts incomplete with exit suspend, and every value it writes is accepted', () => {
    const api = lms(version);
    const session = api.session(tiny);
    session.pageViewed('start');
    const cmi = api.cmi();
    expect(is12 ? cmi.core.lesson_status : cmi.completion_status).toBe('incomplete');
    if (!is12) expect(cmi.success_status).toBe('unknown');
    expect(is12 ? cmi.core.exit : cmi.exit).toBe('suspend');
    expect(cmi.suspend_data).toMatch(/^2\|/);
    expect(api.calls.filter((c) => /SetValue|Commit/.test(c.method) && c.result !== 'true')).toEqual([]);
  });

  it('sends the score before the status, one interaction per answered question, and exit normal when done', () => {
    const api = lms(version);
    const session = api.session(tiny);
    for (const page of tiny.pages) session.pageViewed(page.id);
    takeAttempt(session, tiny, true);
    const cmi = api.cmi();
    expect(is12 ? cmi.core.lesson_status : [cmi.completion_status, cmi.success_status]).toEqual(is12 ? 'passed' : ['completed', 'passed']);
    if (!is12) expect(cmi.score.scaled).toBe('1');
    const passedAt = indexOfSet(api, is12 ? el.status : 'cmi.success_status', 'passed');
    expect(indexOfSet(api, el.raw, '100')).toBeGreaterThan(-1);
    expect(indexOfSet(api, el.raw, '100')).toBeLessThan(passedAt);
    expect(Object.keys(cmi.interactions).filter((k) => /^\d+$/.test(k))).toHaveLength(2);
    expect(is12 ? cmi.core.exit : cmi.exit).toBe(is12 ? '' : 'normal');
    expect(api.calls.filter((c) => /SetValue|Commit/.test(c.method) && c.result !== 'true')).toEqual([]);
  });

  it('counts an untouched ordering question as answered with the order shown, which is never right', () => {
    let api = lms(version);
    let session = api.session(tiny);
    session.pageViewed('assessment');
    session.startAttempt();
    // tiny draws its ordering question in one attempt in three.
    for (let tries = 0; !session.attempt()!.questions.some((d) => tiny.questions[d.id]!.type === 'ordering'); tries++) {
      expect(tries).toBeLessThan(100);
      api = lms(version);
      session = api.session(tiny);
      session.pageViewed('assessment');
      session.startAttempt();
    }
    const drawn = session.attempt()!.questions;
    const position = drawn.findIndex((d) => tiny.questions[d.id]!.type === 'ordering');
    const ordering = tiny.questions[drawn[position]!.id]!;
    const shown = drawn[position]!.order.map((n) => ordering.ids[n]!);
    expect(session.attempt()!.answers[position]).toEqual(shown);
    expect(session.attempt()!.answers[1 - position]).toBeNull();
    expect(session.submit()).toBe(true);
    expect(session.attempt()!.results[position]).toBe(false);
    const interactions = Object.values(api.cmi().interactions).filter((i: any) => i?.id) as any[];
    // Only the ordering question was answered, so it is the one interaction recorded.
    expect(interactions).toEqual([
      expect.objectContaining({
        type: 'sequencing',
        [is12 ? 'student_response' : 'learner_response']: shown.join(is12 ? ',' : '[,]'),
        result: is12 ? 'wrong' : 'incorrect',
      }),
    ]);
  });

  it('never reports passed before the course is complete, and reports it once it is', () => {
    const api = lms(version);
    const session = api.session(tiny);
    session.pageViewed('assessment');
    takeAttempt(session, tiny, true);
    expect(indexOfSet(api, is12 ? el.status : 'cmi.completion_status', is12 ? 'passed' : 'completed')).toBe(-1);
    let cmi = api.cmi();
    expect(is12 ? cmi.core.lesson_status : [cmi.completion_status, cmi.success_status]).toEqual(
      is12 ? 'incomplete' : ['incomplete', 'passed'],
    );
    expect(is12 ? cmi.core.exit : cmi.exit).toBe('suspend');
    session.pageViewed('01-contributions');
    session.pageViewed('02-ministries');
    cmi = api.cmi();
    expect(is12 ? cmi.core.lesson_status : cmi.completion_status).toBe(is12 ? 'passed' : 'completed');
  });

  it('resumes from what the LMS kept: same attempt, same question, same answers', () => {
    const first = lms(version);
    const session = first.session(tiny);
    session.pageViewed('assessment');
    session.startAttempt();
    const firstQuestion = tiny.questions[session.attempt()!.questions[0]!.id]!;
    session.answer(0, firstQuestion.type === 'fillIn' ? ['what I typed'] : [firstQuestion.ids[1]!]);
    // An answer the question cannot hold is refused, not saved.
    session.answer(1, ['no-such-option', 'no-such-option']);
    session.goTo(1);
    session.end();
    const kept = first.cmi();
    const saved = is12
      ? {
          cmi: {
            suspend_data: kept.suspend_data,
            core: { lesson_location: kept.core.lesson_location, lesson_status: kept.core.lesson_status, entry: 'resume' },
          },
        }
      : { cmi: { suspend_data: kept.suspend_data, location: kept.location, completion_status: kept.completion_status, entry: 'resume' } };
    const again = lms(version, saved).session(tiny);
    expect(again.entryPage()).toBe('assessment.html');
    const before = session.attempt()!;
    const after = again.attempt()!;
    expect(after.questions).toEqual(before.questions);
    expect(after.current).toBe(1);
    expect(after.answers).toEqual(before.answers);
    expect(after.answers[0]).not.toBeNull();
    // The refused answer left the question unanswered (an ordering question: answered as shown).
    const second = tiny.questions[after.questions[1]!.id]!;
    expect(after.answers[1]).toEqual(second.type === 'ordering' ? after.questions[1]!.order.map((n) => second.ids[n]) : null);
  });

  it("keeps a learner's knowledge-check order from launch to launch, and gives each learner their own", () => {
    const first = lms(version);
    const session = first.session(tiny);
    session.end();
    const kept = first.cmi();
    const saved = is12
      ? { cmi: { suspend_data: kept.suspend_data, core: { lesson_status: kept.core.lesson_status, entry: 'resume' } } }
      : { cmi: { suspend_data: kept.suspend_data, completion_status: kept.completion_status, entry: 'resume' } };
    const seed = session.view().practiceSeed;
    expect(lms(version, saved).session(tiny).view().practiceSeed).toBe(seed);
    const others = Array.from({ length: 5 }, () => lms(version).session(tiny).view().practiceSeed);
    expect(new Set([seed, ...others]).size).toBeGreaterThan(1);
  });

  it('keeps the path through a scenario across a relaunch, and reports each finished run as an interaction that never scores', () => {
    const first = lms(version);
    const session = first.session(tiny);
    session.pageViewed('02-ministries');
    session.choose('ask-the-chair', 'b'); // opening → again
    session.choose('ask-the-chair', 'z'); // no such reply: ignored
    session.choose('__proto__', 'a'); // no such scenario: ignored
    expect(session.scenario('ask-the-chair')).toEqual({ path: ['b'], ended: false });
    expect(session.scenario('__proto__')).toBeUndefined();
    session.end();
    const kept = first.cmi();
    const saved = is12
      ? { cmi: { suspend_data: kept.suspend_data, core: { lesson_location: kept.core.lesson_location, entry: 'resume' } } }
      : { cmi: { suspend_data: kept.suspend_data, location: kept.location, entry: 'resume' } };
    const second = lms(version, saved);
    const again = second.session(tiny);
    expect(again.scenario('ask-the-chair')).toEqual({ path: ['b'], ended: false });
    again.choose('ask-the-chair', 'a'); // again → opening
    again.choose('ask-the-chair', 'a'); // opening → closing, which ends it
    expect(again.scenario('ask-the-chair')).toEqual({ path: ['b', 'a', 'a'], ended: true });
    again.choose('ask-the-chair', 'a'); // ended: nothing more to choose
    again.restartScenario('ask-the-chair');
    again.choose('ask-the-chair', 'b');
    again.choose('ask-the-chair', 'b'); // again → ends without a next step
    const interactions = second.calls.filter((c) => /SetValue/.test(c.method) && /^cmi\.interactions\.\d+\./.test(c.element));
    const fields = (n: number) =>
      Object.fromEntries(
        interactions
          .filter((c) => c.element.startsWith(`cmi.interactions.${n}.`))
          .map((c) => [c.element.replace(`cmi.interactions.${n}.`, ''), c.value]),
      );
    expect(interactions.every((c) => c.result === 'true')).toBe(true);
    expect(fields(0)).toMatchObject(
      is12
        ? {
            id: 'scenario_ask_the_chair_1',
            type: 'performance',
            student_response: 'opening.b,again.a,opening.a',
            result: 'neutral',
            weighting: '0',
          }
        : {
            id: 'urn:coursekit:tiny-course:scenario:ask-the-chair:1',
            type: 'other',
            description: '{lang=en}Talking to the chair',
            learner_response: 'opening.b,again.a,opening.a',
            result: 'neutral',
            weighting: '0',
          },
    );
    expect(fields(1)).toMatchObject(
      is12
        ? { id: 'scenario_ask_the_chair_2', student_response: 'opening.b,again.b' }
        : { id: 'urn:coursekit:tiny-course:scenario:ask-the-chair:2' },
    );
    // The score is the assessment's alone.
    expect(Object.keys(second.sets()).filter((e) => /score/.test(e))).toEqual([]);
  });

  it('terminates exactly once', () => {
    const api = lms(version);
    const session = api.session(tiny);
    session.suspend();
    session.end();
    session.end();
    session.pageViewed('01-contributions');
    expect(api.calls.filter((c) => /Finish|Terminate/.test(c.method))).toHaveLength(1);
    // 1.2 commits before finishing; 2004's Terminate commits by itself.
    const last = api.calls
      .filter((c) => /Commit|Finish|Terminate/.test(c.method))
      .slice(-2)
      .map((c) => c.method);
    expect(last).toEqual(is12 ? ['LMSCommit', 'LMSFinish'] : ['Commit', 'Terminate']);
    const time = api.calls.find((c) => c.element === (is12 ? 'cmi.core.session_time' : 'cmi.session_time'));
    expect(time?.value).toMatch(is12 ? /^\d{4}:\d\d:\d\d\.\d\d$/ : /^PT/);
  });

  it('changes nothing in review mode', () => {
    const saved = is12
      ? { cmi: { core: { lesson_mode: 'review', lesson_status: 'passed' } } }
      : { cmi: { mode: 'review', completion_status: 'completed', success_status: 'passed' } };
    const api = lms(version, saved);
    const session = api.session(tiny);
    session.pageViewed('01-contributions');
    expect(session.startAttempt()).toBe(false);
    session.end();
    expect(api.calls.filter((c) => c.method === setValue)).toEqual([]);
    expect(session.view().notices).toContainEqual({ key: 'reviewMode', level: 'info' });
  });

  it('keeps a pass the LMS already holds when the data was not kept', () => {
    // 2004 hands nothing back after exit normal: the content must not turn "passed" into "incomplete".
    const saved = is12
      ? { cmi: { core: { lesson_status: 'passed' } } }
      : { cmi: { completion_status: 'completed', success_status: 'passed' } };
    const api = lms(version, saved);
    const session = api.session(tiny);
    session.pageViewed('01-contributions');
    expect(indexOfSet(api, is12 ? el.status : 'cmi.completion_status')).toBe(-1);
    expect(indexOfSet(api, 'cmi.success_status')).toBe(-1);
    expect(session.view().assessment).toMatchObject({ passed: true, canStart: false });
  });

  it('reads the statuses an LMS spells in capitals, and never downgrades them', () => {
    const saved = is12
      ? { cmi: { core: { lesson_status: 'passed' } } }
      : { cmi: { completion_status: 'completed', success_status: 'passed' } };
    const api = lms(version, saved);
    api.shouting = true;
    const session = api.session(tiny);
    session.pageViewed('01-contributions');
    session.suspend();
    expect(indexOfSet(api, is12 ? el.status : 'cmi.completion_status')).toBe(-1);
    expect(indexOfSet(api, 'cmi.success_status')).toBe(-1);
    expect(session.view().assessment).toMatchObject({ passed: true, canStart: false });
  });

  it('retries a refused commit, then tells the learner, and says so when saving works again', () => {
    vi.useFakeTimers();
    const api = lms(version);
    const session = api.session(tiny);
    api.failCommits = true;
    session.pageViewed('01-contributions');
    expect(session.view().notices.map((n) => n.key)).not.toContain('notSavedLms');
    vi.advanceTimersByTime(2600);
    expect(api.calls.filter((c) => /Commit/.test(c.method) && c.result === 'false')).toHaveLength(4);
    expect(session.view().notices).toContainEqual({ key: 'notSavedLms', level: 'error' });
    api.failCommits = false;
    session.pageViewed('02-ministries');
    expect(session.view().notices.map((n) => n.key)).toEqual(['saveRecovered']);
  });

  it.each([
    ['every value', /./],
    ['only suspend_data', /^cmi\.suspend_data$/],
  ])(
    'keeps sending progress the LMS refuses (%s) while its commits succeed, tells the learner, and saves it once accepted',
    (_, refused) => {
      vi.useFakeTimers();
      const api = lms(version);
      const session = api.session(tiny);
      api.refuseSets = refused;
      session.pageViewed('01-contributions');
      expect(api.calls.filter((c) => c.method === (is12 ? 'LMSCommit' : 'Commit') && c.result === 'true').length).toBeGreaterThan(0);
      vi.advanceTimersByTime(2600);
      expect(session.view().notices).toContainEqual({ key: 'notSavedLms', level: 'error' });
      expect(
        api.calls.filter((c) => c.method === setValue && c.element === el.suspend && c.result === 'false').length,
      ).toBeGreaterThanOrEqual(4);
      expect(api.tracker!.refused.get(el.suspend)).toBe(351);

      api.refuseSets = undefined;
      vi.advanceTimersByTime(15_000);
      expect(session.view().notices.map((n) => n.key)).toEqual(['saveRecovered']);
      const kept = api.cmi();
      const saved = is12
        ? {
            cmi: {
              suspend_data: kept.suspend_data,
              core: { lesson_location: kept.core.lesson_location, lesson_status: kept.core.lesson_status, entry: 'resume' },
            },
          }
        : { cmi: { suspend_data: kept.suspend_data, location: kept.location, completion_status: kept.completion_status, entry: 'resume' } };
      expect(lms(version, saved).session(tiny).view().viewed).toContain('01-contributions');
    },
  );

  it('survives an LMS API that throws: the page keeps working and the learner is told', () => {
    vi.useFakeTimers();
    const api = lms(version);
    const session = api.session(tiny);
    api.throwing = true;
    expect(() => {
      session.pageViewed('01-contributions');
      session.suspend();
    }).not.toThrow();
    vi.advanceTimersByTime(2600);
    expect(session.view().viewed).toContain('01-contributions');
    expect(session.view().notices).toContainEqual({ key: 'notSavedLms', level: 'error' });
    expect(() => session.end()).not.toThrow();
    const broken = lms(version);
    broken.throwing = true;
    const tracker = is12 ? new Scorm12Tracker(broken as unknown as Scorm12Api) : new Scorm2004Tracker(broken as unknown as Scorm2004Api);
    expect(tracker.initialize()).toBe(false);
  });

  it('never writes more than the SCORM 1.2 limit, and tells the learner when answers had to be shortened', () => {
    const big = bigBankCourse(200);
    const api = lms(version);
    const session = api.session(big);
    expect(session.startAttempt()).toBe(true);
    session.attempt()!.questions.forEach((drawn, i) => {
      const q = big.questions[drawn.id]!;
      session.answer(i, q.type === 'fillIn' ? ['y'.repeat(250)] : q.correct);
    });
    session.goTo(1);
    const written = api.sets()[el.suspend]!;
    if (is12) {
      expect(written.length).toBeLessThanOrEqual(SCORM12_SUSPEND_LIMIT);
      expect(session.view().notices).toContainEqual({ key: 'storageFull', level: 'error' });
    } else {
      expect(written.length).toBeGreaterThan(SCORM12_SUSPEND_LIMIT);
      expect(session.view().notices.map((n) => n.key)).not.toContain('storageFull');
    }
  });
});
