/**
 * What the templates and the learner runtime see: the validated course shaped into pages.
 * Built here, in TypeScript, so templates stay simple loops over plain data.
 */
import { type CourseModule, type CoverageRow, citationKey, citationLabel, citedUnit, type Lesson, type Question } from '../model/course.js';
import type { RuntimeCourseData, RuntimeQuestion, Strings } from '../model/runtime-data.js';
import { buildCoverageReport, type CoverageReport } from '../report/coverage.js';
import type { UntranslatedTexts } from './content-text.js';
import { fillPlaceholders } from '../shared/ui-text.js';
import { loadStrings, textDirection } from './strings.js';

export type PageKind = 'start' | 'lesson' | 'assessment' | 'launch';

export interface PageLink {
  url: string;
  title: string;
}

export interface PageView {
  kind: PageKind;
  /** Stable page id: `start`, the lesson id, or `assessment`. Used for bookmarks. */
  pageId: string;
  /** Output path relative to the site root, e.g. `my-module/01-intro.html`. */
  permalink: string;
  /** File name inside the module folder, e.g. `01-intro.html`. */
  fileName: string;
  title: string;
  module: ModuleView;
  lesson: Lesson | undefined;
  lessonNumber: number;
  previous: PageLink | undefined;
  next: PageLink | undefined;
  /** The lessons this page's contents list shows (all of them, or a window in long modules). */
  tocLessons: ModuleView['lessons'];
  /** True when tocLessons leaves lessons out; the list then links to the start page's full list. */
  tocAbridged: boolean;
}

/**
 * Up to this many lessons, every page lists them all. Beyond, a page lists the lessons near it
 * and links to the start page's full list: a thousand-lesson module would otherwise repeat a
 * thousand links on every page (output that grows with the square of the lessons).
 */
export const FULL_TOC_MAX_LESSONS = 40;
const TOC_WINDOW = 5;

export interface ModuleView {
  id: string;
  title: string;
  description: string;
  audience: string;
  estimatedMinutes: number;
  language: string;
  dir: 'ltr' | 'rtl';
  version: string;
  strings: Strings;
  lessons: { id: string; title: string; summary: string; fileName: string; estimatedMinutes: number; objectives: Lesson['objectives'] }[];
  assessment:
    | { title: string; introduction: string; questionCount: number; passMark: number; maxAttempts: number; fileName: string }
    | undefined;
  glossary: Record<string, { term: string; definition: string; background: boolean }>;
  sources: { document: string; title: string }[];
  /** The assessment's question bank (rendered hidden; the runtime shows the drawn ones). */
  bank: Question[];
  /** Recommendations × objectives × questions, for the coverage report page. */
  coverage: CoverageRow[];
  /** The module has a theme: pages link assets/theme.css after the default stylesheet. */
  hasTheme: boolean;
  /** The same report `coursekit report` prints, for reports/<id>.html. */
  coverageReport: CoverageReport;
  /**
   * Files of video, audio and download blocks and their captions, by path: type, size in words;
   * for captions their cues, and the file as a data: URL (browsers load no track from file://).
   */
  media: Record<string, { label: string; size: string; cues: string[]; track: string }>;
  /** The prompts of reflections that have an id, for the action plans that gather them. */
  reflections: Record<string, string>;
  /** A draft translation says so on every page, naming the language its untranslated texts are in. */
  draftNotice: string | undefined;
}

/** A line of the site's index page (dist/site/index.html), which lists every built module. */
export interface IndexEntry {
  id: string;
  title: string;
  description: string;
  version: string;
  language: string;
  dir: 'ltr' | 'rtl';
}

export interface SiteModel {
  modules: ModuleView[];
  pages: PageView[];
  runtimeData: Map<string, RuntimeCourseData>;
  index: IndexEntry[];
  /** By module id, for the drafts: the texts still in the source language (the content filters read it). */
  untranslated: Map<string, UntranslatedTexts>;
}

