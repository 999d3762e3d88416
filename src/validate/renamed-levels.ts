/**
 * The cognitive levels took Anderson and Krathwohl's names: "recall" became "remember" and
 * "application" became "apply" (or "analyse"). Content written with the old names keeps
 * building: each file that uses them gets one warning saying how to rename, and the rest of
 * validation reads a copy of the file with the new names. The author's file is never changed.
 */
import { diagnosticAt } from '../diagnostics/create.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { LoadedModule } from '../load/index.js';
import { pointerToSegments, segmentsToPointer, valueAt } from '../load/json-pointer.js';
import type { JsonFile } from '../model/json-file.js';
import { describePlace, type ContentKind } from './place.js';

const NEW_NAMES: Record<string, string> = { recall: 'remember', application: 'apply' };

interface OldLevel {
  pointer: string;
  questionId: string;
  name: string;
}

export function renameOldLevels(loaded: LoadedModule): { loaded: LoadedModule; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const renamed = (file: JsonFile, kind: ContentKind): JsonFile => {
    const found = findOldLevels(file.data, kind);
    if (found.length === 0) return file;
    diagnostics.push(oldLevelsWarning(file, kind, found));
    const data = structuredClone(file.data);
    for (const old of found) setAt(data, old.pointer, NEW_NAMES[old.name]);
    return { ...file, data };
  };
  return {
    loaded: {
      ...loaded,
      lessonFiles: loaded.lessonFiles.map((f) => renamed(f, 'lesson')),
      questionFiles: loaded.questionFiles.map((f) => renamed(f, 'question-bank')),
    },
    diagnostics,
  };
}

/** The old level names where the schema puts levels: bank questions, knowledge-check questions. */
function findOldLevels(data: unknown, kind: ContentKind): OldLevel[] {
  const found: OldLevel[] = [];
  const visit = (questions: unknown, pointer: string) => {
    if (!Array.isArray(questions)) return;
    questions.forEach((q: unknown, i) => {
      const question = (typeof q === 'object' && q !== null ? q : {}) as Record<string, unknown>;
      const name = question.level;
      if (typeof name !== 'string' || !Object.hasOwn(NEW_NAMES, name)) return;
      found.push({ pointer: `${pointer}/${i}/level`, questionId: typeof question.id === 'string' ? question.id : `${i + 1}`, name });
    });
  };
  const record = (typeof data === 'object' && data !== null ? data : {}) as Record<string, unknown>;
  if (kind === 'question-bank') visit(record.questions, '/questions');
  else if (Array.isArray(record.blocks)) {
    record.blocks.forEach((block: unknown, b) => {
      const fields = (typeof block === 'object' && block !== null ? block : {}) as Record<string, unknown>;
      if (fields.type === 'knowledgeCheck') visit(fields.questions, `/blocks/${b}/questions`);
    });
  }
  return found;
}

function setAt(data: unknown, pointer: string, value: unknown): void {
  const segments = pointerToSegments(pointer);
  const key = segments.pop()!;
  (valueAt(data, segmentsToPointer(segments)) as Record<string, unknown>)[key] = value;
}

function oldLevelsWarning(file: JsonFile, kind: ContentKind, found: OldLevel[]): Diagnostic {
  const first = found[0]!;
  const names = [...new Set(found.map((f) => f.name))];
  const idsUsing = (name: string) =>
    found
      .filter((f) => f.name === name)
      .map((f) => `\`${f.questionId}\``)
      .join(', ');
  let message: string;
  if (found.length === 1) {
    message = `${describePlace(kind, file.data, first.pointer).label}: the cognitive level "${first.name}" has a new name: "${NEW_NAMES[first.name]}".`;
  } else {
    const place = describePlace(kind, file.data, '').label;
    message =
      names.length === 1
        ? `${place}: ${found.length} questions use the old name "${first.name}" for their cognitive level: ${idsUsing(first.name)}.`
        : `${place}: ${found.length} questions use old names for their cognitive level: ${names.map((n) => `"${n}" (${idsUsing(n)})`).join(' and ')}.`;
  }
  const steps: string[] = [];
  if (names.includes('recall')) steps.push('Rename "recall" to "remember".');
  if (names.includes('application'))
    steps.push(
      'Rename "application" to "apply", or to "analyse" where the learner must break a situation down (weigh a case against the text, find what a draft lacks).',
    );
  const reading = names.map((n) => `"${n}" as "${NEW_NAMES[n]}"`).join(' and ');
  const hint = `${steps.join(' ')} Until then coursekit reads ${reading}. The levels are, lowest first: remember, understand, apply, analyse.`;
  return diagnosticAt('level-renamed', file, first.pointer, message, { hint });
}
