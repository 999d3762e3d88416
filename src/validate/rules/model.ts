/** The validated course as later stages see it (model/course.ts), built from what the rules checked. */
import {
  type Citation,
  type CourseModule,
  type CoverageRow,
  citedUnit,
  type GlossaryTerm,
  type Lesson,
  type MediaDetails,
  type Module,
  type Question,
  type SourceText,
} from '../../model/course.js';
import { isWithinUnit } from '../../shared/units.js';
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
  mediaDetails: Record<string, MediaDetails>;
}

/**
 * Per declared part: what teaches it, what asks about it, and how many questions each attempt
 * draws. A citation of a part inside it counts: "14(1)" covers Article 14.
 */
export function buildCoverage(
  content: Omit<CheckedContent, 'glossary' | 'media' | 'mediaDetails'>,
  draws: { source: Citation; count: number }[],
): CoverageRow[] {
  const coverage: CoverageRow[] = [];
  for (const source of content.sources) {
    for (const unit of source.declared) {
      const cites = (c: Citation) => c.document === source.document && isWithinUnit(citedUnit(c).id, unit);
      coverage.push({
        document: source.document,
        unit,
        objectives: content.objectives.filter((o) => cites(o.value.source)).map((o) => o.value.id),
        lessons: content.lessons.filter((l) => l.value.objectives.some((o) => cites(o.source))).map((l) => l.value.id),
        bankQuestions: content.bank.filter((q) => cites(q.value.source)).map((q) => q.value.id),
        knowledgeCheckQuestions: content.knowledgeChecks.filter((q) => cites(q.value.source)).map((q) => q.value.id),
        drawn: draws.filter((d) => cites(d.source)).reduce((n, d) => n + d.count, 0),
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
    mediaDetails: content.mediaDetails,
    coverage,
  };
}
