/**
 * `coursekit new`: creates a module or a lesson from templates. It never replaces an existing
 * file: it checks every target first and writes nothing if any exists, and each file is
 * created with the `wx` flag so that even a file appearing meanwhile is not overwritten.
 * The one edit it makes to an existing file is adding a new lesson to the lesson order.
 */
import { mkdir, realpath, rename, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseWithPositions } from '@humanwhocodes/momoa';
import { diagnostic } from '../diagnostics/create.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { isInside, readBoundedFile } from '../fs-read.js';
import { toDisplayPath } from '../load/index.js';
import { MAX_CONTENT_FILE_BYTES, readProblemDiagnostic } from '../load/json-file.js';
import { numberingOf, splitSource } from '../load/source-text.js';
import type { Module, SourceDocument } from '../model/content.generated.js';
import { type Citation, UNIT_KINDS, UNIT_LISTS, type UnitKind, unitName } from '../model/course.js';
import { schemasDir } from '../paths.js';
import { slugify, suggestLanguageTag } from '../validate/suggest.js';
import { FIRST_LESSON_ID, firstLessonQuote, lessonJson, moduleJson, questionBankJson, sourceText, titleFromId } from './templates.js';
import { pathExists } from '../fs-exists.js';

export interface ScaffoldResult {
  /** Display paths of the files written. */
  created: string[];
  /** Display paths of existing files that were changed (the lesson order in module.json). */
  updated: string[];
  diagnostics: Diagnostic[];
  /** What the author should do next, one line each. */
  nextSteps: string[];
}

interface Location {
  cwd: string;
  modulesDir: string;
}

export interface NewModuleOptions extends Location {
  id: string;
  title?: string | undefined;
  language?: string | undefined;
}

export interface NewLessonOptions extends Location {
  moduleId: string;
  lessonId: string;
  title?: string | undefined;
}

type IdKind = 'moduleId' | 'slug' | 'languageTag';

const ID_RULES: Record<IdKind, { what: string; rule: string }> = {
  moduleId: { what: 'module id', rule: 'use lowercase letters, digits and hyphens, starting with a letter, 2 to 64 characters' },
  slug: { what: 'lesson id', rule: 'use lowercase letters, digits and hyphens, starting with a letter or digit, at most 64 characters' },
  languageTag: { what: 'language tag', rule: 'use a BCP 47 tag such as en, fr, ar or zh-Hans' },
};

let patterns: Record<IdKind, RegExp> | undefined;

/** The id patterns come from the schemas, so `new` accepts exactly what validation accepts. */
function idPatterns(): Record<IdKind, RegExp> {
  if (patterns) return patterns;
  const common = JSON.parse(readFileSync(path.join(schemasDir, 'common.schema.json'), 'utf8')) as {
    $defs: Record<string, { pattern: string }>;
  };
  patterns = {
    moduleId: new RegExp(common.$defs.moduleId!.pattern, 'u'),
    slug: new RegExp(common.$defs.slug!.pattern, 'u'),
    languageTag: new RegExp(common.$defs.languageTag!.pattern, 'u'),
  };
  return patterns;
}

function checkId(kind: IdKind, value: string): Diagnostic | undefined {
  const pattern = idPatterns()[kind];
  if (pattern.test(value)) return undefined;
  const { what, rule } = ID_RULES[kind];
  const suggestion = kind === 'languageTag' ? suggestLanguageTag(value) : slugify(value);
  const hint =
    suggestion && pattern.test(suggestion)
      ? `Did you mean \`${suggestion}\`?`
      : kind === 'languageTag'
        ? 'Language tags are short codes: en for English, fr for French, es for Spanish.'
        : undefined;
  return diagnostic('scaffold-bad-id', { message: `"${value}" is not a valid ${what}: ${rule}.`, ...(hint ? { hint } : {}) });
}

/** The module a lesson goes into is named by its folder in modules/, never by a path. */
function checkModuleName(name: string): Diagnostic | undefined {
  if (name === '.' || name === '..' || /[\\/]/.test(name)) {
    return diagnostic('scaffold-bad-id', {
      message: `"${name}" is a path, not a module: give the name of the module's folder in the modules folder.`,
      hint: 'For modules/migration-basics/, write `coursekit new lesson migration-basics <lesson-id>`.',
    });
  }
  return checkId('moduleId', name);
}

