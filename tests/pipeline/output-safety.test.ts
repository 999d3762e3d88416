/**
 * The output folder under stress: builds at once, builds killed half-way, a read-only folder, a
 * full disk, a damaged site index. Whatever happens, a build says what the system refused and
 * where (never "a bug in coursekit"), exits 1, and leaves dist/ exactly as it was; the next build
 * clears what an interrupted one left behind.
 */
import { execFileSync } from 'node:child_process';
import { cp, mkdir, mkdtemp, readdir, readFile, rename, rm, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { buildModules } from '../../src/pipeline/index.js';
import { OUTPUT_MARKER } from '../../src/pipeline/output-folder.js';
import { CRASH, hashTree } from '../authoring/cli.js';
import { runCli } from '../helpers/cli.js';
import { removeCliScript, startCli } from '../helpers/cli-process.js';
import { bindReadOnly, CANNOT_MOUNT, mountTmpfs, remountReadOnly, unmount } from '../helpers/mounts.js';
import { copyProject, fixturesDir } from '../helpers/projects.js';

const made: string[] = [];
const mounted: string[] = [];
afterAll(async () => {
  for (const dir of mounted.reverse()) unmount(dir);
  await removeCliScript();
  await Promise.all(made.map((dir) => rm(dir, { recursive: true, force: true })));
});

/** The tiny module and the Arabic one, side by side in modules/. */
async function twoModules(): Promise<string> {
  const dir = await copyProject('tiny');
  made.push(dir);
  await cp(path.join(fixturesDir, 'projects', 'arabic', 'modules'), path.join(dir, 'modules'), { recursive: true });
  return dir;
}

async function indexIds(dir: string): Promise<string[]> {
  const index = JSON.parse(await readFile(path.join(dir, 'dist', 'site', 'modules.json'), 'utf8')) as { id: string }[];
  return index.map((e) => e.id).sort();
}

/** What a build leaves beside dist/: staging folders and the lock file. */
async function leftBeside(dir: string): Promise<string[]> {
  return (await readdir(dir)).filter((n) => n.startsWith('.dist')).sort();
}

/** The id of a process that has ended. */
function deadPid(): number {
  return Number(execFileSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }));
}

