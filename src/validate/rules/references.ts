/**
 * References between files: the module's id and folder, the lesson order in module.json and
 * the lesson files, ids that must be unique, and the glossary terms lessons name.
 */
import path from 'node:path';
import type { Glossary } from '../../model/content.generated.js';
import type { GlossaryTerm, Lesson } from '../../model/course.js';
import { closest } from '../suggest.js';
import type { Located, Report, RuleContext } from './context.js';

export function checkModuleId({ meta, loaded, report, moduleAt }: RuleContext): void {
  if (meta.id === loaded.folderName) return;
  report('module-id-mismatch', moduleAt('/id'), `the id \`${meta.id}\` differs from the folder name \`${loaded.folderName}\`.`, {
    hint: `Rename the folder to ${meta.id}, or set "id" to "${loaded.folderName}". The id names the packages and SCORM identifiers, so keep the published one.`,
  });
}

/** The lessons in the order module.json gives, which decides what is built. */
export function orderLessons({ meta, loaded, report, moduleAt }: RuleContext): Located<Lesson>[] {
  const lessonsByFileName = new Map(loaded.lessonFiles.map((f) => [path.basename(f.absolutePath, '.json'), f]));
  const unlisted = [...lessonsByFileName.keys()].filter((name) => !meta.lessons.includes(name));
  const lessons: Located<Lesson>[] = [];
  meta.lessons.forEach((lessonId, index) => {
    const file = lessonsByFileName.get(lessonId);
    if (!file) {
      const suggestion = closest(lessonId, unlisted);
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
      return;
    }
    const lesson = file.data as Lesson;
    if (lesson.id !== lessonId) {
      report(
        'lesson-id-mismatch',
        { file, pointer: '/id' },
        `the file is ${lessonId}.json, but its id is \`${lesson.id}\`; they must be the same.`,
        {
          hint: `Set "id" to "${lessonId}", or rename the file to ${lesson.id}.json and update the lesson order in module.json.`,
        },
      );
    }
    lessons.push({ value: lesson, file, pointer: '' });
  });
  for (const name of unlisted) {
    const file = lessonsByFileName.get(name)!;
    report(
      'lesson-unlisted',
      { file, pointer: '' },
      `the lesson is not in the lesson order ("lessons" in module.json), so it is not built.`,
    );
  }
  return lessons;
}

/** The terms of glossary.json, where there is one. */
export function glossaryTerms({ loaded }: RuleContext): Located<GlossaryTerm>[] {
  const file = loaded.glossaryFile;
  if (!file) return [];
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
  { loaded, report }: RuleContext,
  lessons: Located<Lesson>[],
  glossaryById: Map<string, unknown>,
): void {
  const glossaryIds = [...glossaryById.keys()];
  for (const lesson of lessons) {
    for (const [b, block] of lesson.value.blocks.entries()) {
      if (block.type !== 'glossary') continue;
      const blockAt = { file: lesson.file, pointer: `/blocks/${b}` };
      if (!loaded.glossaryFile) {
        report('glossary-missing', blockAt, `the block shows key terms, but ${loaded.displayFolder}/glossary.json does not exist.`);
        continue;
      }
      block.terms.forEach((term, t) => {
        if (glossaryById.has(term)) return;
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
