/**
 * The real CLI in a process of its own, for what one process cannot show: two builds at once,
 * a build killed half-way. The TypeScript sources are bundled with esbuild into one script
 * (npm packages stay imports), so the processes run the code under test, not a stale lib/.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { repoRoot } from './projects.js';

let script: Promise<string> | undefined;

/** The bundled CLI, built once per test file. */
export function cliScript(): Promise<string> {
  script ??= (async () => {
    // Under node_modules, so that the packages it imports resolve as they do from the sources.
    const folder = path.join(repoRoot, 'node_modules', '.cache', 'coursekit-tests');
    await mkdir(folder, { recursive: true });
    const outfile = path.join(folder, `coursekit-${process.pid}.mjs`);
    await build({
      stdin: {
        contents: "import { main } from './src/cli/main.ts';\nprocess.exitCode = await main(process.argv.slice(2));\n",
        resolveDir: repoRoot,
        loader: 'ts',
      },
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      packages: 'external',
      outfile,
      // src/paths.ts finds the package root (templates, schemas) from its own location.
      define: { 'import.meta.url': JSON.stringify(pathToFileURL(path.join(repoRoot, 'src', 'paths.ts')).href) },
      logLevel: 'silent',
    });
    return outfile;
  })();
  return script;
}

/** Deletes the bundled CLI (call after the file's last test). */
export async function removeCliScript(): Promise<void> {
  if (script) await rm(await script, { force: true });
  script = undefined;
}

export interface CliProcess {
  child: ChildProcess;
  /** Resolves when the process ends. */
  done: Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>;
}

export async function startCli(argv: string[], cwd: string): Promise<CliProcess> {
  const child = spawn(process.execPath, [await cliScript(), ...argv], { cwd, env: { ...process.env, CI: '1' } });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d: Buffer) => {
    stdout += d.toString();
  });
  child.stderr!.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })),
  );
  return { child, done };
}
