/**
 * Stage 2, validate: every file against its schema, then the rules that span files
 * (references, ids, citations, quotes, coverage). All problems are collected before
 * anything is built, so an author fixes everything in one pass.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { hasErrors } from '../diagnostics/diagnostic.js';
import type { LoadedModule } from '../load/index.js';
import type { CourseModule } from '../model/course.js';
import { validateAgainstSchema } from './schema.js';
import { checkModuleRules } from './rules/index.js';

export interface ValidateResult {
  /** Present when the module has no errors (warnings allowed). */
  module: CourseModule | undefined;
  diagnostics: Diagnostic[];
}

export async function validateModule(loaded: LoadedModule): Promise<ValidateResult> {
  const diagnostics: Diagnostic[] = [];
  diagnostics.push(...validateAgainstSchema('module', loaded.moduleFile));
  for (const lesson of loaded.lessonFiles) diagnostics.push(...validateAgainstSchema('lesson', lesson));
  for (const bank of loaded.questionFiles) diagnostics.push(...validateAgainstSchema('question-bank', bank));
  if (loaded.glossaryFile) diagnostics.push(...validateAgainstSchema('glossary', loaded.glossaryFile));
  // Cross-file rules need every file: with a file that could not be read (already reported by
  // the load stage) or that breaks its schema, they would report its absence as many
  // unrelated-looking problems (every reference to its objectives, say).
  if (hasErrors(diagnostics) || loaded.unreadable.size > 0) return { module: undefined, diagnostics };
  const rules = await checkModuleRules(loaded);
  diagnostics.push(...rules.diagnostics);
  return { module: hasErrors(diagnostics) ? undefined : rules.module, diagnostics };
}
