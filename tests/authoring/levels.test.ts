/**
 * Cognitive levels: the four names of the schema, content written with the old names, draw
 * rules by level that every attempt must keep, and the coverage report by level (Markdown,
 * the report page's data and `coursekit report --json`).
 */
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { checkModules } from '../../src/pipeline/check.js';
import { guaranteedAtOrAbove } from '../../src/report/coverage.js';
import { COGNITIVE_LEVELS, type CognitiveLevel } from '../../src/shared/levels.js';
import { copyProject, repoRoot } from '../helpers/projects.js';
import { copyBrokenCase, runCli } from './cli.js';

const made: string[] = [];
afterAll(async () => {
  await Promise.all(made.map((dir) => rm(dir, { recursive: true, force: true })));
});
const track = (dir: string) => {
  made.push(dir);
  return dir;
};

async function editJson(file: string, edit: (data: Record<string, any>) => void): Promise<void> {
  const data = JSON.parse(await readFile(file, 'utf8')) as Record<string, any>;
  edit(data);
  await writeFile(file, JSON.stringify(data, null, 2));
}

const smallCourse = (dir: string) => path.join(dir, 'modules', 'small-course');
const tinyCourse = (dir: string) => path.join(dir, 'modules', 'tiny-course');

describe('the cognitive levels', () => {
  it("are the schema's four names, lowest first", async () => {
    const schema = JSON.parse(await readFile(path.join(repoRoot, 'schemas', 'question.schema.json'), 'utf8'));
    expect(schema.$defs.cognitiveLevel.enum).toEqual([...COGNITIVE_LEVELS]);
  });

  it('reads the old names as the new ones, with one warning per file, and never changes the file', async () => {
    const dir = track(await copyBrokenCase('old-level-names'));
    const bank = path.join(smallCourse(dir), 'questions', 'para-1.json');
    const before = await readFile(bank, 'utf8');
    await editJson(path.join(smallCourse(dir), 'lessons', '01-open-services.json'), (lesson) => {
      lesson.blocks[4].questions[0].level = 'recall';
    });
    const checked = await checkModules({ cwd: dir, modulesDir: path.join(dir, 'modules') });
    expect(checked.diagnostics.map((d) => [d.code, d.file, d.pointer])).toEqual([
      ['level-renamed', 'modules/small-course/lessons/01-open-services.json', '/blocks/4/questions/0/level'],
      ['level-renamed', 'modules/small-course/questions/para-1.json', '/questions/0/level'],
    ]);
    expect(checked.diagnostics[0]!.message).toBe(
      'lesson `01-open-services` block 5 (knowledgeCheck) question `kc1-everyone`: the cognitive level "recall" has a new name: "remember".',
    );
    const module = checked.modules[0]!;
    expect(module.bank.map((q) => q.level)).toEqual(['remember', 'apply', 'remember', 'remember']);
    expect(await readFile(bank, 'utf8')).toBe(before);
  });

  it('refuses a level that is neither a name nor an old name, listing the four', async () => {
    const dir = track(await copyBrokenCase('_base'));
    await editJson(path.join(smallCourse(dir), 'questions', 'para-1.json'), (bank) => {
      bank.questions[0].level = 'evaluate';
    });
    const run = await runCli(['validate', '--format', 'json'], dir);
    const [d] = JSON.parse(run.stdout) as Diagnostic[];
    expect(d).toMatchObject({ code: 'schema-enum', pointer: '/questions/0/level' });
    expect(d!.message).toContain('"remember", "understand", "apply", "analyse"');
  });
});

