#!/usr/bin/env node
// Writes the generated test fixtures (tests/fixtures/generate/): today tiny-translated, the tiny
// fixture plus its French pseudo-translation. tests/i18n/tiny-translated.test.ts fails when the
// committed copy is out of date. The generator is TypeScript that runs the real pipeline, so it
// is bundled with esbuild next to node_modules (packages stay external) and imported.
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// One folder below the root, as src/ files are, so that src/paths.ts finds the package root.
const bundle = path.join(root, 'node_modules', '.coursekit-fixtures.mjs');
await build({
  entryPoints: [path.join(root, 'tests/fixtures/generate/tiny-translated.ts')],
  outfile: bundle,
  bundle: true,
  platform: 'node',
  format: 'esm',
  packages: 'external',
  logLevel: 'error',
});
try {
  const { TINY_TRANSLATED, tinyTranslatedFiles } = await import(pathToFileURL(bundle).href);
  const files = await tinyTranslatedFiles();
  await rm(TINY_TRANSLATED, { recursive: true, force: true });
  for (const [file, bytes] of files) {
    await mkdir(path.dirname(path.join(TINY_TRANSLATED, file)), { recursive: true });
    await writeFile(path.join(TINY_TRANSLATED, file), bytes);
  }
  console.log(`wrote ${path.relative(root, TINY_TRANSLATED)} (${files.size} files)`);
} finally {
  await rm(bundle, { force: true });
}
