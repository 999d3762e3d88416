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
    const schema = structuredClone(byId.get(`${name}.schema.json`));
    const ts = await compile(schema, schema.title, {
      cwd: schemaDir,
      bannerComment: '',
      additionalProperties: false,
      unreachableDefinitions: false,
      strictIndexSignatures: true,
      format: true,
      $refOptions: { resolve: { http: false } },
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

await writeOrCheck(root, target, await generateContentTypes(), 'schemas/: run `npm run types`');
