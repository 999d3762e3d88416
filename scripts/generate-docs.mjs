#!/usr/bin/env node
// Generates docs/diagnostics.md from src/diagnostics/catalog.ts: every code coursekit can report,
// with its severity, title and default hint; and the unit-id table of docs/translation.md from
// src/model/texts.ts; and the size of the broken-module corpus in README.md. Those sources are
// the one source of truth; the docs are their readable form. `--check` exits 1 when a committed
// file is out of date (run in CI). It reads the TypeScript sources directly (esbuild strips the
// types), so it needs no compile.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { transform } from 'esbuild';
import { writeOrCheck } from './write-or-check.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const catalogFile = path.join(root, 'src/diagnostics/catalog.ts');
const target = path.join(root, 'docs/diagnostics.md');
const textsFile = path.join(root, 'src/model/texts.ts');
const translationDoc = path.join(root, 'docs/translation.md');

/** A TypeScript source file that imports nothing but types, as a module. */
async function loadTypeScript(file) {
  const source = await readFile(file, 'utf8');
  const { code } = await transform(source, { loader: 'ts', format: 'esm' });
  return import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
}

const loadCatalog = () => loadTypeScript(catalogFile);

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

/** The unit ids of each text a translator sees, from the per-type list in src/model/texts.ts. */
export async function generateUnitIdTable() {
  const { blockTexts, questionTexts } = await loadTypeScript(textsFile);
  const code = (ids) => ids.map((id) => `\`${id}\``).join(', ');
  const rows = [
    '| Text | Unit id |',
    '| --- | --- |',
    '| module.json | `module.title`, `module.description`, `module.audience`, `module.assessment.title`, `module.assessment.introduction`, `module.source.<document>.title` (`A/58/275` → `A_58_275`) |',
    '| lesson | `lesson.<lesson>.title`, `lesson.<lesson>.summary`, `lesson.<lesson>.objective.<objective>.text` |',
  ];
  for (const [type, spec] of Object.entries(blockTexts)) {
    rows.push(`| \`${type}\` block | ${code(unitPatterns(spec, `lesson.<lesson>.block.<n>.`)) || 'no text of its own'} |`);
  }
  const perType = Object.entries(questionTexts).map(([type, spec]) => [type, unitPatterns(spec, 'question.<question>.')]);
  const common = perType[0][1].filter((id) => perType.every(([, ids]) => ids.includes(id)));
  rows.push(`| every question (bank or knowledge check) | ${code(common)} |`);
  for (const [type, ids] of perType) {
    const own = ids.filter((id) => !common.includes(id));
    rows.push(`| \`${type}\` question | ${own.length ? code(own) : 'no other text'} |`);
  }
  rows.push('| glossary | `glossary.<term>.term`, `glossary.<term>.definition` |');
  return rows.join('\n');
}

/** The unit id patterns a text spec gives, below `prefix`. */
function unitPatterns(spec, prefix) {
  const ids = [];
  for (const [key, field] of Object.entries(spec)) {
    if (field === false) continue;
    if (typeof field === 'string' || (field.kind && !field.unit) || field.joined) ids.push(`${prefix}${key}`);
    else if (field.questions) ids.push('question.<question>.…');
    else if (field.kind) ids.push(`${prefix}${field.unit}.<m>`);
    else if (field.by) ids.push(...unitPatterns(field.fields, `${prefix}${field.unit}.<${field.by === 'id' ? field.unit : 'm'}>.`));
    else ids.push(...unitPatterns(field.fields, `${prefix}${field.unit}.`));
  }
  return ids;
}

const TABLE_START = '<!-- unit-ids: generated from src/model/texts.ts by scripts/generate-docs.mjs -->';
const TABLE_END = '<!-- /unit-ids -->';

async function translationDocWithTable() {
  const doc = await readFile(translationDoc, 'utf8');
  const start = doc.indexOf(TABLE_START);
  const end = doc.indexOf(TABLE_END);
  if (start < 0 || end < start) throw new Error(`docs/translation.md has lost its ${TABLE_START} … ${TABLE_END} markers`);
  return `${doc.slice(0, start + TABLE_START.length)}\n${await generateUnitIdTable()}\n${doc.slice(end)}`;
}

/** README.md with the size of the broken-module corpus as it is: one snapshot per case. */
async function readmeWithBrokenCount() {
  const readme = await readFile(path.join(root, 'README.md'), 'utf8');
  const cases = (await readdir(path.join(root, 'tests/authoring/__snapshots__/broken'))).filter((f) => f.endsWith('.txt')).length;
  if (!/\(\d+ broken modules in/.test(readme)) throw new Error('README.md no longer says "(<n> broken modules in …"');
  return readme.replace(/\(\d+ broken modules in/, `(${cases} broken modules in`);
}

await writeOrCheck(root, target, await generateDiagnosticsDoc(), 'src/diagnostics/catalog.ts: run `node scripts/generate-docs.mjs`');
await writeOrCheck(
  root,
  path.join(root, 'README.md'),
  await readmeWithBrokenCount(),
  'the broken-module corpus: run `node scripts/generate-docs.mjs`',
);
await writeOrCheck(root, translationDoc, await translationDocWithTable(), 'src/model/texts.ts: run `node scripts/generate-docs.mjs`');
