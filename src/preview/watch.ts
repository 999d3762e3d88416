/**
 * Watching the folders the preview is built from. Editors save in two ways: writing the file
 * in place, or writing a new file and renaming it over the old one (vim, JetBrains, gedit,
 * `sed -i`). A watch on a file follows its inode and goes deaf after the first such save (as
 * Node's recursive fs.watch does on Linux), so this watches folders, with @parcel/watcher
 * (inotify, FSEvents, ReadDirectoryChangesW): every create, update and delete under a folder
 * is reported, in batches, and the last event of a burst is never dropped.
 */
import { statSync } from 'node:fs';
import type { AsyncSubscription, Event } from '@parcel/watcher';

export interface FolderWatcher {
  close(): Promise<void>;
}

export interface WatchHandlers {
  /** Paths created, changed or deleted under the folder. */
  onChange(paths: string[]): void;
  /**
   * The watch was set up again and changes may have gone unseen meanwhile: everything under
   * the folder must be read again.
   */
  onRewatch(): void;
  onError(error: Error): void;
}

/**
 * Editors' own files: swap and backup files, and their temporary saves before the rename
 * (dot files, `name~`, JetBrains' `___jb_tmp___`, the `4913` file vim writes to test that a
 * folder is writable). The rename itself is what is reported.
 */
const IGNORED = ['**/.*', '**/*~', '**/*___jb_*___', '**/4913'];

export async function watchFolder(folder: string, handlers: WatchHandlers): Promise<FolderWatcher> {
  const { subscribe } = await import('@parcel/watcher');
  let subscription: AsyncSubscription | undefined;
  let closed = false;

  const listener = (error: Error | null, events: Event[]) => {
    if (error) return handlers.onError(error);
    if (events.length > 0) handlers.onChange(events.map((e) => e.path));
    // On Linux a folder created together with its subfolders (`mkdir -p`, `coursekit new
    // module`, a folder moved in) is watched, but not the subfolders made before its watch
    // was: watch the whole tree again.
    if (events.some((e) => e.type === 'create' && isFolder(e.path))) rewatch();
  };

  // One at a time: two batches may each create a folder.
  let rewatching = Promise.resolve();
  const rewatch = () => {
    rewatching = rewatching.then(async () => {
      try {
        await subscription?.unsubscribe();
        subscription = undefined;
        if (closed) return;
        subscription = await subscribe(folder, listener, { ignore: IGNORED });
        handlers.onRewatch();
      } catch (error) {
        handlers.onError(error as Error);
      }
    });
  };

  subscription = await subscribe(folder, listener, { ignore: IGNORED });
  return {
    async close() {
      closed = true;
      await rewatching;
      await subscription?.unsubscribe();
    },
  };
}

function isFolder(file: string): boolean {
  try {
    return statSync(file).isDirectory();
  } catch {
    return false;
  }
}
