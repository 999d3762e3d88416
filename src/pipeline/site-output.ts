/**
 * Writes the rendered site and compresses its pages for the packages on a second thread, while
 * Eleventy goes on rendering on this one. Each page reaches the worker as soon as it is
 * rendered (templates/pages.njk hands it over); the worker writes it into the site folder and
 * compresses it with the same fflate deflate and options as the main thread, so the zips are
 * byte-identical whichever thread compressed a file. Once rendering is done, the main thread
 * writes the rest, and anything the worker did not deliver exactly as Eleventy finally output
 * it is written again here, or compressed when its zip is written.
 */
import { crc32 } from 'node:zlib';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { DEFLATE_OPTIONS, type Deflated } from '../package/zip.js';
import { siteFileList, writeSite, type RenderResult } from '../render/site-files.js';

export interface SiteOutput {
  /** A page Eleventy rendered, by its path in the site folder. */
  addPage(file: string, content: string): void;
  /**
   * Waits for the worker, then writes every file of `rendered` it did not write exactly so.
   * Returns the compressed pages by their path in the site folder. Later calls return the same.
   */
  finish(rendered: RenderResult): Promise<Map<string, Deflated>>;
  /** Stops the worker at once, whatever it still has queued (the build failed). */
  abandon(): Promise<void>;
}

interface WorkerReply extends Deflated {
  file: string;
  written: boolean;
}

// The worker is plain CommonJS given as text, so it runs the same whether coursekit runs from
// compiled lib/ or from the TypeScript sources under the tests; fflate's path is passed in.
const WORKER_SOURCE = `
const { mkdirSync, writeFileSync } = require('node:fs');
const path = require('node:path');
const { parentPort, workerData } = require('node:worker_threads');
const { crc32 } = require('node:zlib');
const { deflateSync } = require(workerData.fflate);
const encoder = new TextEncoder();
const folders = new Set();
parentPort.on('message', (message) => {
  if (message === 'finish') return parentPort.postMessage('done');
  const bytes = encoder.encode(message.content);
  let written = false;
  try {
    const target = path.join(workerData.siteDir, message.file);
    const folder = path.dirname(target);
    if (!folders.has(folder)) mkdirSync(folder, { recursive: true });
    folders.add(folder);
    writeFileSync(target, bytes);
    written = true;
  } catch {
    // The main thread writes it again, and reports what goes wrong.
  }
  const deflated = deflateSync(bytes, workerData.options);
  parentPort.postMessage({ file: message.file, written, crc: crc32(bytes) >>> 0, size: bytes.length, deflated }, [deflated.buffer]);
});
`;

/** `isPackaged` says which pages go into a package: only those are handed to the worker. */
export function startSiteOutput(siteDir: string, isPackaged: (file: string) => boolean): SiteOutput {
  const delivered = new Map<string, WorkerReply>();
  // On one core a second thread would only take turns with this one.
  const started = availableParallelism() >= 2 ? startWorker(siteDir, (reply) => delivered.set(reply.file, reply)) : undefined;
  const worker = started?.worker;
  const workerDone = started?.done ?? Promise.resolve();
  let finished: Promise<Map<string, Deflated>> | undefined;

  const stopWorker = async () => {
    worker?.postMessage('finish');
    await workerDone;
    await worker?.terminate();
  };

  return {
    addPage(file, content) {
      if (worker && !finished && isPackaged(file)) worker.postMessage({ file, content });
    },
    finish(rendered) {
      finished ??= (async () => {
        await stopWorker();
        const deflated = new Map<string, Deflated>();
        const done = new Set<string>();
        for (const [file, bytes] of siteFileList(rendered)) {
          const reply = delivered.get(file);
          // What the worker was handed must be exactly the page Eleventy produced.
          if (!reply || reply.size !== bytes.length || reply.crc !== crc32(bytes) >>> 0) continue;
          deflated.set(file, reply);
          if (reply.written) done.add(file);
        }
        writeSite(siteDir, rendered, (file) => done.has(file));
        return deflated;
      })();
      return finished;
    },
    async abandon() {
      finished ??= Promise.resolve(worker?.terminate()).then(() => new Map());
      await finished;
    },
  };
}

function startWorker(siteDir: string, onReply: (reply: WorkerReply) => void): { worker: Worker; done: Promise<void> } | undefined {
  try {
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { fflate: createRequire(import.meta.url).resolve('fflate'), options: DEFLATE_OPTIONS, siteDir },
    });
    const done = new Promise<void>((resolve) => {
      worker.on('message', (reply: WorkerReply | 'done') => (reply === 'done' ? resolve() : onReply(reply)));
      // A worker that cannot start or dies costs time, never a file: see finish().
      worker.on('error', () => resolve());
      worker.on('exit', () => resolve());
    });
    return { worker, done };
  } catch {
    return undefined;
  }
}
