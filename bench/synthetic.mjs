// Generates a valid module with N realistic lessons (about 4 KB of JSON each: objectives, text,
// a verbatim quote, key points, a callout, key terms, a reflection and a knowledge check) and a
// question bank, for the benchmarks.
import { mkdir, writeFile, copyFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const sample = path.join(here, '..', 'modules', 'migration-human-rights');
const PARAGRAPHS = [74, 75, 76, 77];
const QUOTES = {
  74: 'The economic contribution made by migrants to both countries of origin and of destination is widely recognized.',
  75: 'The Special Rapporteur believes that migration must not be considered only as a matter concerning national security.',
  76: 'Such policies and systems have to take into account numerous overlapping, interconnected policy areas',
  77: 'This would include cooperation in policy development, training and capacity-building, among other areas.',
};
const sentence = (i) =>
  `Ministries that shape migration policy in scenario ${i} compare their practice with the recommendation, note where the human rights of migrants are at stake, and agree who acts next.`;

export function syntheticLesson(i) {
  const paragraph = PARAGRAPHS[i % 4];
  const source = { document: 'A/58/275', paragraph };
  const id = `l${String(i).padStart(4, '0')}`;
  return {
    $schema: '../../../schemas/lesson.schema.json',
    id,
    title: `Lesson ${i + 1}: applying paragraph ${paragraph}`,
    summary: `Practice lesson ${i + 1} on paragraph ${paragraph}.`,
    estimatedMinutes: 10,
    objectives: [{ id: `obj-${id}`, text: `Apply paragraph ${paragraph} to case ${i + 1}.`, source }],
    blocks: [
      {
        type: 'text',
        heading: 'Context',
        markdown: `${sentence(i)}\n\n${sentence(i + 1)} **Key idea:** a *human rights-based* approach.\n\n- first point\n- second point`,
      },
      { type: 'quote', text: QUOTES[paragraph], citation: source },
      { type: 'keyPoints', items: [sentence(i + 2), sentence(i + 3), sentence(i + 4)] },
      { type: 'callout', variant: 'background', heading: 'Background', markdown: sentence(i + 5) },
      { type: 'text', markdown: `${sentence(i + 6)} ${sentence(i + 7)}\n\n${sentence(i + 8)}` },
      { type: 'glossary', terms: ['remittances'] },
      { type: 'reflection', prompt: `How does case ${i + 1} apply to your ministry?`, guidance: sentence(i + 9) },
      {
        type: 'knowledgeCheck',
        questions: [
          {
            id: `kc-${id}`,
            type: 'single',
            prompt: `Which paragraph does lesson ${i + 1} apply?`,
            source,
            objective: `obj-${id}`,
            level: 'remember',
            options: PARAGRAPHS.map((p, k) => ({
              id: 'abcd'[k],
              text: `Paragraph ${p}`,
              feedback: p === paragraph ? 'Yes.' : `No: this lesson applies paragraph ${paragraph}.`,
            })),
            correct: 'abcd'[PARAGRAPHS.indexOf(paragraph)],
          },
        ],
      },
    ],
  };
}

export function syntheticQuestion(i, lessonCount) {
  const lessonIndex = i % lessonCount;
  const source = { document: 'A/58/275', paragraph: PARAGRAPHS[lessonIndex % 4] };
  return {
    id: `q${String(i).padStart(4, '0')}`,
    type: 'single',
    prompt: `Question ${i + 1} about paragraph ${source.paragraph}?`,
    source,
    objective: `obj-l${String(lessonIndex).padStart(4, '0')}`,
    level: i % 2 ? 'remember' : 'apply',
    // Four different sentences of the source, so the item-writing checks see four real options.
    options: ['a', 'b', 'c', 'd'].map((id, k) => ({
      id,
      text: sentence(i * 4 + k),
      feedback: `Feedback on option ${id}.`,
    })),
    correct: 'a',
  };
}

/** Writes modules/<id>/ with `lessons` lessons and a bank of `questions` questions under `root`. */
export async function writeSyntheticModule(
  root,
  { lessons, questions = Math.max(8, Math.min(200, lessons)), id = `synthetic-${lessons}` },
) {
  const dir = path.join(root, 'modules', id);
  await mkdir(path.join(dir, 'lessons'), { recursive: true });
  await mkdir(path.join(dir, 'questions'), { recursive: true });
  await mkdir(path.join(dir, 'sources'), { recursive: true });
  await copyFile(path.join(sample, 'sources', 'A-58-275-paras-74-77.txt'), path.join(dir, 'sources', 'A-58-275-paras-74-77.txt'));
  const lessonIds = [];
  for (let i = 0; i < lessons; i++) {
    const lesson = syntheticLesson(i);
    lessonIds.push(lesson.id);
    await writeFile(path.join(dir, 'lessons', `${lesson.id}.json`), JSON.stringify(lesson, null, 2));
  }
  const bank = Array.from({ length: questions }, (_, i) => syntheticQuestion(i, lessons));
  await writeFile(
    path.join(dir, 'questions', 'bank.json'),
    JSON.stringify({ $schema: '../../../schemas/question-bank.schema.json', questions: bank }, null, 2),
  );
  await writeFile(
    path.join(dir, 'glossary.json'),
    JSON.stringify(
      { terms: [{ id: 'remittances', term: 'Remittances', definition: 'Money migrants send home.', background: true }] },
      null,
      2,
    ),
  );
  const perParagraph = Math.max(1, Math.min(3, Math.floor(questions / 4)));
  await writeFile(
    path.join(dir, 'module.json'),
    JSON.stringify(
      {
        id,
        version: '1.0.0',
        language: 'en',
        title: `Synthetic module with ${lessons} lessons`,
        description: 'Generated for the benchmarks.',
        sources: [{ document: 'A/58/275', title: 'A/58/275', file: 'sources/A-58-275-paras-74-77.txt', paragraphs: PARAGRAPHS }],
        lessons: lessonIds,
        assessment: {
          title: 'Assessment',
          draw: PARAGRAPHS.map((paragraph) => ({ source: { document: 'A/58/275', paragraph }, count: perParagraph })),
          passMark: 75,
          maxAttempts: 3,
        },
        tracking: { completion: 'allPagesViewedAndAssessmentPassed' },
      },
      null,
      2,
    ),
  );
  return { dir, id };
}
