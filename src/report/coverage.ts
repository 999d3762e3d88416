/**
 * The coverage report: for each recommendation (a declared paragraph of a source document),
 * which learning objectives teach it, in which lessons, and which questions assess it. One
 * data shape feeds both `coursekit report` (Markdown) and the report page of the built site
 * (src/render/templates/reports.njk), so reviewers see the same numbers in both.
 *
 * The coverage rows themselves are computed once, by the validate stage (CourseModule.coverage);
 * this module adds what a reader needs: names, per-objective question counts, the bank by
 * cognitive level with what every attempt is sure to draw, and a status. `coursekit report
 * --json` prints this data as it is (docs/coverage-report.md describes it).
 */
import { type CourseModule, type CoverageRow, citationKey, citationLabel, type Lesson, type Question } from '../model/course.js';
import type { Strings } from '../model/runtime-data.js';
import { COGNITIVE_LEVELS, isAtOrAbove, type CognitiveLevel } from '../shared/levels.js';

export type CoverageStatus = 'covered' | 'not-taught' | 'not-assessed' | 'taught';

export interface ObjectiveCoverage {
  id: string;
  text: string;
  lessonId: string;
  lessonTitle: string;
  /** Bank and knowledge-check questions that name this objective. */
  questions: string[];
}

/** A number for each cognitive level, lowest first. */
export type PerLevel<T> = Record<CognitiveLevel, T>;

/** A coverage row with names, levels and a verdict; it keeps every CoverageRow field. */
export interface CoverageReportRow extends CoverageRow {
  /** "A/58/275, paragraph 74", "UDHR, Article 13": in the module's language. */
  label: string;
  sourceTitle: string;
  objectiveDetails: ObjectiveCoverage[];
  lessonDetails: { id: string; title: string }[];
  /** The bank questions citing this paragraph, by their cognitive level. */
  bankByLevel: PerLevel<string[]>;
  /** The assessment's rule for this paragraph, or null: at least `count` questions at `level` or above. */
  minAtOrAbove: { level: CognitiveLevel; count: number } | null;
  /**
   * The fewest questions at each level or above that any attempt can draw for this paragraph
   * (0 everywhere without an assessment). `remember` is every question drawn.
   */
  guaranteedAtOrAbove: PerLevel<number>;
  status: CoverageStatus;
  /** The status in words, for people: "taught and assessed". */
  statusText: string;
}

export interface CoverageReport {
  module: { id: string; title: string; version: string; language: string };
  hasAssessment: boolean;
  rows: CoverageReportRow[];
  totals: {
    recommendations: number;
    taught: number;
    assessed: number;
    objectives: number;
    objectivesWithoutQuestions: number;
    bankQuestions: number;
    /** Bank questions at each level. */
    bankByLevel: PerLevel<number>;
    knowledgeCheckQuestions: number;
    drawnPerAttempt: number;
    /** The fewest questions at each level or above in any attempt: the rows' guarantees added up. */
    guaranteedAtOrAbove: PerLevel<number>;
  };
  /** Objectives no question assesses: worth a reviewer's look, though not an error. */
  objectivesWithoutQuestions: ObjectiveCoverage[];
}

/** `strings`: the learner-interface strings of the module's language, which name the recommendations. */
export function buildCoverageReport(module: CourseModule, strings: Strings): CoverageReport {
  const questions = [...module.bank, ...module.lessons.flatMap(knowledgeCheckQuestions)];
  const questionsByObjective = new Map<string, string[]>();
  for (const q of questions) questionsByObjective.set(q.objective, [...(questionsByObjective.get(q.objective) ?? []), q.id]);

  const objectives = new Map<string, ObjectiveCoverage>();
  for (const lesson of module.lessons) {
    for (const o of lesson.objectives) {
      if (objectives.has(o.id)) continue;
      objectives.set(o.id, {
        id: o.id,
        text: o.text,
        lessonId: lesson.id,
        lessonTitle: lesson.title,
        questions: questionsByObjective.get(o.id) ?? [],
      });
    }
  }
  const levelOf = new Map(module.bank.map((q) => [q.id, q.level]));
  const rules = new Map((module.meta.assessment?.draw ?? []).map((d) => [citationKey(d.source), d.minAtOrAbove]));
  const lessonTitles = new Map(module.lessons.map((l) => [l.id, l.title]));
  const sources = new Map(module.sources.map((s) => [s.document, s]));
  const hasAssessment = module.meta.assessment !== undefined;

  const rows = module.coverage.map((row): CoverageReportRow => {
    const status = statusOf(row, hasAssessment);
    const levels = row.bankQuestions.map((id) => levelOf.get(id)!);
    const minAtOrAbove = rules.get(`${row.document}#${row.unit}`) ?? null;
    return {
      ...row,
      label: citationLabel(strings, row.document, sources.get(row.document)?.unit ?? 'paragraph', row.unit),
      sourceTitle: sources.get(row.document)?.title ?? row.document,
      objectiveDetails: row.objectives.map((id) => objectives.get(id)).filter((o): o is ObjectiveCoverage => o !== undefined),
      lessonDetails: row.lessons.map((id) => ({ id, title: lessonTitles.get(id) ?? id })),
      bankByLevel: perLevel((level) => row.bankQuestions.filter((id) => levelOf.get(id) === level)),
      minAtOrAbove,
      guaranteedAtOrAbove: perLevel((level) => guaranteedAtOrAbove(levels, row.drawn, minAtOrAbove, level)),
      status,
      statusText: STATUS_TEXT[status],
    };
  });
  const objectivesWithoutQuestions = [...objectives.values()].filter((o) => o.questions.length === 0);
  return {
    module: { id: module.id, title: module.meta.title, version: module.meta.version, language: module.meta.language },
    hasAssessment,
    rows,
    totals: {
      recommendations: rows.length,
      taught: rows.filter((r) => r.objectives.length > 0).length,
      assessed: rows.filter((r) => r.drawn > 0).length,
      objectives: objectives.size,
      objectivesWithoutQuestions: objectivesWithoutQuestions.length,
      bankQuestions: module.bank.length,
      bankByLevel: perLevel((level) => module.bank.filter((q) => q.level === level).length),
      knowledgeCheckQuestions: questions.length - module.bank.length,
      drawnPerAttempt: rows.reduce((n, r) => n + r.drawn, 0),
      guaranteedAtOrAbove: perLevel((level) => rows.reduce((n, r) => n + r.guaranteedAtOrAbove[level], 0)),
    },
    objectivesWithoutQuestions,
  };
}

