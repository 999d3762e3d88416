#!/usr/bin/env node
// Generates src/model/content.generated.ts from schemas/: the JSON Schemas are the one source of
// truth for content types. `--check` exits 1 when the committed file is out of date (run in CI).
import { compile } from 'json-schema-to-typescript';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeOrCheck } from './write-or-check.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const schemaDir = path.join(root, 'schemas');
const target = path.join(root, 'src/model/content.generated.ts');
const entrySchemas = ['module', 'lesson', 'question-bank', 'glossary'];

export async function generateContentTypes() {
  const byId = new Map();
  for (const file of await readdir(schemaDir)) {
    const schema = JSON.parse(await readFile(path.join(schemaDir, file), 'utf8'));
    byId.set(file, schema);
  }
  const parts = [
    '/* eslint-disable */\n// Generated from schemas/ by scripts/generate-types.mjs. Do not edit: change the schema and run `npm run types`.\n',
  ];
  const seen = new Set();
  for (const name of entrySchemas) {
    const schema = withoutRequiredChoices(structuredClone(byId.get(`${name}.schema.json`)));
    const ts = await compile(schema, schema.title, {
      cwd: schemaDir,
      bannerComment: '',
      additionalProperties: false,
      unreachableDefinitions: false,
      strictIndexSignatures: true,
      format: true,
      $refOptions: {
        resolve: {
          http: false,
          // Referenced schema files get the same treatment as the entry schemas.
          file: { read: (file) => JSON.stringify(withoutRequiredChoices(byId.get(path.basename(file.url)))) },
        },
      },
      maxItems: -1,
    });
    // Drop interfaces/types already emitted by an earlier schema (shared definitions).
    const blocks = ts.split(/\n(?=export )/);
    for (const block of blocks) {
      const name = /^export (?:interface|type) (\w+)/m.exec(block)?.[1];
      if (name && seen.has(name)) continue;
      if (name) seen.add(name);
      parts.push(`${block.trim()}\n`);
    }
  }
  return parts.join('\n');
}

/**
 * A `oneOf` whose branches only require one field each ("cite a paragraph, or an article, or…")
 * says which optional field must be there: TypeScript types cannot say it, and the generator
 * would turn it into a union of copies of the object. The fields stay optional in the types.
 */
function withoutRequiredChoices(node) {
  if (Array.isArray(node)) return node.map(withoutRequiredChoices);
  if (!node || typeof node !== 'object') return node;
  const copy = {};
  for (const [key, value] of Object.entries(node)) {
    const choice = key === 'oneOf' && Array.isArray(value) && value.every((b) => Object.keys(b).join() === 'required');
    if (!choice) copy[key] = withoutRequiredChoices(value);
  }
  return copy;
}

await writeOrCheck(root, target, await generateContentTypes(), 'schemas/: run `npm run types`');
