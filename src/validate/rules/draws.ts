/**
 * The assessment and coverage: every declared part (paragraph, article…) is taught by an
 * objective and, when there is an assessment, drawn from; each draw entry names a part once and
 * the bank has enough questions for it (citing it, or a part inside it), and more than it draws
 * when learners may try again; a draw rule by level can be kept by every attempt.
 */
import { citationKey, citedUnit, type Citation, type CoverageRow, type Question, UNIT_LISTS, unitName } from '../../model/course.js';
import { isAtOrAbove, type CognitiveLevel } from '../../shared/levels.js';
import { isWithinUnit } from '../../shared/units.js';
import type { Citations } from './citations.js';
import { citationJson, plural, type Located, type RuleContext } from './context.js';

export interface Draw {
  index: number;
  count: number;
  source: Citation;
  minAtOrAbove: { level: CognitiveLevel; count: number } | undefined;
}

/** The assessment's draw entries that resolve, each paragraph once. */
export function checkDrawEntries({ meta, broken, report, moduleAt }: RuleContext, citations: Citations): Draw[] {
  const draws: Draw[] = [];
  if (!meta.assessment || !broken.moduleTrusts('/assessment/draw')) return draws;
  const seenDraws = new Map<string, number>();
  meta.assessment.draw.forEach((draw, i) => {
    const at = moduleAt(`/assessment/draw/${i}/source`);
    const earlier = seenDraws.get(citationKey(draw.source));
    if (earlier !== undefined) {
      report('duplicate-id', at, `draw entries ${earlier + 1} and ${i + 1} both draw from ${describeCitation(draw.source)}.`, {
        hint: 'Merge them into one entry and add up the counts.',
      });
      return;
    }
    seenDraws.set(citationKey(draw.source), i);
    if (citations.check(draw.source, at)) draws.push({ index: i, count: draw.count, source: draw.source, minAtOrAbove: draw.minAtOrAbove });
  });
  return draws;
}

/**
 * Gaps in coverage and draws the bank cannot satisfy. Checked only when every citation
 * resolves: a mistyped citation is reported once, where it is, and would otherwise reappear
 * as a gap here. A paragraph missing from the source text is likewise reported once, and so is
 * a broken file: a gap it may fill is not reported.
 */
export function checkCoverageAndDraws(
  context: RuleContext,
  coverage: CoverageRow[],
  draws: Draw[],
  bank: Located<Question>[],
  citations: Citations,
): void {
  const { meta, broken, report, moduleAt } = context;
  if (citations.unresolved() === 0) {
    for (const row of coverage) {
      const source = citations.sourceByDocument.get(row.document);
      if (!source?.units.has(row.unit)) continue;
      const sourceIndex = meta.sources.findIndex((s) => s.document === row.document);
      const at = moduleAt(`/sources/${sourceIndex}/${UNIT_LISTS[source.unit]}/${source.declared.indexOf(row.unit)}`);
      const name = `${unitName(source.unit, row.unit)} of ${row.document}`;
      if (row.objectives.length === 0 && broken.lessonNames.size === 0)
        report('paragraph-not-taught', at, `${name} is declared, but no learning objective cites it.`);
      if (meta.assessment && broken.moduleTrusts('/assessment/draw') && row.drawn === 0) {
        report('paragraph-not-assessed', at, `${name} is declared, but the assessment draws no question from it.`, {
          hint:
            row.bankQuestions.length > 0
              ? `The bank has ${plural(row.bankQuestions.length, 'question')} for it: add { "source": ${citationJson(row.document, source.unit, row.unit)}, "count": 1 } to "draw" in the assessment.`
              : undefined,
        });
      }
    }
    for (const draw of broken.questionBank ? [] : draws) {
      const at = moduleAt(`/assessment/draw/${draw.index}/count`);
      const drawnUnit = citedUnit(draw.source);
      const pool = bank.filter(
        (q) => q.value.source.document === draw.source.document && isWithinUnit(citedUnit(q.value.source).id, drawnUnit.id),
      );
      const available = pool.length;
      const name = unitName(drawnUnit.kind, drawnUnit.id);
      checkLevelRule(context, draw, pool);
      if (draw.count > available) {
        report(
          'draw-unsatisfiable',
          at,
          `each attempt draws ${draw.count} question(s) from ${describeCitation(draw.source)}, but the question bank has ${available === 0 ? 'none' : available}.`,
          {
            // "count" cannot go below 1: a part with no questions needs some written.
            hint:
              available === 0
                ? `Write ${draw.count === 1 ? 'a question' : `at least ${draw.count} questions`} citing ${name} in a file in questions/ (with "source": ${citationJson(draw.source.document, drawnUnit.kind, drawnUnit.id)}).`
                : `Add ${plural(draw.count - available, 'question')} citing ${name} to questions/, or lower "count" to ${available}.`,
          },
        );
      } else if (draw.count === available && broken.moduleTrusts('/assessment/maxAttempts') && meta.assessment!.maxAttempts !== 1) {
        report(
          'draw-no-variety',
          at,
          `each attempt draws all ${available} question(s) the bank has for ${describeCitation(draw.source)}, so every attempt asks the same ones.`,
        );
      }
    }
  }
  if (!meta.assessment) {
    if (broken.moduleTrusts('/tracking/completion') && meta.tracking.completion !== 'allPagesViewed') {
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

/** "A/58/275 paragraph 74", "UDHR Article 14(1)". */
function describeCitation(citation: Citation): string {
  const { kind, id } = citedUnit(citation);
  return `${citation.document} ${unitName(kind, id)}`;
}

/**
 * A rule "at least n questions at level L or above" holds in every attempt exactly when the
 * attempt draws at least n questions and the bank has at least n at L or above: the runtime
 * draws the rule's questions first (shared/draw.ts), whatever the seed.
 */
function checkLevelRule({ report, moduleAt }: RuleContext, draw: Draw, pool: Located<Question>[]): void {
  const rule = draw.minAtOrAbove;
  if (!rule) return;
  const part = describeCitation(draw.source);
  const { kind, id } = citedUnit(draw.source);
  const levelText = `at ${rule.level}${rule.level === 'analyse' ? '' : ' or above'}`;
  const at = moduleAt(`/assessment/draw/${draw.index}/minAtOrAbove/count`);
  if (rule.count > draw.count) {
    report(
      'draw-level-unsatisfiable',
      at,
      `every attempt must draw at least ${plural(rule.count, 'question')} ${levelText} from ${part}, but it draws only ${draw.count} from that ${kind}.`,
      { hint: `Raise the entry's "count" to ${rule.count}, or lower "minAtOrAbove.count" to ${draw.count}.` },
    );
    return;
  }
  const qualifying = pool.filter((q) => isAtOrAbove(q.value.level, rule.level));
  if (qualifying.length >= rule.count) return;
  const missing = rule.count - qualifying.length;
  const listed = qualifying.length === 0 ? 'none' : `${qualifying.length} (${qualifying.map((q) => `\`${q.value.id}\``).join(', ')})`;
  report(
    'draw-level-unsatisfiable',
    at,
    `every attempt must draw at least ${plural(rule.count, 'question')} ${levelText} from ${part}, but the bank has ${listed}.`,
    {
      hint: `Write ${plural(missing, 'more question')} on ${unitName(kind, id)} ${levelText} (a situation the learner must apply the ${kind} to, or a case to analyse against it), or ${qualifying.length === 0 ? 'remove "minAtOrAbove"' : `lower "minAtOrAbove.count" to ${qualifying.length}`}. Raising the "level" of a question that only asks to remember does not count: the level says what the question really asks.`,
    },
  );
}