describe('builds at once and builds killed half-way', () => {
  it('two builds of different modules at once, in two processes, both end up in the site index', async () => {
    const dir = await twoModules();
    const [a, b] = await Promise.all([
      startCli(['build', 'tiny-course', '--target', 'web'], dir),
      startCli(['build', 'hr-migration-ar', '--target', 'web'], dir),
    ]);
    const [ra, rb] = await Promise.all([a.done, b.done]);
    expect([ra.code, rb.code], ra.stderr + rb.stderr).toEqual([0, 0]);
    expect(await indexIds(dir)).toEqual(['hr-migration-ar', 'tiny-course']);
    const site = await readFile(path.join(dir, 'dist', 'site', 'index.html'), 'utf8');
    expect(site).toContain('href="tiny-course/');
    expect(site).toContain('href="hr-migration-ar/');
    expect(await leftBeside(dir)).toEqual([]);
  }, 180_000);

  it('a build killed half-way leaves a staging folder and a lock, which the next build clears', async () => {
    const dir = await twoModules();
    const killed = await startCli(['build', '--target', 'web'], dir);
    let exited = false;
    void killed.done.then(() => (exited = true));
    // Killed as soon as its staging folder appears: rendering and packaging take far longer.
    const deadline = Date.now() + 150_000;
    while (!exited && Date.now() < deadline && !(await leftBeside(dir)).some((n) => n.startsWith('.dist-build-'))) await sleep(5);
    killed.child.kill('SIGKILL');
    const end = await killed.done;
    expect(end.signal, `the build ended before it could be killed: ${end.stdout}${end.stderr}`).toBe('SIGKILL');
    const left = await leftBeside(dir);
    expect(left).toContain('.dist-build.lock');
    expect(
      left.filter((n) => /^\.dist-build-\w{6}$/.test(n)),
      left.join(', '),
    ).toHaveLength(1);

    const next = await runCli(['build', '--target', 'web'], dir);
    expect(next.code, next.stderr).toBe(0);
    expect(await leftBeside(dir)).toEqual([]);
    expect(await indexIds(dir)).toEqual(['hr-migration-ar', 'tiny-course']);
  }, 180_000);

  it('takes over a lock whose process is gone, and waits for a live one within a limit', async () => {
    const dir = await twoModules();
    const build = (waitForOutputMs?: number) =>
      buildModules({
        cwd: dir,
        modulesDir: path.join(dir, 'modules'),
        only: ['tiny-course'],
        outDir: 'dist',
        targets: ['web'],
        ...(waitForOutputMs === undefined ? {} : { waitForOutputMs }),
      });
    const lock = path.join(dir, '.dist-build.lock');
    const holder = (pid: number) => `${JSON.stringify({ pid, host: os.hostname(), token: 'other', since: Date.now() })}\n`;

    await writeFile(lock, holder(deadPid()));
    expect((await build()).ok).toBe(true);
    expect(await leftBeside(dir)).toEqual([]);

    const sleeper = execFileSync('sh', ['-c', 'sleep 30 >/dev/null 2>&1 & echo $!'], { encoding: 'utf8' });
    const livePid = Number(sleeper.trim());
    const liveLock = holder(livePid);
    try {
      await writeFile(lock, liveLock);
      const before = await hashTree(path.join(dir, 'dist'));
      const waited = await build(300);
      expect(waited.ok).toBe(false);
      expect(waited.diagnostics).toMatchObject([
        {
          code: 'output-busy',
          file: '.dist-build.lock',
          message: `another build (process ${livePid} on ${os.hostname()}) is writing dist/; this build waited for it and gave up, so nothing was built.`,
        },
      ]);
      expect(await hashTree(path.join(dir, 'dist'))).toEqual(before);
      expect(await readFile(lock, 'utf8')).toBe(liveLock);
    } finally {
      process.kill(livePid);
    }
  });

  it('clears the empty staging folder of a build killed before it could mark it, and keeps one that holds anything', async () => {
    const dir = await twoModules();
    const past = new Date(Date.now() - 60_000);
    // What a build killed between creating its staging folder and marking it leaves: its lock,
    // and an empty folder named after the lock's token.
    const killedBuild = async (token: string, staging: string) => {
      await writeFile(path.join(dir, '.dist-build.lock'), `${JSON.stringify({ pid: deadPid(), host: os.hostname(), token, since: 0 })}\n`);
      await mkdir(path.join(dir, staging));
      await utimes(path.join(dir, staging), past, past);
    };
    await killedBuild('c0ffee12-3456-4789-8abc-def012345678', '.dist-build-c0ffee');
    await mkdir(path.join(dir, '.dist-build-XyZ789')); // a look-alike of no build's lock
    await utimes(path.join(dir, '.dist-build-XyZ789'), past, past);
    expect((await runCli(['build', 'tiny-course', '--target', 'web'], dir)).code).toBe(0);
    expect(await leftBeside(dir)).toEqual(['.dist-build-XyZ789']);

    await killedBuild('bead5678-3456-4789-8abc-def012345678', '.dist-build-bead56');
    await writeFile(path.join(dir, '.dist-build-bead56', 'notes.txt'), "not coursekit's to delete");
    await utimes(path.join(dir, '.dist-build-bead56'), past, past);
    expect((await runCli(['build', 'tiny-course', '--target', 'web'], dir)).code).toBe(0);
    expect(await leftBeside(dir)).toEqual(['.dist-build-XyZ789', '.dist-build-bead56']);
    expect(await readFile(path.join(dir, '.dist-build-bead56', 'notes.txt'), 'utf8')).toBe("not coursekit's to delete");
  });

  it('puts back the earlier output when a build was stopped between its two renames, and keeps folders that are not its own', async () => {
    const dir = await twoModules();
    expect((await runCli(['build', '--target', 'web'], dir)).code).toBe(0);
    // Killed after moving dist/ aside, before moving the new output in.
    const aside = path.join(dir, '.dist-build-AbC123-previous');
    await rename(path.join(dir, 'dist'), aside);
    const past = new Date(Date.now() - 60_000);
    await utimes(aside, past, past);
    // Look-alikes coursekit did not make: no marker, or another name.
    await mkdir(path.join(dir, '.dist-build-XyZ789'));
    await mkdir(path.join(dir, '.dist-build-notmine'));
    await writeFile(path.join(dir, '.dist-build-notmine', OUTPUT_MARKER), '');
    await utimes(path.join(dir, '.dist-build-XyZ789'), past, past);
    await utimes(path.join(dir, '.dist-build-notmine'), past, past);

    const run = await runCli(['build', 'tiny-course', '--target', 'web'], dir);
    expect(run.code, run.stderr).toBe(0);
    expect(await indexIds(dir)).toEqual(['hr-migration-ar', 'tiny-course']);
    expect(await leftBeside(dir)).toEqual(['.dist-build-XyZ789', '.dist-build-notmine']);
  });
});