function perLevel<T>(value: (level: CognitiveLevel) => T): PerLevel<T> {
  return Object.fromEntries(COGNITIVE_LEVELS.map((level) => [level, value(level)])) as PerLevel<T>;
}

/**
 * The fewest of `drawn` questions at `level` or above that an attempt can hold, given the
 * levels of the paragraph's bank questions and its draw rule. An attempt draws any `drawn` of
 * them that keep the rule (shared/draw.ts), so the fewest is what is left once as many
 * questions below `level` as possible are drawn: the rule's own questions count when `level`
 * is at or below the rule's, and otherwise those the rule must take from `level` or above
 * because too few sit between the two levels.
 */
export function guaranteedAtOrAbove(
  bankLevels: readonly CognitiveLevel[],
  drawn: number,
  rule: { level: CognitiveLevel; count: number } | null,
  level: CognitiveLevel,
): number {
  if (drawn === 0) return 0;
  const atOrAbove = bankLevels.filter((l) => isAtOrAbove(l, level)).length;
  const byCount = Math.max(0, drawn - (bankLevels.length - atOrAbove));
  if (!rule) return byCount;
  if (isAtOrAbove(rule.level, level)) return Math.max(byCount, rule.count);
  const between = bankLevels.filter((l) => isAtOrAbove(l, rule.level) && !isAtOrAbove(l, level)).length;
  return Math.max(byCount, rule.count - between);
}

const STATUS_TEXT: Record<CoverageStatus, string> = {
  covered: 'taught and assessed',
  taught: 'taught (the module has no assessment)',
  'not-taught': 'not taught: no objective cites it',
  'not-assessed': 'taught, but not assessed',
};

function statusOf(row: CoverageRow, hasAssessment: boolean): CoverageStatus {
  if (row.objectives.length === 0) return 'not-taught';
  if (!hasAssessment) return 'taught';
  return row.drawn > 0 ? 'covered' : 'not-assessed';
}

function knowledgeCheckQuestions(lesson: Lesson): Question[] {
  return lesson.blocks.flatMap((b) => (b.type === 'knowledgeCheck' ? b.questions : []));
}

