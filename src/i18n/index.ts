/**
 * Content translation through XLIFF 2.0 (docs/translation.md). The build calls
 * `loadTranslations(module)` for each validated module; the `coursekit xliff` command uses
 * `exportXliff` and `importXliff`.
 */
export { applyTranslation, loadTranslations, type ApplyOptions, type ApplyResult, type LoadTranslationsOptions, type LoadTranslationsResult } from './apply.js';
export { exportXliff, locateBankQuestions, type ExportCounts, type ExportOptions, type ExportResult } from './export.js';
export { importXliff, type ImportOptions, type ImportResult } from './import.js';
export { collectTexts, type TranslatableText } from './units.js';
export { readXliff, writeXliff, type XliffDocument, type XliffUnit } from './xliff.js';
