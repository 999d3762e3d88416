/**
 * Rules JSON Schema cannot express: they look across files (the lesson order, objective and
 * glossary references, citations into the source text, verbatim quotes, the assessment draw).
 */
import { readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { diagnostic, diagnosticAt } from '../diagnostics/create.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { LoadedModule } from '../load/index.js';
import type { JsonFile } from '../load/json-file.js';
import { segmentsToPointer } from '../load/json-pointer.js';
import { longestMatchingPrefix, normalizeWhitespace, splitParagraphs } from '../load/source-text.js';
import type { Glossary, QuestionBank } from '../model/content.generated.js';
import { citationKey, type Citation, type CourseModule, type CoverageRow, type GlossaryTerm, type Lesson, type Module, type Question, type SourceText } from '../model/course.js';

interface Located<T> {
  value: T;
  file: JsonFile;
  pointer: string;
}

export async function checkModuleRules(loaded: LoadedModule): Promise<{ module: CourseModule; diagnostics: Diagnostic[] }> {
  const diagnostics: Diagnostic[] = [];
  const report = (code: Parameters<typeof diagnosticAt>[0], at: { file: JsonFile; pointer: string }, message: string, options?: { hint?: string; atKey?: boolean }) =>
    diagnostics.push(diagnosticAt(code, at.file, at.pointer, message, options));
  const meta = loaded.moduleFile.data as Module;
  const moduleAt = (pointer: string) => ({ file: loaded.moduleFile, pointer });

  if (meta.id !== loaded.folderName) {
    report('module-id-mismatch', moduleAt('/id'), `The module id \`${meta.id}\` differs from its folder name \`${loaded.folderName}\`.`);
  }

  // Lessons: the order in module.json decides what is built.
  const lessonsByFileName = new Map(loaded.lessonFiles.map((f) => [path.basename(f.absolutePath, '.json'), f]));
  const lessons: Located<Lesson>[] = [];
  meta.lessons.forEach((lessonId, index) => {
    const file = lessonsByFileName.get(lessonId);
    if (!file) {
      const expected = path.join(loaded.folder, 'lessons', `${lessonId}.json`);
      if (!loaded.unreadable.has(expected)) {
        report('lesson-missing', moduleAt(`/lessons/${index}`), `Lesson \`${lessonId}\` is in the lesson order, but ${loaded.displayFolder}/lessons/${lessonId}.json does not exist.`);
      }
      return;
    }
    const lesson = file.data as Lesson;
    if (lesson.id !== lessonId) {
      report('lesson-id-mismatch', { file, pointer: '/id' }, `The lesson in ${lessonId}.json has the id \`${lesson.id}\`; it must be \`${lessonId}\`, the file's name.`);
    }
    lessons.push({ value: lesson, file, pointer: '' });
  });
  for (const [fileName, file] of lessonsByFileName) {
    if (!meta.lessons.includes(fileName)) {
      report('lesson-unlisted', { file, pointer: '' }, `${file.displayPath} is not in the lesson order in module.json, so it is not built.`);
    }
  }

  // Sources: read each declared document and find its paragraphs.
  const sources: SourceText[] = [];
  for (const [index, declared] of meta.sources.entries()) {
    const at = moduleAt(`/sources/${index}/file`);
    const resolved = await resolveInsideModule(loaded.folder, declared.file);
    if (resolved.kind === 'outside') {
      report('media-outside-module', at, `The source document path "${declared.file}" leaves the module folder.`);
      continue;
    }
    if (resolved.kind === 'missing') {
      report('source-file-missing', at, `The text of ${declared.document} is not at ${loaded.displayFolder}/${declared.file}.`);
      continue;
    }
    const paragraphs = splitParagraphs(await readFile(resolved.path, 'utf8'));
    for (const [i, paragraph] of declared.paragraphs.entries()) {
      if (!paragraphs.has(paragraph)) {
        report('source-paragraph-missing', moduleAt(`/sources/${index}/paragraphs/${i}`), `Paragraph ${paragraph} is declared, but ${declared.file} has no line starting with "${paragraph}. ".`);
      }
    }
    sources.push({ document: declared.document, title: declared.title, file: declared.file, declared: declared.paragraphs, paragraphs });
  }
  const sourceByDocument = new Map(sources.map((s) => [s.document, s]));
  const declaredDocuments = new Set(meta.sources.map((s) => s.document));

  const checkCitation = (citation: Citation, at: { file: JsonFile; pointer: string }) => {
    if (!declaredDocuments.has(citation.document)) {
      report('unknown-source', { ...at, pointer: `${at.pointer}/document` }, `"${citation.document}" is not one of the module's source documents (${[...declaredDocuments].join(', ')}).`);
      return false;
    }
    const source = sourceByDocument.get(citation.document);
    if (!source) return false;
    if (!source.paragraphs.has(citation.paragraph)) {
      report('unknown-paragraph', { ...at, pointer: `${at.pointer}/paragraph` }, `${citation.document} has no paragraph ${citation.paragraph} in ${source.file} (it has ${[...source.paragraphs.keys()].join(', ')}).`);
      return false;
    }
    if (!source.declared.includes(citation.paragraph)) {
      report('paragraph-not-declared', { ...at, pointer: `${at.pointer}/paragraph` }, `Paragraph ${citation.paragraph} of ${citation.document} is not among the module's declared paragraphs (${source.declared.join(', ')}).`);
    }
    return true;
  };

  // Glossary
  const glossaryTerms: Located<GlossaryTerm>[] = [];
  if (loaded.glossaryFile) {
    const glossary = loaded.glossaryFile.data as Glossary;
    glossary.terms.forEach((term, i) => glossaryTerms.push({ value: term, file: loaded.glossaryFile!, pointer: `/terms/${i}` }));
  }
  checkUniqueIds(glossaryTerms, 'glossary term', report);
  for (const term of glossaryTerms) if (term.value.source) checkCitation(term.value.source, { file: term.file, pointer: `${term.pointer}/source` });
  const glossaryIds = new Set(glossaryTerms.map((t) => t.value.id));

  // Objectives
  const objectives: Located<Lesson['objectives'][number]>[] = [];
  for (const lesson of lessons) {
    lesson.value.objectives.forEach((objective, i) => objectives.push({ value: objective, file: lesson.file, pointer: `/objectives/${i}` }));
  }
  checkUniqueIds(objectives, 'objective', report);
  for (const o of objectives) checkCitation(o.value.source, { file: o.file, pointer: `${o.pointer}/source` });
  const objectiveById = new Map(objectives.map((o) => [o.value.id, o.value]));

  // Blocks
  const media = new Set<string>();
  const knowledgeChecks: Located<Question>[] = [];
  for (const lesson of lessons) {
    for (const [b, block] of lesson.value.blocks.entries()) {
      const blockAt = { file: lesson.file, pointer: `/blocks/${b}` };
      const label = `Lesson \`${lesson.value.id}\` block ${b + 1} (${block.type})`;
      switch (block.type) {
        case 'quote': {
          if (!checkCitation(block.citation, { ...blockAt, pointer: `${blockAt.pointer}/citation` })) break;
          const paragraph = sourceByDocument.get(block.citation.document)?.paragraphs.get(block.citation.paragraph) ?? '';
          const quote = normalizeWhitespace(block.text);
          if (!paragraph.includes(quote)) {
            const matched = longestMatchingPrefix(quote, paragraph);
            const where = matched
              ? `it matches the source up to "…${matched.split(' ').slice(-6).join(' ')}", then differs`
              : 'its first words are not in that paragraph';
            report('quote-not-verbatim', { ...blockAt, pointer: `${blockAt.pointer}/text` }, `${label}: the quote is not found word for word in ${block.citation.document} paragraph ${block.citation.paragraph}: ${where}.`);
          }
          break;
        }
        case 'glossary':
          if (!loaded.glossaryFile) {
            report('glossary-missing', blockAt, `${label} shows key terms, but ${loaded.displayFolder}/glossary.json does not exist.`);
            break;
          }
          block.terms.forEach((term, t) => {
            if (!glossaryIds.has(term)) report('unknown-reference', { ...blockAt, pointer: `${blockAt.pointer}/terms/${t}` }, `${label} names the glossary term \`${term}\`, which is not in glossary.json.`);
          });
          break;
        case 'image': {
          const resolved = await resolveInsideModule(loaded.folder, block.src);
          if (resolved.kind === 'outside') report('media-outside-module', { ...blockAt, pointer: `${blockAt.pointer}/src` }, `${label}: the image path "${block.src}" leaves the module folder.`);
          else if (resolved.kind === 'missing') report('media-missing', { ...blockAt, pointer: `${blockAt.pointer}/src` }, `${label}: the image ${loaded.displayFolder}/${block.src} does not exist.`);
          else media.add(path.relative(loaded.folder, resolved.path).split(path.sep).join('/'));
          if (block.alt.trim() === '') report('schema-length', { ...blockAt, pointer: `${blockAt.pointer}/alt` }, `${label}: the alt text is blank; describe what the image shows.`);
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

  // Questions: the bank and the knowledge checks share one id space (interaction ids).
  const bank: Located<Question>[] = [];
  for (const file of loaded.questionFiles) {
    (file.data as QuestionBank).questions.forEach((q, i) => bank.push({ value: q, file, pointer: `/questions/${i}` }));
  }
  checkUniqueIds([...bank, ...knowledgeChecks], 'question', report);
  for (const q of [...bank, ...knowledgeChecks]) checkQuestion(q, objectiveById, checkCitation, report);

  // Coverage and the assessment draw.
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
  for (const row of coverage) {
    const sourceIndex = meta.sources.findIndex((s) => s.document === row.document);
    const paragraphIndex = meta.sources[sourceIndex]?.paragraphs.indexOf(row.paragraph) ?? 0;
    const at = moduleAt(`/sources/${sourceIndex}/paragraphs/${paragraphIndex}`);
    if (row.objectives.length === 0) report('paragraph-not-taught', at, `Paragraph ${row.paragraph} of ${row.document} is declared, but no learning objective cites it.`);
    if (meta.assessment && row.drawn === 0) report('paragraph-not-assessed', at, `Paragraph ${row.paragraph} of ${row.document} is declared, but the assessment draws no question from it.`);
  }
  if (meta.assessment) {
    meta.assessment.draw.forEach((draw, i) => {
      const at = moduleAt(`/assessment/draw/${i}`);
      if (!checkCitation(draw.source, { ...at, pointer: `${at.pointer}/source` })) return;
      const available = bank.filter((q) => citationKey(q.value.source) === citationKey(draw.source)).length;
      if (draw.count > available) {
        report('draw-unsatisfiable', { ...at, pointer: `${at.pointer}/count` }, `The assessment draws ${draw.count} question(s) from ${draw.source.document} paragraph ${draw.source.paragraph}, but the question bank has ${available}.`);
      }
    });
    const keys = meta.assessment.draw.map((d) => citationKey(d.source));
    keys.forEach((key, i) => {
      if (keys.indexOf(key) !== i) report('duplicate-id', moduleAt(`/assessment/draw/${i}/source`), `The assessment has two draw entries for ${key.replace('#', ' paragraph ')}; merge them into one.`);
    });
  } else {
    if (meta.tracking.completion !== 'allPagesViewed') {
      report('assessment-missing', moduleAt('/tracking/completion'), `Completion is "${meta.tracking.completion}", but the module has no assessment.`);
    }
    if (bank.length > 0) {
      diagnostics.push(diagnostic('no-assessment-questions', { file: loaded.moduleFile.displayPath, message: `The module has ${bank.length} bank question(s) in questions/ but no "assessment" to use them.` }));
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

type Report = (code: Parameters<typeof diagnosticAt>[0], at: { file: JsonFile; pointer: string }, message: string, options?: { hint?: string; atKey?: boolean }) => void;

function checkUniqueIds<T extends { id: string }>(items: Located<T>[], what: string, report: Report): void {
  const first = new Map<string, Located<T>>();
  for (const item of items) {
    const earlier = first.get(item.value.id);
    if (earlier) {
      const where = earlier.file === item.file ? 'earlier in this file' : `in ${earlier.file.displayPath}`;
      report('duplicate-id', { file: item.file, pointer: `${item.pointer}/id` }, `The ${what} id \`${item.value.id}\` is already used ${where} (line ${earlier.file.locate(`${earlier.pointer}/id`).line}).`);
    } else {
      first.set(item.value.id, item);
    }
  }
}

function checkQuestion(
  q: Located<Question>,
  objectiveById: Map<string, { source: Citation }>,
  checkCitation: (c: Citation, at: { file: JsonFile; pointer: string }) => boolean,
  report: Report,
): void {
  const question = q.value;
  const at = (suffix: string) => ({ file: q.file, pointer: `${q.pointer}${suffix}` });
  const label = `Question \`${question.id}\``;
  const citationOk = checkCitation(question.source, at('/source'));
  const objective = objectiveById.get(question.objective);
  if (!objective) {
    report('unknown-reference', at('/objective'), `${label} assesses the objective \`${question.objective}\`, which no lesson defines.`, {
      hint: 'Use the id of a learning objective from one of the lessons (its "objectives" list).',
    });
  } else if (citationOk && citationKey(objective.source) !== citationKey(question.source)) {
    report('objective-source-mismatch', at('/objective'), `${label} cites paragraph ${question.source.paragraph}, but its objective \`${question.objective}\` cites paragraph ${objective.source.paragraph}.`);
  }
  const checkIds = (ids: { id: string }[], listName: string) => {
    const seen = new Set<string>();
    ids.forEach((item, i) => {
      if (seen.has(item.id)) report('duplicate-option', at(`/${listName}/${i}/id`), `${label} uses the id \`${item.id}\` twice in "${listName}".`);
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
        if (!ids.has(id)) {
          const pointer = question.type === 'single' ? '/correct' : `/correct/${i}`;
          report('answer-unknown-option', at(pointer), `${label}: the correct answer \`${id}\` is not one of its options (${[...ids].join(', ')}).`);
        }
      });
      question.options.forEach((option, i) => {
        if (!option.feedback && !question.feedback) {
          report('option-feedback-missing', at(`/options/${i}`), `${label}: option \`${option.id}\` has no feedback, and the question has no overall feedback.`);
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

type Resolved = { kind: 'ok'; path: string } | { kind: 'missing' } | { kind: 'outside' };

/** Resolves a module-relative path, refusing anything that ends up outside the module folder. */
async function resolveInsideModule(folder: string, relative: string): Promise<Resolved> {
  if (/^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(relative) || path.isAbsolute(relative) || relative.split(/[\\/]/).includes('..')) {
    return { kind: 'outside' };
  }
  const candidate = path.resolve(folder, relative);
  try {
    const [realFolder, realFile] = await Promise.all([realpath(folder), realpath(candidate)]);
    if (!realFile.startsWith(realFolder + path.sep)) return { kind: 'outside' };
    if (!(await stat(realFile)).isFile()) return { kind: 'missing' };
    // Letter case matters on the LMS's web server even where it does not on this disk.
    const relativeReal = path.relative(realFolder, realFile).split(path.sep).join('/');
    if (relativeReal !== relative.replace(/^\.\//, '')) return { kind: 'missing' };
    return { kind: 'ok', path: realFile };
  } catch {
    return { kind: 'missing' };
  }
}

export { segmentsToPointer };
