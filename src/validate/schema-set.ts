/**
 * The content schemas as ajv validators, compiled once per process (compiling is the slow part,
 * validating is fast), and what the messages need to read back from them: the fields an object
 * allows, their descriptions, the type names of a discriminated union. A build of valid content
 * uses the validators `npm run compile` generated and never compiles a schema.
 */
import { createRequire } from 'node:module';
import type { Ajv2020, ValidateFunction } from 'ajv/dist/2020.js';
import { schemasDir } from '../paths.js';
import type { ContentKind } from './place.js';
import { readSchemaText, SCHEMA_BASE, schemaFileNames, schemasHash, VERDICT_OPTIONS } from './schema-source.js';

export type SchemaObject = Record<string, unknown>;

export interface SchemaSet {
  ajv: Ajv2020;
  validators: Record<ContentKind, ValidateFunction>;
  byId: Map<string, SchemaObject>;
  /** Each pattern in the schemas, by the name of the definition or property that declares it. */
  patternKinds: Map<string, string>;
}

let schemaSet: SchemaSet | undefined;
let precompiled: PrecompiledValidators | null | undefined;
const require = createRequire(import.meta.url);

type PassFail = (data: unknown) => boolean;
type PrecompiledValidators = Record<ContentKind, PassFail>;

/**
 * The validators `npm run compile` generated from these very schemas
 * (scripts/precompile-schemas.mjs), or null: when running from the TypeScript sources, or when
 * a schema changed since. They only say pass or fail; a file that fails is validated again by
 * the compiled set below, whose errors are the ones translated for the author.
 */
export function getPrecompiled(): PrecompiledValidators | null {
  if (precompiled !== undefined) return precompiled;
  precompiled = null;
  try {
    const generated = require('./schema-validators.cjs') as PrecompiledValidators & { schemasHash: string };
    if (generated.schemasHash === schemasHash()) precompiled = generated;
  } catch {
    // Not generated: compile at run time.
  }
  return precompiled;
}

/**
 * Forgets the compiled schemas and the generated validators' verdict on them, so the next
 * validation reads the schemas again (the preview calls it when a schema file changes).
 */
export function forgetCompiledSchemas(): void {
  schemaSet = undefined;
  precompiled = undefined;
}

/** Compiled once per process: compiling is the slow part, validating is fast. */
export function getSchemaSet(): SchemaSet {
  if (schemaSet) return schemaSet;
  // Loaded only when needed: a build of valid content never compiles a schema.
  const { Ajv2020: Ajv } = require('ajv/dist/2020.js') as typeof import('ajv/dist/2020.js');
  // Without ajv's code optimizer, compiling is about a quarter faster and validating as fast:
  // compiling is most of what a single `coursekit validate` spends (bench/validate.mjs).
  const ajv = new Ajv({ ...VERDICT_OPTIONS, allErrors: true, verbose: true, code: { optimize: false } });
  const byId = new Map<string, SchemaObject>();
  for (const name of schemaFileNames()) {
    const schema = JSON.parse(readSchemaText(name)) as SchemaObject;
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
    patternKinds: collectPatternKinds([...byId.values()]),
    validators: {
      module: compile('module'),
      lesson: compile('lesson'),
      'question-bank': compile('question-bank'),
      glossary: compile('glossary'),
    },
  };
  return schemaSet;
}

/** `slug` for `$defs.slug.pattern`, `version` for `properties.version.pattern`. */
function collectPatternKinds(schemas: SchemaObject[]): Map<string, string> {
  const kinds = new Map<string, string>();
  const visit = (node: unknown, name: string | undefined) => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) {
      for (const item of node) visit(item, undefined);
      return;
    }
    const object = node as SchemaObject;
    if (typeof object.pattern === 'string' && name && !kinds.has(object.pattern)) kinds.set(object.pattern, name);
    for (const [key, value] of Object.entries(object)) {
      if ((key === '$defs' || key === 'properties') && value && typeof value === 'object') {
        for (const [child, schema] of Object.entries(value as SchemaObject)) visit(schema, child);
      } else if (key !== 'pattern') {
        visit(value, undefined);
      }
    }
  };
  for (const schema of schemas) visit(schema, undefined);
  return kinds;
}

export function resolveRef(set: SchemaSet, schema: SchemaObject): SchemaObject {
  let current = schema;
  for (let depth = 0; depth < 5 && typeof current.$ref === 'string'; depth++) {
    const resolved = set.ajv.getSchema(resolveRefUri(current.$ref))?.schema;
    if (!resolved || typeof resolved !== 'object') break;
    current = resolved as SchemaObject;
  }
  return current;
}

function resolveRefUri(ref: string): string {
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

export function allowedProperties(set: SchemaSet, parentSchema: SchemaObject): string[] {
  return Object.keys(schemaProperties(set, parentSchema)).filter((k) => k !== '$schema');
}

export function describeProperty(set: SchemaSet, parentSchema: SchemaObject, name: string): string | undefined {
  const property = schemaProperties(set, parentSchema)[name];
  if (!property) return undefined;
  if (typeof property.description === 'string') return firstSentence(property.description);
  const target = resolveRef(set, property);
  if (typeof target.description === 'string') return firstSentence(target.description);
  return undefined;
}

export function discriminatorValues(set: SchemaSet, parentSchema: SchemaObject): string[] {
  const branches = (parentSchema.oneOf ?? []) as SchemaObject[];
  return branches
    .map((b) => resolveLocalRef(set, b))
    .map((b) => ((b.properties as Record<string, SchemaObject> | undefined)?.type?.const as string | undefined) ?? '')
    .filter(Boolean);
}

export function isRequired(set: SchemaSet, schema: SchemaObject, name: string): boolean {
  if (Array.isArray(schema.required) && schema.required.includes(name)) return true;
  return ((schema.allOf ?? []) as SchemaObject[]).some((s) => isRequired(set, resolveLocalRef(set, s), name));
}

/** The first sentence of a schema description; "e.g." and "i.e." do not end a sentence. */
export function firstSentence(text: string): string {
  const match = /^(.+?(?<!\be\.g|\bi\.e)[.!?])(\s|$)/.exec(text);
  return match ? match[1]! : text;
}
