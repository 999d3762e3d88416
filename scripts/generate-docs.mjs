#!/usr/bin/env node
// Generates docs/diagnostics.md from src/diagnostics/catalog.ts: every code coursekit can report,
// with its severity, title and default hint. The catalog is the one source of truth; this file
// is its readable form. `--check` exits 1 when the committed file is out of date (run in CI).
// It reads the TypeScript source directly (esbuild strips the types), so it needs no compile.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { transform } from 'esbuild';
import { writeOrCheck } from './write-or-check.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const catalogFile = path.join(root, 'src/diagnostics/catalog.ts');
const target = path.join(root, 'docs/diagnostics.md');

async function loadCatalog() {
  const source = await readFile(catalogFile, 'utf8');
  const { code } = await transform(source, { loader: 'ts', format: 'esm' });
  return import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
}

function markdownCell(text) {
  return text.replace(/\|/g, '\\|');
}

export async function generateDiagnosticsDoc() {
  const { catalog, catalogGroups } = await loadCatalog();
  const entries = Object.entries(catalog);
  const lines = [
    '<!-- Generated from src/diagnostics/catalog.ts by scripts/generate-docs.mjs. Do not edit: change the catalog and run `node scripts/generate-docs.mjs`. -->',
    '',
    '# Diagnostics',
    '',
    'Every problem coursekit reports has a stable **code**, a **severity**, a place (file, line,',
    'column and a JSON pointer), a message saying what is wrong, and a hint saying what to do.',
    'Codes never change once released, so you can search for them here and filter on them in CI.',
    '',
    '```text',
    'modules/my-course/lessons/02-security.json:26:19 error schema-required',
    '  lesson `02-security` block 2 (quote): a quote block needs `citation.paragraph` (the paragraph number in A/58/275, e.g. 75), or',
    '  `article`, `principle`, `section` or `rule` where the document is divided that way.',
    '  at /blocks/1/citation',
    '  > 26 |       "citation": {',
    '       |                   ^',
    '  hint: Add the field; your editor can autocomplete it when the file has a "$schema" line.',
    '```',
    '',
    '- **Errors** stop `coursekit validate` (exit code 1) and `coursekit build` (nothing is written).',
    '- **Warnings** are printed but do not fail, unless you pass `--strict`.',
    '- `--format json` prints the diagnostics as a JSON array (fields `code`, `severity`, `file`,',
    '  `line`, `column`, `pointer`, `message`, `hint`); `--format github` prints them as GitHub',
    '  Actions annotations. Colour is used only on a terminal, and never when `NO_COLOR` is set.',
    '- Files are checked in order: first that each file reads as JSON, then that it matches its',
    '  schema, then the rules across files. A file that fails an earlier step is not checked by',
    '  the later ones, so fix the first problems first and run `coursekit validate` again.',
    '',
    '## Contents',
    '',
  ];
  const groups = Object.entries(catalogGroups);
  for (const [group, heading] of groups) {
    const count = entries.filter(([, e]) => e.group === group).length;
    lines.push(`- [${heading}](#${slug(heading)}) (${count})`);
  }
  for (const [group, heading] of groups) {
    lines.push('', `## ${heading}`, '', '| Code | Severity | Title |', '| --- | --- | --- |');
    const inGroup = entries.filter(([, e]) => e.group === group);
    for (const [code, entry] of inGroup) lines.push(`| [\`${code}\`](#${code}) | ${entry.severity} | ${markdownCell(entry.title)} |`);
    for (const [code, entry] of inGroup) {
      lines.push('', `### ${code}`, '', `**${entry.title}** (${entry.severity})`, '', entry.hint);
    }
  }
  const ungrouped = entries.filter(([, e]) => !(e.group in catalogGroups));
  if (ungrouped.length > 0) throw new Error(`catalog entries without a known group: ${ungrouped.map(([c]) => c).join(', ')}`);
  return `${lines.join('\n')}\n`;
}

function slug(heading) {
  return heading
    .toLowerCase()
    .replace(/[^a-z0-9 -]/g, '')
    .trim()
    .replace(/ /g, '-');
}

await writeOrCheck(root, target, await generateDiagnosticsDoc(), 'src/diagnostics/catalog.ts: run `node scripts/generate-docs.mjs`');
