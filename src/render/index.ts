/**
 * Stage 3, render: Eleventy turns the validated modules into a static site, one folder per
 * module (start page, one page per lesson, assessment, SCORM launch page), plus the assets
 * every page needs. The same folder is what every package zips.
 */
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import Eleventy from '@11ty/eleventy';
import type { CourseModule } from '../model/course.js';
import { eleventyConfigPath, stylesDir, templatesDir } from '../paths.js';
import { renderMarkdown, escapeHtml } from './markdown.js';
import { format } from './strings.js';
import { buildSiteModel, type IndexEntry, type SiteModel } from './view-model.js';
import { bundleRuntime, type RuntimeTarget } from './runtime-bundle.js';

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
}

export async function renderSite(modules: CourseModule[], options: RenderOptions): Promise<RenderResult> {
  const site = buildSiteModel(modules, options.earlierIndex);
  const eleventy = new Eleventy(templatesDir, options.outDir, {
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
  });
  // toJSON renders without writing or logging; we write the pages into the staging folder.
  const rendered = await eleventy.toJSON();
  for (const page of rendered) {
    if (!page.outputPath) continue;
    await mkdir(path.dirname(page.outputPath), { recursive: true });
    await writeFile(page.outputPath, page.content);
  }

  await writeFile(path.join(options.outDir, 'modules.json'), JSON.stringify(site.index, null, 2) + '\n');
  const moduleDirs = new Map<string, string>();
  const styles = await readFile(path.join(stylesDir, 'coursekit.css'), 'utf8');
  const runtime = await bundleRuntime(options.runtimeTarget ?? 'web');
  for (const module of modules) {
    const dir = path.join(options.outDir, module.id);
    moduleDirs.set(module.id, dir);
    await mkdir(path.join(dir, 'assets'), { recursive: true });
    const data = site.runtimeData.get(module.id);
    // A script, not JSON: pages opened from file:// cannot fetch() but can load scripts.
    await writeFile(path.join(dir, 'assets', 'course-data.js'), `window.coursekitCourse=${JSON.stringify(data)};\n`);
    await writeFile(path.join(dir, 'assets', 'coursekit.css'), styles);
    await writeFile(path.join(dir, 'assets', 'coursekit.js'), runtime);
    for (const file of module.media) {
      const target = path.join(dir, file);
      await mkdir(path.dirname(target), { recursive: true });
      await copyFile(path.join(module.folder, file), target);
    }
  }
  return { site, moduleDirs };
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
