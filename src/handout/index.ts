/**
 * `coursekit handout`: the in-person side of a module, from the same validated content as the
 * e-learning. A participant workbook, a facilitator guide, quiz forms A and B drawn with the
 * online assessment's rules, an answer key per form and an attendance and results sheet that
 * `coursekit results` reads. Deterministic: the same module and seed give the same bytes.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { diagnostic } from '../diagnostics/create.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { CourseModule, Question } from '../model/course.js';
import type { Strings } from '../model/runtime-data.js';
import { loadStrings, textDirection } from '../render/strings.js';
import { fillPlaceholders } from '../shared/ui-text.js';
import { preferredTrack } from '../render/eleventy-options.js';
import { formatSize, runtimeAssessmentOf } from '../render/view-model.js';
import { practiceLayout } from '../shared/paper-form.js';
import { defaultSeed, drawForms, type FormPair, type QuizForm } from './forms.js';
import { renderDocument, type PageSetup, type PaperSize } from './html.js';
import { sessionPlan } from './plan.js';
import { resultsSheet } from './sheet.js';
import { sheetColumns } from '../shared/paper-sheet.js';
import { formQuestions, keyItem, planRows, practiceQuestions, scenarioView } from './view.js';

export type { PaperSize } from './html.js';

export interface HandoutOptions {
  paper: PaperSize;
  /** Form A's seed; by default one derived from the module id and version. */
  seed?: number;
  /** The id of the module in the source language (a translation's results are read with it). */
  sourceId: string;
}

export interface HandoutFile {
  /** Path inside the handout folder. */
  name: string;
  content: string | Uint8Array;
}

export interface Handouts {
  /** The printable documents, by file name (".html"), in the order a facilitator prints them. */
  documents: string[];
  files: HandoutFile[];
  forms: FormPair | undefined;
  diagnostics: Diagnostic[];
}

export const RESULTS_SHEET = 'results-sheet.csv';

