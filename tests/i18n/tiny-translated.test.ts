/** The tiny-translated fixture is generated from tiny (tests/fixtures/generate/), never edited by hand. */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { TINY_TRANSLATED, tinyTranslatedFiles } from '../fixtures/generate/tiny-translated.js';

async function committed(dir: string, into = new Map<string, Buffer>(), base = dir): Promise<Map<string, Buffer>> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) await committed(full, into, base);
    else into.set(path.relative(base, full).split(path.sep).join('/'), await readFile(full));
  }
  return into;
}

describe('the tiny-translated fixture', () => {
  it('is the tiny fixture published in French too, with every text translated (run `npm run fixtures` when it is not)', async () => {
    const generated = await tinyTranslatedFiles();
    const onDisk = await committed(TINY_TRANSLATED);
    expect([...onDisk.keys()].sort()).toEqual([...generated.keys()].sort());
    for (const [file, bytes] of generated) expect(onDisk.get(file)?.toString('utf8'), file).toBe(bytes.toString('utf8'));
  });
});
