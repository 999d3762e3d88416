/**
 * Stage 3, render: Eleventy turns the validated modules into a static site, one folder per
 * module (start page, one page per lesson, assessment, SCORM launch page), plus the assets
 * every page needs. The same folder is what every package zips.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import Eleventy from '@11ty/eleventy';
import type { CourseModule } from '../model/course.js';
import type { FileMap } from '../package/zip.js';
import { eleventyConfigPath, stylesDir, templatesDir } from '../paths.js';
import { renderMarkdown, escapeHtml } from './markdown.js';
import { format } from './strings.js';
import { buildSiteModel, type IndexEntry, type SiteModel } from './view-model.js';
import { bundleRuntime, type RuntimeTarget } from './runtime-bundle.js';
import { themeCss } from '../validate/theme.js';

export interface RenderOptions {
  /** The site folder to write (it is created; existing files are overwritten). */
  outDir: string;
  /** Which runtime build the site pages get; packages replace it with their own. */
  runtimeTarget?: RuntimeTarget;
  /** Modules from earlier builds to keep listed on the site's index page. */
  earlierIndex?: IndexEntry[];
}

export interface RenderResult {
  site: SiteModel;
  /** Absolute folder of each rendered module, by module id. */
  moduleDirs: Map<string, string>;
  /** What was written into each module folder, so packaging need not read it back. */
  moduleFiles: Map<string, FileMap>;
}

export async function renderSite(modules: CourseModule[], options: RenderOptions): Promise<RenderResult> {
  const site = buildSiteModel(modules, options.earlierIndex);
  const eleventy = new Eleventy(templatesDir, options.outDir, eleventyOptions(site));
  // toJSON renders without writing or logging; the pages are written below, with the assets.
  const rendered = await eleventy.toJSON();
  const encoder = new TextEncoder();
  const moduleIds = new Set(modules.map((m) => m.id));
  const moduleFiles = new Map<string, FileMap>(modules.map((m) => [m.id, new Map()]));
  const siteFiles: FileMap = new Map([['modules.json', encoder.encode(JSON.stringify(site.index, null, 2) + '\n')]]);
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

  await writeFileMap(options.outDir, siteFiles);
  const moduleDirs = new Map<string, string>();
  for (const [id, files] of moduleFiles) {
    moduleDirs.set(id, path.join(options.outDir, id));
    await writeFileMap(path.join(options.outDir, id), files);
  }
  return { site, moduleDirs, moduleFiles };
}

async function writeFileMap(root: string, files: FileMap): Promise<void> {
  const folders = new Set([...files.keys()].map((name) => path.dirname(path.join(root, name))));
  for (const folder of [...folders].sort()) await mkdir(folder, { recursive: true });
  await Promise.all([...files].map(([name, bytes]) => writeFile(path.join(root, name), bytes)));
}

/**
 * How Eleventy is run: the templates in src/render/templates, .eleventy.js, the course data and
 * the content filters. Exported so the benchmarks can time Eleventy alone on the same pages.
 */
export function eleventyOptions(site: SiteModel) {
  return {
    quietMode: true,
    configPath: eleventyConfigPath,
    config(eleventyConfig: EleventyUserConfig) {
      eleventyConfig.addGlobalData('coursekit', site);
      eleventyConfig.addFilter('md', (text: string) => renderMarkdown(text));
      eleventyConfig.addFilter('paragraphs', (text: string) =>
        text
          .split(/\n\s*\n/)
          .map((p) => `<p>${escapeHtml(p.replace(/\s+/g, ' ').trim())}</p>`)
          .join(''),
      );
      eleventyConfig.addFilter('fmt', (template: string, values: Record<string, string | number>) => format(template, values));
      eleventyConfig.addFilter('sortBy', <T extends Record<string, unknown>>(items: T[], key: string) =>
        [...items].sort((a, b) => String(a[key]).localeCompare(String(b[key]))),
      );
      eleventyConfig.addFilter('scramble', <T>(items: T[], seed: string) => scramble(items, seed));
    },
  };
}

/**
 * A fixed shuffle seeded by the question id, so that pages rendered without JavaScript do not
 * show ordering items in their correct order, while rebuilds stay byte-identical.
 */
export function scramble<T>(items: readonly T[], seed: string): T[] {
  let state = 2166136261;
  for (const ch of seed) state = Math.imul(state ^ ch.charCodeAt(0), 16777619) >>> 0;
  const random = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  const result = [...items];
  for (let i = result.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [result[i], result[j]] = [result[j]!, result[i]!];
  }
  // A shuffle that lands on the answer would give it away.
  if (result.length > 1 && result.every((item, i) => item === items[i])) result.push(result.shift()!);
  return result;
}

interface EleventyUserConfig {
  addGlobalData(name: string, value: unknown): void;
  addFilter(name: string, filter: (...args: never[]) => unknown): void;
}
