/**
 * No LMS: progress stays in this browser's localStorage, keyed by module id and version.
 * Where storage is unavailable (some file:// and private modes) it lives only in memory.
 */
import type { LaunchData, Tracker } from './tracker.js';

export class LocalTracker implements Tracker {
  kind: 'local' | 'memory' = 'local';
  readonly version = undefined;
  readonly limit = Infinity;
  private location = '';
  private data = '';

  constructor(private readonly key: string) {}

  start(): LaunchData {
    try {
      const saved = JSON.parse(localStorage.getItem(this.key) ?? '{}') as { location?: string; data?: string };
      this.location = saved.location ?? '';
      this.data = saved.data ?? '';
    } catch {
      this.kind = 'memory';
    }
    return { location: this.location, suspendData: this.data, review: false, passed: false, score: undefined };
  }

  setProgress(location: string, suspendData: string): void {
    this.location = location;
    this.data = suspendData;
  }

  setResult(): void {}
  setExit(): void {}
  setSessionTime(): void {}
  addInteraction(): void {}

  commit(): boolean {
    if (this.kind === 'memory') return true;
    try {
      localStorage.setItem(this.key, JSON.stringify({ location: this.location, data: this.data }));
    } catch {
      this.kind = 'memory';
    }
    return true;
  }

  finish(): void {
    this.commit();
  }
}

export function storageKey(moduleId: string, version: string): string {
  return `coursekit:${moduleId}:${version}`;
}
