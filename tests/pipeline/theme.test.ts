/** A module's theme: colours, font and logo over the default look, refused when unreadable. */
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { copyProject } from '../helpers/projects.js';
import { contrastRatio } from '../../src/validate/rules/theme.js';

const dirs: string[] = [];
afterEach(async () => Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true }))));

async function projectWithTheme(theme: unknown): Promise<string> {
  const dir = await copyProject('tiny');
  dirs.push(dir);
  const file = path.join(dir, 'modules', 'tiny-course', 'module.json');
  const json = JSON.parse(await readFile(file, 'utf8'));
  await writeFile(file, JSON.stringify({ ...json, theme }, null, 2));
  return dir;
}

describe('themes', () => {
  it('computes WCAG contrast ratios', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
  });

  it('turns the theme into custom properties that every page loads after the default stylesheet', async () => {
    const dir = await projectWithTheme({ accentColor: '#6b2c91', fontFamily: '"Segoe UI", Roboto, sans-serif', logo: 'media/dot.svg' });
    expect((await runCli(['build', '--target', 'web'], dir)).code).toBe(0);
    const site = path.join(dir, 'dist', 'site', 'tiny-course');
    const css = await readFile(path.join(site, 'assets', 'theme.css'), 'utf8');
    expect(css).toContain('--ck-accent: #6b2c91;');
    expect(css).toContain('--ck-font: "Segoe UI", Roboto, sans-serif;');
    expect(css).toContain('--ck-logo: url("../media/dot.svg");');
    const page = await readFile(path.join(site, '02-ministries.html'), 'utf8');
    expect(page).toMatch(/assets\/coursekit\.css">\n<link rel="stylesheet" href="assets\/theme\.css">/);
  });

  it('refuses colours learners cannot read, naming the field and the ratio', async () => {
    const dir = await projectWithTheme({ accentColor: '#f0c000' });
    const result = await runCli(['validate'], dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('error theme-contrast');
    expect(result.stderr).toContain('button text on the accent colour has a contrast of 1.');
    expect(result.stderr).toContain('at /theme/accentColor');
  });

  it('keeps the logo inside the module folder', async () => {
    const dir = await projectWithTheme({ logo: 'media/missing.svg' });
    const result = await runCli(['validate'], dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('the logo modules/tiny-course/media/missing.svg does not exist');
  });
});
