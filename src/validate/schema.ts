/**
 * Schema validation (JSON Schema 2020-12, all errors): each content file against its schema,
 * with ajv's errors turned into diagnostics an author can act on (schema-messages.ts).
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { JsonFile } from '../model/json-file.js';
import type { ContentKind } from './place.js';
import { collapseErrors, translateError } from './schema-messages.js';
import { getPrecompiled, getSchemaSet } from './schema-set.js';

export { forgetCompiledSchemas } from './schema-set.js';

export function validateAgainstSchema(kind: ContentKind, file: JsonFile): Diagnostic[] {
  if (getPrecompiled()?.[kind](file.data)) return [];
  const set = getSchemaSet();
  const validate = set.validators[kind];
  if (validate(file.data)) return [];
  const errors = collapseErrors(validate.errors ?? []);
  return errors.map((error) => translateError(set, kind, file, error));
}
