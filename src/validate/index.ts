/**
 * Stage 2, validate: every file against its schema, then the rules that span files
 * (references, ids, citations, quotes, coverage). All problems are collected before
 * anything is built, so an author fixes everything in one pass: the rules run on every file
 * that passed its schema, and leave alone what failed (reported once, by the schema).
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { hasErrors } from '../diagnostics/diagnostic.js';
import type { LoadedModule } from '../load/index.js';
import type { CourseModule } from '../model/course.js';
import type { JsonFile } from '../model/json-file.js';
import type { ContentKind } from './place.js';
import { renameOldLevels } from './renamed-levels.js';
import { checkModuleRules } from './rules/index.js';
import { validateAgainstSchema } from './schema.js';

export interface ValidateResult {
  /** Present when the module has no errors (warnings allowed). */
  module: CourseModule | undefined;
  diagnostics: Diagnostic[];
}

export async function validateModule(original: LoadedModule): Promise<ValidateResult> {
  // Old level names are read as the new ones, on a copy: the file is never changed.
  const { loaded, diagnostics } = renameOldLevels(original);
  const broken = new Map<JsonFile, string[]>();
  const check = (kind: ContentKind, file: JsonFile) => {
    const result = validateAgainstSchema(kind, file);
    diagnostics.push(...result.diagnostics);
    if (result.broken.length > 0) broken.set(file, result.broken);
  };
  check('module', loaded.moduleFile);
  for (const lesson of loaded.lessonFiles) check('lesson', lesson);
  for (const bank of loaded.questionFiles) check('question-bank', bank);
  if (loaded.glossaryFile) check('glossary', loaded.glossaryFile);
  const rules = await checkModuleRules(loaded, broken);
  diagnostics.push(...rules.diagnostics);
  return { module: hasErrors(diagnostics) ? undefined : rules.module, diagnostics };
}
