/**
 * Rules JSON Schema cannot express: they look across files (the lesson order, objective and
 * glossary references, citations into the source text, verbatim quotes, the assessment draw,
 * media files) or judge style. They run once every file matches its schema, and they collect
 * every problem. Each message starts with the place, as schema messages do.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { diagnosticAt } from '../diagnostics/create.js';
import type { DiagnosticCode } from '../diagnostics/catalog.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { LoadedModule } from '../load/index.js';
import type { JsonFile } from '../model/json-file.js';
import { segmentsToPointer } from '../load/json-pointer.js';
import { explainQuoteMismatch, normalizeWhitespace, splitParagraphs } from '../load/source-text.js';
import type { Glossary, QuestionBank } from '../model/content.generated.js';
import { citationKey, type Citation, type CourseModule, type CoverageRow, type GlossaryTerm, type Lesson, type Module, type Question, type SourceText } from '../model/course.js';
import { checkLanguageStrings } from './language.js';
import { checkThemeContrast } from './theme.js';
import { createMediaResolver } from './media.js';
import { isUnhelpfulAlt, markdownHtmlTag, vagueObjectiveVerb } from './style.js';
import { describePlace, type ContentKind } from './place.js';
import { closest } from './suggest.js';

interface Located<T> {
  value: T;
  file: JsonFile;
  pointer: string;
}

interface At {
  file: JsonFile;
  pointer: string;
}

type Report = (code: DiagnosticCode, at: At, message: string, options?: { hint?: string | undefined; atKey?: boolean }) => void;

export async function checkModuleRules(loaded: LoadedModule): Promise<{ module: CourseModule; diagnostics: Diagnostic[] }> {
  const diagnostics: Diagnostic[] = [];
  const kinds = new Map<JsonFile, ContentKind>([[loaded.moduleFile, 'module']]);
  for (const f of loaded.lessonFiles) kinds.set(f, 'lesson');
  for (const f of loaded.questionFiles) kinds.set(f, 'question-bank');
  if (loaded.glossaryFile) kinds.set(loaded.glossaryFile, 'glossary');
  const report: Report = (code, at, message, options = {}) => {
    const place = describePlace(kinds.get(at.file) ?? 'module', at.file.data, at.pointer).label;
    diagnostics.push(
      diagnosticAt(code, at.file, at.pointer, `${place}: ${message}`, {
        ...(options.hint === undefined ? {} : { hint: options.hint }),
        ...(options.atKey === undefined ? {} : { atKey: options.atKey }),
      }),
    );
  };
  const meta = loaded.moduleFile.data as Module;
  const moduleAt = (pointer: string): At => ({ file: loaded.moduleFile, pointer });
  const mediaResolver = createMediaResolver(loaded.folder);

  if (meta.id !== loaded.folderName) {
    report('module-id-mismatch', moduleAt('/id'), `the id \`${meta.id}\` differs from the folder name \`${loaded.folderName}\`.`, {
      hint: `Rename the folder to ${meta.id}, or set "id" to "${loaded.folderName}". The id names the packages and SCORM identifiers, so keep the published one.`,
    });
  }
  for (const [file, kind] of kinds) checkBlankText(file, kind, report);
  // Every language the module is published in needs the learner-interface strings; the texts
  // of each translation are checked by the translation stage (translation-missing).
  const language = checkLanguageStrings(meta.language);
  if (language) report('language-strings-missing', moduleAt('/language'), language);
  (meta.translations ?? []).forEach((tag, i) => {
    const missing = checkLanguageStrings(tag);
    if (missing) report('language-strings-missing', moduleAt(`/translations/${i}`), missing);
  });

  // Lessons: the order in module.json decides what is built.
  const lessonsByFileName = new Map(loaded.lessonFiles.map((f) => [path.basename(f.absolutePath, '.json'), f]));
  const unlisted = [...lessonsByFileName.keys()].filter((name) => !meta.lessons.includes(name));
  const lessons: Located<Lesson>[] = [];
  meta.lessons.forEach((lessonId, index) => {
    const file = lessonsByFileName.get(lessonId);
    if (!file) {
      const suggestion = closest(lessonId, unlisted);
      report('lesson-missing', moduleAt(`/lessons/${index}`), `lesson \`${lessonId}\` is in the lesson order, but ${loaded.displayFolder}/lessons/${lessonId}.json does not exist.`, {
        hint: suggestion
          ? `There is a lesson file ${suggestion}.json: did you mean \`${suggestion}\`?`
          : `Create it with \`coursekit new lesson ${loaded.folderName} ${lessonId}\`, or remove "${lessonId}" from "lessons".`,
      });
      return;
    }
    const lesson = file.data as Lesson;
    if (lesson.id !== lessonId) {
      report('lesson-id-mismatch', { file, pointer: '/id' }, `the file is ${lessonId}.json, but its id is \`${lesson.id}\`; they must be the same.`, {
        hint: `Set "id" to "${lessonId}", or rename the file to ${lesson.id}.json and update the lesson order in module.json.`,
      });
    }
    lessons.push({ value: lesson, file, pointer: '' });
  });
  for (const name of unlisted) {
    const file = lessonsByFileName.get(name)!;
    report('lesson-unlisted', { file, pointer: '' }, `the lesson is not in the lesson order ("lessons" in module.json), so it is not built.`);
  }

  // Sources: read each declared document and find its paragraphs.
  const sources: SourceText[] = [];
  const seenDocuments = new Map<string, number>();
  for (const [index, declared] of meta.sources.entries()) {
    const earlier = seenDocuments.get(declared.document);
    if (earlier !== undefined) {
      report('duplicate-id', moduleAt(`/sources/${index}/document`), `the document ${declared.document} is declared twice (sources ${earlier + 1} and ${index + 1}).`, {
        hint: 'Declare each document once, listing all the paragraphs the module covers in its "paragraphs".',
      });
      continue;
    }
    seenDocuments.set(declared.document, index);
    const at = moduleAt(`/sources/${index}/file`);
    const resolved = await mediaResolver.resolve(declared.file);
    if (resolved.kind === 'outside') {
      report('media-outside-module', at, `the source document path "${declared.file}" leaves the module folder.`);
      continue;
    }
    if (resolved.kind === 'missing') {
      report('source-file-missing', at, `the text of ${declared.document} is not at ${loaded.displayFolder}/${declared.file}.`, {
        hint: resolved.suggestion ? `There is ${resolved.suggestion}: did you mean "${resolved.suggestion}"?` : undefined,
      });
      continue;
    }
    const text = await readSourceText(resolved.path);
    if (text === undefined) {
      report('file-not-utf8', at, `the text of ${declared.document} (${declared.file}) is not UTF-8 text, so its paragraphs cannot be matched.`);
      continue;
    }
    const paragraphs = splitParagraphs(text);
    for (const [i, paragraph] of declared.paragraphs.entries()) {
      if (!paragraphs.has(paragraph)) {
        report('source-paragraph-missing', moduleAt(`/sources/${index}/paragraphs/${i}`), `paragraph ${paragraph} is declared, but ${declared.file} has no line starting with "${paragraph}. ".`, {
          hint: paragraphs.size > 0 ? `The file has paragraphs ${describeNumbers([...paragraphs.keys()])}. Add the paragraph's text, or remove ${paragraph} from "paragraphs".` : undefined,
        });
      }
    }
    sources.push({ document: declared.document, title: declared.title, file: declared.file, declared: declared.paragraphs, paragraphs });
  }
  const sourceByDocument = new Map(sources.map((s) => [s.document, s]));
  const declaredDocuments = [...seenDocuments.keys()];

  /** Citations that do not resolve (already reported): coverage and draw counts built on them would mislead. */
  let unresolvedCitations = 0;
  const checkCitation = (citation: Citation, at: At): boolean => {
    const resolved = resolveCitation(citation, at);
    if (!resolved) unresolvedCitations++;
    return resolved;
  };
  const resolveCitation = (citation: Citation, at: At): boolean => {
    if (!seenDocuments.has(citation.document)) {
      const suggestion = closest(citation.document, declaredDocuments);
      report('unknown-source', { ...at, pointer: `${at.pointer}/document` }, `"${citation.document}" is not one of the module's source documents (${declaredDocuments.join(', ')}).`, {
        hint: suggestion ? `Did you mean "${suggestion}"?` : undefined,
      });
      return false;
    }
    const source = sourceByDocument.get(citation.document);
    if (!source) return false;
    if (!source.paragraphs.has(citation.paragraph)) {
      report('unknown-paragraph', { ...at, pointer: `${at.pointer}/paragraph` }, `${citation.document} has no paragraph ${citation.paragraph} in ${source.file} (it has ${describeNumbers([...source.paragraphs.keys()])}).`, {
        hint: `Cite one of those paragraphs. A paragraph exists when a line of ${source.file} starts with its number and a full stop ("${citation.paragraph}. ").`,
      });
      return false;
    }
    if (!source.declared.includes(citation.paragraph)) {
      report('paragraph-not-declared', { ...at, pointer: `${at.pointer}/paragraph` }, `paragraph ${citation.paragraph} of ${citation.document} is not among the module's declared paragraphs (${describeNumbers(source.declared)}).`);
    }
    return true;
  };

  // Glossary
  const glossaryTerms: Located<GlossaryTerm>[] = [];
  if (loaded.glossaryFile) {
    const glossary = loaded.glossaryFile.data as Glossary;
    glossary.terms.forEach((term, i) => glossaryTerms.push({ value: term, file: loaded.glossaryFile!, pointer: `/terms/${i}` }));
  }
  const glossaryById = firstById(glossaryTerms, 'glossary term', report);
  for (const term of glossaryTerms) if (term.value.source) checkCitation(term.value.source, { file: term.file, pointer: `${term.pointer}/source` });
  const glossaryIds = [...glossaryById.keys()];

  // Objectives
  const objectives: Located<Lesson['objectives'][number]>[] = [];
  for (const lesson of lessons) {
    lesson.value.objectives.forEach((objective, i) => objectives.push({ value: objective, file: lesson.file, pointer: `/objectives/${i}` }));
  }
  const objectiveById = firstById(objectives, 'objective', report);
  const miscitedObjectives = new Set<string>();
  for (const o of objectives) {
    if (!checkCitation(o.value.source, { file: o.file, pointer: `${o.pointer}/source` })) miscitedObjectives.add(o.value.id);
    const vague = vagueObjectiveVerb(o.value.text);
    if (vague) report('objective-not-measurable', { file: o.file, pointer: `${o.pointer}/text` }, `the objective starts with "${vague}", which a question cannot measure.`);
  }

  // Blocks
  const media = new Set<string>();
  const knowledgeChecks: Located<Question>[] = [];
  for (const lesson of lessons) {
    for (const [b, block] of lesson.value.blocks.entries()) {
      const blockAt: At = { file: lesson.file, pointer: `/blocks/${b}` };
      const fieldAt = (field: string): At => ({ ...blockAt, pointer: `${blockAt.pointer}/${field}` });
      switch (block.type) {
        case 'text':
        case 'callout':
          checkMarkdown(block.markdown, fieldAt('markdown'), report);
          break;
        case 'quote': {
          if (!checkCitation(block.citation, fieldAt('citation'))) break;
          const source = sourceByDocument.get(block.citation.document)!;
          const paragraph = source.paragraphs.get(block.citation.paragraph) ?? '';
          const quote = normalizeWhitespace(block.text);
          if (quote === '' || paragraph.includes(quote)) break;
          const elsewhere = [...source.paragraphs].find(([, text]) => text.includes(quote))?.[0];
          if (elsewhere !== undefined) {
            report('quote-not-verbatim', fieldAt('citation/paragraph'), `the quote is not in ${block.citation.document} paragraph ${block.citation.paragraph}, but it is word for word in paragraph ${elsewhere}.`, {
              hint: `Cite paragraph ${elsewhere}: set "paragraph" to ${elsewhere}.`,
            });
          } else {
            report('quote-not-verbatim', fieldAt('text'), `the quote is not found word for word in ${block.citation.document} paragraph ${block.citation.paragraph}: ${explainQuoteMismatch(quote, paragraph)}.`);
          }
          break;
        }
        case 'glossary':
          if (!loaded.glossaryFile) {
            report('glossary-missing', blockAt, `the block shows key terms, but ${loaded.displayFolder}/glossary.json does not exist.`);
            break;
          }
          block.terms.forEach((term, t) => {
            if (glossaryById.has(term)) return;
            const suggestion = closest(term, glossaryIds);
            report('unknown-reference', fieldAt(`terms/${t}`), `the glossary term \`${term}\` is not in glossary.json.`, {
              hint: suggestion ? `Did you mean \`${suggestion}\`?` : 'Add the term to glossary.json, or check the spelling of its id.',
            });
          });
          break;
        case 'image': {
          const resolved = await mediaResolver.resolve(block.src);
          if (resolved.kind === 'outside') {
            report('media-outside-module', fieldAt('src'), `the image path "${block.src}" leaves the module folder (through a link or an unusual path).`);
          } else if (resolved.kind === 'missing') {
            report('media-missing', fieldAt('src'), `the image ${loaded.displayFolder}/${block.src} does not exist${resolved.suggestion && resolved.suggestion.toLowerCase() === block.src.toLowerCase() ? ' with that letter case' : ''}.`, {
              hint: resolved.suggestion
                ? `There is ${resolved.suggestion}: did you mean "${resolved.suggestion}"? Letter case matters on LMS web servers.`
                : undefined,
            });
          } else {
            media.add(resolved.relative);
          }
          if (block.alt.trim() !== '' && isUnhelpfulAlt(block.alt, block.src)) {
            report('image-alt-unhelpful', fieldAt('alt'), `the alt text "${block.alt}" does not say what the image shows.`);
          }
          break;
        }
        case 'knowledgeCheck':
          block.questions.forEach((q, i) => knowledgeChecks.push({ value: q, file: lesson.file, pointer: `${blockAt.pointer}/questions/${i}` }));
          break;
        default:
          break;
      }
    }
  }
  if (meta.assessment?.introduction) checkMarkdown(meta.assessment.introduction, moduleAt('/assessment/introduction'), report);

  // Questions: the bank and the knowledge checks share one id space (SCORM interaction ids).
  const bank: Located<Question>[] = [];
  for (const file of loaded.questionFiles) {
    (file.data as QuestionBank).questions.forEach((q, i) => bank.push({ value: q, file, pointer: `/questions/${i}` }));
  }
  firstById([...bank, ...knowledgeChecks], 'question', report);
  const objectiveIds = [...objectiveById.keys()];
  for (const q of [...bank, ...knowledgeChecks]) {
    checkQuestion(q, (id) => objectiveById.get(id)?.value, objectiveIds, miscitedObjectives, checkCitation, report);
  }

  // Coverage and the assessment draw. They are checked only when every citation resolves: a
  // mistyped citation is reported once, above, and would otherwise reappear as a gap here. A
  // paragraph missing from the source text is likewise reported once.
  const coverage: CoverageRow[] = [];
  for (const source of sources) {
    for (const paragraph of source.declared) {
      const cites = (c: Citation) => c.document === source.document && c.paragraph === paragraph;
      coverage.push({
        document: source.document,
        paragraph,
        objectives: objectives.filter((o) => cites(o.value.source)).map((o) => o.value.id),
        lessons: lessons.filter((l) => l.value.objectives.some((o) => cites(o.source))).map((l) => l.value.id),
        bankQuestions: bank.filter((q) => cites(q.value.source)).map((q) => q.value.id),
        knowledgeCheckQuestions: knowledgeChecks.filter((q) => cites(q.value.source)).map((q) => q.value.id),
        drawn: (meta.assessment?.draw ?? []).filter((d) => cites(d.source)).reduce((n, d) => n + d.count, 0),
      });
    }
  }
  const draws: { index: number; count: number; source: Citation }[] = [];
  if (meta.assessment) {
    const seenDraws = new Map<string, number>();
    meta.assessment.draw.forEach((draw, i) => {
      const at = moduleAt(`/assessment/draw/${i}/source`);
      const earlier = seenDraws.get(citationKey(draw.source));
      if (earlier !== undefined) {
        report('duplicate-id', at, `draw entries ${earlier + 1} and ${i + 1} both draw from ${draw.source.document} paragraph ${draw.source.paragraph}.`, {
          hint: 'Merge them into one entry and add up the counts.',
        });
        return;
      }
      seenDraws.set(citationKey(draw.source), i);
      if (checkCitation(draw.source, at)) draws.push({ index: i, count: draw.count, source: draw.source });
    });
  }
  if (unresolvedCitations === 0) {
    for (const row of coverage) {
      const sourceIndex = meta.sources.findIndex((s) => s.document === row.document);
      if (!sourceByDocument.get(row.document)?.paragraphs.has(row.paragraph)) continue;
      const paragraphIndex = meta.sources[sourceIndex]?.paragraphs.indexOf(row.paragraph) ?? 0;
      const at = moduleAt(`/sources/${sourceIndex}/paragraphs/${paragraphIndex}`);
      if (row.objectives.length === 0) report('paragraph-not-taught', at, `paragraph ${row.paragraph} of ${row.document} is declared, but no learning objective cites it.`);
      if (meta.assessment && row.drawn === 0) {
        report('paragraph-not-assessed', at, `paragraph ${row.paragraph} of ${row.document} is declared, but the assessment draws no question from it.`, {
          hint:
            row.bankQuestions.length > 0
              ? `The bank has ${plural(row.bankQuestions.length, 'question')} for it: add { "source": { "document": "${row.document}", "paragraph": ${row.paragraph} }, "count": 1 } to "draw" in the assessment.`
              : undefined,
        });
      }
    }
    for (const draw of draws) {
      const at = moduleAt(`/assessment/draw/${draw.index}/count`);
      const available = bank.filter((q) => citationKey(q.value.source) === citationKey(draw.source)).length;
      if (draw.count > available) {
        report('draw-unsatisfiable', at, `each attempt draws ${draw.count} question(s) from ${draw.source.document} paragraph ${draw.source.paragraph}, but the question bank has ${available}.`, {
          hint: `Add ${plural(draw.count - available, 'question')} citing paragraph ${draw.source.paragraph} to questions/, or lower "count" to ${available}.`,
        });
      } else if (draw.count === available && meta.assessment!.maxAttempts !== 1) {
        report('draw-no-variety', at, `each attempt draws all ${available} question(s) the bank has for ${draw.source.document} paragraph ${draw.source.paragraph}, so every attempt asks the same ones.`);
      }
    }
  }
  if (!meta.assessment) {
    if (meta.tracking.completion !== 'allPagesViewed') {
      report('assessment-missing', moduleAt('/tracking/completion'), `completion is "${meta.tracking.completion}", but the module has no assessment.`);
    }
    if (bank.length > 0) {
      report('no-assessment-questions', moduleAt(''), `questions/ has ${plural(bank.length, 'question')}, but the module has no "assessment" to use them.`);
    }
  }

  // Theme: the logo is media like any other; colours must stay readable.
  if (meta.theme) {
    const themeAt = (field: string) => ({ file: loaded.moduleFile, pointer: `/theme/${field}` });
    if (meta.theme.logo) {
      const resolved = await mediaResolver.resolve(meta.theme.logo);
      if (resolved.kind === 'outside') report('media-outside-module', themeAt('logo'), `the logo path "${meta.theme.logo}" leaves the module folder.`);
      else if (resolved.kind === 'missing') report('media-missing', themeAt('logo'), `the logo ${loaded.displayFolder}/${meta.theme.logo} does not exist.`);
      else media.add(resolved.relative);
    }
    for (const problem of checkThemeContrast(meta.theme)) {
      report('theme-contrast', themeAt(problem.field), `in the theme, ${problem.message}.`);
    }
  }

  const module: CourseModule = {
    id: meta.id,
    folder: loaded.folder,
    meta,
    lessons: lessons.map((l) => l.value),
    glossary: glossaryTerms.map((t) => t.value),
    bank: bank.map((q) => q.value),
    sources,
    media: [...media].sort(),
    coverage,
  };
  return { module, diagnostics };
}

