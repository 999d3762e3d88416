/** `coursekit validate` on good content, and the three output formats. */
import { mkdir, readFile, rename, rm, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatDiagnostics } from '../../src/diagnostics/format.js';
import { copyProject } from '../helpers/projects.js';
import { copyBrokenCase, runCli } from './cli.js';

const made: string[] = [];
afterAll(async () => {
  await Promise.all(made.map((dir) => rm(dir, { recursive: true, force: true })));
});
const track = (dir: string) => {
  made.push(dir);
  return dir;
};

describe('coursekit validate', () => {
  it('passes the sample module, which has warnings only', async () => {
    const dir = track(await copyProject('sample'));
    const run = await runCli(['validate'], dir);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^0 error\(s\), \d+ warning\(s\) in 1 module\(s\), 11 file\(s\): valid\.\n$/);
    expect(run.stderr).not.toContain(' error ');
  });

  it('passes the tiny fixture with --strict', async () => {
    const dir = track(await copyProject('tiny'));
    expect(await runCli(['validate', '--strict'], dir)).toEqual({
      code: 0,
      stdout: '0 error(s), 0 warning(s) in 1 module(s), 6 file(s): valid.\n',
      stderr: '',
    });
  });

  it('warns when a language the module is published in has no learner-interface strings', async () => {
    // Published in Portuguese: the content is translated, but coursekit ships no Portuguese UI strings.
    const dir = track(await copyProject('tiny-translated'));
    const module = path.join(dir, 'modules', 'tiny-course');
    const xliff = await readFile(path.join(module, 'translations', 'fr.xlf'), 'utf8');
    await writeFile(path.join(module, 'translations', 'pt.xlf'), xliff.replace('trgLang="fr"', 'trgLang="pt"'));
    await rm(path.join(module, 'translations', 'fr.xlf'));
    const moduleJson = path.join(module, 'module.json');
    await writeFile(moduleJson, (await readFile(moduleJson, 'utf8')).replace('"translations": ["fr"]', '"translations": ["pt"]'));
    const run = await runCli(['validate', '--format', 'json'], dir);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject([{ code: 'language-strings-missing', severity: 'warning', pointer: '/translations/0' }]);
    expect((await runCli(['validate', '--strict'], dir)).code).toBe(1);
  });

  it('prints an empty JSON list for valid content', async () => {
    const dir = track(await copyProject('tiny'));
    expect(await runCli(['validate', '--format', 'json'], dir)).toEqual({ code: 0, stdout: '[]\n', stderr: '' });
  });

  it('prints GitHub annotations with --format github', async () => {
    const dir = track(await copyBrokenCase('quote-not-verbatim'));
    const run = await runCli(['validate', '--format', 'github'], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatchInlineSnapshot(`
      "::error file=modules/small-course/lessons/02-planning-together.json,line=12,col=15,title=quote-not-verbatim::lesson \`02-planning-together\` block 1 (quote): the quote is not found word for word in R/1/100 paragraph 2: after "…Ministries of health and education", the source has "should plan together, and consult the…" but the quote has "must plan together, and consult the…". Copy the words exactly from the cited paragraph of the source file. Line breaks and repeated spaces do not matter; every other character does.
      "
    `);
  });

  it('prints every field of a diagnostic with --format json', async () => {
    const dir = track(await copyBrokenCase('dangling-objective'));
    const run = await runCli(['validate', '--format', 'json'], dir);
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout)).toEqual([
      {
        code: 'unknown-reference',
        severity: 'error',
        file: 'modules/small-course/questions/para-2.json',
        line: 9,
        column: 20,
        pointer: '/questions/0/objective',
        message: 'question `q2-ministries`: the objective `obj-2-plans` is not defined in any lesson.',
        hint: 'Did you mean `obj-2-plan`?',
      },
    ]);
  });

  it('reports a module that does not exist, with the ones that do', async () => {
    const dir = track(await copyProject('tiny'));
    const run = await runCli(['validate', 'tiny-cours'], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatchInlineSnapshot(`
      "error module-not-found
        There is no module \`tiny-cours\` in modules/.
        hint: Available modules: tiny-course.

      "
    `);
  });

  it('follows a module folder that is a symbolic link to a folder elsewhere', async () => {
    const dir = track(await copyProject('tiny'));
    await mkdir(path.join(dir, 'elsewhere'));
    await rename(path.join(dir, 'modules', 'tiny-course'), path.join(dir, 'elsewhere', 'tiny-course'));
    await symlink(path.join(dir, 'elsewhere', 'tiny-course'), path.join(dir, 'modules', 'tiny-course'));
    const expected = { code: 0, stdout: '0 error(s), 0 warning(s) in 1 module(s), 6 file(s): valid.\n', stderr: '' };
    expect(await runCli(['validate', '--strict'], dir)).toEqual(expected);
    expect(await runCli(['validate', '--strict', 'tiny-course'], dir)).toEqual(expected);
  });

  it('says where a module link leads when it leads to no folder', async () => {
    const dir = track(await copyProject('tiny'));
    await symlink('../elsewhere/gone', path.join(dir, 'modules', 'gone-course'));
    const named = await runCli(['validate', 'gone-course'], dir);
    expect(named.code).toBe(1);
    expect(named.stderr).toContain(
      'modules/gone-course is a symbolic link to ../elsewhere/gone, which does not exist, so it is not a module.',
    );
    expect(named.stderr).toContain('module-link-broken');
    const all = await runCli(['validate', '--format', 'json'], dir);
    expect(all.code).toBe(1);
    expect((JSON.parse(all.stdout) as { code: string }[]).map((d) => d.code)).toEqual(['module-link-broken']);
  });
});

describe('pretty output', () => {
  const diagnostics = [{ code: 'media-missing' as const, severity: 'error' as const, message: 'the image is missing.', hint: 'Add it.' }];

  it('uses colour only when asked', () => {
    expect(formatDiagnostics(diagnostics, 'pretty', { color: false, cwd: '.' })).not.toContain('\u001b[');
    expect(formatDiagnostics(diagnostics, 'pretty', { color: true, cwd: '.' })).toContain('\u001b[31merror\u001b[39m');
  });

  it('shows control and direction characters in a code frame as symbols, so a file cannot rewrite the terminal', async () => {
    const dir = track(await copyBrokenCase('_base'));
    const lesson = path.join(dir, 'modules', 'small-course', 'lessons', '01-open-services.json');
    // A raw escape sequence (clear the screen) and a right-to-left override, in a file that is not valid JSON.
    const text = await readFile(lesson, 'utf8');
    await writeFile(lesson, text.replace('"Services open to everyone"', '"Services \u001b[2J open \u202e to everyone'));
    const run = await runCli(['validate'], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('error json-syntax');
    expect(run.stderr).not.toContain('\u001b');
    expect(run.stderr).not.toContain('\u202e');
    expect(run.stderr).toContain('"Services \u241b[2J open \ufffd to everyone');
  });

  it('prints no colour through the CLI when the io says so', async () => {
    const dir = track(await copyBrokenCase('missing-media'));
    const plain = await runCli(['validate'], dir, { color: false });
    const coloured = await runCli(['validate'], dir, { color: true });
    expect(plain.stderr).not.toContain('\u001b[');
    expect(coloured.stderr).toContain('\u001b[');
    // Colour changes nothing else.
    // biome-ignore lint/suspicious/noControlCharactersInRegex: removing the terminal's colour codes is the point.
    expect(coloured.stderr.replace(/\u001b\[\d+m/g, '')).toBe(plain.stderr);
  });
});
