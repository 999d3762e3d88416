/**
 * The preview's builds, kept in memory: check each module folder an edit touched and render
 * only the pages whose inputs changed (render/view-model.ts, pageInputs). Content files that
 * did not change are neither read nor schema-checked again (load/file-cache.ts); the rules that
 * look across files run on the whole module, since any file can break them. Folders are checked
 * one by one: a module with errors keeps its last good build, and the others still update.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { hasErrors, type Diagnostic } from '../diagnostics/diagnostic.js';
import { ContentFileCache } from '../load/file-cache.js';
import type { CourseModule } from '../model/course.js';
import type { FileMap } from '../model/files.js';
import { checkModules } from '../pipeline/check.js';
import { renderSite } from '../render/index.js';
import { forgetStrings } from '../render/strings.js';
import { pageInputs, reportInputs, sameInputs, type Inputs } from '../render/view-model.js';
import { forgetCompiledSchemas } from '../validate/schema.js';

export interface ModuleBuild {
  module: CourseModule;
  /** The module folder's files (pages, assets, media), as its packages hold them. */
  files: FileMap;
  /** The module's coverage report page. */
  report: Uint8Array | undefined;
  /** A hash of everything the preview serves for the module: shown on its pages and sent as a header. */
  version: string;
  builtAt: Date;
  /** How many pages this build rendered; the others are the previous build's. */
  renderedPages: number;
  /** What each page's template read, by file name, to tell which pages the next build must render. */
  pageInputs: Map<string, Inputs>;
  /** What the coverage report read. */
  reportInputs: Inputs;
  /** Which templates, styles, locales and schemas it was rendered with (see forget). */
  generation: number;
}

export interface BuildOutcome {
  /** The diagnostics of each module folder checked, by folder name; '' for the modules folder itself. */
  checked: Map<string, Diagnostic[]>;
  /** Modules whose version changed (new ones included). */
  updated: ModuleBuild[];
  /** Modules whose folder is gone. */
  removed: string[];
}

export interface BuilderOptions {
  cwd: string;
  modulesDir: string;
  /** Module folder names; all modules when empty. */
  only?: readonly string[] | undefined;
}

export class PreviewBuilder {
  /** The last good build of each module, by module id (translations are modules of their own). */
  readonly modules = new Map<string, ModuleBuild>();
  private readonly files = new ContentFileCache();
  private generation = 0;

  constructor(private readonly options: BuilderOptions) {}

  /**
   * Templates, styles, locales or schemas changed: every file is read and checked again, and
   * every page of a module is rendered again at its next build.
   */
  forget(): void {
    this.files.clear();
    forgetCompiledSchemas();
    forgetStrings();
    this.generation++;
  }

  /** Builds the named module folders, or every module folder (within `only`). */
  async build(folderNames?: readonly string[]): Promise<BuildOutcome> {
    const outcome: BuildOutcome = { checked: new Map(), updated: [], removed: this.removeVanished() };
    const folders = (folderNames ?? this.moduleFolders()).filter((name) => this.isModuleFolder(name));
    if (!folderNames && folders.length === 0) {
      // Nothing to build: the check says why (no modules, a module named that is not there).
      const checked = await this.check(this.options.only);
      outcome.checked.set('', checked.diagnostics);
      return outcome;
    }
    const valid: CourseModule[] = [];
    for (const folder of folders) {
      const checked = await this.check([folder]);
      outcome.checked.set(folder, checked.diagnostics);
      if (hasErrors(checked.diagnostics)) continue;
      valid.push(...checked.modules);
      // A module of this folder that did not come back is gone (a translation taken out, say).
      for (const [id, build] of this.modules) {
        if (path.basename(build.module.folder) === folder && !checked.modules.some((m) => m.id === id)) {
          this.modules.delete(id);
          outcome.removed.push(id);
        }
      }
    }
    if (valid.length > 0) outcome.updated = await this.render(valid);
    return outcome;
  }

  private check(only: readonly string[] | undefined) {
    return checkModules({
      cwd: this.options.cwd,
      modulesDir: this.options.modulesDir,
      cache: this.files,
      // Authors preview a translation in progress as the draft it is.
      drafts: true,
      ...(only && only.length > 0 ? { only } : {}),
    });
  }

