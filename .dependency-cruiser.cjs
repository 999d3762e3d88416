/**
 * The stage boundaries of src/, checked by `npm test` (`npm run deps`). CONTRIBUTING.md, "How
 * the stages fit", explains them:
 * - no import cycles, between files or between folders;
 * - each folder imports only folders of a lower layer: a stage uses the stages before it, never
 *   the ones after, and folders of one layer do not use each other;
 * - browser code (the learner runtime, the preview's page scripts) imports nothing from Node or
 *   npm, and from build-time code only the model files that hold nothing but types; build-time
 *   code never imports browser code (it bundles it by path: src/bundle/).
 */

/** Lowest first. src/paths.ts, src/fs-exists.ts and src/fs-read.ts sit with the first layer. */
const LAYERS = [
  ['model', 'shared', 'encode', 'markdown', 'types'],
  ['diagnostics'],
  ['load'],
  ['validate'],
  ['report', 'i18n', 'bundle'],
  ['render'],
  ['package'],
  ['pipeline'],
  ['preview', 'xliff', 'scaffold', 'results', 'handout'],
  ['cli'],
];
const BROWSER = '^src/(runtime|preview/client)/';
/** What browser code may import from build-time code: model files with nothing but types. */
const TYPES_ONLY = '^src/model/(runtime-data|content\\.generated)\\.ts$';

const layerRules = LAYERS.flatMap((layer, index) =>
  layer.map((folder) => {
    const notBelow = [
      ...LAYERS.slice(index)
        .flat()
        .filter((f) => f !== folder),
    ];
    return {
      name: `layer-${folder}`,
      comment: `src/${folder}/ may import only folders of a lower layer (${LAYERS.slice(0, index).flat().join(', ') || 'none'}).`,
      severity: 'error',
      from: { path: `^src/${folder}/`, pathNot: BROWSER },
      to: { path: `^src/(${notBelow.join('|')})/` },
    };
  }),
);

module.exports = {
  forbidden: [
    { name: 'no-circular', comment: 'Import cycles make stages inseparable.', severity: 'error', from: {}, to: { circular: true } },
    ...layerRules,
    {
      name: 'root-files-import-no-folder',
      comment: 'src/paths.ts, src/fs-exists.ts and src/fs-read.ts are at the bottom: they import no folder of src/.',
      severity: 'error',
      from: { path: '^src/[^/]+\\.ts$' },
      to: { path: '^src/[^/]+/' },
    },
    {
      name: 'browser-no-node',
      comment: "Browser code runs in the learner's browser: no Node modules and no npm packages.",
      severity: 'error',
      from: { path: BROWSER },
      to: { dependencyTypes: ['core', 'npm', 'npm-dev', 'npm-optional', 'npm-peer', 'npm-no-pkg', 'npm-unknown'] },
    },
    {
      name: 'browser-imports-only-types',
      comment: 'Browser code imports from build-time code only the model files that hold nothing but types.',
      severity: 'error',
      from: { path: '^src/runtime/' },
      to: { path: '^src/', pathNot: [`^src/(runtime|shared)/`, TYPES_ONLY] },
    },
    {
      name: 'preview-client-imports-only-types',
      comment: "The preview's page scripts import only each other, shared code and types-only model files.",
      severity: 'error',
      from: { path: '^src/preview/client/' },
      to: { path: '^src/', pathNot: [`^src/(preview/client|shared)/`, TYPES_ONLY] },
    },
    {
      name: 'no-build-time-to-browser',
      comment: 'Build-time code bundles browser code by path (src/bundle/); it never imports it.',
      severity: 'error',
      from: { path: '^src/', pathNot: BROWSER },
      to: { path: BROWSER },
    },
    {
      name: 'shared-is-self-contained',
      comment: 'src/shared/ compiles for Node and the browser alike: it imports nothing else.',
      severity: 'error',
      from: { path: '^src/shared/' },
      to: { pathNot: '^src/shared/' },
    },
  ],
  options: {
    // @swc/core parses the TypeScript: the typescript package (v7, native) has no JS API.
    parser: 'swc',
    doNotFollow: { path: 'node_modules' },
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '\\.(json|njk|css|md)$' },
  },
};
