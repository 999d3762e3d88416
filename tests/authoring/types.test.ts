/**
 * Adding a block or question type: what the compiler cannot check, these tests do. The schema,
 * the per-type list of texts (src/model/texts.ts), the templates and the tiny fixture must all
 * know every type; CONTRIBUTING.md has the checklist.
 */
import { readFileSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { blockTexts, questionTexts } from '../../src/model/texts.js';
import { schemasDir, templatesDir } from '../../src/paths.js';
import { fixturesDir } from '../helpers/projects.js';

const schema = (name: string) => JSON.parse(readFileSync(path.join(schemasDir, name), 'utf8'));
const lessonSchema = schema('lesson.schema.json');
const questionSchema = schema('question.schema.json');

/** The `type` constants of the definitions a schema's `oneOf` lists. */
function typesOf(oneOf: { $ref: string }[], defs: Record<string, { properties: { type: { const: string } } }>): string[] {
  return oneOf.map((entry) => defs[entry.$ref.replace('#/$defs/', '')]!.properties.type.const);
}
const blockTypes = typesOf(lessonSchema.$defs.block.oneOf, lessonSchema.$defs);
const questionTypes = typesOf(questionSchema.oneOf, questionSchema.$defs);

describe('every block and question type', () => {
  it('has its texts listed for translation and the markdown checks, in the order the schema lists the types', () => {
    expect(Object.keys(blockTexts)).toEqual(blockTypes);
    expect(Object.keys(questionTexts)).toEqual(questionTypes);
  });

  it('has a template', async () => {
    const blockTemplates = await readdir(path.join(templatesDir, '_includes', 'blocks'));
    for (const type of blockTypes) expect(blockTemplates, `blocks/${type}.njk`).toContain(`${type}.njk`);
    const questionTemplate = await readFile(path.join(templatesDir, '_includes', 'question.njk'), 'utf8');
    for (const type of questionTypes) expect(questionTemplate, `question.njk: q.type == "${type}"`).toContain(`q.type == "${type}"`);
  });

  it('is used by the tiny fixture, so every test that builds it covers every type', async () => {
    const module = path.join(fixturesDir, 'projects', 'tiny', 'modules', 'tiny-course');
    const read = async (folder: string) =>
      Promise.all(
        (await readdir(path.join(module, folder))).map(async (f) => JSON.parse(await readFile(path.join(module, folder, f), 'utf8'))),
      );
    const lessons = await read('lessons');
    const banks = await read('questions');
    const blocks = lessons.flatMap((l) => l.blocks as { type: string; questions?: { type: string }[] }[]);
    const questions = [...banks.flatMap((b) => b.questions), ...blocks.flatMap((b) => b.questions ?? [])] as { type: string }[];
    expect(new Set(blocks.map((b) => b.type))).toEqual(new Set(blockTypes));
    expect(new Set(questions.map((q) => q.type))).toEqual(new Set(questionTypes));
  });
});
