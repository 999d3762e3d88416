// Generates lib/validate/schema-validators.cjs: ajv's standalone validation code for the four
// content schemas, so a build that meets only valid files never compiles a schema at run time.
// Run by `npm run compile`, after tsc: it takes the schema files, the options that decide pass
// or fail, and the hash it records from lib/validate/schema-source.js, the module
// src/validate/schema.ts checks the hash with (a stale file is ignored there).
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { readSchemaText, SCHEMA_BASE, schemaFileNames, schemasHash, VERDICT_OPTIONS } from '../lib/validate/schema-source.js';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'lib', 'validate', 'schema-validators.cjs');

const ajv = new Ajv2020({ ...VERDICT_OPTIONS, code: { source: true } });
for (const name of schemaFileNames()) ajv.addSchema(JSON.parse(readSchemaText(name)));
const code = standaloneCode.default(ajv, {
  module: `${SCHEMA_BASE}module.schema.json`,
  lesson: `${SCHEMA_BASE}lesson.schema.json`,
  'question-bank': `${SCHEMA_BASE}question-bank.schema.json`,
  glossary: `${SCHEMA_BASE}glossary.schema.json`,
});
mkdirSync(path.dirname(out), { recursive: true });
writeFileSync(out, `${code}\nexports.schemasHash = ${JSON.stringify(schemasHash())};\n`);
