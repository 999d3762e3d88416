/**
 * The check stage: load → validate → translations. Everything `coursekit validate` does, the
 * first half of a build, and what the preview, `coursekit report` and `coursekit xliff import`
 * start from. Kept apart from the build (index.ts) so that commands that only check content
 * never load Eleventy.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { loadTranslations, type IncompleteTranslation } from '../i18n/index.js';
import type { ContentFileCache } from '../load/file-cache.js';
import { loadModules } from '../load/index.js';
import type { CourseModule } from '../model/course.js';
import { validateModule } from '../validate/index.js';

export interface CheckOptions {
  cwd: string;
  modulesDir: string;
  /** Module folder names; all modules when empty. */
  only?: readonly string[];
  /** Each declared translation becomes a module too (default); false checks the source modules only. */
  translations?: boolean;
  /** A translation that leaves texts untranslated becomes a draft module instead of being left out. */
  drafts?: boolean;
  /** Files read by an earlier check, reused while they are unchanged (the preview's rebuilds). */
  cache?: ContentFileCache;
}

export interface CheckResult {
  modules: CourseModule[];
  diagnostics: Diagnostic[];
  /** How many content files were read, for the summary line. */
  fileCount: number;
  /** How many module folders were checked, valid or not. */
  moduleCount: number;
  /** Declared languages whose translation is not complete: left out, or built as drafts. */
  incompleteTranslations: IncompleteTranslation[];
}

export async function checkModules(options: CheckOptions): Promise<CheckResult> {
  const loaded = await loadModules(options);
  const diagnostics = [...loaded.diagnostics];
  const modules: CourseModule[] = [];
  const incompleteTranslations: IncompleteTranslation[] = [];
  let fileCount = 0;
  for (const module of loaded.modules) {
    fileCount += 1 + module.lessonFiles.length + module.questionFiles.length + (module.glossaryFile ? 1 : 0);
    const result = await validateModule(module);
    diagnostics.push(...result.diagnostics);
    if (!result.module) continue;
    modules.push(result.module);
    if (options.translations === false) continue;
    // Each declared translation becomes a module of its own (<id>-<lang>), built like the source.
    const translated = await loadTranslations(result.module, { cwd: options.cwd, drafts: options.drafts === true });
    diagnostics.push(...translated.diagnostics);
    modules.push(...translated.modules);
    incompleteTranslations.push(...translated.incomplete);
  }
  return { modules, diagnostics, fileCount, moduleCount: loaded.modules.length, incompleteTranslations };
}
