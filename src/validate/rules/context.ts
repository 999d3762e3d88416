/**
 * What every rule module gets: the loaded files, the module's own data (module.json), one way
 * to report a problem at a place, and the module's path resolver. Each message starts with the
 * place, named as schema messages name it (place.ts).
 */
import type { DiagnosticCode } from '../../diagnostics/catalog.js';
import { diagnosticAt } from '../../diagnostics/create.js';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import type { LoadedModule } from '../../load/index.js';
import type { Module, UnitKind } from '../../model/course.js';
import type { JsonFile } from '../../model/json-file.js';
import { describePlace, type ContentKind } from '../place.js';
import type { BrokenContent } from './broken.js';
import { createMediaResolver, type MediaResolver } from './media-paths.js';

/** A place in a content file: the file and a JSON pointer into its data. */
export interface At {
  file: JsonFile;
  pointer: string;
}

/** A value with the place it was written. */
export interface Located<T> extends At {
  value: T;
}

export type Report = (code: DiagnosticCode, at: At, message: string, options?: { hint?: string | undefined; atKey?: boolean }) => void;

export interface RuleContext {
  loaded: LoadedModule;
  /** module.json: read only the parts `broken.moduleTrusts` vouches for. */
  meta: Module;
  /** Files and parts of module.json that failed before the rules: skipped, and never reported again. */
  broken: BrokenContent;
  /** Which kind of content file each file is, for naming places. */
  kinds: Map<JsonFile, ContentKind>;
  report: Report;
  /** A place in module.json. */
  moduleAt(pointer: string): At;
  /** Resolves paths inside the module folder (media, source documents, the logo). */
  paths: MediaResolver;
  /** Everything reported so far. */
  diagnostics: Diagnostic[];
}

export function createRuleContext(loaded: LoadedModule, broken: BrokenContent): RuleContext {
  const diagnostics: Diagnostic[] = [];
  const kinds = new Map<JsonFile, ContentKind>([[loaded.moduleFile, 'module']]);
  for (const f of loaded.lessonFiles) kinds.set(f, 'lesson');
  for (const f of loaded.questionFiles) kinds.set(f, 'question-bank');
  if (loaded.glossaryFile) kinds.set(loaded.glossaryFile, 'glossary');
  const report: Report = (code, at, message, options = {}) => {
    if (broken.hides(at.file, at.pointer)) return;
    const place = describePlace(kinds.get(at.file) ?? 'module', at.file.data, at.pointer).label;
    diagnostics.push(
      diagnosticAt(code, at.file, at.pointer, `${place}: ${message}`, {
        ...(options.hint === undefined ? {} : { hint: options.hint }),
        ...(options.atKey === undefined ? {} : { atKey: options.atKey }),
      }),
    );
  };
  return {
    loaded,
    // Not even an object when module.json breaks its schema at the top: then no part is trusted.
    meta: (isObject(loaded.moduleFile.data) ? loaded.moduleFile.data : {}) as Module,
    broken,
    kinds,
    report,
    moduleAt: (pointer) => ({ file: loaded.moduleFile, pointer }),
    paths: createMediaResolver(loaded.folder),
    diagnostics,
  };
}

function isObject(value: unknown): value is object {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** "74, 75, 76, 77" → "74 to 77"; other lists as they are, in order ("13, 14(1), 14(2)"). */
export function describeNumbers(ids: readonly string[]): string {
  const sorted = [...ids].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  const numbers = sorted.map(Number);
  const consecutive = sorted.length > 2 && numbers.every((n, i) => Number.isInteger(n) && (i === 0 || n === numbers[i - 1]! + 1));
  return consecutive ? `${sorted[0]} to ${sorted.at(-1)}` : sorted.join(', ');
}

/** A part's number as JSON: 74, or "14(1)". */
export function unitValue(id: string): string {
  return /^[1-9]\d*$/.test(id) ? id : JSON.stringify(id);
}

/** A citation as the author writes it: { "document": "UDHR", "article": "14(1)" }. */
export function citationJson(document: string, kind: UnitKind, id: string): string {
  return `{ "document": ${JSON.stringify(document)}, "${kind}": ${unitValue(id)} }`;
}

export function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