describe('what the system refuses', () => {
  it('says the folder is read-only when dist/packages is, and leaves dist/ exactly as it was', async (ctx) => {
    const dir = await twoModules();
    expect((await runCli(['build', '--target', 'web'], dir)).code).toBe(0);
    // The next build differs from this one, so a half-swapped dist/ would show.
    const lesson = path.join(dir, 'modules', 'tiny-course', 'lessons', '01-contributions.json');
    await writeFile(lesson, (await readFile(lesson, 'utf8')).replace('What migrants contribute', 'What migrants bring'));
    const packages = path.join(dir, 'dist', 'packages');
    if (!bindReadOnly(packages)) return ctx.skip(CANNOT_MOUNT);
    mounted.push(packages);
    const before = await hashTree(path.join(dir, 'dist'));
    const run = await runCli(['build', 'tiny-course', '--target', 'web'], dir);
    unmount(packages);
    expect(run.code).toBe(1);
    expect(await hashTree(path.join(dir, 'dist'))).toEqual(before);
    expect(run.stdout).toContain('dist/ was left as it was.');
    expect(run.stdout + run.stderr).not.toMatch(CRASH);
    // A folder mounted read-only over itself is another mount: the system says so first.
    expect(run.stderr).toMatch(
      /could not be moved into place: (the file system is read-only \(EROFS\)|it is on another disk \(EXDEV\)), moving dist\/packages\/tiny-course-web.zip/,
    );
    expect(await leftBeside(dir)).toEqual([]);
  });

  it('names the read-only folder when the whole project is read-only, for build and new', async (ctx) => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'coursekit-readonly-'));
    made.push(dir);
    if (!mountTmpfs(dir, 4096)) return ctx.skip(CANNOT_MOUNT);
    mounted.push(dir);
    await cp(path.join(fixturesDir, 'projects', 'tiny', 'modules'), path.join(dir, 'modules'), { recursive: true });
    expect(remountReadOnly(dir)).toBe(true);
    const build = await runCli(['build'], dir);
    expect(build.code).toBe(1);
    expect(build.stdout + build.stderr).not.toMatch(CRASH);
    expect(build.stderr).toContain(
      "The build's output could not be written: the file system is read-only (EROFS), at .dist-build.lock (the lock file a build keeps beside dist/).",
    );
    const created = await runCli(['new', 'module', 'other-course'], dir);
    expect(created.code).toBe(1);
    expect(created.stderr).not.toMatch(CRASH);
    expect(created.stderr).toContain('The system refused to create the folder modules/other-course: the file system is read-only (EROFS).');
  });

  it('says the disk is full when it is, and leaves dist/ exactly as it was', async (ctx) => {
    // Measure the project and its output, then give them a disk with room for one output, not two.
    const measure = await copyProject('tiny');
    made.push(measure);
    expect((await runCli(['build'], measure)).code).toBe(0);
    const kilobytes = (folder: string) => Number(execFileSync('du', ['-sk', folder], { encoding: 'utf8' }).split('\t')[0]);
    const size = kilobytes(path.join(measure, 'modules')) + Math.ceil(kilobytes(path.join(measure, 'dist')) * 1.5);

    const dir = await mkdtemp(path.join(os.tmpdir(), 'coursekit-full-'));
    made.push(dir);
    if (!mountTmpfs(dir, size)) return ctx.skip(CANNOT_MOUNT);
    mounted.push(dir);
    await cp(path.join(fixturesDir, 'projects', 'tiny', 'modules'), path.join(dir, 'modules'), { recursive: true });
    expect((await runCli(['build'], dir)).code).toBe(0);
    const before = await hashTree(path.join(dir, 'dist'));
    const run = await runCli(['build'], dir);
    expect(run.code).toBe(1);
    expect(run.stdout + run.stderr).not.toMatch(CRASH);
    expect(run.stderr).toContain('the disk is full (ENOSPC)');
    expect(run.stderr).toContain("(the build's temporary folder beside dist/)");
    expect(run.stdout).toContain('dist/ was left as it was.');
    expect(await hashTree(path.join(dir, 'dist'))).toEqual(before);
    expect(await leftBeside(dir)).toEqual([]);
  });

  it('says what the system refused for an output folder in /proc', async () => {
    const dir = await copyProject('tiny');
    made.push(dir);
    const run = await runCli(['build', '--out', '/proc/coursekit-out'], dir);
    expect(run.code).toBe(1);
    expect(run.stdout + run.stderr).not.toMatch(CRASH);
    expect(run.stderr).toContain(
      "The build's output could not be written: no such file or folder (ENOENT), at /proc/.coursekit-out-build.lock",
    );
  });
});

describe('the site index of an earlier build', () => {
  it.each([
    ['not JSON', '{"id": ', 'it is not valid JSON'],
    ['an object', '{"modules": []}', 'it holds an object, not a list'],
    ['an entry without an id', '[{"title": "A"}]', 'entry 1 has no module id (lowercase letters, digits and hyphens)'],
    [
      'an id that is a path',
      '[{"id": "../../elsewhere", "title": "A", "description": "B", "version": "1.0.0", "language": "en", "dir": "ltr"}]',
      'entry 1 has no module id',
    ],
  ])('is named when it holds %s, and dist/ is left as it was', async (_name, content, why) => {
    const dir = await twoModules();
    expect((await runCli(['build', '--target', 'web'], dir)).code).toBe(0);
    await writeFile(path.join(dir, 'dist', 'site', 'modules.json'), content);
    const before = await hashTree(path.join(dir, 'dist'));
    const run = await runCli(['build', 'tiny-course', '--target', 'web', '--format', 'json'], dir);
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout)).toMatchObject([
      {
        code: 'output-index-invalid',
        file: 'dist/site/modules.json',
        message: expect.stringContaining(`dist/site/modules.json is not the list of modules an earlier build wrote: ${why}`),
      },
    ]);
    expect(await hashTree(path.join(dir, 'dist'))).toEqual(before);
  });
});
