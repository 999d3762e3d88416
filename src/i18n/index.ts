/**
 * The translation stage (docs/translation.md): each translation a validated module declares
 * becomes a module of its own, its texts taken from translations/<lang>.xlf. The check stage
 * (pipeline/check.ts) calls `loadTranslations`; the `coursekit xliff` workflows that write
 * those files live in src/xliff/.
 */
export {
  applyTranslation,
  loadTranslations,
  type ApplyOptions,
  type ApplyResult,
  type IncompleteTranslation,
  type LoadTranslationsOptions,
  type LoadTranslationsResult,
  type TranslationGaps,
} from './apply.js';
