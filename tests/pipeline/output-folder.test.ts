/** `build --out` never deletes or replaces what coursekit did not create, and the target list is never empty. */
import { mkdir, readFile, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { OUTPUT_MARKER } from '../../src/pipeline/output-folder.js';
import { CRASH, hashTree, runCli } from '../authoring/cli.js';
import { copyProject } from '../helpers/projects.js';

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

async function project(): Promise<string> {
  const dir = await copyProject('tiny');
  dirs.push(dir);
  await mkdir(path.join(dir, 'schemas'));
  await writeFile(path.join(dir, 'schemas', 'keep.json'), '{}');
  await mkdir(path.join(dir, 'notes'));
  await writeFile(path.join(dir, 'notes', 'plan.txt'), 'my notes');
  await writeFile(path.join(dir, 'report.txt'), 'a file of mine');
  return dir;
}

describe('build --out', () => {
  it.each([
    ['modules', 'is the modules folder, where your content is'],
    ['.', 'is the project folder'],
    ['', 'is empty (an unset variable in a script gives this)'],
    ['  ', 'is empty'],
    ['..', 'holds the project folder'],
    ['modules/tiny-course/out', 'is inside the modules folder'],
    ['schemas', "is the project's schemas/ folder or inside it"],
    ['src/dist', "is the project's src/ folder or inside it"],
    ['report.txt', 'is a file: coursekit never replaces a file'],
    ['notes', 'already exists and was not created by coursekit'],
  ])('refuses --out %j, deletes nothing and exits 2', async (out, reason) => {
    const dir = await project();
    const before = await hashTree(dir);
    const result = await runCli(['build', '--out', out], dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('error output-refused');
    expect(result.stderr).toContain(reason);
    expect(result.stderr).toContain('nothing was built or deleted');
    expect(result.stderr).not.toMatch(CRASH);
    expect(await hashTree(dir)).toEqual(before);
  });

  it('refuses a symbolic link, leaving the folder it points to alone', async () => {
    const dir = await project();
    await symlink(path.join(dir, 'notes'), path.join(dir, 'linked'));
    const before = await hashTree(dir);
    const result = await runCli(['build', '--out', 'linked'], dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('is a symbolic link');
    expect(await hashTree(dir)).toEqual(before);
  });

  it('builds into a new folder, marks it, and rebuilds into it', async () => {
    const dir = await project();
    expect((await runCli(['build', '--out', 'out/course'], dir)).code).toBe(0);
    const out = path.join(dir, 'out', 'course');
    expect((await readdir(out)).sort()).toEqual([OUTPUT_MARKER, 'packages', 'site']);
    expect(await readFile(path.join(out, OUTPUT_MARKER), 'utf8')).toContain('coursekit build');
    expect((await runCli(['build', '--out', 'out/course'], dir)).code).toBe(0);
    expect((await runCli(['build', 'tiny-course', '--out', 'out/course'], dir)).code).toBe(0);
  });

  it('builds into an empty folder, and into the output of a coursekit that did not mark it yet', async () => {
    const dir = await project();
    await mkdir(path.join(dir, 'empty'));
    expect((await runCli(['build', '--out', 'empty'], dir)).code).toBe(0);
    await rm(path.join(dir, 'empty', OUTPUT_MARKER));
    expect((await readdir(path.join(dir, 'empty'))).sort()).toEqual(['packages', 'site']);
    expect((await runCli(['build', '--out', 'empty'], dir)).code).toBe(0);
    expect(await readdir(path.join(dir, 'empty'))).toContain(OUTPUT_MARKER);
  });
});

describe('build --target', () => {
  it.each([
    ['', 'no target given'],
    ['scorm12,scorm12', '"scorm12" is listed twice'],
    ['scorm12,,web', 'an empty target in "scorm12,,web"'],
    ['scorm13', 'unknown target "scorm13"'],
  ])('refuses %j with exit 2 and builds nothing', async (targets, message) => {
    const dir = await project();
    const result = await runCli(['build', '--target', targets], dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
    expect(await readdir(dir)).not.toContain('dist');
  });
});
