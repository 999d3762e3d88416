/**
 * Schema validation (JSON Schema 2020-12, all errors): each content file against its schema,
 * with ajv's errors turned into diagnostics an author can act on (schema-messages.ts).
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { JsonFile } from '../model/json-file.js';
import type { ContentKind } from './place.js';
import { collapseErrors, translateError } from './schema-messages.js';
import { forgetCompiledSchemas as forgetSchemaSet, getPrecompiled, getSchemaSet } from './schema-set.js';

/**
 * Results by file object: a file the load stage hands over again unchanged (the preview's
 * file cache) is not checked again. Files are never modified after loading.
 */
let results = new WeakMap<JsonFile, Diagnostic[]>();

export function validateAgainstSchema(kind: ContentKind, file: JsonFile): Diagnostic[] {
  let diagnostics = results.get(file);
  if (!diagnostics) {
    diagnostics = check(kind, file);
    results.set(file, diagnostics);
  }
  return diagnostics;
}

/** After a schema changed: compile the schemas again and check every file again. */
export function forgetCompiledSchemas(): void {
  forgetSchemaSet();
  results = new WeakMap();
}

function check(kind: ContentKind, file: JsonFile): Diagnostic[] {
  if (getPrecompiled()?.[kind](file.data)) return [];
  const set = getSchemaSet();
  const validate = set.validators[kind];
  if (validate(file.data)) return [];
  const errors = collapseErrors(validate.errors ?? []);
  return errors.map((error) => translateError(set, kind, file, error));
}