/** `earlierIndex`: modules already in the site from an earlier build of other modules. */
export function buildSiteModel(modules: CourseModule[], earlierIndex: IndexEntry[] = []): SiteModel {
  const views: ModuleView[] = [];
  const pages: PageView[] = [];
  const runtimeData = new Map<string, RuntimeCourseData>();
  const untranslated = new Map<string, UntranslatedTexts>();
  for (const module of modules) {
    const view = toModuleView(module);
    views.push(view);
    if (module.translation?.draft) {
      const lang = module.translation.sourceLanguage;
      untranslated.set(module.id, {
        texts: new Set(module.translation.untranslated),
        lang,
        dir: textDirection(lang),
        mark: view.strings.notTranslated ?? '',
      });
    }
    const modulePages = modulePagesOf(view, module);
    pages.push(...modulePages);
    runtimeData.set(module.id, toRuntimeData(module, view, modulePages));
  }
  const index = new Map(earlierIndex.map((e) => [e.id, e]));
  for (const v of views)
    index.set(v.id, { id: v.id, title: v.title, description: v.description, version: v.version, language: v.language, dir: v.dir });
  return { modules: views, pages, runtimeData, index: [...index.values()].sort((a, b) => a.id.localeCompare(b.id)), untranslated };
}

/**
 * Everything a page's template and filters read, as JSON parts: a page whose inputs are the
 * same as in an earlier build renders to the same HTML, so the preview re-renders only pages
 * whose inputs changed. Every page reads the module's shared data (title, strings, glossary,
 * sources, the number of lessons, a draft's untranslated texts); only the start page lists
 * every lesson, and only the assessment renders the question bank. A template that starts
 * reading another part of the module must be reflected here (tests/preview/incremental.test.ts
 * compares with full builds). Parts, not one string: the large ones (the shared data, a lesson)
 * are the same string for every page of a build, and are not copied a thousand times.
 */
export type Inputs = readonly string[];

export function pageInputs(page: PageView, site: SiteModel): Inputs {
  const { module: view, lesson, tocLessons, ...own } = page;
  const parts = [sharedInputs(view, site), JSON.stringify(own), lesson ? memoJson(lesson) : '', ...tocLessons.map(memoJson)];
  if (page.kind === 'start') parts.push(...view.lessons.map(memoJson));
  if (page.kind === 'assessment') parts.push(JSON.stringify(view.bank));
  return parts;
}

/** Everything a module's coverage report reads (templates/reports.njk), as pageInputs for pages. */
export function reportInputs(view: ModuleView, site: SiteModel): Inputs {
  return [sharedInputs(view, site), JSON.stringify(view.coverageReport), ...view.lessons.map(memoJson)];
}

export function sameInputs(a: Inputs | undefined, b: Inputs): boolean {
  return a !== undefined && a.length === b.length && a.every((part, i) => part === b[i]);
}

const sharedByView = new WeakMap<ModuleView, string>();
const jsonByObject = new WeakMap<object, string>();

/** The module's data every page reads, and a draft's untranslated texts, which the content filters mark. */
function sharedInputs(view: ModuleView, site: SiteModel): string {
  let json = sharedByView.get(view);
  if (json === undefined) {
    const { lessons, bank: _bank, coverage: _coverage, coverageReport: _report, ...shared } = view;
    const draft = site.untranslated.get(view.id);
    const untranslated = draft && { ...draft, texts: [...draft.texts].sort() };
    json = JSON.stringify({ ...shared, lessonCount: lessons.length, untranslated });
    sharedByView.set(view, json);
  }
  return json;
}

/**
 * JSON of an object that is not modified once built: a lesson (the file's own data, the same
 * object between loads while the file is unchanged) or a module's lesson entry (listed by
 * several pages of a build).
 */
function memoJson(value: object): string {
  let json = jsonByObject.get(value);
  if (json === undefined) {
    json = JSON.stringify(value);
    jsonByObject.set(value, json);
  }
  return json;
}

