/** Progress bar, table-of-contents marks, the start page's resume link, and notices. */
import { lessonIds, pageById, type Course } from '../course.js';
import type { HostView } from '../session.js';
import { $, $$, el, show, type Translate } from './dom.js';

export function renderNavigation(view: HostView, course: Course, t: Translate): void {
  if (view.sco) {
    // One SCO per page: the LMS navigates between pages, not the content.
    for (const node of $$('.ck-toc, .ck-pager, [data-ck-progress]')) node.hidden = true;
    $('.ck-course-title a')?.removeAttribute('href');
    return;
  }
  const lessons = lessonIds(course);
  const viewedLessons = lessons.filter((id) => view.viewed.includes(id)).length;
  const bar = $<HTMLProgressElement>('[data-ck-progress-bar]');
  if (bar) {
    bar.max = lessons.length;
    bar.value = viewedLessons;
  }
  const text = $('[data-ck-progress-text]');
  if (text) text.textContent = t('progressValue', { viewed: viewedLessons, total: lessons.length });
  show($('[data-ck-progress]'), lessons.length > 0);

  for (const link of $$('a[data-ck-toc]')) {
    const id = link.dataset.ckToc ?? '';
    const done = id === 'assessment' ? !!view.assessment?.passed : id !== 'start' && view.viewed.includes(id);
    if (done === link.hasAttribute('data-ck-done')) continue;
    link.toggleAttribute('data-ck-done', done);
    $('.ck-visually-hidden', link)?.remove();
    if (done) link.appendChild(el('span', ` (${t(id === 'assessment' ? 'passedShort' : 'viewed')})`, { class: 'ck-visually-hidden' }));
  }
  for (const item of $$('[data-ck-lesson]')) show($('[data-ck-viewed]', item), view.viewed.includes(item.dataset.ckLesson ?? ''));

  const resume = $<HTMLAnchorElement>('[data-ck-resume]');
  const bookmark = view.bookmark && pageById(course, view.bookmark);
  if (resume && bookmark && bookmark.kind !== 'start') {
    resume.href = bookmark.url;
    resume.textContent = t('resumeCourse');
  }
  show($('[data-ck-completed]'), view.complete);
}

export function renderNotices(view: HostView, t: Translate): void {
  const box = $('[data-ck-notice]');
  if (!box) return;
  const wanted = view.notices.map((n) => t(n.key)).join('\n');
  if (box.dataset.ckShown === wanted) return;
  box.dataset.ckShown = wanted;
  box.textContent = '';
  for (const notice of view.notices) box.appendChild(el('p', t(notice.key), { 'data-ck-notice-key': notice.key }));
  box.toggleAttribute('data-level', false);
  if (view.notices.some((n) => n.level === 'error')) box.setAttribute('data-level', 'error');
}