/** Reports every repeated id, and returns the items by id with the first of each kept. */
function firstById<T extends { id: string }>(items: Located<T>[], what: string, report: Report): Map<string, Located<T>> {
  const first = new Map<string, Located<T>>();
  for (const item of items) {
    const earlier = first.get(item.value.id);
    if (earlier) {
      const where = earlier.file === item.file ? 'earlier in this file' : `in ${earlier.file.displayPath}`;
      report('duplicate-id', { file: item.file, pointer: `${item.pointer}/id` }, `the ${what} id \`${item.value.id}\` is already used ${where} (line ${earlier.file.locate(`${earlier.pointer}/id`).line}).`);
    } else {
      first.set(item.value.id, item);
    }
  }
  return first;
}

function checkQuestion(
  q: Located<Question>,
  objectiveOf: (id: string) => { source: Citation } | undefined,
  objectiveIds: string[],
  miscitedObjectives: Set<string>,
  checkCitation: (c: Citation, at: At) => boolean,
  report: Report,
): void {
  const question = q.value;
  const at = (suffix: string): At => ({ file: q.file, pointer: `${q.pointer}${suffix}` });
  const citationOk = checkCitation(question.source, at('/source'));
  const objective = objectiveOf(question.objective);
  if (!objective) {
    const suggestion = closest(question.objective, objectiveIds);
    report('unknown-reference', at('/objective'), `the objective \`${question.objective}\` is not defined in any lesson.`, {
      hint: suggestion ? `Did you mean \`${suggestion}\`?` : 'Use the id of a learning objective from one of the lessons (its "objectives" list).',
    });
  } else if (citationOk && !miscitedObjectives.has(question.objective) && citationKey(objective.source) !== citationKey(question.source)) {
    report('objective-source-mismatch', at('/objective'), `the question cites paragraph ${question.source.paragraph}, but its objective \`${question.objective}\` cites paragraph ${objective.source.paragraph}.`);
  }
  if (question.scenario) checkMarkdown(question.scenario, at('/scenario'), report);
  const checkIds = (items: { id: string }[], listName: string) => {
    const seen = new Set<string>();
    items.forEach((item, i) => {
      if (seen.has(item.id)) report('duplicate-option', at(`/${listName}/${i}/id`), `the id \`${item.id}\` is used twice in "${listName}".`);
      seen.add(item.id);
    });
    return seen;
  };
  switch (question.type) {
    case 'single':
    case 'multiple': {
      const ids = checkIds(question.options, 'options');
      const correct = question.type === 'single' ? [question.correct] : question.correct;
      correct.forEach((id, i) => {
        if (ids.has(id)) return;
        const pointer = question.type === 'single' ? '/correct' : `/correct/${i}`;
        report('answer-unknown-option', at(pointer), `the correct answer \`${id}\` is not one of the options (${[...ids].join(', ')}).`);
      });
      const idsUnique = ids.size === question.options.length;
      if (question.type === 'multiple' && idsUnique && question.options.every((o) => question.correct.includes(o.id))) {
        report('all-options-correct', at('/correct'), `all ${question.options.length} options are marked correct.`);
      }
      const byText = new Map<string, string>();
      question.options.forEach((option, i) => {
        const text = normalizeWhitespace(option.text).toLowerCase();
        const twin = byText.get(text);
        if (twin !== undefined) report('option-text-duplicate', at(`/options/${i}/text`), `options \`${twin}\` and \`${option.id}\` have the same text.`);
        else byText.set(text, option.id);
        if (!option.feedback && !question.feedback) {
          report('option-feedback-missing', at(`/options/${i}`), `the option has no feedback, and the question has no overall feedback.`);
        }
      });
      break;
    }
    case 'matching':
      checkIds(question.pairs, 'pairs');
      break;
    case 'ordering':
      checkIds(question.items, 'items');
      break;
    default:
      break;
  }
}

