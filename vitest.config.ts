import { defineConfig } from 'vitest/config';

/** Tests that start Chromium; everything else is the fast tier (`npm run test:unit`). */
const BROWSER_TESTS = ['tests/a11y/**/*.test.ts', 'tests/browser/**/*.test.ts', 'tests/preview/**/*.test.ts', 'tests/render/rtl.test.ts'];

export default defineConfig({
  test: {
    // Two workers match the CI machine's two cores.
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    projects: [
      // The fast tier shares modules between the test files of a worker: importing Eleventy, ajv
      // and esbuild once instead of once per file halves its time. Its tests keep no state in a
      // module that they do not reset.
      { extends: true, test: { name: 'unit', isolate: false, include: ['tests/**/*.test.ts'], exclude: BROWSER_TESTS } },
      { extends: true, test: { name: 'browser', include: BROWSER_TESTS } },
    ],
  },
});
