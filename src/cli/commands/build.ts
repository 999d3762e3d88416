import path from 'node:path';
import { InvalidArgumentError, Option, type Command } from 'commander';
import { formatBytes } from '../../load/json-file.js';
import { PACKAGE_TARGETS, type PackageTarget } from '../../package/index.js';
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
      ),
  ).action(async (modules: string[], options: CommonOptions & { out: string; target: PackageTarget[] }) => {
    const shownOut = path.relative(io.cwd, path.resolve(io.cwd, options.out)) || '.';
    // Loaded on use: Eleventy and esbuild take a moment to import, and only building needs them.
    const { buildModules } = await import('../../pipeline/index.js');
    const result = await buildModules({
      cwd: io.cwd,
      modulesDir: path.resolve(io.cwd, options.modules),
      only: modules,
      outDir: options.out,
      targets: options.target,
      strict: options.strict,
      onProgress: createConsoleReporter(io),
    });
    printDiagnostics(io, result.diagnostics, options.format);
    if (!result.ok) {
      const refused = result.diagnostics.some((d) => d.code === 'output-refused');
      if (options.format === 'pretty' && !refused)
        io.stdout(`Build failed: ${summaryLine(result.diagnostics)}. ${shownOut}/ was left as it was.\n`);
      setExitCode(refused ? 2 : 1);
      return;
    }
    if (options.format === 'pretty') {
      const total = result.packages.reduce((n, p) => n + p.bytes, 0);
      io.stdout(
        `Built ${result.modules.length} module(s): ${result.packages.length} package(s), ${formatBytes(total)}, in ${shownOut}/packages/.\n`,
      );
    }
  });
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
