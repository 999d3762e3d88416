/** Plays built SCORM packages under the scorm-again LMS host, served on 127.0.0.1. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { FileMap } from '../../src/model/files.js';
import { readZip } from '../../src/package/zip.js';
import { startPackageServer, type RunningServer } from '../../src/preview/package-server.js';

/** Serves every zip in a packages folder under its name without .zip. */
export async function servePackages(packagesDir: string): Promise<RunningServer> {
  const cache = new Map<string, FileMap>();
  return startPackageServer({
    async getPackage(name) {
      if (!/^[\w-]+$/.test(name)) return undefined;
      let files = cache.get(name);
      if (!files) {
        try {
          files = readZip(await readFile(path.join(packagesDir, `${name}.zip`)));
        } catch {
          return undefined;
        }
        cache.set(name, files);
      }
      return files;
    },
  });
}