/** Text made only of spaces passes the schema's "at least one character" but shows nothing. */
function checkBlankText(file: JsonFile, kind: ContentKind, report: Report): void {
  // One path, grown and shrunk while walking: this runs on every string of every file.
  const segments: (string | number)[] = [];
  const visit = (value: unknown) => {
    if (typeof value === 'string') {
      if (value === '' || value.trim() !== '') return;
      const key = segments.at(-1);
      if (key === '$schema') return;
      const pointer = segmentsToPointer(segments);
      const imageAlt = key === 'alt' && segments.at(-3) === 'blocks';
      const field = describePlace(kind, file.data, pointer).field || 'the text';
      report(imageAlt ? 'image-alt-missing' : 'text-blank', { file, pointer }, imageAlt ? 'the image has no alt text: `alt` is only spaces.' : `${field} is only spaces.`);
      return;
    }
    if (value === null || typeof value !== 'object') return;
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        segments.push(i);
        visit(value[i]);
        segments.pop();
      }
    } else {
      for (const key in value) {
        segments.push(key);
        visit((value as Record<string, unknown>)[key]);
        segments.pop();
      }
    }
  };
  visit(file.data);
}

function checkMarkdown(markdown: string, at: At, report: Report): void {
  const tag = markdownHtmlTag(markdown);
  if (tag) report('markdown-html', at, `the text contains the HTML tag ${tag}, which learners will see as text.`);
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

async function readSourceText(file: string): Promise<string | undefined> {
  try {
    return utf8.decode(await readFile(file));
  } catch {
    return undefined;
  }
}

/** "74, 75, 76, 77" → "74 to 77"; other lists as they are. */
function describeNumbers(numbers: number[]): string {
  const sorted = [...numbers].sort((a, b) => a - b);
  const consecutive = sorted.length > 2 && sorted.every((n, i) => i === 0 || n === sorted[i - 1]! + 1);
  return consecutive ? `${sorted[0]} to ${sorted.at(-1)}` : sorted.join(', ');
}

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
