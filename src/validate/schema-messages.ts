/**
 * ajv's errors as diagnostics an author can act on: one per problem, starting with the place
 * (place.ts), saying what is expected in the schema's own words (its descriptions), with a hint
 * and, for a likely typo, the nearest allowed value.
 */
import type { ErrorObject } from 'ajv/dist/2020.js';
import type { DiagnosticCode } from '../diagnostics/catalog.js';
import { diagnosticAt } from '../diagnostics/create.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { pointerToSegments, segmentsToPointer, valueAt } from '../load/json-pointer.js';
import type { JsonFile } from '../model/json-file.js';
import { describePlace, type ContentKind, type Place } from './place.js';
import {
  allowedProperties,
  describeProperty,
  discriminatorValues,
  firstSentence,
  isRequired,
  resolveRef,
  type SchemaObject,
  type SchemaSet,
} from './schema-set.js';
import { closest, slugify, suggestLanguageTag } from './suggest.js';

/**
 * ajv can report one problem several times (through allOf, or as both `required` and
 * `discriminator`) and reports a misspelt field as two problems (unknown `titel`, missing
 * `title`). Keep one diagnostic per problem, so the count an author sees is the count to fix.
 */
export function collapseErrors(errors: ErrorObject[]): ErrorObject[] {
  const seen = new Set<string>();
  let kept: ErrorObject[] = [];
  for (const e of errors) {
    const key = `${e.instancePath}|${e.keyword}|${JSON.stringify(e.params)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    kept.push(e);
  }
  // "One of these fields" (a citation's paragraph, article…): one problem, said by the oneOf,
  // not one missing field per alternative.
  const choices = new Map(kept.filter((e) => requiredChoice(e) !== undefined).map((e) => [e.instancePath, requiredChoice(e)!]));
  kept = kept.filter((e) => !(e.keyword === 'required' && choices.get(e.instancePath)?.includes(String(e.params.missingProperty))));
  // A failed `if`/`oneOf` wrapper adds nothing once its inner errors are there.
  kept = kept.filter((e) => !(e.keyword === 'if' || (e.keyword === 'oneOf' && kept.length > 1 && requiredChoice(e) === undefined)));
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

/** The fields of a `oneOf` whose branches each require one field: exactly one of them must be there. */
function requiredChoice(error: ErrorObject): string[] | undefined {
  if (error.keyword !== 'oneOf' || !Array.isArray(error.schema)) return undefined;
  const branches = error.schema as { required?: unknown }[];
  const fields = branches.map((b) => (Object.keys(b).join() === 'required' && Array.isArray(b.required) ? b.required : []));
  return fields.every((f) => f.length === 1) ? fields.map((f) => String(f[0])) : undefined;
}

function unknownPropertyOf(error: ErrorObject): string | undefined {
  if (error.keyword === 'additionalProperties') return String(error.params.additionalProperty);
  if (error.keyword === 'unevaluatedProperties') return String(error.params.unevaluatedProperty);
  return undefined;
}

type Code = DiagnosticCode;

export function translateError(set: SchemaSet, kind: ContentKind, file: JsonFile, error: ErrorObject): Diagnostic {
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
      const misspeltRequired =
        suggestion !== undefined && data !== undefined && !(suggestion in data) && isRequired(set, parentSchema, suggestion);
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
      const hint = correctAnswerHint(file.data, pointer, error.data) ?? typeHint(String(error.params.type), error.data, where, lastKey);
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
    case 'oneOf': {
      const choice = requiredChoice(error);
      if (choice) return translateChoice(set, choice, error, where, at);
      return at(`${field} ${error.message ?? 'does not match the schema'}.`, 'schema-invalid');
    }
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
      return at(`"${value}" is not a known ${where.typeNoun} type; use one of ${list}.`, 'schema-unknown-type', {
        pointer: tagPointer,
        hint: suggestFromList(value, tags),
      });
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
      return at(
        `${field} is ${(error.data as string).length} characters long; the most allowed is ${String(error.params.limit)}.`,
        'schema-length',
        {
          hint:
            lastKey === 'title' && error.params.limit === 200
              ? 'Shorten the title: a SCORM 1.2 manifest holds titles of at most 200 characters, and an LMS refuses a package with a longer one. Say more in the description.'
              : (error.data as string).length > 1000
                ? 'Split the text into several blocks or lessons.'
                : 'Shorten the text.',
        },
      );
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
      return at(
        `${field} may have at most ${plural(Number(error.params.limit), 'entry', 'entries')}, but it has ${(error.data as unknown[]).length}.`,
        'schema-length',
        {
          hint:
            lastKey === 'questions'
              ? 'Split the questions over several knowledge-check blocks.'
              : 'Remove entries, or split them over several blocks.',
        },
      );
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
      return at(
        `${field} lists ${JSON.stringify((error.data as unknown[])[i])} twice (entries ${j + 1} and ${i + 1}).`,
        'schema-duplicate-items',
        {
          pointer: segmentsToPointer([...pointerToSegments(pointer), i]),
        },
      );
    }
    default:
      return at(`${field} ${error.message ?? 'does not match the schema'}.`, 'schema-invalid');
  }
}

type At = (message: string, code: Code, extra?: { hint?: string | undefined; pointer?: string }) => Diagnostic;

/**
 * Exactly one of `choice` must be there: a citation names its paragraph, or its article… The
 * first is the usual one, described in the schema's words; the others are named after it.
 */
function translateChoice(set: SchemaSet, choice: string[], error: ErrorObject, where: Place, at: At): Diagnostic {
  const data = (error.data ?? {}) as Record<string, unknown>;
  const present = choice.filter((name) => name in data);
  const path = (name: string) => (where.fieldPath ? `\`${where.fieldPath}.${name}\`` : `\`${name}\``);
  const others = choice.slice(1).map((name) => `\`${name}\``);
  const alternatives = `${others.slice(0, -1).join(', ')} or ${others.at(-1)}`;
  if (present.length > 1) {
    return at(`${where.noun} has both ${present.map(path).join(' and ')}; it takes one of them.`, 'schema-invalid', {
      hint: `Keep the one that names the part the way its document is divided, and remove the other${present.length > 2 ? 's' : ''}.`,
    });
  }
  const [first] = choice as [string];
  let description = describeProperty(set, (error.parentSchema ?? {}) as SchemaObject, first);
  if (description && typeof data.document === 'string') description = description.replace('that document', data.document);
  if (description) description = stripPeriod(description.replace(/\s*\([^)]*\)/g, ''));
  return at(
    `${where.noun} needs ${path(first)}${description ? ` (${lowerFirst(description)})` : ''}, or ${alternatives} where the document is divided that way.`,
    'schema-required',
  );
}

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
      hint:
        suggestion && pattern.test(suggestion)
          ? `Did you mean \`${suggestion}\`?`
          : 'Use lowercase letters, digits and hyphens, e.g. `policy-basics`.',
    });
  };
  const pattern = new RegExp(String(error.params.pattern), 'u');
  switch (kind) {
    case 'slug':
      return identifier('use lowercase letters, digits and hyphens, starting with a letter or digit, at most 64 characters', pattern);
    case 'moduleId':
    case 'questionId':
      return identifier('use lowercase letters, digits and hyphens, starting with a letter, 2 to 64 characters', pattern);
    case 'optionId':
      return identifier(
        'use lowercase letters, digits and hyphens, starting with a letter, at most 16 characters (usually a, b, c…)',
        pattern,
      );
    case 'languageTag': {
      const suggestion = suggestLanguageTag(value);
      return at(`${field} ${shown} is not a language tag: use a BCP 47 tag such as en, fr, ar or zh-Hans.`, 'schema-pattern', {
        hint: suggestion
          ? `Did you mean "${suggestion}"?`
          : 'Language tags are short codes: en for English, fr for French, es for Spanish.',
      });
    }
    case 'version': {
      const numbers = value.match(/\d+/g) ?? [];
      const suggestion = numbers.length > 0 && numbers.length < 3 ? [...numbers, '0', '0'].slice(0, 3).map(Number).join('.') : undefined;
      return at(
        `${field} ${shown} is not a version number: use three whole numbers separated by full stops, such as 1.0.0.`,
        'schema-pattern',
        {
          hint: suggestion
            ? `Did you mean "${suggestion}"?`
            : 'Raise the first number for big changes, the second for new content, the third for corrections.',
        },
      );
    }
    case 'mediaPath':
      return translateMediaPath(value, where, at);
    case 'unitNumber':
      return at(
        `${field} ${shown} is not the number of one part of the document: write it as the document prints it, such as 75, "2.3", or "14(1)" for paragraph 1 of Article 14.`,
        'schema-pattern',
        { hint: 'A citation names one part. To draw on two paragraphs, cite each where it is used.' },
      );
    default: {
      const description = typeof error.parentSchema?.description === 'string' ? error.parentSchema.description : undefined;
      return at(
        `${field} ${shown} has the wrong form${description ? `: ${lowerFirst(stripPeriod(firstSentence(description)))}` : ''}.`,
        'schema-pattern',
      );
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
    return at(`${field} ${shown} uses backslashes; paths use forward slashes.`, 'schema-pattern', {
      hint: `Write "${value.replace(/\\/g, '/')}".`,
    });
  }
  const special = /[#?%]/.exec(value)?.[0];
  if (special) {
    const meaning = { '#': 'starts a fragment', '?': 'starts a query', '%': 'starts an escape' }[special];
    return at(
      `${field} ${shown} contains "${special}": in the web address an LMS serves the file from, "${special}" ${meaning}, so the browser would ask for another file.`,
      'schema-pattern',
      { hint: `Rename the file without #, ? or % and update the path, e.g. "${value.replace(/[#?%]+/g, '')}".` },
    );
  }
  if (/\s/.test(value)) {
    return at(`${field} ${shown} contains a space; file names in a package may not.`, 'schema-pattern', {
      hint: `Rename the file without spaces and update the path, e.g. "${value.replace(/\s+/g, '-')}".`,
    });
  }
  return at(`${field} ${shown} is not a path to a file inside the module folder.`, 'schema-pattern', {
    hint: 'Write a relative path with forward slashes, e.g. "media/chart.svg".',
  });
}

/**
 * `"correct": 3` in a choice question: the author counted the options. The answer names an
 * option by its id, so list the ids (and the one at that position, if there is one).
 */
function correctAnswerHint(data: unknown, pointer: string, value: unknown): string | undefined {
  const segments = pointerToSegments(pointer);
  const at = segments.lastIndexOf('correct');
  if (at < 0 || typeof value !== 'number' || at < segments.length - 2) return undefined;
  const question = valueAt(data, segmentsToPointer(segments.slice(0, at))) as { type?: unknown; options?: unknown } | undefined;
  if (question?.type !== 'single' && question?.type !== 'multiple') return undefined;
  const ids = (Array.isArray(question?.options) ? question.options : [])
    .map((o: unknown) => (o as { id?: unknown } | null)?.id)
    .filter((id): id is string => typeof id === 'string');
  if (ids.length === 0) return 'Name the correct option by its id, in double quotes (such as "a"), not by its number.';
  const counted = Number.isInteger(value) ? ids[value - 1] : undefined;
  return `Name the correct option by its id, not by its number: the options are ${ids.map((id) => `"${id}"`).join(', ')}${
    counted ? `; option ${value} is "${counted}"` : ''
  }.`;
}

function typeHint(expected: string, value: unknown, where: Place, lastKey: string | undefined): string | undefined {
  if (expected === 'integer' || expected === 'number') {
    if (typeof value === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(value))
      return `Remove the quotes: write ${value.trim()}, not "${value.trim()}".`;
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
  if (typeof value === 'string') return `text (${JSON.stringify(value.length > 40 ? `${value.slice(0, 37)}…` : value)})`;
  if (typeof value === 'number') return `the number ${value}`;
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
  const suggestion = closest(
    value,
    allowed.filter((a): a is string => typeof a === 'string'),
  );
  return suggestion ? `Did you mean "${suggestion}"?` : undefined;
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

function stripPeriod(text: string): string {
  return text.replace(/\.$/, '');
}

function lowerFirst(text: string): string {
  return /^[A-Z][a-z]/.test(text) ? text[0]!.toLowerCase() + text.slice(1) : text;
}
