/**
 * No LMS: progress stays in this browser's localStorage, keyed by module id and version.
 * Where storage is unavailable (some file:// and private modes) it lives only in memory.
 */
import { newSeed } from '../seed.js';
import type { LaunchData, Tracker } from './tracker.js';

export class LocalTracker implements Tracker {
  kind: 'local' | 'memory' = 'local';
  readonly version = undefined;
  readonly limit = Infinity;
  private location = '';
  private data = '';
  learner = '';

  constructor(private readonly key: string) {}

  start(): LaunchData {
    const launch: LaunchData = { location: '', suspendData: '', review: false, passed: false, score: undefined };
    this.learner = newLearnerId();
    let stored: string | null;
    try {
      stored = localStorage.getItem(this.key);
    } catch {
      this.kind = 'memory';
      return launch;
    }
    if (stored === null) return launch;
    const saved = parseSaved(stored);
    if (!saved) {
      // Another script, an older version or a hand edit wrote something else: keep a copy of
      // it, start clean, and tell the learner (once: the next save replaces it).
      try {
        localStorage.setItem(`${this.key}:unreadable`, stored);
      } catch {
        // No room for the copy: starting clean still beats a course that cannot load.
      }
      return { ...launch, unreadable: true };
    }
    this.location = saved.location;
    this.data = saved.data;
    if (saved.learner) this.learner = saved.learner;
    return { ...launch, location: saved.location, suspendData: saved.data };
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
      localStorage.setItem(this.key, JSON.stringify({ location: this.location, data: this.data, learner: this.learner }));
    } catch {
      this.kind = 'memory';
    }
    return true;
  }

  finish(): void {
    this.commit();
  }
}

/** What this tracker stores, or undefined when the stored text is anything else. */
function parseSaved(text: string): { location: string; data: string; learner: string | undefined } | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const { location = '', data = '', learner } = value as Record<string, unknown>;
  if (typeof location !== 'string' || typeof data !== 'string') return undefined;
  return { location, data, learner: typeof learner === 'string' && /^[0-9a-z]{8,32}$/.test(learner) ? learner : undefined };
}

/** 16 random base-36 characters. */
function newLearnerId(): string {
  const seeds = [newSeed(), newSeed(), newSeed()];
  return seeds
    .map((n) => n.toString(36).padStart(6, '0'))
    .join('')
    .slice(0, 16);
}

export function storageKey(moduleId: string, version: string): string {
  return `coursekit:${moduleId}:${version}`;
}
