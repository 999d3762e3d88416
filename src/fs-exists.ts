import { stat } from 'node:fs/promises';

/** Whether anything (file or folder) is at this path. */
export async function pathExists(p: string): Promise<boolean> {
  try {
    await stat(p);
    return true;
  } catch {
    return false;
  }
}