/** The report as Markdown, for `coursekit report` and for pasting into a review. */
export function coverageMarkdown(report: CoverageReport): string {
  const { module, totals } = report;
  const out: string[] = [];
  const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
  const codes = (ids: string[]) => (ids.length === 0 ? '–' : ids.map((id) => `\`${id}\``).join(', '));
  out.push(`# Coverage report: ${module.title}`, '');
  out.push(
    `Module \`${module.id}\`, version ${module.version}. Each recommendation (a paragraph, article… the module declares in module.json) should be taught by a learning objective in a lesson${report.hasAssessment ? ' and assessed by questions the final assessment draws' : ''}.`,
    '',
  );
  const sources = [...new Map(report.rows.map((r) => [r.document, r.sourceTitle]))];
  for (const [document, title] of sources) out.push(`Source: ${document}, ${title}.`, '');
  out.push('## Summary', '', '| | |', '| --- | --- |');
  out.push(`| Recommendations | ${totals.recommendations} |`);
  out.push(`| Taught (cited by an objective) | ${totals.taught} of ${totals.recommendations} |`);
  out.push(
    report.hasAssessment
      ? `| Assessed (drawn in every attempt) | ${totals.assessed} of ${totals.recommendations} |`
      : '| Assessed | the module has no assessment |',
  );
  out.push(`| Learning objectives | ${totals.objectives} (${totals.objectivesWithoutQuestions} without questions) |`);
  out.push(`| Question bank | ${totals.bankQuestions} question(s), ${totals.drawnPerAttempt} drawn per attempt |`);
  out.push(`| Bank by cognitive level | ${COGNITIVE_LEVELS.map((l) => `${totals.bankByLevel[l]} ${l}`).join(', ')} |`);
  if (report.hasAssessment) out.push(`| Every attempt draws at least | ${describeGuarantee(totals.guaranteedAtOrAbove)} |`);
  out.push(`| Knowledge-check questions | ${totals.knowledgeCheckQuestions} |`, '');
  out.push('## By recommendation', '');
  out.push('| Recommendation | Objectives | Lessons | Bank questions | Drawn per attempt | Knowledge checks | Status |');
  out.push('| --- | --- | --- | --- | --- | --- | --- |');
  for (const row of report.rows) {
    out.push(
      `| ${cell(row.label)} | ${row.objectives.length} | ${row.lessons.length} | ${row.bankQuestions.length} | ${row.drawn} | ${row.knowledgeCheckQuestions.length} | ${cell(row.statusText)} |`,
    );
  }
  out.push('', '## Cognitive levels', '');
  out.push(
    report.hasAssessment
      ? 'Bank questions at each level, and the fewest questions at each level or above that any attempt draws (remember, understand, apply, analyse: lowest first).'
      : 'Bank questions at each level (remember, understand, apply, analyse: lowest first).',
    '',
  );
  const levelHeads = COGNITIVE_LEVELS.map(capitalize);
  if (report.hasAssessment) {
    out.push(`| Recommendation | ${levelHeads.join(' | ')} | Drawn per attempt | Draw rule | Every attempt draws at least |`);
    out.push(`| --- | ${COGNITIVE_LEVELS.map(() => '---').join(' | ')} | --- | --- | --- |`);
  } else {
    out.push(`| Recommendation | ${levelHeads.join(' | ')} |`, `| --- | ${COGNITIVE_LEVELS.map(() => '---').join(' | ')} |`);
  }
  for (const row of report.rows) {
    const counts = COGNITIVE_LEVELS.map((l) => row.bankByLevel[l].length).join(' | ');
    out.push(
      report.hasAssessment
        ? `| ${cell(row.label)} | ${counts} | ${row.drawn} | ${describeRule(row.minAtOrAbove)} | ${describeGuarantee(row.guaranteedAtOrAbove)} |`
        : `| ${cell(row.label)} | ${counts} |`,
    );
  }
  for (const row of report.rows) {
    out.push('', `### ${row.label}`, '', 'Objectives:', '');
    if (row.objectiveDetails.length === 0) out.push('- none');
    for (const o of row.objectiveDetails) {
      out.push(
        `- \`${o.id}\` (${o.lessonTitle}): ${o.text} — ${o.questions.length === 0 ? 'no question assesses it' : `assessed by ${codes(o.questions)}`}`,
      );
    }
    out.push(
      '',
      `Lessons: ${row.lessonDetails.length === 0 ? '–' : row.lessonDetails.map((l) => `${l.title} (\`${l.id}\`)`).join('; ')}`,
      '',
    );
    out.push(
      `Bank questions (${row.bankQuestions.length}${report.hasAssessment ? `, ${row.drawn} drawn per attempt` : ''}): ${codes(row.bankQuestions)}`,
      '',
    );
    const byLevel = COGNITIVE_LEVELS.filter((l) => row.bankByLevel[l].length > 0).map((l) => `${l} ${codes(row.bankByLevel[l])}`);
    if (byLevel.length > 0) out.push(`By level: ${byLevel.join('; ')}`, '');
    out.push(`Knowledge checks (${row.knowledgeCheckQuestions.length}): ${codes(row.knowledgeCheckQuestions)}`);
  }
  if (report.objectivesWithoutQuestions.length > 0) {
    out.push('', '## Objectives without questions', '');
    for (const o of report.objectivesWithoutQuestions) out.push(`- \`${o.id}\` (${o.lessonTitle}): ${o.text}`);
  }
  return `${out.join('\n')}\n`;
}

/** The version of the JSON that `coursekit report --json` prints; raised when a field changes meaning or goes. */
export const COVERAGE_JSON_VERSION = 1;

/** The report as data, for `coursekit report --json` (docs/coverage-report.md). */
export function coverageJson(report: CoverageReport): string {
  return `${JSON.stringify({ formatVersion: COVERAGE_JSON_VERSION, ...report }, null, 2)}\n`;
}

/** "at least 1 at apply or above", or "none". */
export function describeRule(rule: CoverageReportRow['minAtOrAbove']): string {
  return rule ? `at least ${rule.count} at ${rule.level} or above` : 'none';
}

/** "12 in all; 4 at understand or above, 4 at apply or above, 0 at analyse". */
export function describeGuarantee(guaranteed: PerLevel<number>): string {
  const above = COGNITIVE_LEVELS.slice(1).map((l) => `${guaranteed[l]} at ${l}${l === 'analyse' ? '' : ' or above'}`);
  return `${guaranteed.remember} in all; ${above.join(', ')}`;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
