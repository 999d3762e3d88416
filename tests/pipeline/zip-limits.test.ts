/**
 * The classic zip format counts entries in 16 bits: a 65,536th file would wrap the count to 0
 * and give an archive LMSs read as empty or broken. coursekit refuses instead, clearly.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { checkModules } from '../../src/pipeline/check.js';
import { packageModule } from '../../src/package/index.js';
import type { FileMap } from '../../src/model/files.js';
import { readZip, writeZip, ZipLimitError, type ZipEntry } from '../../src/package/zip.js';
import { copyProject } from '../helpers/projects.js';

/** Stored (uncompressed) one-byte entries: cheap to make in the tens of thousands. */
function storedEntries(count: number): ZipEntry[] {
  return Array.from({ length: count }, (_, i) => {
    const data = new Uint8Array([i & 0xff]);
    return { name: `media/${i}.txt`, crc: crc32(data) >>> 0, size: 1, method: 0, data };
  });
}

describe('the zip writer', () => {
  it('writes 65,535 files, the most a classic zip holds, and every one reads back', () => {
    expect(readZip(writeZip(storedEntries(65_535))).size).toBe(65_535);
  });

  it('refuses a 65,536th file instead of writing a zip whose file count wraps to 0', () => {
    expect(() => writeZip(storedEntries(65_536))).toThrow(ZipLimitError);
    expect(() => writeZip(storedEntries(65_536))).toThrow('65536 entries; a zip file holds at most 65535');
  });
});

describe('packaging a module with too many files', () => {
  it('reports it as a diagnostic naming the package and writes no zip', async () => {
    const project = await copyProject('tiny');
    const outDir = await mkdtemp(path.join(os.tmpdir(), 'coursekit-zip-limits-'));
    try {
      const checked = await checkModules({ cwd: project, modulesDir: path.join(project, 'modules') });
      const module = checked.modules[0]!;
      const tree: FileMap = new Map(Array.from({ length: 65_536 }, (_, i) => [`media/${i}.txt`, new Uint8Array(1)]));
      const result = await packageModule(module, tree, { targets: ['web'], outDir });
      expect(result.packages).toEqual([]);
      expect(result.diagnostics).toEqual([
        expect.objectContaining({
          code: 'package-too-large',
          severity: 'error',
          file: 'tiny-course-web.zip',
          message: 'tiny-course-web.zip cannot be written: it would hold 65,537 files; a zip file holds at most 65,535.',
        }),
      ]);
      expect(existsSync(path.join(outDir, 'tiny-course-web.zip'))).toBe(false);
    } finally {
      await rm(project, { recursive: true, force: true });
      await rm(outDir, { recursive: true, force: true });
    }
  });
});
