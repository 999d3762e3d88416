/**
 * The texts `coursekit new` writes for the author to replace. The scaffold writes them from
 * here (src/scaffold/templates.ts) and validation warns wherever one is left
 * (rules/text.ts), so the list and the templates cannot drift apart. `{part}` stands for the
 * part of the source the text is about: "paragraph 1", "Article 13".
 */
export const PLACEHOLDERS = {
  document: 'DOC/1',
  sourceFile: 'Replace this file with the text of your source document, and DOC/1 with its symbol (in module.json too).',
  paragraphText: 'Replace this with the text of {part} of your source document.',
  moduleDescription: 'Replace this with two or three sentences on what the module covers and what learners will be able to do after it.',
  audience: 'Replace this with who the module is for.',
  sourceTitle: 'Replace this with the title of the source document',
  assessmentIntroduction: 'Replace this with a short introduction: how many questions, the pass mark, how many attempts.',
  lessonIntroduction: "Replace this with the lesson's introduction.",
  keyPoint: 'Replace this with what learners should remember from {part}.',
  lessonSummary: 'Replace this with one or two sentences for the start page.',
  questionPrompt: 'Replace this with a question on {part}.',
  correctOption: 'Replace with the correct answer.',
  wrongOption: 'Replace with a plausible wrong answer.',
  anotherWrongOption: 'Replace with another plausible wrong answer.',
  correctOptionFeedback: 'Say why this is right, quoting {part}.',
  wrongOptionFeedback: 'Say why this is wrong, with reference to {part}.',
  statementPrompt: 'Replace this with a statement about {part} that is true or false.',
  trueFeedback: 'Say why the statement is true.',
  falseFeedback: 'Explain what {part} says instead.',
} as const;

export type Placeholder = keyof typeof PLACEHOLDERS;

/** A placeholder as the scaffold writes it, about `part` ("paragraph 1", "Article 13"). */
export function placeholder(name: Placeholder, part = 'paragraph 1'): string {
  return PLACEHOLDERS[name].replaceAll('{part}', part);
}

// The document symbol is checked where it is declared (rules/citations.ts), not in every citation.
// One pattern for all of them, tried once per text: validation runs it on every string of every file.
const ANY_PLACEHOLDER = new RegExp(
  Object.entries(PLACEHOLDERS)
    .filter(([name]) => name !== 'document')
    .map(([, text]) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace('\\{part\\}', '.{1,40}?'))
    .join('|'),
);

/** The placeholder a text still holds, as written there, if any. */
export function placeholderIn(text: string): string | undefined {
  return ANY_PLACEHOLDER.exec(text)?.[0];
}
