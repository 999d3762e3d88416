/** The sample module's web package, built once, served on 127.0.0.1, with a browser to visit it. */
import path from 'node:path';
import type { Browser } from 'playwright-core';
import type { RunningServer } from '../../src/preview/package-server.js';
import type { RuntimeCourseData } from '../../src/model/runtime-data.js';
import { launchBrowser } from './browser.js';
import { servePackages } from './lms.js';
import { buildProject, type BuiltProject } from './projects.js';
import { runtimeCourse } from './runtime-course.js';

export interface ServedSample {
  project: BuiltProject;
  server: RunningServer;
  browser: Browser;
  /** URL of the package folder: `${base}/index.html` is the start page. */
  base: string;
  /** What the runtime knows of the course (questions, answers, pages). */
  course: RuntimeCourseData;
  close(): Promise<void>;
}

export async function serveSampleWebPackage(): Promise<ServedSample> {
  const project = await buildProject('sample', ['web']);
  const server = await servePackages(path.join(project.dir, 'dist', 'packages'));
  const course = await runtimeCourse('sample');
  const browser = await launchBrowser();
  return {
    project,
    server,
    browser,
    course,
    base: `${server.origin}/packages/migration-human-rights-web`,
    async close() {
      await browser.close();
      await server.close();
      await project.cleanup();
    },
  };
}
