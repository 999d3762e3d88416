// Generates lib/validate/schema-validators.cjs: ajv's standalone validation code for the four
// content schemas, so a build that meets only valid files never compiles a schema at run time.
// Run by `npm run compile`. The file records a hash of the schemas it came from; src/validate/
// schema.ts ignores it when the schemas have changed since (and then compiles them itself).
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import standaloneCode from 'ajv/dist/standalone/index.js';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const schemasDir = path.join(root, 'schemas');
const out = path.join(root, 'lib', 'validate', 'schema-validators.cjs');
const base = 'https://coursekit.dev/schemas/';

const ajv = new Ajv2020({ discriminator: true, strict: true, strictRequired: false, code: { source: true } });
const hash = createHash('sha256');
for (const name of readdirSync(schemasDir).filter((n) => n.endsWith('.schema.json')).sort()) {
  const text = readFileSync(path.join(schemasDir, name), 'utf8');
  hash.update(name).update('\0').update(text).update('\0');
  ajv.addSchema(JSON.parse(text));
}
const code = standaloneCode.default(ajv, {
  module: `${base}module.schema.json`,
  lesson: `${base}lesson.schema.json`,
  'question-bank': `${base}question-bank.schema.json`,
  glossary: `${base}glossary.schema.json`,
});
mkdirSync(path.dirname(out), { recursive: true });
writeFileSync(out, `${code}\nexports.schemasHash = ${JSON.stringify(hash.digest('hex'))};\n`);