function toModuleView(module: CourseModule): ModuleView {
  const { meta } = module;
  const strings = loadStrings(meta.language);
  const assessment = meta.assessment;
  return {
    id: meta.id,
    title: meta.title,
    description: meta.description,
    audience: meta.audience ?? '',
    estimatedMinutes: meta.estimatedMinutes ?? module.lessons.reduce((n, l) => n + (l.estimatedMinutes ?? 0), 0),
    language: meta.language,
    dir: textDirection(meta.language),
    version: meta.version,
    strings,
    lessons: module.lessons.map((l) => ({
      id: l.id,
      title: l.title,
      summary: l.summary ?? '',
      fileName: `${l.id}.html`,
      estimatedMinutes: l.estimatedMinutes ?? 0,
      objectives: l.objectives,
    })),
    assessment: assessment
      ? {
          title: assessment.title,
          introduction: assessment.introduction ?? '',
          questionCount: assessment.draw.reduce((n, d) => n + d.count, 0),
          passMark: assessment.passMark,
          maxAttempts: assessment.maxAttempts,
          fileName: 'assessment.html',
        }
      : undefined,
    glossary: Object.fromEntries(module.glossary.map((t) => [t.id, { term: t.term, definition: t.definition, background: t.background }])),
    sources: module.sources.map((s) => ({ document: s.document, title: s.title })),
    bank: module.bank,
    coverage: module.coverage,
    coverageReport: buildCoverageReport(module, strings),
    hasTheme: module.meta.theme !== undefined,
    media: Object.fromEntries(
      Object.entries(module.mediaDetails).map(([file, d]) => [
        file,
        {
          label: d.label,
          size: formatSize(d.bytes, meta.language, strings),
          cues: d.cues ?? [],
          track: d.webVtt === undefined ? '' : `data:text/vtt;base64,${Buffer.from(d.webVtt).toString('base64')}`,
        },
      ]),
    ),
    reflections: Object.fromEntries(
      module.lessons.flatMap((l) => l.blocks.flatMap((b) => (b.type === 'reflection' && b.id !== undefined ? [[b.id, b.prompt]] : []))),
    ),
    draftNotice: module.translation?.draft
      ? fillPlaceholders(
          strings.draftNotice ?? '',
          { language: languageNameIn(module.translation.sourceLanguage, meta.language) },
          meta.language,
        )
      : undefined,
  };
}

/** "641 bytes", "12 KB", "3.4 MB", with the number in the module language's own style. */
export function formatSize(bytes: number, language: string, strings: Strings): string {
  if (bytes < 1024) return fillPlaceholders(strings.sizeBytes ?? '{n} bytes', { n: bytes }, language);
  if (bytes < 1024 * 1024) return fillPlaceholders(strings.sizeKB ?? '{n} KB', { n: Math.round(bytes / 1024) }, language);
  return fillPlaceholders(strings.sizeMB ?? '{n} MB', { n: Math.round((bytes / (1024 * 1024)) * 10) / 10 }, language);
}

/** "anglais": a language's name in the page's language; the tag itself when the runtime does not know it. */
export function languageNameIn(tag: string, pageLanguage: string): string {
  try {
    return new Intl.DisplayNames([pageLanguage], { type: 'language', fallback: 'code' }).of(tag) ?? tag;
  } catch {
    return tag;
  }
}

function modulePagesOf(view: ModuleView, module: CourseModule): PageView[] {
  const base = (kind: PageKind, pageId: string, fileName: string, title: string, lesson?: Lesson, lessonNumber = 0): PageView => ({
    kind,
    pageId,
    fileName,
    permalink: `${view.id}/${fileName}`,
    title,
    module: view,
    lesson,
    lessonNumber,
    previous: undefined,
    next: undefined,
    ...tocFor(view, lessonNumber),
  });
  const sequence: PageView[] = [base('start', 'start', 'index.html', view.title)];
  for (const [i, lesson] of module.lessons.entries())
    sequence.push(base('lesson', lesson.id, `${lesson.id}.html`, lesson.title, lesson, i + 1));
  if (view.assessment) sequence.push(base('assessment', 'assessment', view.assessment.fileName, view.assessment.title));
  sequence.forEach((page, i) => {
    const previous = sequence[i - 1];
    const next = sequence[i + 1];
    page.previous = previous ? { url: previous.fileName, title: previous.title } : undefined;
    page.next = next ? { url: next.fileName, title: next.title } : undefined;
  });
  return [...sequence, base('launch', 'launch', 'launch.html', view.title)];
}

function tocFor(view: ModuleView, lessonNumber: number): { tocLessons: ModuleView['lessons']; tocAbridged: boolean } {
  if (view.lessons.length <= FULL_TOC_MAX_LESSONS) return { tocLessons: view.lessons, tocAbridged: false };
  const centre = lessonNumber > 0 ? lessonNumber - 1 : 0;
  const start = Math.max(0, Math.min(centre - TOC_WINDOW, view.lessons.length - 2 * TOC_WINDOW - 1));
  return { tocLessons: view.lessons.slice(start, start + 2 * TOC_WINDOW + 1), tocAbridged: true };
}

