/**
 * Rules JSON Schema cannot express: they look across files (the lesson order, ids and
 * references, citations into the source text, verbatim quotes, the assessment draw, media
 * files) or judge style. They run on every file that matches its schema, leave alone what does
 * not (broken.ts), and collect every problem. One module per concern; this one runs them in
 * order and builds the CourseModule.
 */
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import type { LoadedModule } from '../../load/index.js';
import type { CourseModule } from '../../model/course.js';
import type { JsonFile } from '../../model/json-file.js';
import { findBrokenContent } from './broken.js';
import { checkQuotes, readSources } from './citations.js';
import { createRuleContext } from './context.js';
import { checkItemWriting } from '../item-writing/index.js';
import { checkCoverageAndDraws, checkDrawEntries } from './draws.js';
import { checkLanguages } from './language.js';
import { checkImages } from './media.js';
import { checkMediaBlocks } from './media-blocks.js';
import { buildCourseModule, buildCoverage } from './model.js';
import { checkObjectives } from './objectives.js';
import { checkQuestions, collectQuestions } from './questions.js';
import { checkReflectionsAndPlans } from './reflections.js';
import { checkGlossaryReferences, checkModuleId, firstById, glossaryTerms, orderLessons } from './references.js';
import { checkScenarios } from './scenarios.js';
import { checkMarkdownFields, checkTextValues } from './text.js';
import { checkTheme } from './theme.js';
import { checkWorkshop } from './workshop.js';

/**
 * `schemaBroken`: the files that broke their schema, with where. The module is returned only
 * when nothing was broken, since it is built from every file.
 */
export async function checkModuleRules(
  loaded: LoadedModule,
  schemaBroken: ReadonlyMap<JsonFile, string[]>,
): Promise<{ module: CourseModule | undefined; diagnostics: Diagnostic[] }> {
  const context = createRuleContext(loaded, findBrokenContent(loaded, schemaBroken));
  checkModuleId(context);
  checkTextValues(context);
  checkLanguages(context);
  const { lessons, unlisted } = orderLessons(context);
  const citations = await readSources(context);

  const glossary = glossaryTerms(context);
  const glossaryById = firstById(glossary, 'glossary term', context.report);
  for (const term of glossary)
    if (term.value.source) citations.check(term.value.source, { file: term.file, pointer: `${term.pointer}/source` });
  const objectives = checkObjectives(context, lessons, unlisted, citations);

  checkQuotes(context, lessons, citations);
  checkGlossaryReferences(context, lessons, glossaryById);
  const media = await checkImages(context, lessons);
  const mediaDetails = await checkMediaBlocks(context, lessons, media);
  checkScenarios(context, lessons, citations);
  checkReflectionsAndPlans(context, lessons);
  const questions = collectQuestions(context, lessons);
  checkMarkdownFields(context, lessons, [...questions.bank, ...questions.knowledgeChecks]);
  checkQuestions(context, questions, objectives, citations);
  checkItemWriting(context, questions, citations);

  const content = { lessons, glossary, objectives: objectives.all, ...questions, sources: citations.sources, media, mediaDetails };
  const draws = checkDrawEntries(context, citations);
  const coverage = buildCoverage(content, draws);
  checkCoverageAndDraws(context, coverage, draws, questions.bank, citations);
  checkWorkshop(context);
  const logo = await checkTheme(context);
  if (logo) media.add(logo);

  const complete = schemaBroken.size === 0 && loaded.unreadable.size === 0;
  return {
    module: complete ? buildCourseModule(loaded.folder, context.meta, content, coverage) : undefined,
    diagnostics: context.diagnostics,
  };
}
