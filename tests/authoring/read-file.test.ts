/** Reading untrusted files (src/fs-read.ts): regular files only, within a size, within a folder. */
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, realpath, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readBoundedFile } from '../../src/fs-read.js';

let dir: string;
beforeAll(async () => {
  dir = await realpath(await mkdtemp(path.join(os.tmpdir(), 'coursekit-read-')));
  await mkdir(path.join(dir, 'module'));
  await writeFile(path.join(dir, 'module', 'lesson.json'), '{"id": "a"}');
  await writeFile(path.join(dir, 'outside.json'), '{"secret": true}');
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('reading an untrusted file', () => {
  it('reads a regular file inside the folder', () => {
    const read = readBoundedFile(path.join(dir, 'module', 'lesson.json'), { maxBytes: 100, within: path.join(dir, 'module') });
    expect(read.ok && read.bytes.toString()).toBe('{"id": "a"}');
  });

  it('does not read a file that a link inside the folder leads out to', async () => {
    await symlink(path.join(dir, 'outside.json'), path.join(dir, 'module', 'linked.json'));
    expect(readBoundedFile(path.join(dir, 'module', 'linked.json'), { maxBytes: 100, within: path.join(dir, 'module') })).toEqual({
      ok: false,
      kind: 'outside',
    });
  });

  it('stops at the limit on a file that says it is empty but is not (/proc)', () => {
    // /proc files report a size of 0; reading them whole would trust that.
    expect(readBoundedFile('/proc/self/status', { maxBytes: 64 })).toEqual({ ok: false, kind: 'too-large', bytes: undefined });
    const whole = readBoundedFile('/proc/self/status', { maxBytes: 1024 * 1024 });
    expect(whole.ok && whole.bytes.toString()).toContain('Name:');
  });

  it('refuses a device and a named pipe without waiting on them', () => {
    expect(readBoundedFile('/dev/zero', { maxBytes: 1024 })).toEqual({ ok: false, kind: 'not-a-file', what: 'a device' });
    const fifo = path.join(dir, 'pipe.json');
    execFileSync('mkfifo', [fifo]);
    expect(readBoundedFile(fifo, { maxBytes: 1024 })).toEqual({ ok: false, kind: 'not-a-file', what: 'a named pipe (FIFO)' });
  });

  it('refuses a file over the limit before reading it', async () => {
    await writeFile(path.join(dir, 'big.json'), 'x'.repeat(5000));
    expect(readBoundedFile(path.join(dir, 'big.json'), { maxBytes: 4096 })).toEqual({ ok: false, kind: 'too-large', bytes: 5000 });
  });
});
