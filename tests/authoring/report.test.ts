/** `coursekit report` and the coverage report page of the built site. */
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import nunjucks from 'nunjucks';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkModules } from '../../src/pipeline/check.js';
import { buildModules, type BuildResult } from '../../src/pipeline/index.js';
import type { CourseModule } from '../../src/model/course.js';
import { buildCoverageReport } from '../../src/report/coverage.js';
import { buildSiteModel, type ModuleView } from '../../src/render/view-model.js';
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

describe('coursekit report', () => {
  it('prints the coverage of each recommendation as Markdown', async () => {
    const dir = track(await copyProject('tiny'));
    const run = await runCli(['report', 'tiny-course'], dir);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatchInlineSnapshot(`
      "# Coverage report: Tiny course

      Module \`tiny-course\`, version 1.0.0. Each recommendation (a paragraph, article… the module declares in module.json) should be taught by a learning objective in a lesson and assessed by questions the final assessment draws.

      Source: A/58/275, Report of the Special Rapporteur on the human rights of migrants (2003).

      ## Summary

      | | |
      | --- | --- |
      | Recommendations | 2 |
      | Taught (cited by an objective) | 2 of 2 |
      | Assessed (drawn in every attempt) | 2 of 2 |
      | Learning objectives | 2 (0 without questions) |
      | Question bank | 5 question(s), 2 drawn per attempt |
      | Bank by cognitive level | 3 remember, 0 understand, 2 apply, 0 analyse |
      | Every attempt draws at least | 2 in all; 0 at understand or above, 0 at apply or above, 0 at analyse |
      | Knowledge-check questions | 1 |

      ## By recommendation

      | Recommendation | Objectives | Lessons | Bank questions | Drawn per attempt | Knowledge checks | Status |
      | --- | --- | --- | --- | --- | --- | --- |
      | A/58/275, paragraph 74 | 1 | 1 | 2 | 1 | 1 | taught and assessed |
      | A/58/275, paragraph 75 | 1 | 1 | 3 | 1 | 0 | taught and assessed |

      ## Cognitive levels

      Bank questions at each level, and the fewest questions at each level or above that any attempt draws (remember, understand, apply, analyse: lowest first).

      | Recommendation | Remember | Understand | Apply | Analyse | Drawn per attempt | Draw rule | Every attempt draws at least |
      | --- | --- | --- | --- | --- | --- | --- | --- |
      | A/58/275, paragraph 74 | 2 | 0 | 0 | 0 | 1 | none | 1 in all; 0 at understand or above, 0 at apply or above, 0 at analyse |
      | A/58/275, paragraph 75 | 1 | 0 | 2 | 0 | 1 | none | 1 in all; 0 at understand or above, 0 at apply or above, 0 at analyse |

      ### A/58/275, paragraph 74

      Objectives:

      - \`obj-74-contributions\` (What migrants contribute): Name the contributions of migrants that paragraph 74 describes. — assessed by \`q74-overshadow\`, \`q74-word\`, \`kc74-remittances\`

      Lessons: What migrants contribute (\`01-contributions\`)

      Bank questions (2, 1 drawn per attempt): \`q74-overshadow\`, \`q74-word\`

      By level: remember \`q74-overshadow\`, \`q74-word\`

      Knowledge checks (1): \`kc74-remittances\`

      ### A/58/275, paragraph 75

      Objectives:

      - \`obj-75-ministries\` (Not only national security): List the ministries paragraph 75 names. — assessed by \`q75-ministries\`, \`q75-match\`, \`q75-order\`

      Lessons: Not only national security (\`02-ministries\`)

      Bank questions (3, 1 drawn per attempt): \`q75-ministries\`, \`q75-match\`, \`q75-order\`

      By level: remember \`q75-ministries\`; apply \`q75-match\`, \`q75-order\`

      Knowledge checks (0): –
      "
    `);
  });

  it('writes the report to a file with --out', async () => {
    const dir = track(await copyProject('tiny'));
    const printed = await runCli(['report', 'tiny-course'], dir);
    const run = await runCli(['report', 'tiny-course', '--out', 'coverage.md'], dir);
    expect(run).toEqual({ code: 0, stdout: '', stderr: 'Wrote the coverage report of tiny-course to coverage.md.\n' });
    expect(await readFile(path.join(dir, 'coverage.md'), 'utf8')).toBe(printed.stdout);
  });

  it('says when it cannot write the file', async () => {
    const dir = track(await copyProject('tiny'));
    const run = await runCli(['report', 'tiny-course', '--out', 'no-such-folder/coverage.md'], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatchInlineSnapshot(`
      "no-such-folder/coverage.md error output-unwritable
        cannot write the report to no-such-folder/coverage.md: its folder does not exist.
        hint: Check that the folder exists and that you may write to it.

      "
    `);
  });

  it('refuses to report on a module with errors, and says why', async () => {
    const dir = track(await copyBrokenCase('paragraph-not-assessed'));
    const run = await runCli(['report', 'small-course'], dir);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('error paragraph-not-assessed');
    expect(run.stderr).toContain('No report for small-course: 1 error(s), 0 warning(s). Fix the errors, then run the report again.');
  });

  it('reports a module without an assessment as taught only', async () => {
    const dir = track(await copyBrokenCase('_base'));
    const moduleFile = path.join(dir, 'modules', 'small-course', 'module.json');
    const meta = JSON.parse(await readFile(moduleFile, 'utf8')) as Record<string, unknown>;
    delete meta.assessment;
    meta.tracking = { completion: 'allPagesViewed' };
    await writeFile(moduleFile, JSON.stringify(meta));
    await rm(path.join(dir, 'modules', 'small-course', 'questions'), { recursive: true });
    const run = await runCli(['report', 'small-course'], dir);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('| Assessed | the module has no assessment |');
    expect(run.stdout).toContain('| R/1/100, paragraph 1 | 1 | 1 | 0 | 0 | 1 | taught (the module has no assessment) |');
  });
});

describe('the coverage report page', () => {
  let module: CourseModule;
  let view: ModuleView;
  const template = async () => {
    const text = await readFile(path.join(repoRoot, 'src/render/templates/reports.njk'), 'utf8');
    return text.replace(/^---\n[\s\S]*?\n---\n/, '');
  };
  // The renderer's Nunjucks settings (.eleventy.js): an undefined value fails the build.
  const env = new nunjucks.Environment(null, { throwOnUndefined: true, autoescape: true, trimBlocks: true, lstripBlocks: true });

  beforeAll(async () => {
    const dir = track(await copyProject('sample'));
    const checked = await checkModules({ cwd: dir, modulesDir: path.join(dir, 'modules') });
    module = checked.modules[0]!;
    view = buildSiteModel([module]).modules[0]!;
  });

  function expectAccessible(html: string) {
    expect(html.match(/<h1[\s>]/g)).toHaveLength(1);
    const headers = html.match(/<th[\s>][^>]*/g) ?? [];
    expect(headers.length).toBeGreaterThan(4);
    for (const th of headers) expect(th).toMatch(/scope="(col|row)"/);
    expect(html).toContain('<caption>');
    // No external requests: no scripts, stylesheets, images or links to other sites.
    expect(html).not.toMatch(/<(script|link|img|iframe)\b/);
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
  }

  it('renders the shared report data, with a status per recommendation', async () => {
    const html = env.renderString(await template(), { m: { ...view, coverageReport: buildCoverageReport(module, view.strings) } });
    expectAccessible(html);
    expect(html).toContain('<th scope="row" lang="en" dir="ltr">A/58/275, paragraph 74</th>');
    expect(html.match(/>taught and assessed</g)).toHaveLength(4);
    expect(html).toContain('4 of 4 recommendations taught, 4 assessed in every attempt (16 questions drawn from a bank of 51)');
  });

  it('counts the bank questions of each recommendation by cognitive level, with what every attempt draws', async () => {
    const report = buildCoverageReport(module, view.strings);
    const html = env.renderString(await template(), { m: { ...view, coverageReport: report } });
    expect(html).toContain('<caption>Bank questions by cognitive level, and what every attempt draws</caption>');
    const row = report.rows[0]!;
    const counts = (['remember', 'understand', 'apply', 'analyse'] as const).map(
      (l) => `<td class="number">${row.bankByLevel[l].length}</td>`,
    );
    expect(html).toContain(
      `<th scope="row" lang="en" dir="ltr">A/58/275, paragraph 74</th>\n${counts.join('\n')}\n<td class="number">${row.drawn}</td>`,
    );
    expect(html).toContain(`<td>${row.drawn} in all; ${row.guaranteedAtOrAbove.understand} at understand or above`);
  });
});

describe('the built site', () => {
  let dir: string;
  let result: BuildResult;
  beforeAll(async () => {
    dir = track(await copyProject('tiny'));
    result = await buildModules({ cwd: dir, modulesDir: path.join(dir, 'modules'), outDir: path.join(dir, 'dist'), targets: ['web'] });
  });

  it('has a report page per module, outside the module folder, so no package contains it', async () => {
    expect(result.ok).toBe(true);
    const page = await readFile(path.join(dir, 'dist', 'site', 'reports', 'tiny-course.html'), 'utf8');
    expect(page).toContain('<h1>Coverage report: <span lang="en" dir="ltr">Tiny course</span></h1>');
    const zip = unzipSync(await readFile(result.packages[0]!.path));
    expect(Object.keys(zip).filter((name) => name.includes('report'))).toEqual([]);
  });
});