  private async render(modules: CourseModule[]): Promise<ModuleBuild[]> {
    // Taken now: forget() may be called again while this build renders.
    const generation = this.generation;
    const renderAll = (id: string) => this.modules.get(id)?.generation !== generation;
    const inputs = new Map<string, Map<string, Inputs>>(modules.map((m) => [m.id, new Map()]));
    const reports = new Map<string, Inputs>();
    const result = await renderSite(modules, {
      outDir: path.join(this.options.cwd, 'coursekit-preview'),
      renderPage: (page, site) => {
        const pageInput = pageInputs(page, site);
        inputs.get(page.module.id)!.set(page.fileName, pageInput);
        return renderAll(page.module.id) || !sameInputs(this.modules.get(page.module.id)!.pageInputs.get(page.fileName), pageInput);
      },
      renderReport: (view, site) => {
        const reportInput = reportInputs(view, site);
        reports.set(view.id, reportInput);
        return renderAll(view.id) || !sameInputs(this.modules.get(view.id)!.reportInputs, reportInput);
      },
    });
    const updated: ModuleBuild[] = [];
    for (const module of modules) {
      const previous = this.modules.get(module.id);
      const rendered = result.moduleFiles.get(module.id)!;
      const pages = inputs.get(module.id)!;
      const files: FileMap = new Map(rendered);
      for (const fileName of pages.keys()) if (!files.has(fileName)) files.set(fileName, previous!.files.get(fileName)!);
      const report = result.siteFiles.get(`reports/${module.id}.html`) ?? previous?.report;
      const version = versionOf(module, files, report);
      if (previous?.version === version) {
        // Nothing the preview serves changed: keep the build pages already show.
        Object.assign(previous, { pageInputs: pages, reportInputs: reports.get(module.id)!, generation });
        continue;
      }
      const build: ModuleBuild = {
        module,
        files,
        report,
        version,
        builtAt: new Date(),
        renderedPages: [...pages.keys()].filter((name) => rendered.has(name)).length,
        pageInputs: pages,
        reportInputs: reports.get(module.id)!,
        generation,
      };
      this.modules.set(module.id, build);
      updated.push(build);
    }
    return updated;
  }

  /** The module folders there are now, within `only`. */
  private moduleFolders(): string[] {
    const { only, modulesDir } = this.options;
    if (only && only.length > 0) return [...only];
    try {
      return readdirSync(modulesDir).sort();
    } catch {
      return [];
    }
  }

  /** A folder with a module.json, among the modules this preview shows. */
  private isModuleFolder(name: string): boolean {
    const { only, modulesDir } = this.options;
    return (!only || only.length === 0 || only.includes(name)) && existsSync(path.join(modulesDir, name, 'module.json'));
  }

  /** Drops the modules whose module.json is gone, with their translations. */
  private removeVanished(): string[] {
    const removed: string[] = [];
    for (const [id, build] of this.modules) {
      if (!existsSync(path.join(build.module.folder, 'module.json'))) {
        this.modules.delete(id);
        removed.push(id);
      }
    }
    return removed;
  }
}

const fileDigests = new WeakMap<Uint8Array, string>();

/**
 * The module's settings (its packages' manifests come from them), its files and its report.
 * Files kept from the previous build are the same byte arrays, so only new ones are hashed.
 */
function versionOf(module: CourseModule, files: FileMap, report: Uint8Array | undefined): string {
  const hash = createHash('sha256').update(JSON.stringify(module.meta));
  for (const name of [...files.keys()].sort()) hash.update(`\n${name}\n${digestOf(files.get(name)!)}`);
  if (report) hash.update(`\nreport\n${digestOf(report)}`);
  return hash.digest('hex').slice(0, 12);
}

function digestOf(bytes: Uint8Array): string {
  let digest = fileDigests.get(bytes);
  if (digest === undefined) {
    digest = createHash('sha1').update(bytes).digest('hex');
    fileDigests.set(bytes, digest);
  }
  return digest;
}
