/**
 * The learner runtime (src/runtime/) is bundled with esbuild once per target: the SCORM
 * builds carry only their own API adapter, the web build only local storage.
 */
import { build } from 'esbuild';
import { runtimeEntry } from '../paths.js';

export type RuntimeTarget = 'web' | 'scorm12' | 'scorm2004';

const cache = new Map<RuntimeTarget, Promise<string>>();

export function bundleRuntime(target: RuntimeTarget): Promise<string> {
  let bundle = cache.get(target);
  if (!bundle) {
    bundle = build({
      entryPoints: [runtimeEntry],
      bundle: true,
      write: false,
      minify: true,
      format: 'iife',
      target: ['es2019'],
      legalComments: 'none',
      define: { __CK_TARGET__: JSON.stringify(target) },
      logLevel: 'silent',
    }).then((result) => result.outputFiles[0]!.text);
    cache.set(target, bundle);
  }
  return bundle;
}
