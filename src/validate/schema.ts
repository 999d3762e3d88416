/**
 * Schema validation with ajv (JSON Schema 2020-12, all errors), and the translation of ajv's
 * errors into diagnostics an author can act on: where (lesson, block, question), what is
 * expected (from the schema's own descriptions), and a hint.
 */
import { createRequire } from 'node:module';
import type { Ajv2020, ErrorObject, ValidateFunction } from 'ajv/dist/2020.js';
import type { DiagnosticCode } from '../diagnostics/catalog.js';
import { diagnosticAt } from '../diagnostics/create.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { JsonFile } from '../model/json-file.js';
import { pointerToSegments, segmentsToPointer, valueAt } from '../load/json-pointer.js';
import { schemasDir } from '../paths.js';
import { readSchemaText, SCHEMA_BASE, schemaFileNames, schemasHash, VERDICT_OPTIONS } from './schema-source.js';

export type ContentKind = 'module' | 'lesson' | 'question-bank' | 'glossary';

type SchemaObject = Record<string, unknown>;

interface SchemaSet {
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
function getPrecompiled(): PrecompiledValidators | null {
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
function getSchemaSet(): SchemaSet {
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
    validators: { module: compile('module'), lesson: compile('lesson'), 'question-bank': compile('question-bank'), glossary: compile('glossary') },
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

export function validateAgainstSchema(kind: ContentKind, file: JsonFile): Diagnostic[] {
  if (getPrecompiled()?.[kind](file.data)) return [];
  const set = getSchemaSet();
  const validate = set.validators[kind];
  if (validate(file.data)) return [];
  const errors = collapseErrors(validate.errors ?? []);
  return errors.map((error) => translateError(set, kind, file, error));
}

/**
 * ajv can report one problem several times (through allOf, or as both `required` and
 * `discriminator`) and reports a misspelt field as two problems (unknown `titel`, missing
 * `title`). Keep one diagnostic per problem, so the count an author sees is the count to fix.
 */
function collapseErrors(errors: ErrorObject[]): ErrorObject[] {
  const seen = new Set<string>();
  let kept: ErrorObject[] = [];
  for (const e of errors) {
    const key = `${e.instancePath}|${e.keyword}|${JSON.stringify(e.params)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    kept.push(e);
  }
  // A failed `if`/`oneOf` wrapper adds nothing once its inner errors are there.
  kept = kept.filter((e) => !(e.keyword === 'if' || (e.keyword === 'oneOf' && kept.length > 1)));
  const discriminatorAt = new Set(kept.filter((e) => e.keyword === 'discriminator').map((e) => e.instancePath));
  const missingAt = new Map<string, Set<string>>();
  for (const e of kept) {
    if (e.keyword !== 'required') continue;
    const set = missingAt.get(e.instancePath) ?? new Set<string>();
    set.add(String(e.params.missingProperty));
    missingAt.set(e.instancePath, set);
  }
  const misspeltRequired = new Set<string>();
  for (const e of kept) {
    const unknown = unknownPropertyOf(e);
    if (unknown === undefined) continue;
    const suggestion = closest(unknown, [...(missingAt.get(e.instancePath) ?? [])]);
    if (suggestion) misspeltRequired.add(`${e.instancePath}|${suggestion}`);
  }
  return kept.filter((e) => {
    if (e.keyword !== 'required') return true;
    const missing = String(e.params.missingProperty);
    if (missing === 'type' && discriminatorAt.has(e.instancePath)) return false;
    return !misspeltRequired.has(`${e.instancePath}|${missing}`);
  });
}

function unknownPropertyOf(error: ErrorObject): string | undefined {
  if (error.keyword === 'additionalProperties') return String(error.params.additionalProperty);
  if (error.keyword === 'unevaluatedProperties') return String(error.params.unevaluatedProperty);
  return undefined;
}

type Code = DiagnosticCode;

function translateError(set: SchemaSet, kind: ContentKind, file: JsonFile, error: ErrorObject): Diagnostic {
  const pointer = error.instancePath;
  const where = describePlace(kind, file.data, pointer);
  const field = where.field ? where.field : 'the value';
  const parentSchema = (error.parentSchema ?? {}) as SchemaObject;
  const ownSchema = resolveRef(set, (error.schema && typeof error.schema === 'object' ? error.schema : parentSchema) as SchemaObject);
  const at = (message: string, code: Code, extra: { hint?: string | undefined; atKey?: boolean; pointer?: string } = {}) =>
    diagnosticAt(code, file, extra.pointer ?? pointer, `${where.label}: ${message}`, {
      ...(extra.hint === undefined ? {} : { hint: extra.hint }),
      ...(extra.atKey === undefined ? {} : { atKey: extra.atKey }),
    });
  const lastKey = pointerToSegments(pointer).at(-1);

  switch (error.keyword) {
    case 'required': {
      const missing = String(error.params.missingProperty);
      const fieldPath = where.fieldPath ? `${where.fieldPath}.${missing}` : missing;
      const data = error.data as Record<string, unknown> | undefined;
      let description = describeProperty(set, parentSchema, missing);
      if (description && typeof data?.document === 'string') description = description.replace('that document', data.document);
      // Parentheses inside the description would nest inside ours: "(plain text (no markup))".
      if (description) description = stripPeriod(description.replace(/\s*\([^)]*\)/g, ''));
      const message = `${where.noun} needs \`${fieldPath}\`${description ? ` (${lowerFirst(description)})` : ''}.`;
      if (missing === 'alt' && where.typeNoun === 'block') return at(message, 'image-alt-missing');
      return at(message, 'schema-required');
    }
    case 'additionalProperties':
    case 'unevaluatedProperties': {
      const unknown = unknownPropertyOf(error)!;
      const allowed = allowedProperties(set, parentSchema);
      const suggestion = closest(unknown, allowed);
      const unknownPointer = segmentsToPointer([...pointerToSegments(pointer), unknown]);
      const data = error.data as Record<string, unknown> | undefined;
      const misspeltRequired = suggestion !== undefined && data !== undefined && !(suggestion in data) && isRequired(set, parentSchema, suggestion);
      return at(
        misspeltRequired
          ? `${where.noun} has an unknown field \`${unknown}\` and lacks the required \`${suggestion}\`: is it misspelt?`
          : `${where.noun} has an unknown field \`${unknown}\`.`,
        'schema-unknown-property',
        {
          pointer: unknownPointer,
          atKey: true,
          hint: suggestion
            ? `Did you mean \`${suggestion}\`? Field names are case-sensitive.`
            : `Remove it, or use one of the fields allowed here: ${allowed.map((a) => `\`${a}\``).join(', ')}.`,
        },
      );
    }
    case 'type': {
      const expected = describeType(String(error.params.type));
      const hint = typeHint(String(error.params.type), error.data, where, lastKey);
      return at(`${field} must be ${expected}, but it is ${describeValue(error.data)}.`, 'schema-type', { hint });
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
      const value = valueAt(file.data, tagPointer);
      const list = tags.map((t) => `"${t}"`).join(', ');
      if (error.params.error === 'tag' && value === undefined) {
        return at(`${where.noun} needs a \`type\`: one of ${list}.`, 'schema-required');
      }
      if (typeof value !== 'string') {
        return at(`\`type\` must be text: one of ${list}.`, 'schema-type', { pointer: tagPointer });
      }
      return at(`"${value}" is not a known ${where.typeNoun} type; use one of ${list}.`, 'schema-unknown-type', { pointer: tagPointer, hint: suggestFromList(value, tags) });
    }
    case 'pattern':
      return translatePattern(set, error, where, at);
    case 'minLength':
      if (lastKey === 'alt' && where.typeNoun === 'block') {
        return at('the image has no alt text: `alt` is empty.', 'image-alt-missing');
      }
      return error.params.limit === 1
        ? at(`${field} is empty.`, 'schema-length', { hint: 'Write the text, or remove the field if it is optional.' })
        : at(`${field} must be at least ${String(error.params.limit)} characters long.`, 'schema-length');
    case 'maxLength':
      return at(`${field} is ${(error.data as string).length} characters long; the most allowed is ${String(error.params.limit)}.`, 'schema-length', {
        hint: (error.data as string).length > 1000 ? 'Split the text into several blocks or lessons.' : 'Shorten the text.',
      });
    case 'minItems': {
      const count = (error.data as unknown[]).length;
      return at(
        count === 0
          ? `${field} is an empty list; it needs at least ${plural(Number(error.params.limit), 'entry', 'entries')}.`
          : `${field} must have at least ${plural(Number(error.params.limit), 'entry', 'entries')}, but it has ${count}.`,
        'schema-length',
        { hint: 'Add the missing entries.' },
      );
    }
    case 'maxItems':
      return at(`${field} may have at most ${plural(Number(error.params.limit), 'entry', 'entries')}, but it has ${(error.data as unknown[]).length}.`, 'schema-length', {
        hint: lastKey === 'questions' ? 'Split the questions over several knowledge-check blocks.' : 'Remove entries, or split them over several blocks.',
      });
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

type At = (message: string, code: Code, extra?: { hint?: string | undefined; pointer?: string }) => Diagnostic;

/**
 * Each pattern in the schemas is one kind of value (an identifier, a language tag, a path);
 * say what that kind looks like, and suggest the nearest valid value when there is one.
 */
function translatePattern(set: SchemaSet, error: ErrorObject, where: Place, at: At): Diagnostic {
  const value = String(error.data);
  const shown = JSON.stringify(value);
  const field = where.field || 'the value';
  const kind = set.patternKinds.get(String(error.params.pattern));
  const identifier = (rule: string, pattern: RegExp) => {
    const suggestion = slugify(value);
    return at(`${field} ${shown} is not a valid identifier: ${rule}.`, 'schema-pattern', {
      hint: suggestion && pattern.test(suggestion) ? `Did you mean \`${suggestion}\`?` : 'Use lowercase letters, digits and hyphens, e.g. `policy-basics`.',
    });
  };
  const pattern = new RegExp(String(error.params.pattern), 'u');
  switch (kind) {
    case 'slug':
      return identifier('use lowercase letters, digits and hyphens, starting with a letter or digit, at most 64 characters', pattern);
    case 'moduleId':
      return identifier('use lowercase letters, digits and hyphens, starting with a letter, 2 to 64 characters', pattern);
    case 'questionId':
      return identifier('use lowercase letters, digits and hyphens, starting with a letter, 2 to 64 characters', pattern);
    case 'optionId':
      return identifier('use lowercase letters, digits and hyphens, starting with a letter, at most 16 characters (usually a, b, c…)', pattern);
    case 'languageTag': {
      const suggestion = suggestLanguageTag(value);
      return at(`${field} ${shown} is not a language tag: use a BCP 47 tag such as en, fr, ar or zh-Hans.`, 'schema-pattern', {
        hint: suggestion ? `Did you mean "${suggestion}"?` : 'Language tags are short codes: en for English, fr for French, es for Spanish.',
      });
    }
    case 'version': {
      const numbers = value.match(/\d+/g) ?? [];
      const suggestion = numbers.length > 0 && numbers.length < 3 ? [...numbers, '0', '0'].slice(0, 3).map(Number).join('.') : undefined;
      return at(`${field} ${shown} is not a version number: use three whole numbers separated by full stops, such as 1.0.0.`, 'schema-pattern', {
        hint: suggestion ? `Did you mean "${suggestion}"?` : 'Raise the first number for big changes, the second for new content, the third for corrections.',
      });
    }
    case 'mediaPath':
      return translateMediaPath(value, where, at);
    default: {
      const description = typeof error.parentSchema?.description === 'string' ? error.parentSchema.description : undefined;
      return at(`${field} ${shown} has the wrong form${description ? `: ${lowerFirst(stripPeriod(firstSentence(description)))}` : ''}.`, 'schema-pattern');
    }
  }
}

function translateMediaPath(value: string, where: Place, at: At): Diagnostic {
  const field = where.field || 'the path';
  const shown = JSON.stringify(value);
  const fileName = value.split(/[\\/]/).filter(Boolean).at(-1) ?? 'file';
  const example = `media/${fileName.replace(/[?#].*$/, '')}`;
  if (/^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(value) && !/^[a-zA-Z]:[\\/]/.test(value)) {
    return at(`${field} ${shown} is a web address; a module may use only files inside its own folder.`, 'media-outside-module', {
      hint: `Packages must work offline and in LMSs that block other sites: download the file into the module folder and write its path, e.g. "${example}".`,
    });
  }
  if (value.startsWith('/') || value.startsWith('\\') || /^[a-zA-Z]:[\\/]/.test(value)) {
    return at(`${field} ${shown} is an absolute path; it must be relative to the module folder.`, 'media-outside-module', {
      hint: `Copy the file into the module folder and write its path from there, e.g. "${example}".`,
    });
  }
  if (value.split(/[\\/]/).includes('..')) {
    return at(`${field} ${shown} uses ".." to leave the module folder.`, 'media-outside-module', {
      hint: `A package contains only the module folder: copy the file into it, e.g. "${example}".`,
    });
  }
  if (value.includes('\\')) {
    return at(`${field} ${shown} uses backslashes; paths use forward slashes.`, 'schema-pattern', { hint: `Write "${value.replace(/\\/g, '/')}".` });
  }
  if (/\s/.test(value)) {
    return at(`${field} ${shown} contains a space; file names in a package may not.`, 'schema-pattern', {
      hint: `Rename the file without spaces and update the path, e.g. "${value.replace(/\s+/g, '-')}".`,
    });
  }
  return at(`${field} ${shown} is not a path to a file inside the module folder.`, 'schema-pattern', { hint: 'Write a relative path with forward slashes, e.g. "media/chart.svg".' });
}

function typeHint(expected: string, value: unknown, where: Place, lastKey: string | undefined): string | undefined {
  if (expected === 'integer' || expected === 'number') {
    if (typeof value === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(value)) return `Remove the quotes: write ${value.trim()}, not "${value.trim()}".`;
  }
  if (expected === 'boolean' && typeof value === 'string' && /^(true|false)$/i.test(value.trim())) {
    return `Remove the quotes: write ${value.trim().toLowerCase()}, not "${value}".`;
  }
  if (expected === 'string' && Array.isArray(value) && lastKey === 'correct' && where.typeNoun === 'question') {
    return 'A single-choice question has one correct option, written as text ("correct": "a"). For several correct options, use "type": "multiple".';
  }
  if (expected === 'array' && typeof value === 'string') return `Put the text in a list: [${JSON.stringify(value)}].`;
  if (expected === 'string' && typeof value === 'number') return `Put the value in double quotes: "${value}".`;
  return undefined;
}

interface Place {
  /** "lesson `01-intro` block 3 (quote)" */
  label: string;
  /** How the message refers to the thing: "a quote block", "the question". */
  noun: string;
  /** How the message names the field below the thing: "`citation.paragraph`", "entry 2 of `items`". */
  field: string;
  /** The dotted field path below the thing, e.g. `citation.paragraph`, for "needs `x.y`". */
  fieldPath: string;
  typeNoun: string;
}

/** What authors call each question type (the `type` values are for the file, not for people). */
const QUESTION_NOUNS: Record<string, string> = {
  single: 'single-choice question',
  multiple: 'multiple-response question',
  trueFalse: 'true-or-false question',
  matching: 'matching question',
  ordering: 'ordering question',
  fillIn: 'fill-in question',
};

/** Names the place a pointer refers to the way an author thinks of it. */
export function describePlace(kind: ContentKind, data: unknown, pointer: string): Place {
  const segments = pointerToSegments(pointer);
  let label = describeFile(kind, data);
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
        noun = type ? withArticle(`${type} block`) : 'the block';
        typeNoun = 'block';
      } else if (parentKey === 'questions') {
        if (kind === 'question-bank') label = '';
        part = named('question');
        noun = type ? withArticle(QUESTION_NOUNS[type] ?? `${type} question`) : 'the question';
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
      } else if (parentKey === 'items' && typeof item === 'object' && item !== null) {
        part = named('item');
        noun = 'an item';
      } else if (parentKey === 'terms' && kind === 'glossary') {
        label = '';
        part = named('glossary term');
        noun = 'a glossary term';
      } else if (parentKey === 'draw') {
        part = `assessment draw entry ${index + 1}`;
        noun = 'a draw entry';
      } else if (parentKey === 'sources') {
        part = `source ${index + 1}`;
        noun = 'a source';
      }
      if (part) {
        label = label ? `${label} ${part}` : part;
        fieldStart = i + 1;
      }
    }
    current = next;
  }
  const names = segments.slice(fieldStart);
  // Trailing list positions are counted from 1 for people: "entry 2 of `items`".
  let trailingIndex: number | undefined;
  if (names.length > 1 && /^\d+$/.test(names.at(-1)!)) trailingIndex = Number(names.pop()) + 1;
  const fieldPath = names.map((s) => (/^\d+$/.test(s) ? `[${Number(s) + 1}]` : s)).join('.').replace(/\.\[/g, '[');
  const field = fieldPath === '' ? '' : trailingIndex === undefined ? `\`${fieldPath}\`` : `entry ${trailingIndex} of \`${fieldPath}\``;
  return { label, noun, field, fieldPath, typeNoun };
}

