/**
 * Schema validation with ajv (JSON Schema 2020-12, all errors), and the translation of ajv's
 * errors into diagnostics an author can act on: where (lesson, block, question), what is
 * expected (from the schema's own descriptions), and a hint.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import { diagnosticAt } from '../diagnostics/create.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { JsonFile } from '../load/json-file.js';
import { pointerToSegments, segmentsToPointer, valueAt } from '../load/json-pointer.js';
import { schemasDir } from '../paths.js';

export type ContentKind = 'module' | 'lesson' | 'question-bank' | 'glossary';

const SCHEMA_BASE = 'https://coursekit.dev/schemas/';

type SchemaObject = Record<string, unknown>;

interface SchemaSet {
  ajv: Ajv2020;
  validators: Record<ContentKind, ValidateFunction>;
  byId: Map<string, SchemaObject>;
}

let schemaSet: SchemaSet | undefined;

/** Compiled once per process: compiling is the slow part, validating is fast. */
function getSchemaSet(): SchemaSet {
  if (schemaSet) return schemaSet;
  const ajv = new Ajv2020({ allErrors: true, discriminator: true, strict: true, strictRequired: false, verbose: true });
  const byId = new Map<string, SchemaObject>();
  for (const name of readdirSync(schemasDir).filter((n) => n.endsWith('.schema.json')).sort()) {
    const schema = JSON.parse(readFileSync(path.join(schemasDir, name), 'utf8')) as SchemaObject;
    byId.set(String(schema.$id), schema);
    ajv.addSchema(schema);
  }
  const compile = (kind: ContentKind) => {
    const validate = ajv.getSchema(`${SCHEMA_BASE}${kind}.schema.json`);
    if (!validate) throw new Error(`schema ${kind}.schema.json is missing from ${schemasDir}`);
    return validate;
  };
  schemaSet = {
    ajv,
    byId,
    validators: { module: compile('module'), lesson: compile('lesson'), 'question-bank': compile('question-bank'), glossary: compile('glossary') },
  };
  return schemaSet;
}

export function validateAgainstSchema(kind: ContentKind, file: JsonFile): Diagnostic[] {
  const set = getSchemaSet();
  const validate = set.validators[kind];
  if (validate(file.data)) return [];
  const errors = collapseErrors(validate.errors ?? []);
  return errors.map((error) => translateError(set, kind, file, error));
}

