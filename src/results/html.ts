/**
 * The results report as one self-contained HTML file: no external requests, charts as inline
 * SVG, readable on a 320 px screen and on paper. Nunjucks escapes everything that came from an
 * export or the module (autoescape); this file only shapes the figures into words and geometry.
 */
import path from 'node:path';
import nunjucks from 'nunjucks';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { packageRoot } from '../paths.js';
import { textDirection } from '../render/strings.js';
import { flaggedBySeverity, THRESHOLDS, type Analysis, type QuestionFigures, type QuestionFlag } from './analyse.js';
import { FORMAT_NAMES } from './records.js';
import type { FileReading } from './read/index.js';

const templatesDir = path.join(packageRoot, 'src', 'results', 'templates');

/** Names the program in the report's <meta name="generator">. */
const REPORT_GENERATOR = 'coursekit results';

export const FLAG_TEXT: Record<QuestionFlag, { label: string; meaning: string }> = {
  'too-easy': {
    label: 'Too easy',
    meaning: `More than ${pct(THRESHOLDS.tooEasy)} answer it right, so it says little about who understood.`,
  },
  'too-hard': {
    label: 'Too hard',
    meaning: `Fewer than ${pct(THRESHOLDS.tooHard)} answer it right: check its wording and its key, or how the course teaches this point.`,
  },
  'low-discrimination': {
    label: 'Does not separate',
    meaning: 'Staff who did well overall are hardly more likely to get it right than those who did poorly.',
  },
  'negative-discrimination': {
    label: 'Strong staff get it wrong',
    meaning: 'Staff who did well overall get it wrong more often than those who did poorly: check the key and the wording first.',
  },
  'distractor-beats-key': {
    label: 'Wrong option beats the key',
    meaning: 'The upper group picks a wrong option more often than the right one: the question may be ambiguous or miskeyed.',
  },
  'unused-distractor': {
    label: 'Option nobody picks',
    meaning: 'A wrong option no one chose does no work: replace it with a real misconception.',
  },
};

const CONTAINER_NAMES = { text: 'text', xlsx: 'Excel', ods: 'OpenDocument', json: 'JSON' } as const;

export interface HtmlOptions {
  names: boolean;
}

export function renderResultsHtml(analysis: Analysis, files: FileReading[], diagnostics: Diagnostic[], options: HtmlOptions): string {
  const env = new nunjucks.Environment(new nunjucks.FileSystemLoader(templatesDir), { autoescape: true, throwOnUndefined: false });
  return env.render('report.njk', viewOf(analysis, files, diagnostics, options));
}

function pct(rate: number | null | undefined, digits = 0): string {
  // A no-break space: "38 %" must not break between the number and its sign on a narrow screen.
  return rate === null || rate === undefined ? '–' : `${(rate * 100).toFixed(digits)}\u00a0%`;
}

function range(interval: [number, number] | null): string {
  return interval ? `${pct(interval[0])} to ${pct(interval[1])}` : '–';
}

function signed(value: number | null): string {
  if (value === null) return '–';
  return value.toFixed(2).replace(/^-/, '−');
}