function schemaRef(fromFile: string, schema: string): string {
  return path.relative(path.dirname(fromFile), path.join(schemasDir, schema)).split(path.sep).join('/');
}

/**
 * JSON laid out as authors write it (and as the sample module is): one field per line, but
 * short lists of values and small objects such as citations on one line.
 */
export function json(data: unknown): string {
  return `${layout(data, '')}\n`;
}

function layout(value: unknown, indent: string): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  const entries: [string | undefined, unknown][] = Array.isArray(value) ? value.map((v) => [undefined, v]) : Object.entries(value);
  const [open, close] = Array.isArray(value) ? ['[', ']'] : ['{', '}'];
  if (entries.length === 0) return open + close;
  // Lists of objects get one object per line; lists of values and small objects stay on one.
  const flat = entries.every(
    ([, v]) => isPlain(v) || (!Array.isArray(value) && (isSmallObject(v as object) || (Array.isArray(v) && v.every(isPlain)))),
  );
  if (flat) {
    const inline = entries.map(([k, v]) => (k === undefined ? '' : `${JSON.stringify(k)}: `) + inlineJson(v)).join(', ');
    const text = Array.isArray(value) ? `[${inline}]` : `{ ${inline} }`;
    if (indent.length + text.length <= 100) return text;
  }
  const inner = `${indent}  `;
  const lines = entries.map(([k, v]) => inner + (k === undefined ? '' : `${JSON.stringify(k)}: `) + layout(v, inner));
  return `${open}\n${lines.join(',\n')}\n${indent}${close}`;
}

function isPlain(value: unknown): boolean {
  return value === null || typeof value !== 'object';
}

/** An object of plain values (or lists of them), such as a citation or a key-points block. */
function isSmallObject(value: object): boolean {
  return !Array.isArray(value) && Object.values(value).every((v) => isPlain(v) || (Array.isArray(v) && v.every(isPlain)));
}

function inlineJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(inlineJson).join(', ')}]`;
  return `{ ${Object.entries(value)
    .map(([k, v]) => `${JSON.stringify(k)}: ${inlineJson(v)}`)
    .join(', ')} }`;
}

function failed(diagnostics: Diagnostic[]): ScaffoldResult {
  return { created: [], updated: [], diagnostics, nextSteps: [] };
}

export async function scaffoldModule(options: NewModuleOptions): Promise<ScaffoldResult> {
  const language = options.language ?? 'en';
  const problems = [checkId('moduleId', options.id), checkId('languageTag', language)].filter((d): d is Diagnostic => d !== undefined);
  if (problems.length > 0) return failed(problems);
  const display = (p: string) => toDisplayPath(options.cwd, p);
  const folder = path.join(options.modulesDir, options.id);
  if (await pathExists(folder)) {
    return failed([
      diagnostic('scaffold-exists', { file: display(folder), message: `${display(folder)}/ already exists; coursekit did not change it.` }),
    ]);
  }
  const files = {
    module: path.join(folder, 'module.json'),
    lesson: path.join(folder, 'lessons', `${FIRST_LESSON_ID}.json`),
    questions: path.join(folder, 'questions', 'para-1.json'),
    source: path.join(folder, 'sources', 'source.txt'),
  };
  const objectiveId = 'obj-1-main-point';
  const contents: [string, string][] = [
    [
      files.module,
      json(
        moduleJson({
          id: options.id,
          title: options.title ?? titleFromId(options.id),
          language,
          schemaRef: schemaRef(files.module, 'module.schema.json'),
        }),
      ),
    ],
    [
      files.lesson,
      json(
        lessonJson({
          id: FIRST_LESSON_ID,
          title: 'Introduction',
          schemaRef: schemaRef(files.lesson, 'lesson.schema.json'),
          objectiveId,
          citation: { document: 'DOC/1', paragraph: 1 },
          quote: firstLessonQuote(),
        }),
      ),
    ],
    [files.questions, json(questionBankJson(schemaRef(files.questions, 'question-bank.schema.json'), objectiveId))],
    [files.source, sourceText()],
  ];
  await mkdir(path.dirname(folder), { recursive: true });
  // Not recursive: if the folder appeared since the check above, this fails instead of merging.
  await mkdir(folder);
  for (const [file, text] of contents) {
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, text, { flag: 'wx' });
  }
  return {
    created: contents.map(([file]) => display(file)),
    updated: [],
    diagnostics: [],
    nextSteps: [
      `Put the text of your source document in ${display(files.source)} and describe it in "sources" in module.json.`,
      `Write the lesson in ${display(files.lesson)}; add lessons with \`coursekit new lesson ${options.id} <lesson-id>\`.`,
      `Check your work with \`coursekit validate ${options.id}\`.`,
    ],
  };
}