/** ajv can report the same problem twice (e.g. through allOf); keep one per place and kind. */
function collapseErrors(errors: ErrorObject[]): ErrorObject[] {
  const seen = new Set<string>();
  const kept: ErrorObject[] = [];
  for (const e of errors) {
    const key = `${e.instancePath}|${e.keyword}|${JSON.stringify(e.params)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    kept.push(e);
  }
  // A failed `if`/`oneOf` wrapper adds nothing once its inner errors are there.
  return kept.filter((e) => !(e.keyword === 'if' || (e.keyword === 'oneOf' && kept.length > 1)));
}

function translateError(set: SchemaSet, kind: ContentKind, file: JsonFile, error: ErrorObject): Diagnostic {
  const pointer = error.instancePath;
  const where = describePlace(kind, file.data, pointer);
  const field = where.field ? `\`${where.field}\`` : 'the value';
  const parentSchema = (error.parentSchema ?? {}) as SchemaObject;
  const ownSchema = resolveRef(set, (error.schema && typeof error.schema === 'object' ? error.schema : parentSchema) as SchemaObject);
  const at = (message: string, code: Parameters<typeof diagnosticAt>[0], extra: { hint?: string; atKey?: boolean; pointer?: string } = {}) =>
    diagnosticAt(code, file, extra.pointer ?? pointer, `${where.label}: ${message}`, extra);

  switch (error.keyword) {
    case 'required': {
      const missing = String(error.params.missingProperty);
      const fieldPath = where.field ? `${where.field}.${missing}` : missing;
      const description = describeProperty(set, parentSchema, missing);
      return at(`${where.noun} needs \`${fieldPath}\`${description ? ` (${lowerFirst(stripPeriod(description))})` : ''}.`, 'schema-required');
    }
    case 'additionalProperties':
    case 'unevaluatedProperties': {
      const unknown = String(error.params.additionalProperty ?? error.params.unevaluatedProperty);
      const allowed = allowedProperties(set, parentSchema);
      const suggestion = closest(unknown, allowed);
      const unknownPointer = segmentsToPointer([...pointerToSegments(pointer), unknown]);
      return at(`${where.noun} has an unknown field \`${unknown}\`.`, 'schema-unknown-property', {
        pointer: unknownPointer,
        atKey: true,
        hint: suggestion
          ? `Did you mean \`${suggestion}\`? Fields are case-sensitive.`
          : `Allowed fields here: ${allowed.map((a) => `\`${a}\``).join(', ')}.`,
      });
    }
    case 'type': {
      const expected = describeType(String(error.params.type));
      return at(`${field} must be ${expected}, but it is ${describeValue(error.data)}.`, 'schema-type');
    }
    case 'enum': {
      const values = (error.params.allowedValues as unknown[]).map((v) => JSON.stringify(v));
      return at(`${field} must be one of ${values.join(', ')}, but it is ${JSON.stringify(error.data)}.`, 'schema-enum', {
        hint: suggestFromList(error.data, error.params.allowedValues as unknown[]),
      });
    }
    case 'const':
      return at(`${field} must be ${JSON.stringify(error.params.allowedValue)}.`, 'schema-enum');
    case 'discriminator': {
      const tags = discriminatorValues(set, parentSchema);
      const tagPointer = segmentsToPointer([...pointerToSegments(pointer), 'type']);
      if (error.params.error === 'tag' && valueAt(file.data, tagPointer) === undefined) {
        return at(`${where.noun} needs a \`type\`: one of ${tags.map((t) => `"${t}"`).join(', ')}.`, 'schema-required');
      }
      const value = valueAt(file.data, tagPointer);
      return at(
        `${JSON.stringify(value)} is not a known ${where.typeNoun} type; use one of ${tags.map((t) => `"${t}"`).join(', ')}.`,
        'schema-unknown-type',
        { pointer: tagPointer, hint: suggestFromList(value, tags) },
      );
    }
    case 'pattern': {
      const description = typeof ownSchema.description === 'string' ? ownSchema.description : undefined;
      return at(`${field} ${JSON.stringify(error.data)} has the wrong form${description ? `: ${lowerFirst(stripPeriod(firstSentence(description)))}` : ''}.`, 'schema-pattern');
    }
    case 'minLength':
      return error.params.limit === 1
        ? at(`${field} is empty.`, 'schema-length', { hint: 'Write the text, or remove the field if it is optional.' })
        : at(`${field} must be at least ${String(error.params.limit)} characters long.`, 'schema-length');
    case 'maxLength':
      return at(`${field} is ${(error.data as string).length} characters long; the most allowed is ${String(error.params.limit)}.`, 'schema-length');
    case 'minItems':
      return at(`${field} must have at least ${plural(Number(error.params.limit), 'entry', 'entries')}, but it has ${(error.data as unknown[]).length}.`, 'schema-length');
    case 'maxItems':
      return at(`${field} may have at most ${plural(Number(error.params.limit), 'entry', 'entries')}, but it has ${(error.data as unknown[]).length}.`, 'schema-length');
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum': {
      const range = describeRange(ownSchema.minimum ?? parentSchema.minimum, ownSchema.maximum ?? parentSchema.maximum);
      return at(`${field} is ${String(error.data)}, but it must be ${range}.`, 'schema-range');
    }
    case 'uniqueItems': {
      const i = Number(error.params.i);
      const j = Number(error.params.j);
      return at(`${field} lists ${JSON.stringify((error.data as unknown[])[i])} twice (entries ${j + 1} and ${i + 1}).`, 'schema-duplicate-items', {
        pointer: segmentsToPointer([...pointerToSegments(pointer), i]),
      });
    }
    default:
      return at(`${field} ${error.message ?? 'does not match the schema'}.`, 'schema-invalid');
  }
}

