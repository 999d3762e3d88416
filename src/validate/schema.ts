/**
 * Schema validation (JSON Schema 2020-12, all errors): each content file against its schema,
 * with ajv's errors turned into diagnostics an author can act on (schema-messages.ts).
 */
import type { ErrorObject } from 'ajv/dist/2020.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { pointerToSegments, segmentsToPointer } from '../load/json-pointer.js';
import type { JsonFile } from '../model/json-file.js';
import type { ContentKind } from './place.js';
import { collapseErrors, translateError } from './schema-messages.js';
import { forgetCompiledSchemas as forgetSchemaSet, getPrecompiled, getSchemaSet } from './schema-set.js';

/**
 * Results by file object: a file the load stage hands over again unchanged (the preview's
 * file cache) is not checked again. Files are never modified after loading.
 */
let results = new WeakMap<JsonFile, SchemaCheck>();

export interface SchemaCheck {
  diagnostics: Diagnostic[];
  /**
   * Where the data breaks its schema, as JSON pointers (a missing field as its own pointer, so
   * a missing `description` leaves the rest of module.json usable). Empty when the file is valid.
   */
  broken: string[];
}

export function validateAgainstSchema(kind: ContentKind, file: JsonFile): SchemaCheck {
  let checked = results.get(file);
  if (!checked) {
    checked = check(kind, file);
    results.set(file, checked);
  }
  return checked;
}

/** After a schema changed: compile the schemas again and check every file again. */
export function forgetCompiledSchemas(): void {
  forgetSchemaSet();
  results = new WeakMap();
}

function check(kind: ContentKind, file: JsonFile): SchemaCheck {
  if (getPrecompiled()?.[kind](file.data)) return { diagnostics: [], broken: [] };
  const set = getSchemaSet();
  const validate = set.validators[kind];
  if (validate(file.data)) return { diagnostics: [], broken: [] };
  const raw = validate.errors ?? [];
  return {
    diagnostics: collapseErrors(raw).map((error) => translateError(set, kind, file, error)),
    broken: [...new Set(raw.map(brokenPointer))],
  };
}

/** A missing field and an unknown one are problems of that field, not of the whole object holding it. */
function brokenPointer(error: ErrorObject): string {
  const field =
    error.keyword === 'required'
      ? error.params.missingProperty
      : error.keyword === 'additionalProperties'
        ? error.params.additionalProperty
        : error.keyword === 'unevaluatedProperties'
          ? error.params.unevaluatedProperty
          : undefined;
  return field === undefined ? error.instancePath : segmentsToPointer([...pointerToSegments(error.instancePath), String(field)]);
}
