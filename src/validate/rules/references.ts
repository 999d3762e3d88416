/**
 * References between files: the module's id and folder, the lesson order in module.json and
 * the lesson files, ids that must be unique, and the glossary terms lessons name.
 */
import path from 'node:path';
import type { Glossary } from '../../model/content.generated.js';
import type { GlossaryTerm, Lesson } from '../../model/course.js';
import type { JsonFile } from '../../model/json-file.js';
import { closest } from '../suggest.js';
import type { Located, Report, RuleContext } from './context.js';

export function checkModuleId({ meta, loaded, broken, report, moduleAt }: RuleContext): void {
  if (!broken.moduleTrusts('/id') || meta.id === loaded.folderName) return;
  report('module-id-mismatch', moduleAt('/id'), `the id \`${meta.id}\` differs from the folder name \`${loaded.folderName}\`.`, {
    hint: `Rename the folder to ${meta.id}, or set "id" to "${loaded.folderName}". The id names the packages and SCORM identifiers, so keep the published one.`,
  });
}

export interface LessonOrder {
  /** The lessons in the order module.json gives, which decides what is built. */
  lessons: Located<Lesson>[];
  /** Valid lesson files that are not in the order: not built, but what they declare is theirs. */
  unlisted: Located<Lesson>[];
}

/**
 * The lessons in the order module.json gives. A mistyped id in the order is reported once, and
 * the lesson file it was meant for stands in for it in the other checks, so its objectives do
 * not go missing everywhere they are used.
 */
export function orderLessons({ meta, loaded, broken, report, moduleAt }: RuleContext): LessonOrder {
  const validFiles = loaded.lessonFiles.filter((f) => !broken.file(f));
  const lessonsByFileName = new Map(validFiles.map((f) => [path.basename(f.absolutePath, '.json'), f]));
  const located = (file: JsonFile): Located<Lesson> => ({ value: file.data as Lesson, file, pointer: '' });
  if (!broken.moduleTrusts('/lessons')) return { lessons: validFiles.map(located), unlisted: [] };
  const existing = new Set([...lessonsByFileName.keys(), ...broken.lessonNames]);
  const unlistedNames = new Set([...lessonsByFileName.keys()].filter((name) => !meta.lessons.includes(name)));
  const lessons: Located<Lesson>[] = [];
  meta.lessons.forEach((lessonId, index) => {
    if (broken.lessonNames.has(lessonId)) return;
    const file = lessonsByFileName.get(lessonId);
    if (!file) {
      const suggestion = closest(
        lessonId,
        [...existing].filter((name) => !meta.lessons.includes(name)),
      );
      report(
        'lesson-missing',
        moduleAt(`/lessons/${index}`),
        `lesson \`${lessonId}\` is in the lesson order, but ${loaded.displayFolder}/lessons/${lessonId}.json does not exist.`,
        {
          hint: suggestion
            ? `There is a lesson file ${suggestion}.json: did you mean \`${suggestion}\`?`
            : `Create it with \`coursekit new lesson ${loaded.folderName} ${lessonId}\`, or remove "${lessonId}" from "lessons".`,
        },
      );
      const meant = suggestion === undefined ? undefined : lessonsByFileName.get(suggestion);
      if (meant && unlistedNames.delete(suggestion!)) lessons.push(located(meant));
      return;
    }
    const lesson = file.data as Lesson;
    if (lesson.id !== lessonId) {
      const owner = existing.has(lesson.id) ? `, which is the name of ${loaded.displayFolder}/lessons/${lesson.id}.json` : '';
      report(
        'lesson-id-mismatch',
        { file, pointer: '/id' },
        `the file is ${lessonId}.json, but its id is \`${lesson.id}\`${owner}; they must be the same.`,
        {
          hint: owner
            ? `Set "id" to "${lessonId}": each lesson has its own id, the same as its file name.`
            : `Set "id" to "${lessonId}", or rename the file to ${lesson.id}.json and update the lesson order in module.json.`,
        },
      );
    }
    lessons.push(located(file));
  });
  const unlisted: Located<Lesson>[] = [];
  for (const name of unlistedNames) {
    const file = lessonsByFileName.get(name)!;
    unlisted.push(located(file));
    const id = (file.data as Lesson).id;
    const twin = id !== name && meta.lessons.includes(id) ? lessonsByFileName.get(id) : undefined;
    if (twin) {
      // A copied lesson that kept the id of the one it was copied from: the order names files, so this one is left out.
      report(
        'duplicate-id',
        { file, pointer: '/id' },
        `the lesson id \`${id}\` is also the id of ${twin.displayPath} (line ${twin.locate('/id').line}); the lesson order lists that file, so this one (${name}.json) is not built.`,
        {
          hint: `Give this lesson its own id, the same as its file name: set "id" to "${name}", and add "${name}" to "lessons" in module.json.`,
        },
      );
      continue;
    }
    report(
      'lesson-unlisted',
      { file, pointer: '' },
      `the lesson is not in the lesson order ("lessons" in module.json), so it is not built.`,
    );
  }
  return { lessons, unlisted };
}

/** The terms of glossary.json, where there is one. */
export function glossaryTerms({ loaded, broken }: RuleContext): Located<GlossaryTerm>[] {
  const file = loaded.glossaryFile;
  if (!file || broken.file(file)) return [];
  return (file.data as Glossary).terms.map((term, i) => ({ value: term, file, pointer: `/terms/${i}` }));
}

/** Reports every repeated id, and returns the items by id with the first of each kept. */
export function firstById<T extends { id: string }>(items: Located<T>[], what: string, report: Report): Map<string, Located<T>> {
  const first = new Map<string, Located<T>>();
  for (const item of items) {
    const earlier = first.get(item.value.id);
    if (earlier) {
      const where = earlier.file === item.file ? 'earlier in this file' : `in ${earlier.file.displayPath}`;
      report(
        'duplicate-id',
        { file: item.file, pointer: `${item.pointer}/id` },
        `the ${what} id \`${item.value.id}\` is already used ${where} (line ${earlier.file.locate(`${earlier.pointer}/id`).line}).`,
      );
    } else {
      first.set(item.value.id, item);
    }
  }
  return first;
}

/** Glossary blocks name terms of glossary.json. */
export function checkGlossaryReferences(
  { loaded, broken, report }: RuleContext,
  lessons: Located<Lesson>[],
  glossaryById: Map<string, unknown>,
): void {
  const glossaryIds = [...glossaryById.keys()];
  for (const lesson of lessons) {
    for (const [b, block] of lesson.value.blocks.entries()) {
      if (block.type !== 'glossary') continue;
      const blockAt = { file: lesson.file, pointer: `/blocks/${b}` };
      if (!loaded.glossaryFile && !broken.glossary) {
        report('glossary-missing', blockAt, `the block shows key terms, but ${loaded.displayFolder}/glossary.json does not exist.`);
        continue;
      }
      block.terms.forEach((term, t) => {
        if (glossaryById.has(term) || broken.mayDeclare('glossary', term)) return;
        const suggestion = closest(term, glossaryIds);
        report(
          'unknown-reference',
          { ...blockAt, pointer: `${blockAt.pointer}/terms/${t}` },
          `the glossary term \`${term}\` is not in glossary.json.`,
          {
            hint: suggestion ? `Did you mean \`${suggestion}\`?` : 'Add the term to glossary.json, or check the spelling of its id.',
          },
        );
      });
    }
  }
}