interface Place {
  /** "lesson `01-intro` block 3 (quote)" */
  label: string;
  /** How the message refers to the thing: "a quote block", "the question". */
  noun: string;
  /** The dotted field path below the thing, e.g. `citation.paragraph`. */
  field: string;
  typeNoun: string;
}

/** Names the place a pointer refers to the way an author thinks of it. */
export function describePlace(kind: ContentKind, data: unknown, pointer: string): Place {
  const segments = pointerToSegments(pointer);
  const fileLabel = describeFile(kind, data);
  let label = fileLabel;
  let noun = kind === 'module' ? 'the module' : kind === 'lesson' ? 'the lesson' : kind === 'glossary' ? 'the glossary' : 'the question bank';
  let typeNoun = 'content';
  let fieldStart = 0;
  let current: unknown = data;
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i]!;
    const parentKey = segments[i - 1];
    const next = (current as Record<string, unknown> | undefined)?.[segment];
    const index = Number(segment);
    if (Number.isInteger(index) && parentKey !== undefined) {
      const item = next as Record<string, unknown> | undefined;
      const id = typeof item?.id === 'string' ? `\`${item.id}\`` : undefined;
      const type = typeof item?.type === 'string' ? item.type : undefined;
      const named = (what: string) => (id ? `${what} ${id}` : `${what} ${index + 1}`);
      let part: string | undefined;
      if (parentKey === 'blocks') {
        part = `block ${index + 1}${type ? ` (${type})` : ''}`;
        noun = type ? `a ${type} block` : 'the block';
        typeNoun = 'block';
      } else if (parentKey === 'questions') {
        part = named(kind === 'lesson' ? 'knowledge-check question' : 'question');
        noun = type ? `a ${type} question` : 'the question';
        typeNoun = 'question';
      } else if (parentKey === 'objectives') {
        part = named('objective');
        noun = 'an objective';
      } else if (parentKey === 'options') {
        part = named('option');
        noun = 'an option';
      } else if (parentKey === 'pairs') {
        part = named('pair');
        noun = 'a pair';
      } else if (parentKey === 'items' && typeof item === 'object') {
        part = named('item');
        noun = 'an item';
      } else if (parentKey === 'terms' && kind === 'glossary') {
        part = named('term');
        noun = 'a term';
      } else if (parentKey === 'draw') {
        part = `draw entry ${index + 1}`;
        noun = 'a draw entry';
      } else if (parentKey === 'sources') {
        part = `source ${index + 1}`;
        noun = 'a source';
      }
      if (part) {
        label = `${label} ${part}`;
        fieldStart = i + 1;
      }
    }
    current = next;
  }
  const fieldSegments = segments.slice(fieldStart);
  const field = fieldSegments.map((s, i) => (/^\d+$/.test(s) ? `[${s}]` : i === 0 ? s : `.${s}`)).join('').replace(/\.\[/g, '[');
  return { label, noun, field, typeNoun };
}

function describeFile(kind: ContentKind, data: unknown): string {
  const id = (data as { id?: unknown } | null)?.id;
  const shownId = typeof id === 'string' ? ` \`${id}\`` : '';
  switch (kind) {
    case 'module':
      return `module${shownId}`;
    case 'lesson':
      return `lesson${shownId}`;
    case 'glossary':
      return 'glossary';
    case 'question-bank':
      return 'question bank';
  }
}

function resolveRef(set: SchemaSet, schema: SchemaObject): SchemaObject {
  let current = schema;
  for (let depth = 0; depth < 5 && typeof current.$ref === 'string'; depth++) {
    const resolved = set.ajv.getSchema(resolveRefUri(current.$ref, current))?.schema;
    if (!resolved || typeof resolved !== 'object') break;
    current = resolved as SchemaObject;
  }
  return current;
}

