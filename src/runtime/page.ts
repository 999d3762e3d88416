/**
 * A content page (start, lesson, assessment). Inside the launcher it uses the launcher's
 * session; opened on its own (web package, file://) it runs a session over localStorage.
 */
import type { Course } from './course.js';
import { Session, type Host } from './session.js';
import { LocalTracker, storageKey } from './tracking/local.js';
import { setupActionPlans } from './ui/action-plan.js';
import { setupAssessment } from './ui/assessment.js';
import { $$, translator } from './ui/dom.js';
import { setupKnowledgeChecks } from './ui/knowledge-check.js';
import { renderNavigation, renderNotices } from './ui/navigation.js';
import { setupReflections } from './ui/reflection.js';
import { setupScenarios } from './ui/scenario.js';
import { setupTabs } from './ui/tabs.js';

export function launcherHost(course: Course): Host | undefined {
  try {
    if (window.parent === window) return undefined;
    const host = (window.parent as unknown as { coursekitHost?: Host }).coursekitHost;
    return host && host.protocol === 1 && host.courseId === course.id ? host : undefined;
  } catch {
    // A parent from another origin is not our launcher.
    return undefined;
  }
}

export function runPage(course: Course): Host {
  let host = launcherHost(course);
  if (!host) {
    const session = new Session(course, new LocalTracker(storageKey(course.id, course.version)));
    session.start();
    window.addEventListener('pagehide', () => session.end());
    host = session;
  }
  const t = translator(course);
  const pageId = document.body.dataset.ckPage ?? '';
  host.pageViewed(pageId);
  const refresh = () => {
    const view = host.view();
    renderNavigation(view, course, t);
    renderNotices(view, t);
  };
  refresh();
  const stop = host.listen(refresh);
  window.addEventListener('pagehide', stop);
  setupKnowledgeChecks(course, t, host.view().practiceSeed);
  setupReflections(course, t);
  setupActionPlans(course, t);
  setupTabs();
  setupScenarios(host, t);
  openDetailsForPrinting();
  setupAssessment(host, course, t);
  // Set once the page is wired: tests (and styles) can wait for it.
  document.documentElement.setAttribute('data-ck-ready', pageId);
  return host;
}

/**
 * Closed details (accordions, transcripts, model answers) print open. The stylesheet does it in
 * browsers with ::details-content (Chromium 131, Safari 18.4, Firefox 143); this covers older ones.
 */
function openDetailsForPrinting(): void {
  let opened: HTMLDetailsElement[] = [];
  window.addEventListener('beforeprint', () => {
    opened = $$<HTMLDetailsElement>('details:not([open])');
    for (const details of opened) details.open = true;
  });
  window.addEventListener('afterprint', () => {
    for (const details of opened) details.open = false;
  });
}
