/**
 * The learner runtime's entry. esbuild bundles it once per package with __CK_TARGET__ set,
 * so each package carries only its own LMS adapter (none for the web package).
 */
import type { Course } from './course.js';
import { runLauncher, type LmsConnection } from './launcher.js';
import { runPage } from './page.js';
import { Scorm12Tracker, type Scorm12Api } from './tracking/scorm12.js';
import { Scorm2004Tracker, type Scorm2004Api } from './tracking/scorm2004.js';
import { findApi } from './tracking/tracker.js';

declare const __CK_TARGET__: 'web' | 'scorm12' | 'scorm2004';

function connect(): LmsConnection | undefined {
  if (__CK_TARGET__ === 'scorm12') {
    const api = findApi<Scorm12Api>('API');
    if (!api) return undefined;
    const tracker = new Scorm12Tracker(api);
    return { tracker, started: tracker.initialize() };
  }
  if (__CK_TARGET__ === 'scorm2004') {
    const api = findApi<Scorm2004Api>('API_1484_11');
    if (!api) return undefined;
    const tracker = new Scorm2004Tracker(api);
    return { tracker, started: tracker.initialize() };
  }
  return undefined;
}

const course = (window as unknown as { coursekitCourse?: Course }).coursekitCourse;
document.documentElement.dataset.ckTarget = __CK_TARGET__;
if (course) {
  if (document.body.dataset.ckKind === 'launch') runLauncher(course, connect);
  else runPage(course);
}
