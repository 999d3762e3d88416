// What every generator script does with its output: write it, or with `--check` (CI) exit 1
// when the committed file differs from what it would write.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** `staleHint` finishes "<file> is out of date with …", e.g. "schemas/: run `npm run types`". */
export async function writeOrCheck(root, target, generated, staleHint) {
  const shown = path.relative(root, target);
  if (process.argv.includes('--check')) {
    const current = await readFile(target, 'utf8').catch(() => '');
    if (current !== generated) {
      console.error(`${shown} is out of date with ${staleHint} and commit the result.`);
      process.exit(1);
    }
    return;
  }
  await mkdir(path.dirname(target), { recursive: true });
  await writeFile(target, generated);
  console.log(`wrote ${shown}`);
}
