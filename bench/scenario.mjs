// One measured run in its own process, so peak memory (maxRSS) belongs to that run alone.
// Usage: node bench/scenario.mjs <pipeline|eleventy-same|eleventy> <project-dir> <module-id>
//   pipeline       coursekit build: validate, render, package three targets
//   eleventy-same  Eleventy alone writing the same pages: coursekit's templates and data, prepared
//                  before the clock starts (no validation, no assets, no packaging); loading
//                  Eleventy is inside the clock, as it is for the pipeline
//   eleventy       Eleventy with a minimal template over the same lesson files
import path from 'node:path';
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const [kind, projectDir, moduleId] = process.argv.slice(2);
const here = path.dirname(fileURLToPath(import.meta.url));
let prepared;
if (kind === 'eleventy-same') {
  const { checkModules } = await import('../lib/pipeline/check.js');
  const { buildSiteModel } = await import('../lib/render/view-model.js');
  // Not render/index.js: that imports Eleventy, whose loading belongs inside the clock.
  const { eleventyOptions } = await import('../lib/render/eleventy-options.js');
  const checked = await checkModules({ cwd: projectDir, modulesDir: path.join(projectDir, 'modules') });
  prepared = eleventyOptions(buildSiteModel(checked.modules));
}
const started = performance.now();

if (kind === 'pipeline') {
  const { buildModules } = await import('../lib/pipeline/index.js');
  const result = await buildModules({
    cwd: projectDir,
    modulesDir: path.join(projectDir, 'modules'),
    outDir: path.join(projectDir, 'dist'),
    targets: ['scorm12', 'scorm2004', 'web'],
  });
  if (!result.ok) {
    console.error(JSON.stringify(result.diagnostics.slice(0, 5), null, 2));
    process.exit(1);
  }
} else if (kind === 'eleventy-same') {
  const { default: Eleventy } = await import('@11ty/eleventy');
  const templates = path.join(here, '..', 'src', 'render', 'templates');
  await new Eleventy(templates, path.join(projectDir, 'same-out'), prepared).write();
} else if (kind === 'eleventy') {
  // Bare Eleventy: the same lesson files as data, one page each through a plain Nunjucks
  // template with the same blocks; no validation, no runtime, no packaging.
  const { default: Eleventy } = await import('@11ty/eleventy');
  const lessonsDir = path.join(projectDir, 'modules', moduleId, 'lessons');
  const lessons = [];
  for (const name of (await readdir(lessonsDir)).sort()) lessons.push(JSON.parse(await readFile(path.join(lessonsDir, name), 'utf8')));
  const input = path.join(projectDir, 'bare-eleventy');
  await mkdir(input, { recursive: true });
  await writeFile(path.join(input, 'lesson.njk'), await readFile(path.join(here, 'bare-lesson.njk'), 'utf8'));
  const eleventy = new Eleventy(input, path.join(projectDir, 'bare-out'), {
    quietMode: true,
    config(config) {
      config.addGlobalData('lessons', lessons);
      config.setNunjucksEnvironmentOptions({ autoescape: true });
    },
  });
  await eleventy.write();
} else {
  console.error(`unknown scenario ${kind}`);
  process.exit(2);
}

const milliseconds = performance.now() - started;
// maxRSS is in kilobytes.
console.log(JSON.stringify({ milliseconds, peakMemoryMB: process.resourceUsage().maxRSS / 1024 }));
