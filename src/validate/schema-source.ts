/**
 * What the two ways of compiling the schemas share: the schema files, the ajv options that
 * decide what passes, and a hash of all of it. `npm run compile` generates standalone
 * validators (scripts/precompile-schemas.mjs) and records this hash; schema.ts uses them only
 * while the hash still matches, so a schema edit, an option change or another ajv version
 * never leaves stale validators deciding.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { schemasDir } from '../paths.js';

export const SCHEMA_BASE = 'https://coursekit.dev/schemas/';

/** The options that decide pass or fail. Reporting errors adds allErrors and verbose on top. */
export const VERDICT_OPTIONS = { discriminator: true, strict: true, strictRequired: false, allowUnionTypes: true } as const;

export function schemaFileNames(): string[] {
  return readdirSync(schemasDir)
    .filter((n) => n.endsWith('.schema.json'))
    .sort();
}

export function readSchemaText(name: string): string {
  return readFileSync(path.join(schemasDir, name), 'utf8');
}

export function schemasHash(): string {
  const ajvVersion = (createRequire(import.meta.url)('ajv/package.json') as { version: string }).version;
  const hash = createHash('sha256').update(`ajv ${ajvVersion}\0${JSON.stringify(VERDICT_OPTIONS)}\0`);
  for (const name of schemaFileNames()) hash.update(name).update('\0').update(readSchemaText(name)).update('\0');
  return hash.digest('hex');
}