export async function makeHandouts(module: CourseModule, options: HandoutOptions): Promise<Handouts> {
  const { meta } = module;
  const s: Strings = loadStrings(meta.language);
  const fill = (template: string, values: Record<string, string | number>) => fillPlaceholders(template, values, meta.language);
  const course = runtimeAssessmentOf(module);
  const page: PageSetup = {
    paper: options.paper,
    language: meta.language,
    externalLink: s.externalLink ?? '',
    title: meta.title,
    pageOf: s['handout.pageOf']!,
    fontFamily: meta.theme?.fontFamily,
  };
  const common = {
    lang: meta.language,
    dir: textDirection(meta.language),
    title: meta.title,
    s,
    module: { description: meta.description, audience: meta.audience ?? '' },
    sources: module.sources.map((source) => ({ document: source.document, title: source.title })),
    versionLine: `${meta.id} ${meta.version}`,
    glossary: Object.fromEntries(module.glossary.map((t) => [t.id, t])),
    ...blockData(module, s),
  };
  // Each part of a source as learners see it, by "document#part": the answer keys quote them.
  const citedTexts = new Map<string, string>();
  for (const source of module.sources) for (const [id, text] of source.displayed) citedTexts.set(`${source.document}#${id}`, text);
  const questions = new Map<string, Question>(module.bank.map((q) => [q.id, q]));
  const files: HandoutFile[] = [];
  const documents: string[] = [];
  // A quiz form's or key's pages name their form in the running header, so a loose page finds its way back.
  const addDocument = (name: string, template: string, view: Record<string, unknown>, header = meta.title) => {
    documents.push(name);
    files.push({ name, content: renderDocument(template, { ...common, ...view }, { ...page, title: header }) });
  };

  const practice = practiceQuestions(module, course, s);
  const practiceAnswers = module.lessons.flatMap((lesson) =>
    lesson.blocks.flatMap((block) =>
      block.type === 'knowledgeCheck'
        ? block.questions.map((q) =>
            keyItem(q, practiceLayout(q.id, course.questions[q.id]!), practice.get(q.id)!.number, course, citedTexts, s),
          )
        : [],
    ),
  );
  addDocument('workbook.html', 'workbook.njk', {
    kind: 'workbook',
    documentTitle: s['handout.workbook'],
    lessons: module.lessons,
    practice: Object.fromEntries(practice),
    practiceAnswers,
    glossaryTerms: module.glossary,
  });

  const assessment = meta.assessment;
  const diagnostics: Diagnostic[] = [];
  const forms = assessment ? drawForms(course, options.seed ?? defaultSeed(course, options.sourceId, meta.version)) : undefined;
  const quizQuestions = forms?.A.questions.length ?? 0;
  const plan = sessionPlan(module, quizQuestions);
  // Passed when correct × 100 ≥ pass mark × questions (shared/scoring.ts), so this many are needed.
  const scoring = meta.assessment && {
    passMark: meta.assessment.passMark,
    n: quizQuestions,
    needed: Math.ceil((meta.assessment.passMark * quizQuestions) / 100),
  };
  const formLine = (form: QuizForm) => fill(s['handout.formSeed']!, { form: form.name, seed: String(form.seed), version: meta.version });
  addDocument('facilitator-guide.html', 'facilitator-guide.njk', {
    kind: 'guide',
    documentTitle: s['handout.guide'],
    plan: planRows(plan, module, s, meta.language),
    planStart: plan.start,
    planEnd: plan.end,
    planMinutes: plan.minutes,
    sessions: plan.parts
      .filter((part) => part.kind === 'lesson')
      .map((part) => {
        const lesson = module.lessons[part.lesson!]!;
        return {
          title: lesson.title,
          start: part.start,
          end: part.end,
          minutes: part.minutes,
          objectives: lesson.objectives,
          keyPoints: lesson.blocks.flatMap((b) => (b.type === 'keyPoints' ? b.items : [])),
          prompts: lesson.blocks.flatMap((b) =>
            b.type === 'reflection' ? [{ prompt: b.prompt, guidance: b.guidance ?? '', modelAnswer: b.modelAnswer ?? '' }] : [],
          ),
          scenarios: lesson.blocks.flatMap((b) => (b.type === 'scenario' ? [scenarioView(b, s)] : [])),
          background: lesson.blocks.flatMap((b) =>
            b.type === 'callout' && b.variant === 'background' ? [{ heading: b.heading ?? '', markdown: b.markdown }] : [],
          ),
        };
      }),
    quiz: forms
      ? {
          scoring,
          questions: quizQuestions,
          seed: String(forms.A.seed),
          formA: formLine(forms.A),
          formB: formLine(forms.B),
          command: `npx coursekit results ${options.sourceId} ${RESULTS_SHEET}`,
        }
      : undefined,
  });

  if (assessment && forms) {
    if (forms.shared === quizQuestions) {
      diagnostics.push(
        diagnostic('handout-forms-not-equivalent', {
          message: `forms A and B of \`${meta.id}\` have the same ${quizQuestions} questions (in another order): the bank has no other questions at the same levels.`,
        }),
      );
    }
    const intro = fill(s['handout.quizIntro']!, {
      minutes: plan.parts.find((p) => p.kind === 'quiz')!.minutes,
      passMark: assessment.passMark,
    });
    const columns = sheetColumns(course, { A: forms.A.questions, B: forms.B.questions });
    for (const form of [forms.A, forms.B]) {
      const suffix = form.name.toLowerCase();
      const view = { documentTitle: fill(s['handout.quizForm']!, { form: form.name }), formLine: formLine(form), form: form.name };
      addDocument(
        `quiz-form-${suffix}.html`,
        'quiz-form.njk',
        { ...view, kind: 'form', intro, questions: formQuestions(form, questions, s) },
        `${meta.title} · ${view.formLine}`,
      );
      const keyTitle = fill(s['handout.answerKey']!, { form: form.name });
      addDocument(
        `answer-key-${suffix}.html`,
        'answer-key.njk',
        {
          ...view,
          kind: 'key',
          documentTitle: keyTitle,
          scoring,
          items: form.questions.map((paper, i) => ({
            ...keyItem(questions.get(paper.id)!, paper, String(i + 1), course, citedTexts, s),
            column: columns.find((c) => c.forms[form.name].id === paper.id)?.label,
          })),
        },
        `${meta.title} · ${keyTitle} · ${view.formLine}`,
      );
    }
    files.push({
      name: RESULTS_SHEET,
      content: resultsSheet(course, forms, { moduleId: options.sourceId, version: meta.version, language: meta.language }, s),
    });
  }
  for (const file of module.media) files.push({ name: file, content: await readFile(path.join(module.folder, file)) });
  return { documents, files, forms, diagnostics };
}

/**
 * What the printed blocks need beyond their own fields: media files' type and size, the
 * transcript a recording without one gets from its captions (in the handout's language if
 * there are such), the prompts of reflections an action plan gathers, each scenario's steps, and
 * where each key term is first defined.
 */
function blockData(module: CourseModule, s: Strings) {
  const language = module.meta.language;
  const blocks = module.lessons.flatMap((lesson) => lesson.blocks);
  const transcripts: Record<string, string[]> = {};
  for (const block of blocks) {
    if ((block.type === 'video' || block.type === 'audio') && block.captions)
      transcripts[block.src] = module.mediaDetails[block.captions[preferredTrack(block.captions, language)]!.src]?.cues ?? [];
  }
  return {
    media: Object.fromEntries(
      Object.entries(module.mediaDetails).map(([file, d]) => [file, { label: d.label, size: formatSize(d.bytes, language, s) }]),
    ),
    transcripts,
    reflections: Object.fromEntries(blocks.flatMap((b) => (b.type === 'reflection' && b.id !== undefined ? [[b.id, b.prompt]] : []))),
    scenarios: Object.fromEntries(blocks.flatMap((b) => (b.type === 'scenario' ? [[b.id, scenarioView(b, s)]] : []))),
    glossaryFirstLesson: firstLessonOfTerms(module),
  };
}

/**
 * The lesson (1-based) whose key terms define a term first: on paper a term is defined there,
 * and later lessons point back to it, rather than print the same definitions again and again.
 */
function firstLessonOfTerms(module: CourseModule): Record<string, number> {
  const first: Record<string, number> = {};
  module.lessons.forEach((lesson, i) => {
    for (const block of lesson.blocks) if (block.type === 'glossary') for (const id of block.terms) first[id] ??= i + 1;
  });
  return first;
}
