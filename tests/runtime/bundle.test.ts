/** The learner runtime bundle: within the size budget, and each package carries only its own LMS code. */
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { bundleRuntime } from '../../src/bundle/index.js';

const BUDGET_GZIPPED = 15 * 1024;

describe('runtime bundle', () => {
  it.each(['web', 'scorm12', 'scorm2004'] as const)('%s stays within 15 KB minified and gzipped', async (target) => {
    const code = await bundleRuntime(target);
    expect(gzipSync(code, { level: 9 }).length).toBeLessThanOrEqual(BUDGET_GZIPPED);
  });

  it('drops the other targets’ LMS adapters', async () => {
    const [web, scorm12, scorm2004] = await Promise.all([bundleRuntime('web'), bundleRuntime('scorm12'), bundleRuntime('scorm2004')]);
    expect(web).not.toMatch(/LMSInitialize|API_1484_11|Terminate/);
    expect(scorm12).toContain('LMSInitialize');
    expect(scorm12).not.toMatch(/API_1484_11|success_status/);
    expect(scorm2004).toContain('API_1484_11');
    expect(scorm2004).not.toMatch(/LMSInitialize|lesson_status/);
  });

  it('never uses blocking dialogs', async () => {
    for (const target of ['web', 'scorm12', 'scorm2004'] as const)
      expect(await bundleRuntime(target)).not.toMatch(/\b(alert|confirm|prompt)\(/);
  });
});
