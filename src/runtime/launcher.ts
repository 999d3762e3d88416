/**
 * The SCORM launch wrapper (launch.html): finds the LMS, starts the one session, exposes it
 * to the content pages as `window.coursekitHost`, and loads them into its iframe. It ends the
 * LMS session exactly once, on its own pagehide.
 */
import { pageById, type Course } from './course.js';
import { Session } from './session.js';
import { LocalTracker, storageKey } from './tracking/local.js';
import type { Tracker } from './tracking/tracker.js';

export interface LmsConnection {
  tracker: Tracker;
  /** Initialize succeeded. */
  started: boolean;
}

export function runLauncher(course: Course, connect: () => LmsConnection | undefined): Session {
  const requested = new URLSearchParams(location.search).get('sco') ?? '';
  const sco = pageById(course, requested) ? requested : undefined;
  const lms = connect();
  const tracker = lms?.started ? lms.tracker : new LocalTracker(storageKey(course.id, course.version));
  const session = new Session(course, tracker, sco);
  session.start();
  if (lms && !lms.started) session.notifyLmsUnavailable();
  (window as unknown as { coursekitHost: Session }).coursekitHost = session;

  const frame = document.getElementById('ck-frame') as HTMLIFrameElement | null;
  if (frame) {
    frame.addEventListener('load', () => {
      try {
        const title = frame.contentDocument?.title;
        if (title) frame.title = title;
      } catch {
        // Not our page.
      }
    });
    frame.src = session.entryPage();
  }
  window.addEventListener('pagehide', () => session.end());
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') session.suspend();
  });
  return session;
}
