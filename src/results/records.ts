/**
 * What every reader of an export hands on: learner attempts as the source wrote them, nothing
 * interpreted yet. A new source (another LMS, like the workshop's paper results sheet) only needs a
 * reader that yields these; mapping ids to the module and the statistics stay the same.
 */
/**
 * How interactions are named and responses spelt: as a SCORM package writes them (the
 * interaction id tells the version), or as coursekit keeps them (question ids, option ids).
 */
export type ResponseNotation = 'scorm' | 'ids';

/** Where a record is in its file, for diagnostics. */
export interface RecordPlace {
  /** Display path of the file. */
  file: string;
  /** Row of a report (1 = the header), or undefined for JSON. */
  row?: number;
  /** Line in a text file, when it differs from the row or the row has none. */
  line?: number;
  /** JSON pointer in a JSON file. */
  pointer?: string;
}

export interface RawInteraction {
  /** The interaction id as the package wrote it, or the question id in coursekit's own files. */
  id: string;
  /** A SCORM response pattern, or option ids (notation `ids`); null when the source recorded only whether it was right. */
  response: string | string[] | null;
  /** The result as written (`correct`, `wrong`, `incorrect`, …), or a verdict. */
  result: string | boolean | undefined;
  /** The right answer the source recorded (Moodle's "Right answer"), to catch another module version. */
  rightAnswer?: string;
  /** Column of the interaction's first cell in a report, for diagnostics. */
  column?: number;
}

export interface RawLearner {
  /** What identifies the learner in this source: an e-mail, a user id, a name, a browser's id. */
  key: string;
  name?: string;
  email?: string;
}

export interface RawAttempt {
  place: RecordPlace;
  learner: RawLearner;
  /** The LMS's attempt number (Moodle's "Attempt"), when the source has one. */
  lmsAttempt: number | undefined;
  /** coursekit's own attempt number, when the source gives it without interaction ids. */
  attempt?: number;
  /** The score (0-100) the source recorded, if any. */
  score: number | undefined;
  /** False for a learner the LMS lists without any attempt. */
  attempted: boolean;
  notation: ResponseNotation;
  interactions: RawInteraction[];
}

/** Formats coursekit reads, by what the content is (never by the file name). */
export type ExportFormat = 'moodle-interactions' | 'moodle-basic' | 'coursekit-download' | 'cmi-dump' | 'paper-sheet';

export const FORMAT_NAMES: Record<ExportFormat, string> = {
  'moodle-interactions': 'Moodle SCORM Interactions report',
  'moodle-basic': 'Moodle SCORM Basic report (scores only)',
  'coursekit-download': 'coursekit results file ("Download my results")',
  'cmi-dump': 'CMI interactions dump (JSON)',
  'paper-sheet': 'workshop results sheet (paper quiz forms A and B)',
};

/** How a file was stored: the same report can come as CSV, Excel or OpenDocument. */
export type Container = 'text' | 'xlsx' | 'ods' | 'json';