function toRuntimeData(module: CourseModule, view: ModuleView, pages: PageView[]): RuntimeCourseData {
  const { assessment, questions } = runtimeAssessmentOf(module);
  // What the results review shows under each question: the part it cites, as learners see the source.
  const citedTexts: RuntimeCourseData['citedTexts'] = {};
  for (const q of module.bank) {
    const { kind, id } = citedUnit(q.source);
    const text = module.sources.find((s) => s.document === q.source.document)?.displayed.get(id);
    if (text) citedTexts[citationKey(q.source)] = { label: citationLabel(view.strings, q.source.document, kind, id), text };
  }
  const scenarios: RuntimeCourseData['scenarios'] = {};
  for (const lesson of module.lessons) {
    for (const block of lesson.blocks) {
      if (block.type !== 'scenario') continue;
      const steps = Object.fromEntries(
        block.steps.map((step) => [
          step.id,
          (step.choices ?? []).map((c) => (c.next === undefined ? { id: c.id } : { id: c.id, next: c.next })),
        ]),
      );
      scenarios[block.id] = { title: block.heading, start: block.start, steps };
    }
  }
  return {
    id: module.id,
    version: module.meta.version,
    title: module.meta.title,
    language: module.meta.language,
    completion: module.meta.tracking.completion,
    pages: pages
      .filter((p): p is PageView & { kind: 'start' | 'lesson' | 'assessment' } => p.kind !== 'launch')
      .map((p) => ({ id: p.pageId, url: p.fileName, title: p.title, kind: p.kind })),
    assessment,
    questions,
    citedTexts,
    scenarios,
    ...(module.translation
      ? { citedTextsLanguage: { lang: module.translation.sourceLanguage, dir: textDirection(module.translation.sourceLanguage) } }
      : {}),
    strings: runtimeStrings(view.strings),
  };
}

export type RuntimeAssessment = Pick<RuntimeCourseData, 'assessment' | 'questions'>;

/**
 * The assessment and every question as the runtime draws and scores them. `coursekit handout`
 * draws its paper forms from the same data, and `coursekit results` reads them back with it.
 */
export function runtimeAssessmentOf(module: CourseModule): RuntimeAssessment {
  const questions: Record<string, RuntimeQuestion> = {};
  for (const q of module.bank) questions[q.id] = toRuntimeQuestion(q, true);
  for (const lesson of module.lessons) {
    for (const block of lesson.blocks) {
      if (block.type === 'knowledgeCheck') for (const q of block.questions) questions[q.id] = toRuntimeQuestion(q, false);
    }
  }
  const assessment = module.meta.assessment;
  return {
    assessment: assessment
      ? {
          passMark: assessment.passMark,
          maxAttempts: assessment.maxAttempts,
          shuffleQuestions: assessment.shuffleQuestions ?? true,
          shuffleOptions: assessment.shuffleOptions ?? true,
          draw: assessment.draw.map((d) => ({
            key: citationKey(d.source),
            count: d.count,
            ...(d.minAtOrAbove ? { minAtOrAbove: { level: d.minAtOrAbove.level, count: d.minAtOrAbove.count } } : {}),
          })),
          failedAttemptStatus: module.meta.tracking.failedAttemptStatus ?? 'incomplete',
          reportedScore: module.meta.tracking.reportedScore ?? 'best',
        }
      : undefined,
    questions,
  };
}

/** The printed handouts' strings ("handout.*") stay out of the data every page of the course loads. */
function runtimeStrings(strings: Strings): Strings {
  return Object.fromEntries(Object.entries(strings).filter(([key]) => !key.startsWith('handout.')));
}

export function toRuntimeQuestion(q: Question, bank: boolean): RuntimeQuestion {
  const common = { type: q.type, source: citationKey(q.source), prompt: q.prompt, level: q.level, bank };
  switch (q.type) {
    case 'single':
      return { ...common, ids: q.options.map((o) => o.id), correct: [q.correct] };
    case 'multiple':
      return { ...common, ids: q.options.map((o) => o.id), correct: [...q.correct] };
    case 'trueFalse':
      return { ...common, ids: ['true', 'false'], correct: [String(q.correct)] };
    case 'matching':
      // The learner picks, for each prompt, the pair whose match fits: correct means each pair picks itself.
      return { ...common, ids: q.pairs.map((p) => p.id), correct: q.pairs.map((p) => p.id) };
    case 'ordering':
      return { ...common, ids: q.items.map((i) => i.id), correct: q.items.map((i) => i.id) };
    case 'fillIn':
      return { ...common, ids: [], correct: [...q.accept] };
  }
}