function resolveRefUri(ref: string, _from: SchemaObject): string {
  if (ref.startsWith('#')) return ref;
  return ref.startsWith('http') ? ref : SCHEMA_BASE + ref;
}

/** Properties a schema object allows, including those it takes from allOf references. */
function schemaProperties(set: SchemaSet, schema: SchemaObject): Record<string, SchemaObject> {
  const own = (schema.properties ?? {}) as Record<string, SchemaObject>;
  const inherited = ((schema.allOf ?? []) as SchemaObject[]).map((s) => schemaProperties(set, resolveLocalRef(set, s)));
  return Object.assign({}, ...inherited, own);
}

/** `#/$defs/x` refs are relative to the schema they appear in; find them in any loaded schema. */
function resolveLocalRef(set: SchemaSet, schema: SchemaObject): SchemaObject {
  const ref = schema.$ref;
  if (typeof ref !== 'string') return schema;
  if (!ref.startsWith('#/')) return resolveRef(set, schema);
  const defName = ref.slice('#/$defs/'.length);
  for (const candidate of set.byId.values()) {
    const def = (candidate.$defs as Record<string, SchemaObject> | undefined)?.[defName];
    if (def) return def;
  }
  return schema;
}

function allowedProperties(set: SchemaSet, parentSchema: SchemaObject): string[] {
  return Object.keys(schemaProperties(set, parentSchema)).filter((k) => k !== '$schema');
}

function describeProperty(set: SchemaSet, parentSchema: SchemaObject, name: string): string | undefined {
  const property = schemaProperties(set, parentSchema)[name];
  if (!property) return undefined;
  if (typeof property.description === 'string') return firstSentence(property.description);
  const target = resolveRef(set, property);
  if (typeof target.description === 'string') return firstSentence(target.description);
  return undefined;
}

function discriminatorValues(set: SchemaSet, parentSchema: SchemaObject): string[] {
  const branches = (parentSchema.oneOf ?? []) as SchemaObject[];
  return branches
    .map((b) => resolveLocalRef(set, b))
    .map((b) => ((b.properties as Record<string, SchemaObject> | undefined)?.type?.const as string | undefined) ?? '')
    .filter(Boolean);
}

function describeType(type: string): string {
  const names: Record<string, string> = {
    string: 'text in double quotes',
    integer: 'a whole number',
    number: 'a number',
    boolean: 'true or false',
    array: 'a list in [ ]',
    object: 'an object in { }',
    null: 'null',
  };
  return type
    .split(',')
    .map((t) => names[t] ?? t)
    .join(' or ');
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return `text (${JSON.stringify(value.length > 40 ? value.slice(0, 37) + '…' : value)})`;
  if (typeof value === 'number') return Number.isInteger(value) ? `the number ${value}` : `the number ${value}`;
  if (typeof value === 'boolean') return String(value);
  return 'an object';
}

function describeRange(min: unknown, max: unknown): string {
  if (typeof min === 'number' && typeof max === 'number') return `between ${min} and ${max}`;
  if (typeof min === 'number') return `at least ${min}`;
  if (typeof max === 'number') return `at most ${max}`;
  return 'within range';
}

function suggestFromList(value: unknown, allowed: readonly unknown[]): string | undefined {
  if (typeof value !== 'string') return undefined;
  const suggestion = closest(value, allowed.filter((a): a is string => typeof a === 'string'));
  return suggestion ? `Did you mean "${suggestion}"?` : undefined;
}

/** The allowed word closest to a misspelling, if it is close enough to be a likely typo. */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = editDistance(word.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(word.length / 3)) ? best : undefined;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length]!;
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

function firstSentence(text: string): string {
  const match = /^(.+?[.!?])(\s|$)/.exec(text);
  return match ? match[1]! : text;
}

function stripPeriod(text: string): string {
  return text.replace(/\.$/, '');
}

function lowerFirst(text: string): string {
  return /^[A-Z][a-z]/.test(text) ? text[0]!.toLowerCase() + text.slice(1) : text;
}
