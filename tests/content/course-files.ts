/**
 * The shipped course's files as written, for checks that look at every text at once or at
 * fields the content model does not carry: the course is read as plain JSON, not through
 * the validator.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { repoRoot } from '../helpers/projects.js';

export const courseDir = path.join(repoRoot, 'modules', 'migration-human-rights');

export interface CourseFile {
  /** The path inside the module folder, e.g. lessons/01-human-face-of-migration.json. */
  name: string;
  data: unknown;
}

export async function readCourseFiles(): Promise<CourseFile[]> {
  const inFolder = async (folder: string) =>
    (await readdir(path.join(courseDir, folder))).filter((f) => f.endsWith('.json')).map((f) => `${folder}/${f}`);
  const names = ['module.json', 'glossary.json', ...(await inFolder('lessons')), ...(await inFolder('questions'))].sort();
  return Promise.all(
    names.map(async (name) => ({ name, data: JSON.parse(await readFile(path.join(courseDir, name), 'utf8')) as unknown })),
  );
}

export interface TextAt {
  /** File and JSON pointer, for the failure message. */
  where: string;
  text: string;
  /** The accepted answers of the fill-in question the text belongs to, if any. */
  accept: string[] | undefined;
}

/** Every string in the course's files, with where it is. */
export function courseTexts(files: CourseFile[]): TextAt[] {
  const found: TextAt[] = [];
  const walk = (value: unknown, where: string, accept: string[] | undefined): void => {
    if (typeof value === 'string') {
      found.push({ where, text: value, accept });
    } else if (Array.isArray(value)) {
      for (const [i, item] of value.entries()) walk(item, `${where}/${i}`, accept);
    } else if (value && typeof value === 'object') {
      const record = value as Record<string, unknown>;
      const own = Array.isArray(record.accept) ? (record.accept as string[]) : accept;
      for (const [key, item] of Object.entries(record)) walk(item, `${where}/${key}`, own);
    }
  };
  for (const file of files) walk(file.data, `${file.name}#`, undefined);
  return found;
}

/** A lesson block as written, with the fields of the block types the checks look into. */
export interface RawBlock {
  type: string;
  heading?: string;
  variant?: string;
  markdown?: string;
  text?: string;
  citation?: { document: string; paragraph: number };
  id?: string;
  prompt?: string;
  modelAnswer?: string;
  start?: string;
  steps?: {
    id: string;
    speaker?: string;
    text: string;
    choices?: { id: string; text: string; feedback: string; source: { paragraph: number }; next?: string }[];
  }[];
  reflections?: string[];
  prompts?: { id: string; label: string; hint?: string }[];
}

export function lessonBlocks(files: CourseFile[], lessonId: string): RawBlock[] {
  const file = files.find((f) => f.name === `lessons/${lessonId}.json`);
  if (!file) throw new Error(`lessons/${lessonId}.json is missing`);
  return (file.data as { blocks: RawBlock[] }).blocks;
}
