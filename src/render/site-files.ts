/**
 * The rendered site as files in memory, and writing it to disk. Apart from render/index.ts so
 * that writing a site does not load Eleventy.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { FileMap } from '../model/files.js';
import type { SiteModel } from './view-model.js';

export interface RenderResult {
  site: SiteModel;
  /** Each module folder's files (pages and assets), by module id: what its packages hold. */
  moduleFiles: Map<string, FileMap>;
  /** The files outside the module folders: the site index and the reports. */
  siteFiles: FileMap;
}

/** Every rendered file, by its path in the site folder. */
export function siteFileList(rendered: RenderResult): [string, Uint8Array][] {
  const files = [...rendered.siteFiles];
  for (const [id, moduleFiles] of rendered.moduleFiles) for (const [name, bytes] of moduleFiles) files.push([`${id}/${name}`, bytes]);
  return files;
}

/**
 * Writes the rendered site into `outDir`, leaving out the files `skip` names (already written).
 * Synchronous on purpose: a thousand small files are written several times faster this way.
 */
export function writeSite(outDir: string, rendered: RenderResult, skip?: (file: string) => boolean): void {
  const files = siteFileList(rendered).filter(([name]) => !skip?.(name));
  const folders = new Set(files.map(([name]) => path.dirname(path.join(outDir, name))));
  for (const folder of [...folders].sort()) mkdirSync(folder, { recursive: true });
  for (const [name, bytes] of files) writeFileSync(path.join(outDir, name), bytes);
}