describe('draw rules by level', () => {
  const withRule = async (dir: string, entry: number, rule: unknown, count?: number) =>
    editJson(path.join(smallCourse(dir), 'module.json'), (meta) => {
      meta.assessment.draw[entry].minAtOrAbove = rule;
      if (count !== undefined) meta.assessment.draw[entry].count = count;
    });
  const setLevel = async (dir: string, file: string, index: number, level: CognitiveLevel) =>
    editJson(path.join(smallCourse(dir), 'questions', file), (bank) => {
      bank.questions[index].level = level;
    });

  it('accepts a rule the bank can keep in every attempt', async () => {
    const dir = track(await copyBrokenCase('_base'));
    await setLevel(dir, 'para-2.json', 1, 'analyse');
    await withRule(dir, 1, { level: 'apply', count: 1 });
    expect(await runCli(['validate', '--strict'], dir)).toMatchObject({ code: 0 });
  });

  it('refuses a rule that asks for more questions than the entry draws', async () => {
    const dir = track(await copyBrokenCase('_base'));
    await setLevel(dir, 'para-2.json', 0, 'apply');
    await setLevel(dir, 'para-2.json', 1, 'apply');
    await withRule(dir, 1, { level: 'apply', count: 2 });
    const run = await runCli(['validate', '--format', 'json'], dir);
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout)).toEqual([
      expect.objectContaining({
        code: 'draw-level-unsatisfiable',
        pointer: '/assessment/draw/1/minAtOrAbove/count',
        message:
          'module `small-course` assessment draw entry 2: every attempt must draw at least 2 questions at apply or above from R/1/100 paragraph 2, but it draws only 1 from that paragraph.',
        hint: 'Raise the entry\'s "count" to 2, or lower "minAtOrAbove.count" to 1.',
      }),
    ]);
  });

  it('refuses a rule the bank cannot keep, naming the questions it has at that level', async () => {
    const dir = track(await copyBrokenCase('_base'));
    await setLevel(dir, 'para-2.json', 0, 'analyse');
    await withRule(dir, 1, { level: 'apply', count: 2 }, 2);
    const run = await runCli(['validate', '--format', 'json'], dir);
    const diagnostics = JSON.parse(run.stdout) as Diagnostic[];
    expect(diagnostics.map((d) => d.code).sort()).toEqual(['draw-level-unsatisfiable', 'draw-no-variety']);
    const unsatisfiable = diagnostics.find((d) => d.code === 'draw-level-unsatisfiable')!;
    expect(unsatisfiable.message).toContain('but the bank has 1 (`q2-ministries`).');
    expect(unsatisfiable.hint).toMatch(/^Write 1 more question on paragraph 2 at apply or above .*or lower "minAtOrAbove.count" to 1\./);
  });
});

describe('the coverage report by level', () => {
  it('works out the fewest questions at each level or above that any attempt draws', () => {
    const bank: CognitiveLevel[] = ['remember', 'remember', 'remember', 'understand', 'apply', 'analyse'];
    const at = (drawn: number, rule: { level: CognitiveLevel; count: number } | null) =>
      COGNITIVE_LEVELS.map((level) => guaranteedAtOrAbove(bank, drawn, rule, level));
    expect(at(3, null)).toEqual([3, 0, 0, 0]);
    expect(at(5, null)).toEqual([5, 2, 1, 0]);
    expect(at(3, { level: 'apply', count: 1 })).toEqual([3, 1, 1, 0]);
    expect(at(3, { level: 'apply', count: 2 })).toEqual([3, 2, 2, 1]);
    expect(at(3, { level: 'understand', count: 3 })).toEqual([3, 3, 2, 1]);
    expect(at(0, null)).toEqual([0, 0, 0, 0]);
  });

  it('prints the whole report as data with --json: levels, the rule and the guarantee per recommendation', async () => {
    const dir = track(await copyProject('tiny'));
    await editJson(path.join(tinyCourse(dir), 'module.json'), (meta) => {
      meta.assessment.draw[1].minAtOrAbove = { level: 'apply', count: 1 };
    });
    const run = await runCli(['report', 'tiny-course', '--json'], dir);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    const report = JSON.parse(run.stdout);
    expect(report).toMatchObject({
      formatVersion: 1,
      module: { id: 'tiny-course', version: '1.0.0' },
      hasAssessment: true,
      totals: {
        bankQuestions: 5,
        bankByLevel: { remember: 3, understand: 0, apply: 2, analyse: 0 },
        drawnPerAttempt: 2,
        guaranteedAtOrAbove: { remember: 2, understand: 1, apply: 1, analyse: 0 },
      },
    });
    expect(report.rows.map((r: any) => [r.unit, r.objectives, r.lessons, r.bankByLevel, r.drawn, r.minAtOrAbove])).toEqual([
      [
        '74',
        ['obj-74-contributions'],
        ['01-contributions'],
        { remember: ['q74-overshadow', 'q74-word'], understand: [], apply: [], analyse: [] },
        1,
        null,
      ],
      [
        '75',
        ['obj-75-ministries'],
        ['02-ministries'],
        { remember: ['q75-ministries'], understand: [], apply: ['q75-match', 'q75-order'], analyse: [] },
        1,
        { level: 'apply', count: 1 },
      ],
    ]);
    const markdown = await runCli(['report', 'tiny-course'], dir);
    expect(markdown.stdout).toContain(
      '| A/58/275, paragraph 75 | 1 | 0 | 2 | 0 | 1 | at least 1 at apply or above | 1 in all; 1 at understand or above, 1 at apply or above, 0 at analyse |',
    );
    expect(markdown.stdout).toContain(
      '| Every attempt draws at least | 2 in all; 1 at understand or above, 1 at apply or above, 0 at analyse |',
    );
  });

  it('writes the JSON to a file with --out', async () => {
    const dir = track(await copyProject('tiny'));
    const printed = await runCli(['report', 'tiny-course', '--json'], dir);
    expect(await runCli(['report', 'tiny-course', '--json', '--out', 'coverage.json'], dir)).toMatchObject({ code: 0, stdout: '' });
    expect(await readFile(path.join(dir, 'coverage.json'), 'utf8')).toBe(printed.stdout);
  });
});
