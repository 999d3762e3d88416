/**
 * The results stage: LMS exports → normalised responses → analysis. One entry,
 * `analyseExports`, for the command, the tests and the bench; the HTML report (html.ts) and
 * the terminal summary present what it returns.
 */
import { createHash } from 'node:crypto';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { CourseModule } from '../model/course.js';
import { runtimeAssessmentOf } from '../render/view-model.js';
import { analyse, type Analysis } from './analyse.js';
import { Problems, quoted } from './problems.js';
import { moduleQuestions } from './questions.js';
import { FORMAT_NAMES, type RawAttempt } from './records.js';
import { listExportFiles, readExportFile, type FileReading } from './read/index.js';
import { ResponseStore, type FileCounts } from './store.js';

export type { Analysis } from './analyse.js';
export type { FileReading } from './read/index.js';

export interface ResultsOptions {
  cwd: string;
  module: CourseModule;
  /** Ids of the module's translations (their SCORM 2004 interaction ids name them). */
  translatedIds?: string[];
  /** Files and folders, as the user gave them. */
  inputs: string[];
  /** Learners' names and e-mails in the output (otherwise pseudonymous ids only). */
  names?: boolean;
}

export interface ResultsOutcome {
  /** Undefined when nothing could be analysed. */
  analysis: Analysis | undefined;
  files: FileReading[];
  diagnostics: Diagnostic[];
}

const UNKNOWN_IDS_NAMED = 3;

export async function analyseExports(options: ResultsOptions): Promise<ResultsOutcome> {
  const { module } = options;
  const problems = new Problems();
  const questions = moduleQuestions(module, options.translatedIds);
  const store = new ResponseStore(questions, problems);
  const course = runtimeAssessmentOf(module);
  const digest = createHash('sha256');
  const files: FileReading[] = [];
  for (const file of await listExportFiles(options.inputs, options.cwd, problems)) {
    const counts: FileCounts = { interactions: 0, matched: 0, unknownIds: new Map(), scenarios: 0 };
    const reading = await readExportFile(file, {
      problems,
      module: { id: module.id, version: module.meta.version },
      course,
      onRecord: (record: RawAttempt) => store.add(record, counts),
      onBytes: (bytes) => digest.update(bytes),
    });
    files.push(reading);
    if (counts.unknownIds.size === 0) continue;
    const named = [...counts.unknownIds.entries()]
      .sort(([, a], [, b]) => b - a)
      .slice(0, UNKNOWN_IDS_NAMED)
      .map(([id, n]) => `${quoted(id)} (${n})`);
    const unknownCount = counts.interactions - counts.matched - counts.scenarios;
    const more = counts.unknownIds.size > UNKNOWN_IDS_NAMED ? `, and ${counts.unknownIds.size - UNKNOWN_IDS_NAMED} more` : '';
    if (counts.matched === 0) {
      problems.report(
        'results-no-match',
        { file: file.display },
        `none of the ${counts.interactions} interactions in ${file.display} belongs to module \`${module.id}\` ${module.meta.version}: ${named.join(', ')}${more}. The export comes from another module, or from a version whose questions were renamed or removed.`,
      );
    } else {
      problems.report(
        'results-unknown-interactions',
        { file: file.display },
        `${unknownCount} of the ${counts.interactions} interactions in ${file.display} are not questions of \`${module.id}\` ${module.meta.version}: ${named.join(', ')}${more}. They are listed in the report and left out of the figures.`,
      );
    }
  }
  store.finish();
  if (store.keptAttempts().length === 0) {
    const read = files.filter((f) => f.format).map((f) => `${f.file} (${FORMAT_NAMES[f.format!]})`);
    problems.report(
      'results-nothing-analysed',
      {},
      files.length === 0
        ? 'no export was given that could be read.'
        : `no attempt of \`${module.id}\` ${module.meta.version} was found in ${read.length > 0 ? read.join(', ') : 'the files given'}.`,
    );
    return { analysis: undefined, files, diagnostics: problems.list() };
  }
  const analysis = analyse(store, questions, module, { pseudonymKey: digest.digest('hex'), names: options.names ?? false });
  return { analysis, files, diagnostics: problems.list() };
}