export async function scaffoldLesson(options: NewLessonOptions): Promise<ScaffoldResult> {
  const display = (p: string) => toDisplayPath(options.cwd, p);
  const idProblem = checkModuleName(options.moduleId) ?? checkId('slug', options.lessonId);
  if (idProblem) return failed([idProblem]);
  const folder = path.join(options.modulesDir, options.moduleId);
  const moduleFile = path.join(folder, 'module.json');
  if (!(await pathExists(moduleFile))) {
    return failed([
      diagnostic('module-not-found', {
        message: `There is no module \`${options.moduleId}\` in ${display(options.modulesDir)}/ (no ${display(moduleFile)}).`,
        hint: `Check the module's folder name, or create the module with \`coursekit new module ${options.moduleId}\`.`,
      }),
    ]);
  }
  // The module folder may be a link (the build follows it too), but nothing written or read may
  // lead out of it: a lessons/ folder or a module.json linked elsewhere is refused.
  const realFolder = await realpath(folder);
  const lessonsFolder = path.join(folder, 'lessons');
  const realLessons = await realpath(lessonsFolder).catch(() => undefined);
  if (realLessons !== undefined && !isInside(realFolder, realLessons)) {
    return failed([
      diagnostic('file-outside-module', {
        file: display(lessonsFolder),
        message: `${display(lessonsFolder)}/ leads outside the module folder (through a symbolic link), so coursekit writes nothing there.`,
      }),
    ]);
  }
  const lessonFile = path.join(lessonsFolder, `${options.lessonId}.json`);
  if (await pathExists(lessonFile)) {
    return failed([
      diagnostic('scaffold-exists', {
        file: display(lessonFile),
        message: `${display(lessonFile)} already exists; coursekit did not change it.`,
      }),
    ]);
  }

  const read = readBoundedFile(moduleFile, { maxBytes: MAX_CONTENT_FILE_BYTES, within: realFolder });
  if (!read.ok) return failed([readProblemDiagnostic(read, display(moduleFile), MAX_CONTENT_FILE_BYTES)]);
  const moduleText = read.bytes.toString('utf8');
  let meta: Partial<Module> | undefined;
  try {
    meta = JSON.parse(moduleText.replace(/^\uFEFF/, '')) as Partial<Module>;
  } catch {
    meta = undefined;
  }
  const source = Array.isArray(meta?.sources) ? meta.sources[0] : undefined;
  // The first part the first source declares: its paragraph 1 when module.json cannot tell.
  const kind = UNIT_KINDS.find((k) => Array.isArray(source?.[UNIT_LISTS[k]])) ?? 'paragraph';
  const first = source?.[UNIT_LISTS[kind]]?.[0];
  const id = typeof first === 'number' || typeof first === 'string' ? String(first) : '1';
  const citation: Citation = { document: typeof source?.document === 'string' ? source.document : 'DOC/1', [kind]: unitNumber(id) };
  const quote = source && typeof source.file === 'string' ? firstSentenceOf(realFolder, source, kind, id) : undefined;
  const objectiveId = `obj-${options.lessonId}`.slice(0, 64).replace(/-+$/, '');
  const lesson = lessonJson({
    id: options.lessonId,
    title: options.title ?? titleFromId(options.lessonId),
    schemaRef: schemaRef(lessonFile, 'lesson.schema.json'),
    objectiveId,
    citation,
    quote,
  });
  await mkdir(path.dirname(lessonFile), { recursive: true });
  await writeFile(lessonFile, json(lesson), { flag: 'wx' });

  const result: ScaffoldResult = { created: [display(lessonFile)], updated: [], diagnostics: [], nextSteps: [] };
  const order = Array.isArray(meta?.lessons) ? meta.lessons : undefined;
  const edited = order && !order.includes(options.lessonId) ? appendToLessonOrder(moduleText, options.lessonId) : undefined;
  if (edited !== undefined) {
    // Written beside and renamed over, so module.json is never half-written.
    const temporary = `${moduleFile}.coursekit-new`;
    await writeFile(temporary, edited, { flag: 'wx' });
    await rename(temporary, moduleFile);
    result.updated.push(display(moduleFile));
    result.nextSteps.push(`The lesson was added at the end of "lessons" in module.json; move its id within that list to change the order.`);
  } else if (!order?.includes(options.lessonId)) {
    result.nextSteps.push(
      `Add "${options.lessonId}" to "lessons" in ${display(moduleFile)}: the lesson is built only when it is in the lesson order.`,
    );
  }
  result.nextSteps.push(
    `Write the lesson in ${display(lessonFile)}; its objective cites ${citation.document} ${unitName(kind, id)}, so change the citation if the lesson teaches another ${kind}.`,
    `Check your work with \`coursekit validate ${options.moduleId}\`.`,
  );
  return result;
}

