/** The same input gives byte-identical zips: on a rebuild, in another folder, in another time zone. */
import { createHash } from 'node:crypto';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildProject, type BuiltProject } from '../helpers/projects.js';

const built: BuiltProject[] = [];
afterAll(async () => Promise.all(built.map((p) => p.cleanup())));

async function zipHashes(project: BuiltProject): Promise<Record<string, string>> {
  const dir = path.join(project.dir, 'dist', 'packages');
  const hashes: Record<string, string> = {};
  for (const name of (await readdir(dir)).sort()) {
    hashes[name] = createHash('sha256')
      .update(await readFile(path.join(dir, name)))
      .digest('hex');
  }
  return hashes;
}

describe('deterministic packages', () => {
  it('builds byte-identical zips twice, in different folders and time zones', async () => {
    const originalTz = process.env.TZ;
    try {
      process.env.TZ = 'UTC';
      const first = await buildProject('tiny');
      built.push(first);
      process.env.TZ = 'Pacific/Kiritimati';
      const second = await buildProject('tiny');
      built.push(second);
      const a = await zipHashes(first);
      expect(Object.keys(a)).toHaveLength(3);
      expect(await zipHashes(second)).toEqual(a);
    } finally {
      if (originalTz === undefined) delete process.env.TZ;
      else process.env.TZ = originalTz;
    }
  });

  it('stores entries sorted, with one fixed timestamp', async () => {
    const project = built[0]!;
    const bytes = await readFile(path.join(project.dir, 'dist', 'packages', 'tiny-course-scorm12.zip'));
    const names: string[] = [];
    const stamps = new Set<string>();
    // Walk the central directory: signature 0x02014b50.
    for (let i = 0; i < bytes.length - 46; i++) {
      if (bytes.readUInt32LE(i) !== 0x02014b50) continue;
      stamps.add(`${bytes.readUInt16LE(i + 12)}:${bytes.readUInt16LE(i + 14)}`);
      const nameLength = bytes.readUInt16LE(i + 28);
      names.push(bytes.subarray(i + 46, i + 46 + nameLength).toString('utf8'));
    }
    expect(names.length).toBeGreaterThan(5);
    expect(names).toEqual([...names].sort());
    expect(stamps.size).toBe(1);
  });
});
