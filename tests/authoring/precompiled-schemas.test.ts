/**
 * `npm run compile` turns the schemas into standalone validators (lib/validate/
 * schema-validators.cjs) so that builds of valid content never compile a schema. They decide
 * pass or fail only; these tests pin that they decide exactly as the schemas compiled at run
 * time do (the path the TypeScript sources take, and the one that reports errors).
 */
import { readFile, readdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { JsonFile } from '../../src/model/json-file.js';
import type { ContentKind } from '../../src/validate/place.js';
import { validateAgainstSchema } from '../../src/validate/schema.js';
import { schemasHash } from '../../src/validate/schema-source.js';
import { repoRoot } from '../helpers/projects.js';

type PassFail = Record<ContentKind, (data: unknown) => boolean> & { schemasHash: string };
const generatedPath = path.join(repoRoot, 'lib', 'validate', 'schema-validators.cjs');

function loadGenerated(): PassFail {
  try {
    return createRequire(import.meta.url)(generatedPath) as PassFail;
  } catch {
    throw new Error(`${generatedPath} is missing: run npm run compile`);
  }
}

function kindOf(file: string): ContentKind | undefined {
  const name = path.basename(file);
  if (name === 'module.json') return 'module';
  if (name === 'glossary.json') return 'glossary';
  if (file.includes(`${path.sep}lessons${path.sep}`)) return 'lesson';
  if (file.includes(`${path.sep}questions${path.sep}`)) return 'question-bank';
  return undefined;
}

async function contentFiles(): Promise<{ file: string; kind: ContentKind; data: unknown }[]> {
  const found: { file: string; kind: ContentKind; data: unknown }[] = [];
  for (const root of ['modules', path.join('tests', 'fixtures')]) {
    const names = await readdir(path.join(repoRoot, root), { recursive: true });
    for (const name of names.filter((n) => n.endsWith('.json')).sort()) {
      const file = path.join(repoRoot, root, name);
      const kind = kindOf(file);
      if (!kind || !file.includes(`${path.sep}modules${path.sep}`)) continue;
      try {
        found.push({ file, kind, data: JSON.parse(await readFile(file, 'utf8')) });
      } catch {
        // The syntax-error fixtures never reach the schemas.
      }
    }
  }
  return found;
}

/** Small mistakes of the kinds authors make, applied to a copy of a valid file. */
function mutations(data: unknown): unknown[] {
  if (!data || typeof data !== 'object' || Array.isArray(data)) return [];
  const object = data as Record<string, unknown>;
  const keys = Object.keys(object);
  const variants: unknown[] = [{ ...object, titel: 'misspelt field' }];
  for (const key of keys) {
    const without = { ...object };
    delete without[key];
    variants.push(without);
    variants.push({ ...object, [key]: typeof object[key] === 'string' ? 42 : 'a string' });
  }
  return variants;
}

const asFile = (data: unknown): JsonFile => ({
  absolutePath: 'x.json',
  displayPath: 'x.json',
  text: JSON.stringify(data),
  data,
  locate: () => ({ line: 1, column: 1 }),
});

describe('precompiled schema validators', () => {
  it('come from the current schemas, ajv version and options', () => {
    expect(loadGenerated().schemasHash).toBe(schemasHash());
  });

  it('accept and reject exactly what the schemas compiled at run time do', async () => {
    const generated = loadGenerated();
    const disagreements: string[] = [];
    let accepted = 0;
    let rejected = 0;
    for (const { file, kind, data } of await contentFiles()) {
      for (const [index, candidate] of [data, ...mutations(data)].entries()) {
        const atRunTime = validateAgainstSchema(kind, asFile(candidate)).diagnostics.length === 0;
        if (generated[kind](candidate) !== atRunTime) disagreements.push(`${path.relative(repoRoot, file)} variant ${index}`);
        if (atRunTime) accepted++;
        else rejected++;
      }
    }
    expect(disagreements).toEqual([]);
    // Both verdicts were exercised many times.
    expect(accepted).toBeGreaterThan(50);
    expect(rejected).toBeGreaterThan(500);
  });
});
