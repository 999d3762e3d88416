/** docs/diagnostics.md is generated from the catalog; it must be current (CI runs the same check). */
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { catalog } from '../../src/diagnostics/catalog.js';
import { repoRoot } from '../helpers/projects.js';

describe('the diagnostic catalog', () => {
  it('is documented in docs/diagnostics.md, which is current', async () => {
    await expect(
      promisify(execFile)(process.execPath, [path.join(repoRoot, 'scripts/generate-docs.mjs'), '--check']),
    ).resolves.toBeDefined();
    const doc = await readFile(path.join(repoRoot, 'docs/diagnostics.md'), 'utf8');
    for (const code of Object.keys(catalog)) expect(doc).toContain(`### ${code}\n`);
  });

  it('has codes in lowercase words with hyphens, and a hint for each', () => {
    for (const [code, entry] of Object.entries(catalog)) {
      expect(code).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(entry.hint.length, code).toBeGreaterThan(20);
      expect(entry.title[0], code).toMatch(/[A-Z]/);
    }
  });
});