function withArticle(noun: string): string {
  return `${/^[aeiou]/i.test(noun) ? 'an' : 'a'} ${noun}`;
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
  if (best !== undefined && bestDistance <= Math.max(2, Math.floor(word.length / 3))) return best;
  // "alt_text" for "alt", "questionText" for "question": one name contains the other.
  const plain = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');
  const target = plain(word);
  return candidates.find((c) => plain(c).length >= 3 && (target.startsWith(plain(c)) || plain(c).startsWith(target)) && target.length >= 3);
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

/** The first sentence of a schema description; "e.g." and "i.e." do not end a sentence. */
function firstSentence(text: string): string {
  const match = /^(.+?(?<!\be\.g|\bi\.e)[.!?])(\s|$)/.exec(text);
  return match ? match[1]! : text;
}

function isRequired(set: SchemaSet, schema: SchemaObject, name: string): boolean {
  if (Array.isArray(schema.required) && schema.required.includes(name)) return true;
  return ((schema.allOf ?? []) as SchemaObject[]).some((s) => isRequired(set, resolveLocalRef(set, s), name));
}

/** "Intro Lesson" → "intro-lesson": the identifier an author most likely meant. */
export function slugify(value: string): string {
  return value
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64)
    .replace(/-+$/, '');
}

const LANGUAGE_NAMES: Record<string, string> = {
  english: 'en', french: 'fr', français: 'fr', francais: 'fr', spanish: 'es', español: 'es', espanol: 'es', arabic: 'ar',
  russian: 'ru', chinese: 'zh', portuguese: 'pt', german: 'de', italian: 'it', dutch: 'nl', japanese: 'ja', korean: 'ko',
};

export function suggestLanguageTag(value: string): string | undefined {
  const named = LANGUAGE_NAMES[value.trim().toLowerCase()];
  if (named) return named;
  const [first, ...rest] = value.trim().split(/[-_]/);
  if (!first || !/^[a-zA-Z]{2,3}$/.test(first)) return undefined;
  const tag = [first.toLowerCase(), ...rest.map((r) => (r.length === 2 ? r.toUpperCase() : r))].join('-');
  return /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(tag) && tag !== value ? tag : undefined;
}

function stripPeriod(text: string): string {
  return text.replace(/\.$/, '');
}

function lowerFirst(text: string): string {
  return /^[A-Z][a-z]/.test(text) ? text[0]!.toLowerCase() + text.slice(1) : text;
}
