import path from 'node:path';
import type { Command } from 'commander';
import { scaffoldLesson, scaffoldModule, type ScaffoldResult } from '../../scaffold/index.js';
import { printDiagnostics, withModulesOption, type CliIo, type CommandContext } from '../context.js';

export function registerNew(program: Command, { io, setExitCode }: CommandContext): void {
  const command = program.command('new').description('create a module or a lesson from a template (never overwrites a file)');

  withModulesOption(
    command
      .command('module')
      .description('create modules/<id>/ with module.json, a first lesson, a question bank and a source text')
      .argument('<id>', 'module id: lowercase letters, digits and hyphens, e.g. migration-basics')
      .option('--title <title>', 'the module title (default: from the id)')
      .option('--language <tag>', 'the language the module is written in (BCP 47 tag)', 'en'),
  ).action(async (id: string, options: { title?: string; language: string; modules: string }) => {
    const result = await scaffoldModule({
      cwd: io.cwd,
      modulesDir: path.resolve(io.cwd, options.modules),
      id,
      title: options.title,
      language: options.language,
    });
    setExitCode(printResult(io, result));
  });

  withModulesOption(
    command
      .command('lesson')
      .description('create modules/<module>/lessons/<id>.json and add it to the lesson order')
      .argument('<module>', 'the module folder name')
      .argument('<id>', 'lesson id: lowercase letters, digits and hyphens, e.g. 03-partnerships')
      .option('--title <title>', 'the lesson title (default: from the id)'),
  ).action(async (moduleId: string, lessonId: string, options: { title?: string; modules: string }) => {
    const result = await scaffoldLesson({
      cwd: io.cwd,
      modulesDir: path.resolve(io.cwd, options.modules),
      moduleId,
      lessonId,
      title: options.title,
    });
    setExitCode(printResult(io, result));
  });
}

function printResult(io: CliIo, result: ScaffoldResult): number {
  if (result.diagnostics.length > 0) {
    printDiagnostics(io, result.diagnostics, 'pretty');
    return 1;
  }
  const lines = [...result.created.map((f) => `created ${f}`), ...result.updated.map((f) => `updated ${f}`)];
  if (result.nextSteps.length > 0) lines.push('', 'Next:', ...result.nextSteps.map((s) => `  - ${s}`));
  io.stdout(`${lines.join('\n')}\n`);
  return 0;
}
