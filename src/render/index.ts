/**
 * Stage 3, render: Eleventy turns the validated modules into a static site, one folder per
 * module (start page, one page per lesson, assessment, SCORM launch page), plus the assets
 * every page needs. The same files are what every package zips. Rendering happens in memory;
 * writeSite (site-files.ts) writes the folder; the build writes it on a second thread
 * (pipeline/site-output.ts).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import Eleventy from '@11ty/eleventy';
import { bundleRuntime, type RuntimeTarget } from '../bundle/index.js';
import type { CourseModule } from '../model/course.js';
import type { FileMap } from '../model/files.js';
import { stylesDir, templatesDir } from '../paths.js';
import { eleventyOptions, type PageObserver } from './eleventy-options.js';
import type { RenderResult } from './site-files.js';
import { buildSiteModel, type IndexEntry, type ModuleView, type PageView, type SiteModel } from './view-model.js';
import { themeCss } from './theme-css.js';

export interface RenderOptions {
  /** The site folder the pages are rendered for. */
  outDir: string;
  /** Which runtime build the site pages get; packages replace it with their own. */
  runtimeTarget?: RuntimeTarget;
  /** Modules from earlier builds to keep listed on the site's index page. */
  earlierIndex?: IndexEntry[];
  /** Called with each page, by its path in the site folder, as soon as Eleventy has rendered it. */
  onPage?: PageObserver;
  /**
   * Which pages to render (all by default): the preview leaves out pages whose inputs did not
   * change. The assets and the site index are always rendered.
   */
  renderPage?: (page: PageView, site: SiteModel) => boolean;
  /** Which modules' coverage reports to render (all by default). */
  renderReport?: (module: ModuleView, site: SiteModel) => boolean;
}

export type { RenderResult } from './site-files.js';

export async function renderSite(modules: CourseModule[], options: RenderOptions): Promise<RenderResult> {
  const site = buildSiteModel(modules, options.earlierIndex);
  const { renderPage, renderReport } = options;
  const pages = renderPage ? site.pages.filter((page) => renderPage(page, site)) : site.pages;
  // The reports are paginated over `modules` (templates/reports.njk).
  const reported = renderReport ? site.modules.filter((view) => renderReport(view, site)) : site.modules;
  const eleventy = new Eleventy(templatesDir, options.outDir, eleventyOptions({ ...site, pages, modules: reported }, options.onPage));
  // toJSON renders without writing or logging.
  const rendered = await eleventy.toJSON();
  const encoder = new TextEncoder();
  const moduleIds = new Set(modules.map((m) => m.id));
  const moduleFiles = new Map<string, FileMap>(modules.map((m) => [m.id, new Map()]));
  const siteFiles: FileMap = new Map([['modules.json', encoder.encode(`${JSON.stringify(site.index, null, 2)}\n`)]]);
  for (const page of rendered) {
    if (!page.outputPath) continue;
    const [first, ...rest] = path.relative(options.outDir, page.outputPath).split(path.sep);
    const bytes = encoder.encode(page.content);
    if (first && rest.length > 0 && moduleIds.has(first)) moduleFiles.get(first)!.set(rest.join('/'), bytes);
    else siteFiles.set([first, ...rest].join('/'), bytes);
  }

  const styles = await readFile(path.join(stylesDir, 'coursekit.css'));
  const runtime = encoder.encode(await bundleRuntime(options.runtimeTarget ?? 'web'));
  for (const module of modules) {
    const files = moduleFiles.get(module.id)!;
    // A script, not JSON: pages opened from file:// cannot fetch() but can load scripts.
    files.set('assets/course-data.js', encoder.encode(`window.coursekitCourse=${JSON.stringify(site.runtimeData.get(module.id))};\n`));
    files.set('assets/coursekit.css', styles);
    files.set('assets/coursekit.js', runtime);
    if (module.meta.theme) files.set('assets/theme.css', encoder.encode(themeCss(module.meta.theme)));
    for (const file of module.media) files.set(file, await readFile(path.join(module.folder, file)));
  }

  return { site, moduleFiles, siteFiles };
}
