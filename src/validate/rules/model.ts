/** The validated course as later stages see it (model/course.ts), built from what the rules checked. */
import type { Citation, CourseModule, CoverageRow, GlossaryTerm, Lesson, Module, Question, SourceText } from '../../model/course.js';
import type { Located } from './context.js';
import type { Objective } from './objectives.js';

export interface CheckedContent {
  lessons: Located<Lesson>[];
  glossary: Located<GlossaryTerm>[];
  objectives: Located<Objective>[];
  bank: Located<Question>[];
  knowledgeChecks: Located<Question>[];
  sources: SourceText[];
  media: Set<string>;
}

/** Per declared paragraph: what teaches it, what asks about it, and how many questions each attempt draws. */
export function buildCoverage(meta: Module, content: Omit<CheckedContent, 'glossary' | 'media'>): CoverageRow[] {
  const coverage: CoverageRow[] = [];
  for (const source of content.sources) {
    for (const paragraph of source.declared) {
      const cites = (c: Citation) => c.document === source.document && c.paragraph === paragraph;
      coverage.push({
        document: source.document,
        paragraph,
        objectives: content.objectives.filter((o) => cites(o.value.source)).map((o) => o.value.id),
        lessons: content.lessons.filter((l) => l.value.objectives.some((o) => cites(o.source))).map((l) => l.value.id),
        bankQuestions: content.bank.filter((q) => cites(q.value.source)).map((q) => q.value.id),
        knowledgeCheckQuestions: content.knowledgeChecks.filter((q) => cites(q.value.source)).map((q) => q.value.id),
        drawn: (meta.assessment?.draw ?? []).filter((d) => cites(d.source)).reduce((n, d) => n + d.count, 0),
      });
    }
  }
  return coverage;
}

export function buildCourseModule(folder: string, meta: Module, content: CheckedContent, coverage: CoverageRow[]): CourseModule {
  return {
    id: meta.id,
    folder,
    meta,
    lessons: content.lessons.map((l) => l.value),
    glossary: content.glossary.map((t) => t.value),
    bank: content.bank.map((q) => q.value),
    sources: content.sources,
    media: [...content.media].sort(),
    coverage,
  };
}
