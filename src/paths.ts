import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The coursekit package root: this file is src/paths.ts, or lib/paths.js once compiled. */
export const packageRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const schemasDir = path.join(packageRoot, 'schemas');
export const templatesDir = path.join(packageRoot, 'src', 'render', 'templates');
export const runtimeEntry = path.join(packageRoot, 'src', 'runtime', 'main.ts');
/** The TypeScript of the preview's own pages (live reload, LMS host, simulator), bundled on use. */
export const previewClientDir = path.join(packageRoot, 'src', 'preview', 'client');
export const stylesDir = path.join(packageRoot, 'src', 'render', 'styles');
/** The learner-interface strings, one JSON file per language. */
export const localesDir = path.join(packageRoot, 'src', 'render', 'locales');
export const eleventyConfigPath = path.join(packageRoot, '.eleventy.js');
/** The official SCORM XML Schemas the build validates every manifest against. */
export const scormSchemasDir = path.join(packageRoot, 'vendor', 'scorm-xsd');
