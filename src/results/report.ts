/**
 * The analysis as the user receives it: the JSON document (the `--json` contract, see
 * docs/results.md) and the short summary printed in the terminal.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { flaggedBySeverity, type Analysis } from './analyse.js';
import { FLAG_TEXT } from './html.js';
import { FORMAT_NAMES } from './records.js';
import type { FileReading } from './read/index.js';

export const REPORT_FORMAT = 'coursekit-results-report';
export const REPORT_FORMAT_VERSION = 1;

export interface ResultsDocument extends Analysis {
  format: typeof REPORT_FORMAT;
  formatVersion: typeof REPORT_FORMAT_VERSION;
  inputs: { file: string; format: string | null; container: string | null; records: number }[];
  warnings: Diagnostic[];
}

export function resultsDocument(analysis: Analysis, files: FileReading[], diagnostics: Diagnostic[]): ResultsDocument {
  const { module, version, learners, attempts, ...rest } = analysis;
  return {
    format: REPORT_FORMAT,
    formatVersion: REPORT_FORMAT_VERSION,
    // The contract's first fields, in its order.
    module,
    version,
    learners,
    attempts,
    ...rest,
    inputs: files.map((f) => ({ file: f.file, format: f.format ?? null, container: f.container ?? null, records: f.records })),
    warnings: diagnostics,
  };
}

export function resultsJson(document: ResultsDocument): string {
  return `${JSON.stringify(document, null, 2)}\n`;
}

const percent = (rate: number | null) => (rate === null ? '–' : `${Math.round(rate * 100)} %`);

export function terminalSummary(analysis: Analysis, files: FileReading[]): string {
  const a = analysis;
  const lines: string[] = [];
  for (const f of files.filter((f) => f.format))
    lines.push(
      `Read ${f.file}: ${FORMAT_NAMES[f.format!]}${f.container && f.container !== 'text' && f.container !== 'json' ? ` (${f.container === 'xlsx' ? 'Excel' : 'OpenDocument'})` : ''}, ${f.records} record(s).`,
    );
  lines.push(
    `${a.module} ${a.version}: ${a.learners} learner(s)${a.notAttempted > 0 ? ` (${a.notAttempted} more listed without an attempt)` : ''}, ${a.attempts} attempt(s), ${percent(a.attemptStats.passRate)} passed (pass mark ${a.passMark} %), median score ${a.attemptStats.medianScore ?? '–'} %.`,
  );
  const weakest = a.recommendations.find((r) => r.key === a.summary.weakestRecommendation);
  if (weakest) {
    const range = weakest.correctInterval
      ? ` (likely ${percent(weakest.correctInterval[0])} to ${percent(weakest.correctInterval[1])})`
      : '';
    lines.push(
      `Weakest recommendation: ${weakest.document} ${weakest.name}, ${percent(weakest.correctRate)} of answers right${range}; ${weakest.learnersMet} of ${weakest.learners} learner(s) met it.`,
    );
    const wrong = weakest.commonWrongAnswers[0];
    if (wrong)
      lines.push(
        `Its most common wrong answer: ${wrong.response.length > 100 ? `${wrong.response.slice(0, 100)}…` : wrong.response} (${wrong.count}, ${wrong.question}).`,
      );
  } else {
    lines.push('No answers to analyse by recommendation: the exports hold scores only.');
  }
  const flagged = flaggedBySeverity(a.questions);
  if (flagged.length > 0) {
    const shown = flagged.slice(0, 5).map((q) => `${q.id} (${q.flags.map((f) => FLAG_TEXT[f].label.toLowerCase()).join(', ')})`);
    lines.push(
      `Questions to look at, most worrying first (${flagged.length} of ${a.questions.length}): ${shown.join('; ')}${flagged.length > shown.length ? `; and ${flagged.length - shown.length} more in the report` : ''}.`,
    );
  }
  if (a.unknownInteractions.length > 0) {
    const answers = a.unknownInteractions.reduce((n, u) => n + u.count, 0);
    lines.push(
      `Not questions of this module: ${a.unknownInteractions.length} interaction id(s), ${answers} answer(s), listed in the report.`,
    );
  }
  return `${lines.join('\n')}\n`;
}
