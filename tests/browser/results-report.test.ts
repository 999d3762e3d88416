/**
 * The HTML report a trainer opens, mails or prints: in Chromium it makes no request, passes
 * axe, reads at 320 px, prints on A4; learners' names appear only with --names, and whatever
 * came from an export shows as text, never as markup. And where the report is written.
 */
import { access, readFile, readdir, writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from '../helpers/axe.js';
import { launchBrowser } from '../helpers/browser.js';
import { COHORT_DIR, COHORT_MODULE, COHORT_MODULES, runResults, scratchDir, type Scratch } from '../helpers/results.js';

let scratch: Scratch;
let browser: Browser;
let hostile: string;

beforeAll(async () => {
  scratch = await scratchDir();
  browser = await launchBrowser();
  // The real export, with markup where a name, an e-mail address and a typed answer were.
  const csv = await readFile(path.join(COHORT_DIR, 'interactions.csv'), 'utf8');
  hostile = path.join(scratch.dir, 'hostile.csv');
  await writeFile(
    hostile,
    csv
      .replace('"Learner 05"', '"<script>window.pwned = 1</script>Eve Quillfeather"')
      .replace('c3l05@example.invalid', '"<img src=x onerror=""window.pwned = 2"">@example.invalid"')
      .replace(/"not sure"/, '"<img src=x onerror=""window.pwned = 3"">"'),
  );
});
afterAll(async () => {
  await browser?.close();
  await scratch?.cleanup();
});

async function report(folder: string, ...args: string[]): Promise<string> {
  const run = await runResults([hostile, '--out', folder, ...args], scratch.dir);
  expect(run.code).toBe(0);
  return path.join(scratch.dir, folder, 'results.html');
}

describe('the HTML report', () => {
  it('is one file that makes no request, passes axe and keeps every value from the export as text', async () => {
    const file = await report('named', '--names');
    const page = await browser.newPage();
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(pathToFileURL(file).href);
    expect(requests).toEqual([pathToFileURL(file).href]);
    expect(await axeViolations(page)).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
    expect(await page.locator('img').count()).toBe(0);
    const text = (await page.locator('main').textContent()) ?? '';
    expect(text).toContain('<script>window.pwned = 1</script>Eve Quillfeather');
    expect(text).toContain('<img src=x onerror="window.pwned = 2">@example.invalid');
    expect(text).toContain('<img src=x onerror="window.pwned = 3">');
    await page.close();
  });

  it('shows pseudonymous ids unless --names is given', async () => {
    const html = await readFile(await report('pseudonymous'), 'utf8');
    const json = await readFile(path.join(scratch.dir, 'pseudonymous', 'results.json'), 'utf8');
    for (const text of [html, json]) {
      expect(text).not.toContain('Learner 0');
      expect(text).not.toContain('example.invalid');
      expect(text).not.toContain('Quillfeather');
      expect(text).toMatch(/L-[a-z2-9]{8}/);
    }
    const named = await readFile(path.join(scratch.dir, 'named', 'results.html'), 'utf8');
    expect(named).toContain('Learner 06');
    expect(named).toContain('c3l06@example.invalid');
  });

  it('reads on a 320 px screen without sideways scrolling of the page', async () => {
    const file = await report('narrow');
    const page = await browser.newPage({ viewport: { width: 320, height: 640 } });
    await page.goto(pathToFileURL(file).href);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    // Wide tables scroll inside their own region, which the keyboard can reach.
    const regions = await page
      .locator('.scroll')
      .evaluateAll((nodes) => nodes.map((n) => ({ tabindex: n.getAttribute('tabindex'), label: n.getAttribute('aria-labelledby') })));
    expect(regions.length).toBeGreaterThan(5);
    for (const region of regions) expect(region).toEqual({ tabindex: '0', label: expect.any(String) });
    // Text stays at a readable size: nothing under 10 px, the charts included.
    const smallest = await page.evaluate(() =>
      Math.min(
        ...Array.from(document.querySelectorAll('p, td, th, dd, text'), (n) =>
          n.getBoundingClientRect().height > 0
            ? parseFloat(getComputedStyle(n).fontSize) *
              (n instanceof SVGElement ? n.ownerSVGElement!.getBoundingClientRect().width / n.ownerSVGElement!.viewBox.baseVal.width : 1)
            : Infinity,
        ),
      ),
    );
    expect(smallest).toBeGreaterThanOrEqual(10);
    await page.close();
  });

  it('prints on A4 with every table inside the page width', async () => {
    const file = await report('printed');
    const page = await browser.newPage();
    await page.goto(pathToFileURL(file).href);
    await page.emulateMedia({ media: 'print' });
    await page.setViewportSize({ width: 718, height: 1000 }); // A4 less 1.5 cm margins, at 96 dpi
    const overflowing = await page
      .locator('table')
      .evaluateAll((tables) => tables.filter((t) => t.getBoundingClientRect().right > document.documentElement.clientWidth + 1).length);
    expect(overflowing).toBe(0);
    const pdf = await page.pdf({ format: 'A4', margin: { top: '1.5cm', bottom: '1.5cm', left: '1.5cm', right: '1.5cm' } });
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)?.length ?? 0;
    expect(pages).toBeGreaterThan(3);
    await page.close();
  });
});

describe('where the report is written', () => {
  it('writes results/<module>/ by default and replaces its own report on the next run', async () => {
    const cwd = path.join(scratch.dir, 'project');
    await mkdir(cwd);
    const written: string[] = [];
    for (let run = 0; run < 2; run++) {
      const result = await runResults([path.join(COHORT_DIR, 'interactions.csv')], cwd);
      expect(result.code).toBe(0);
      expect(result.stdout).toContain(`Wrote results/${COHORT_MODULE}/results.html and results/${COHORT_MODULE}/results.json.`);
      written.push(await readFile(path.join(cwd, 'results', COHORT_MODULE, 'results.html'), 'utf8'));
    }
    expect((await readdir(path.join(cwd, 'results', COHORT_MODULE))).sort()).toEqual(['.coursekit-output', 'results.html', 'results.json']);
    // The same exports give the same report, byte for byte (no clock in it).
    expect(written[1]).toBe(written[0]);
  });

  it('writes nothing with --json alone', async () => {
    const cwd = path.join(scratch.dir, 'json-only');
    await mkdir(cwd);
    const result = await runResults([path.join(COHORT_DIR, 'interactions.csv'), '--json'], cwd);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).module).toBe(COHORT_MODULE);
    expect(await readdir(cwd)).toEqual([]);
  });

  it.each([
    ['the project folder', '.'],
    ['the modules folder', COHORT_MODULES],
    ['a folder of the user', 'mine'],
  ])('refuses %s, and touches nothing', async (_case, out) => {
    const cwd = path.join(scratch.dir, `refuse-${_case.replace(/\W/g, '-')}`);
    await mkdir(path.join(cwd, 'mine'), { recursive: true });
    await writeFile(path.join(cwd, 'mine', 'notes.txt'), 'my notes');
    const result = await runResults([path.join(COHORT_DIR, 'interactions.csv'), '--out', out], cwd);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('output-refused');
    expect(await readFile(path.join(cwd, 'mine', 'notes.txt'), 'utf8')).toBe('my notes');
    await expect(access(path.join(cwd, 'results.html'))).rejects.toThrow();
    await expect(access(path.join(cwd, 'mine', 'results.html'))).rejects.toThrow();
    await expect(access(path.join(COHORT_MODULES, 'results.html'))).rejects.toThrow();
  });
});
