import path from 'node:path';
import { InvalidArgumentError, Option, type Command } from 'commander';
import { languageName } from '../../i18n/language.js';
import { toDisplayPath } from '../../load/index.js';
import { formatBytes } from '../../load/json-file.js';
import { PACKAGE_TARGETS, type PackageTarget } from '../../package/index.js';
import type { BuildResult } from '../../pipeline/index.js';
import { printDiagnostics, summaryLine, withContentOptions, type CommandContext, type CommonOptions } from '../context.js';
import { createConsoleReporter } from '../reporter.js';

export function registerBuild(program: Command, { io, setExitCode }: CommandContext): void {
  withContentOptions(
    program
      .command('build')
      .description('validate, render and package modules into dist/')
      .argument('[module...]', 'module folder names (default: every module)')
      .option('--out <dir>', 'output folder', 'dist')
      .addOption(
        new Option('--target <targets>', `comma-separated package targets (${PACKAGE_TARGETS.join(', ')})`)
          .default([...PACKAGE_TARGETS], PACKAGE_TARGETS.join(','))
          .argParser(parseTargets),
      )
      .option('--draft', 'also package translations that are not complete, as drafts (<module>-<lang>-draft) for review', false),
  ).action(async (modules: string[], options: CommonOptions & { out: string; target: PackageTarget[]; draft: boolean }) => {
    const shownOut = toDisplayPath(io.cwd, path.resolve(io.cwd, options.out)) || '.';
    // Loaded on use: Eleventy and esbuild take a moment to import, and only building needs them.
    const { buildModules } = await import('../../pipeline/index.js');
    const result = await buildModules({
      cwd: io.cwd,
      modulesDir: path.resolve(io.cwd, options.modules),
      only: modules,
      outDir: options.out,
      targets: options.target,
      strict: options.strict,
      drafts: options.draft,
      onProgress: createConsoleReporter(io, shownOut),
    });
    printDiagnostics(io, result.diagnostics, options.format);
    if (!result.ok) {
      const refused = result.diagnostics.some((d) => d.code === 'output-refused');
      if (options.format === 'pretty' && !refused)
        io.stdout(
          `Build failed: ${summaryLine(result.diagnostics)}. ${shownOut}/ ${result.outputChanged ? 'could not be put back as it was (see above).' : 'was left as it was.'}\n`,
        );
      setExitCode(refused ? 2 : 1);
      return;
    }
    if (options.format === 'pretty') io.stdout(buildSummary(result, shownOut));
  });
}

/**
 * "Built 1 module(s) in 2 language(s) (en, fr): 6 package(s), …": modules as authors count them
 * (a translation is a language of its module), then a line for each language left out, and
 * the web addresses each module links to: a package used offline cannot open them.
 */
function buildSummary(result: BuildResult, shownOut: string): string {
  const total = result.packages.reduce((n, p) => n + p.bytes, 0);
  const sources = result.modules.filter((m) => !m.translation).length;
  const languages = [...new Set(result.modules.map((m) => `${m.meta.language}${m.translation?.draft ? ' draft' : ''}`))];
  const lines = [
    `Built ${sources} module(s) in ${languages.length} language(s) (${languages.join(', ')}): ${result.packages.length} package(s), ${formatBytes(total)}, in ${shownOut}/packages/.`,
  ];
  for (const { moduleId, lang, gaps, draft } of result.incompleteTranslations) {
    if (draft) continue;
    const counts = [
      gaps.missing.length > 0 ? `${gaps.missing.length} text(s) not translated` : '',
      gaps.stale.length > 0 ? `${gaps.stale.length} changed after translation` : '',
    ].filter(Boolean);
    lines.push(`Left out: the ${languageName(lang)} version of ${moduleId} (${counts.join(', ')}); --draft packages it as a draft.`);
  }
  for (const [moduleId, links] of result.webLinks) {
    lines.push(`${moduleId} links to ${links.length} web address(es), which learners can open only when online: ${links.join(', ')}`);
  }
  return `${lines.join('\n')}\n`;
}

/** A list of known targets, each once: an empty list would build no package and still succeed. */
function parseTargets(value: string): PackageTarget[] {
  const targets = value.split(',').map((t) => t.trim());
  if (targets.every((t) => t === '')) throw new InvalidArgumentError(`no target given: use one or more of ${PACKAGE_TARGETS.join(', ')}.`);
  for (const [i, t] of targets.entries()) {
    if (!(PACKAGE_TARGETS as readonly string[]).includes(t)) {
      throw new InvalidArgumentError(
        t === ''
          ? `an empty target in "${value}": separate targets with single commas.`
          : `unknown target "${t}": use ${PACKAGE_TARGETS.join(', ')}.`,
      );
    }
    if (targets.indexOf(t) !== i) throw new InvalidArgumentError(`"${t}" is listed twice: give each target once.`);
  }
  return targets as PackageTarget[];
}