function viewOf(a: Analysis, files: FileReading[], diagnostics: Diagnostic[], options: HtmlOptions) {
  const weakest = a.recommendations.find((r) => r.key === a.summary.weakestRecommendation);
  const flagged = flaggedBySeverity(a.questions);
  return {
    generator: REPORT_GENERATOR,
    a,
    lang: a.language,
    dir: textDirection(a.language),
    names: options.names,
    files: files.map((f) => ({
      file: f.file,
      format: f.format ? FORMAT_NAMES[f.format] : 'not read',
      container: f.container ? CONTAINER_NAMES[f.container] : '',
      records: f.records,
    })),
    glance: [
      {
        label: 'Learners who took the assessment',
        value: String(a.learners) + (a.notAttempted > 0 ? ` (and ${a.notAttempted} listed without an attempt)` : ''),
      },
      { label: 'Attempts', value: String(a.attempts) },
      {
        label: 'Attempts that passed',
        value: `${pct(a.attemptStats.passRate)} (${a.attemptStats.passed} of ${a.attempts}; pass mark ${a.passMark}\u00a0%)`,
      },
      { label: 'Median score', value: a.attemptStats.medianScore === null ? '–' : `${a.attemptStats.medianScore}\u00a0%` },
      {
        label: 'Weakest recommendation',
        value: weakest ? `${weakest.document}, ${weakest.name}: ${pct(weakest.correctRate)} of answers right` : 'no answers to compare',
      },
      { label: 'Questions to look at', value: flagged.length === 0 ? 'none flagged' : `${flagged.length} of ${a.questions.length}` },
    ],
    recommendations: a.recommendations.map((r) => ({
      ...r,
      label: `${r.document}, ${r.name}`,
      correctText: pct(r.correctRate),
      rangeText: range(r.correctInterval),
      metText: r.learners === 0 ? '–' : `${r.learnersMet} of ${r.learners} (${pct(r.metRate)}; likely ${range(r.metInterval)})`,
      weakest: r.key === a.summary.weakestRecommendation,
    })),
    recommendationChart: barChart(
      a.recommendations.map((r) => ({
        label: r.name.startsWith('paragraph ') ? `¶ ${r.paragraph}` : r.name,
        rate: r.correctRate,
        interval: r.correctInterval,
      })),
      'Share of answers right per recommendation, with the likely range',
    ),
    flagged: flagged.map(questionView),
    questions: a.questions.map(questionView),
    objectives: a.objectives.map((o) => ({ ...o, correctText: pct(o.correctRate), rangeText: range(o.correctInterval) })),
    levels: a.levels.map((l) => ({ ...l, correctText: pct(l.correctRate), rangeText: range(l.correctInterval) })),
    distribution: histogram(a.attemptStats.scoreDistribution, a.passMark),
    attempts: {
      first: { mean: a.attemptStats.first.meanScore, pass: pct(a.attemptStats.first.passRate) },
      best: { mean: a.attemptStats.best.meanScore, pass: pct(a.attemptStats.best.passRate) },
      perLearner: a.attemptStats.attemptsPerLearner,
      passRange: range(a.attemptStats.passInterval),
      scoreOnly: a.attemptStats.scoreOnly,
    },
    flagText: FLAG_TEXT,
    thresholds: { ...THRESHOLDS, metText: '2 of 3', groupText: pct(THRESHOLDS.group) },
    warnings: diagnostics.map((d) => ({ severity: d.severity, code: d.code, file: d.file ?? '', message: d.message })),
    learnerTableLimit: 500,
  };
}

function questionView(q: QuestionFigures) {
  return {
    ...q,
    difficultyText: pct(q.difficulty),
    rangeText: range(q.difficultyInterval),
    discriminationText: signed(q.discrimination),
    upperLowerText: signed(q.upperLower),
    flagLabels: q.flags.map((f) => FLAG_TEXT[f].label),
    flagMeanings: q.flags.map((f) => FLAG_TEXT[f].meaning),
  };
}

interface ChartBar {
  label: string;
  rate: number | null;
  interval: [number, number] | null;
}

/** Horizontal bars (0-100 %) with a whisker for the likely range; geometry in SVG user units. */
function barChart(bars: ChartBar[], title: string) {
  const labelWidth = 44;
  const plotWidth = 220;
  const rowHeight = 28;
  const top = 8;
  const x = (rate: number) => labelWidth + rate * plotWidth;
  return {
    title,
    width: labelWidth + plotWidth + 36,
    left: labelWidth,
    height: top + bars.length * rowHeight + 24,
    ticks: [0, 0.25, 0.5, 0.75, 1].map((t) => ({ x: x(t), label: `${t * 100}`, y: top + bars.length * rowHeight + 16 })),
    axisBottom: top + bars.length * rowHeight,
    top,
    bars: bars.map((b, i) => {
      const y = top + i * rowHeight;
      return {
        label: b.label,
        labelY: y + 18,
        y: y + 6,
        height: 14,
        x: labelWidth,
        width: b.rate === null ? 0 : b.rate * plotWidth,
        value: pct(b.rate),
        whisker: b.interval ? { x1: x(b.interval[0]), x2: x(b.interval[1]), y: y + 13 } : undefined,
      };
    }),
  };
}

/** Attempts per 10-point score band, with the pass mark drawn as a line. */
function histogram(bands: Analysis['attemptStats']['scoreDistribution'], passMark: number) {
  const width = 300;
  const height = 160;
  const left = 28;
  const bottom = 130;
  const plotWidth = width - left - 8;
  const most = Math.max(1, ...bands.map((b) => b.attempts));
  const barWidth = plotWidth / bands.length;
  return {
    width,
    height,
    bottom,
    left,
    passX: left + (passMark / 100) * plotWidth,
    passMark,
    bars: bands.map((b, i) => {
      const h = (b.attempts / most) * (bottom - 12);
      return {
        ...b,
        x: left + i * barWidth + 2,
        width: barWidth - 4,
        y: bottom - h,
        height: h,
        labelX: left + i * barWidth + barWidth / 2,
        label: `${b.from}`,
      };
    }),
  };
}
