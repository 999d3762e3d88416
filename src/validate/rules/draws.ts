/**
 * The assessment and coverage: every declared paragraph is taught by an objective and, when
 * there is an assessment, drawn from; each draw entry names a paragraph once and the bank has
 * enough questions for it, and more than it draws when learners may try again.
 */
import { citationKey, type Citation, type CoverageRow, type Question } from '../../model/course.js';
import type { Citations } from './citations.js';
import { plural, type Located, type RuleContext } from './context.js';

export interface Draw {
  index: number;
  count: number;
  source: Citation;
}

/** The assessment's draw entries that resolve, each paragraph once. */
export function checkDrawEntries({ meta, report, moduleAt }: RuleContext, citations: Citations): Draw[] {
  const draws: Draw[] = [];
  if (!meta.assessment) return draws;
  const seenDraws = new Map<string, number>();
  meta.assessment.draw.forEach((draw, i) => {
    const at = moduleAt(`/assessment/draw/${i}/source`);
    const earlier = seenDraws.get(citationKey(draw.source));
    if (earlier !== undefined) {
      report(
        'duplicate-id',
        at,
        `draw entries ${earlier + 1} and ${i + 1} both draw from ${draw.source.document} paragraph ${draw.source.paragraph}.`,
        {
          hint: 'Merge them into one entry and add up the counts.',
        },
      );
      return;
    }
    seenDraws.set(citationKey(draw.source), i);
    if (citations.check(draw.source, at)) draws.push({ index: i, count: draw.count, source: draw.source });
  });
  return draws;
}

/**
 * Gaps in coverage and draws the bank cannot satisfy. Checked only when every citation
 * resolves: a mistyped citation is reported once, where it is, and would otherwise reappear
 * as a gap here. A paragraph missing from the source text is likewise reported once.
 */
export function checkCoverageAndDraws(
  context: RuleContext,
  coverage: CoverageRow[],
  draws: Draw[],
  bank: Located<Question>[],
  citations: Citations,
): void {
  const { meta, report, moduleAt } = context;
  if (citations.unresolved() === 0) {
    for (const row of coverage) {
      const sourceIndex = meta.sources.findIndex((s) => s.document === row.document);
      if (!citations.sourceByDocument.get(row.document)?.paragraphs.has(row.paragraph)) continue;
      const paragraphIndex = meta.sources[sourceIndex]?.paragraphs.indexOf(row.paragraph) ?? 0;
      const at = moduleAt(`/sources/${sourceIndex}/paragraphs/${paragraphIndex}`);
      if (row.objectives.length === 0)
        report(
          'paragraph-not-taught',
          at,
          `paragraph ${row.paragraph} of ${row.document} is declared, but no learning objective cites it.`,
        );
      if (meta.assessment && row.drawn === 0) {
        report(
          'paragraph-not-assessed',
          at,
          `paragraph ${row.paragraph} of ${row.document} is declared, but the assessment draws no question from it.`,
          {
            hint:
              row.bankQuestions.length > 0
                ? `The bank has ${plural(row.bankQuestions.length, 'question')} for it: add { "source": { "document": "${row.document}", "paragraph": ${row.paragraph} }, "count": 1 } to "draw" in the assessment.`
                : undefined,
          },
        );
      }
    }
    for (const draw of draws) {
      const at = moduleAt(`/assessment/draw/${draw.index}/count`);
      const available = bank.filter((q) => citationKey(q.value.source) === citationKey(draw.source)).length;
      if (draw.count > available) {
        report(
          'draw-unsatisfiable',
          at,
          `each attempt draws ${draw.count} question(s) from ${draw.source.document} paragraph ${draw.source.paragraph}, but the question bank has ${available}.`,
          {
            hint: `Add ${plural(draw.count - available, 'question')} citing paragraph ${draw.source.paragraph} to questions/, or lower "count" to ${available}.`,
          },
        );
      } else if (draw.count === available && meta.assessment!.maxAttempts !== 1) {
        report(
          'draw-no-variety',
          at,
          `each attempt draws all ${available} question(s) the bank has for ${draw.source.document} paragraph ${draw.source.paragraph}, so every attempt asks the same ones.`,
        );
      }
    }
  }
  if (!meta.assessment) {
    if (meta.tracking.completion !== 'allPagesViewed') {
      report(
        'assessment-missing',
        moduleAt('/tracking/completion'),
        `completion is "${meta.tracking.completion}", but the module has no assessment.`,
      );
    }
    if (bank.length > 0) {
      report(
        'no-assessment-questions',
        moduleAt(''),
        `questions/ has ${plural(bank.length, 'question')}, but the module has no "assessment" to use them.`,
      );
    }
  }
}
