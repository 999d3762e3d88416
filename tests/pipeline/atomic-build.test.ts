/** A failed build changes nothing; a build of some modules keeps the others' output. */
import { createHash } from 'node:crypto';
import { cp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { copyProject } from '../helpers/projects.js';

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

async function snapshotTree(root: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const entry of await readdir(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    out[path.relative(root, file)] = createHash('sha256')
      .update(await readFile(file))
      .digest('hex');
  }
  return out;
}

describe('building', () => {
  it('leaves the previous dist/ exactly as it was when the content is broken, and says so', async () => {
    const dir = await copyProject('tiny');
    dirs.push(dir);
    expect((await runCli(['build'], dir)).code).toBe(0);
    const before = await snapshotTree(path.join(dir, 'dist'));
    const lesson = path.join(dir, 'modules', 'tiny-course', 'lessons', '02-ministries.json');
    await writeFile(lesson, (await readFile(lesson, 'utf8')).replace('"paragraph": 75 } }', '"paragraph": "75 and 76" } }'));

    const failed = await runCli(['build'], dir);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain('modules/tiny-course/lessons/02-ministries.json:7:134 error schema-pattern');
    expect(failed.stderr).toContain('at /objectives/0/source/paragraph');
    expect(failed.stderr).toContain('is not the number of one part');
    expect(failed.stderr).not.toMatch(/\n\s+at .+\(.+:\d+:\d+\)/);
    expect(failed.stdout).toContain('dist/ was left as it was');
    expect(await snapshotTree(path.join(dir, 'dist'))).toEqual(before);
    expect((await readdir(dir)).sort()).toEqual(['dist', 'modules']);
  });

  it('lists every problem at once, before anything is rendered', async () => {
    const dir = await copyProject('tiny');
    dirs.push(dir);
    const lessons = path.join(dir, 'modules', 'tiny-course', 'lessons');
    await writeFile(path.join(lessons, '01-contributions.json'), '{ "id": "01-contributions", ');
    const second = path.join(lessons, '02-ministries.json');
    await writeFile(second, (await readFile(second, 'utf8')).replace('"title": "Not only national security",', ''));
    const result = await runCli(['build'], dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('01-contributions.json is not valid JSON');
    expect(result.stderr).toContain('lesson `02-ministries`: the lesson needs `title`');
    expect((await readdir(dir)).sort()).toEqual(['modules']);
  });

  it('rebuilding one module replaces its output and keeps the other modules', async () => {
    const dir = await copyProject('tiny');
    dirs.push(dir);
    const second = path.join(dir, 'modules', 'tiny-two');
    await cp(path.join(dir, 'modules', 'tiny-course'), second, { recursive: true });
    const moduleJson = path.join(second, 'module.json');
    await writeFile(
      moduleJson,
      (await readFile(moduleJson, 'utf8'))
        .replace('"id": "tiny-course"', '"id": "tiny-two"')
        .replace('"title": "Tiny course"', '"title": "Tiny two"'),
    );
    expect((await runCli(['build'], dir)).code).toBe(0);
    const otherZip = await readFile(path.join(dir, 'dist', 'packages', 'tiny-two-web.zip'));

    const result = await runCli(['build', 'tiny-course', '--target', 'web'], dir);
    expect(result.code).toBe(0);
    expect(await readFile(path.join(dir, 'dist', 'packages', 'tiny-two-web.zip'))).toEqual(otherZip);
    const index = await readFile(path.join(dir, 'dist', 'site', 'index.html'), 'utf8');
    expect(index).toContain('Tiny two');
    expect(index).toContain('Tiny course');
    expect((await readdir(path.join(dir, 'dist', 'packages'))).sort()).toEqual([
      'tiny-course-scorm12.zip',
      'tiny-course-scorm2004.zip',
      'tiny-course-web.zip',
      'tiny-two-scorm12.zip',
      'tiny-two-scorm2004.zip',
      'tiny-two-web.zip',
    ]);
  });

  it('names an unknown module and the ones that exist', async () => {
    const dir = await copyProject('tiny');
    dirs.push(dir);
    const result = await runCli(['build', 'tiny-cours'], dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('There is no module `tiny-cours`');
    expect(result.stderr).toContain('Available modules: tiny-course.');
  });
});