/** A JSON number where the part is a plain number ("74" → 74), text otherwise ("14(1)"). */
function unitNumber(id: string): number | string {
  return /^[1-9]\d*$/.test(id) ? Number(id) : id;
}

/**
 * The first sentence of the part (of its first numbered paragraph, when it has some), as a
 * verbatim quote the new lesson can start from. Read like any content: inside the module only.
 */
function firstSentenceOf(realFolder: string, source: SourceDocument, kind: UnitKind, id: string): string | undefined {
  const read = readBoundedFile(path.join(realFolder, source.file), { maxBytes: MAX_CONTENT_FILE_BYTES, within: realFolder });
  if (!read.ok) return undefined;
  const { units } = splitSource(read.bytes.toString('utf8'), numberingOf(kind, source.numbering));
  const text = units.get(`${id}(1)`) ?? units.get(id);
  const sentence = text?.split(/(?<=[.!?])\s/)[0]?.trim();
  return sentence && sentence.length <= 600 ? sentence : undefined;
}

/**
 * Adds an id at the end of the "lessons" array, keeping the file's own layout: on a new line
 * with the same indentation when the list has one id per line, after a comma otherwise.
 */
export function appendToLessonOrder(text: string, lessonId: string): string | undefined {
  let ast: ReturnType<typeof parseWithPositions>;
  try {
    ast = parseWithPositions(text.replace(/^\uFEFF/, ''), { mode: 'json', ranges: true });
  } catch {
    return undefined;
  }
  const offset = text.startsWith('\uFEFF') ? 1 : 0;
  if (ast.body.type !== 'Object') return undefined;
  const member = ast.body.members.find((m) => m.name.type === 'String' && m.name.value === 'lessons');
  if (member?.value.type !== 'Array') return undefined;
  const array = member.value;
  const quoted = JSON.stringify(lessonId);
  const last = array.elements.at(-1);
  if (!last) {
    const open = array.loc.start.offset + offset + 1;
    return text.slice(0, open) + quoted + text.slice(open);
  }
  const end = last.value.loc.end.offset + offset;
  const multiline = last.value.loc.start.line !== array.loc.start.line;
  if (!multiline) return `${text.slice(0, end)}, ${quoted}${text.slice(end)}`;
  const lineStart = text.lastIndexOf('\n', last.value.loc.start.offset + offset) + 1;
  const indent = /^[ \t]*/.exec(text.slice(lineStart))![0];
  return `${text.slice(0, end)},\n${indent}${quoted}${text.slice(end)}`;
}
