/**
 * Browser code is TypeScript under src/ (the learner runtime in src/runtime/, the preview's
 * pages in src/preview/client/), bundled with esbuild when first needed and kept for the
 * process. The runtime is bundled once per target: the SCORM builds carry only their own API
 * adapter, the web build only local storage.
 */
import path from 'node:path';
import { build, type BuildOptions } from 'esbuild';
import { previewClientDir, runtimeEntry } from '../paths.js';

export type RuntimeTarget = 'web' | 'scorm12' | 'scorm2004';

/** The scripts of the preview's own pages, by the name they are served under (/__coursekit/<name>.js). */
export const PREVIEW_SCRIPTS = ['live', 'lms-host', 'simulator'] as const;
export type PreviewScript = (typeof PREVIEW_SCRIPTS)[number];

const cache = new Map<string, Promise<string>>();

export function bundleRuntime(target: RuntimeTarget): Promise<string> {
  return bundle(`runtime:${target}`, {
    entryPoints: [runtimeEntry],
    minify: true,
    legalComments: 'none',
    define: { __CK_TARGET__: JSON.stringify(target) },
  });
}

/** Not minified: these run only on the author's machine, where a readable stack trace helps. */
export function bundlePreviewScript(name: PreviewScript): Promise<string> {
  return bundle(`preview:${name}`, { entryPoints: [path.join(previewClientDir, `${name}.ts`)] });
}

function bundle(key: string, options: BuildOptions): Promise<string> {
  let bundled = cache.get(key);
  if (!bundled) {
    // ES2020 (Chrome and Edge 80, Firefox 74, Safari 13.1, all from 2020): optional chaining and
    // "??" stay as written, which keeps the runtime about 700 bytes (gzipped) under its budget.
    bundled = build({ ...options, bundle: true, write: false, format: 'iife', target: ['es2020'], logLevel: 'silent' }).then(
      (result) => result.outputFiles![0]!.text,
    );
    cache.set(key, bundled);
  }
  return bundled;
}
