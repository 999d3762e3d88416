/**
 * What failed before the rules run: files that broke their schema, and files that could not be
 * read. Each is reported once, by the schema check or the load stage. The rules then check
 * everything else, but never read a broken file, never report inside one, and never report as
 * missing what a broken file may hold (an objective a broken lesson declares, a question a
 * broken bank adds to a draw): those would be the same mistake again, in other words.
 */
import path from 'node:path';
import { readBoundedFile } from '../../fs-read.js';
import type { LoadedModule } from '../../load/index.js';
import { MAX_CONTENT_FILE_BYTES } from '../../load/json-file.js';
import type { JsonFile } from '../../model/json-file.js';

export interface BrokenContent {
  /** True for a lesson, question bank or glossary that broke its schema (module.json is judged by place). */
  file(file: JsonFile): boolean;
  /** Whether a place of module.json can be read as its schema says: nothing at, above or below it is broken. */
  moduleTrusts(pointer: string): boolean;
  /** Whether a report at this place would repeat a schema error: the place is in a broken file, or inside a broken part of module.json. */
  hides(file: JsonFile, pointer: string): boolean;
  /** Names (without .json) of the lesson files that exist but are broken. */
  lessonNames: Set<string>;
  /** Some question bank is broken: the bank may hold more questions than the rules see. */
  questionBank: boolean;
  /** glossary.json exists but is broken. */
  glossary: boolean;
  /**
   * Whether a broken lesson (or the broken glossary) may declare this id: its text mentions it,
   * or it has no text to tell (an empty file, one that cannot be read).
   */
  mayDeclare(kind: 'lesson' | 'glossary', id: string): boolean;
}

/** `schema`: each file that broke its schema, with where (from validateAgainstSchema). */
export function findBrokenContent(loaded: LoadedModule, schema: ReadonlyMap<JsonFile, string[]>): BrokenContent {
  const moduleBroken = schema.get(loaded.moduleFile) ?? [];
  const inFolder = (folder: string) => (p: string) => path.dirname(p) === path.join(loaded.folder, folder);
  const brokenPaths = [...schema.keys()].filter((f) => f !== loaded.moduleFile).map((f) => f.absolutePath);
  const allBroken = [...brokenPaths, ...loaded.unreadable];
  const texts = new Map<string, string>();
  const textOf = (p: string) => {
    let text = texts.get(p);
    if (text === undefined) {
      text = [...schema.keys()].find((f) => f.absolutePath === p)?.text ?? readLoosely(p, loaded.realFolder);
      texts.set(p, text);
    }
    return text;
  };
  const glossaryPath = path.join(loaded.folder, 'glossary.json');
  const brokenLessons = allBroken.filter(inFolder('lessons'));
  return {
    file: (file) => file !== loaded.moduleFile && schema.has(file),
    moduleTrusts: (pointer) => !moduleBroken.some((b) => b === pointer || isInside(b, pointer) || isInside(pointer, b)),
    hides: (file, pointer) =>
      file === loaded.moduleFile ? moduleBroken.some((b) => b === pointer || isInside(pointer, b)) : schema.has(file),
    lessonNames: new Set(brokenLessons.map((p) => path.basename(p, '.json'))),
    questionBank: allBroken.some(inFolder('questions')),
    glossary: allBroken.includes(glossaryPath),
    mayDeclare: (kind, id) =>
      (kind === 'lesson' ? brokenLessons : allBroken.filter((p) => p === glossaryPath)).some((p) => {
        const text = textOf(p);
        return text.trim() === '' || text.includes(JSON.stringify(id));
      }),
  };
}

/** `pointer` is below `ancestor`. */
function isInside(pointer: string, ancestor: string): boolean {
  return pointer.startsWith(`${ancestor}/`) || (ancestor === '' && pointer !== '');
}

/**
 * A file that could not be parsed, as text whatever its encoding, to see which ids it mentions.
 * Read like any content (inside the module, a regular file, bounded): an unreadable file is one
 * that links out of the module, a pipe or a device, and reading it would leak, hang or never end.
 */
function readLoosely(file: string, within: string): string {
  const read = readBoundedFile(file, { maxBytes: MAX_CONTENT_FILE_BYTES, within });
  return read.ok ? new TextDecoder('utf-8').decode(read.bytes) : '';
}
