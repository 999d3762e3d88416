/**
 * Every diagnostic coursekit can report. Codes are stable: documentation links to them and CI
 * scripts may filter on them, so rename a title or hint freely but never a code.
 * `docs/diagnostics.md` is generated from this table (`npm run docs`).
 */
import type { Severity } from './diagnostic.js';

export interface CatalogEntry {
  severity: Severity;
  title: string;
  /** The default hint, used when a check has nothing more specific to say. */
  hint: string;
}

export const catalog = {
  // Reading files
  'file-unreadable': { severity: 'error', title: 'File cannot be read', hint: 'Check that the file exists and that you have permission to read it.' },
  'file-empty': { severity: 'error', title: 'File is empty', hint: 'Write the JSON content, or delete the file if it is not needed. `coursekit new lesson` creates a valid starting point.' },
  'file-too-large': { severity: 'error', title: 'File is too large', hint: 'A lesson over 2 MB is almost certainly a mistake (pasted data or a binary file). Split the content into several lessons, and keep media in separate files.' },
  'file-not-utf8': { severity: 'error', title: 'File is not UTF-8 text', hint: 'Save the file as UTF-8 in your editor (in VS Code: "Save with Encoding" → UTF-8).' },
  'file-bom': { severity: 'warning', title: 'File starts with a byte order mark', hint: 'Save the file as UTF-8 without BOM. coursekit reads it anyway.' },
  'json-syntax': { severity: 'error', title: 'Invalid JSON', hint: 'Look at the marked position and just before it: a missing comma, an extra trailing comma, or an unclosed quote or bracket are the usual causes.' },

  // Schema
  'schema-required': { severity: 'error', title: 'Required field missing', hint: 'Add the field; your editor can autocomplete it when the file has a "$schema" line.' },
  'schema-unknown-property': { severity: 'error', title: 'Unknown field', hint: 'Check the spelling; fields are case-sensitive. Remove the field if it is not part of the format.' },
  'schema-type': { severity: 'error', title: 'Wrong kind of value', hint: 'Use the kind of value the field expects (text in quotes, a number without quotes, a list in [ ], an object in { }).' },
  'schema-enum': { severity: 'error', title: 'Value not allowed', hint: 'Use one of the listed values, spelt exactly.' },
  'schema-unknown-type': { severity: 'error', title: 'Unknown block or question type', hint: 'Use one of the listed types, spelt exactly.' },
  'schema-pattern': { severity: 'error', title: 'Value has the wrong form', hint: 'Identifiers use lowercase letters, digits and hyphens only.' },
  'schema-length': { severity: 'error', title: 'Text or list has the wrong length', hint: 'Shorten or lengthen the text or list as described.' },
  'schema-range': { severity: 'error', title: 'Number out of range', hint: 'Use a number within the range described.' },
  'schema-duplicate-items': { severity: 'error', title: 'Duplicate entries in a list', hint: 'Remove the repeated entry.' },
  'schema-invalid': { severity: 'error', title: 'Does not match the format', hint: 'Compare the field with the schema in schemas/, or with the sample module in modules/.' },

  // Module structure and references
  'modules-none': { severity: 'error', title: 'No modules found', hint: 'Each module is a folder in modules/ with a module.json. `coursekit new module <id>` creates one.' },
  'module-not-found': { severity: 'error', title: 'Module not found', hint: 'Use the folder name of a module in modules/.' },
  'module-json-missing': { severity: 'error', title: 'Module folder has no module.json', hint: 'Every folder in modules/ must contain a module.json. Move other files out of modules/.' },
  'module-id-mismatch': { severity: 'error', title: 'Module id differs from its folder name', hint: 'Make the folder name and the "id" in module.json the same, so the packages are named predictably.' },
  'lesson-missing': { severity: 'error', title: 'Listed lesson has no file', hint: 'Create lessons/<id>.json, or remove the id from "lessons" in module.json.' },
  'lesson-id-mismatch': { severity: 'error', title: 'Lesson id differs from its file name', hint: 'Make the file name and the "id" the same.' },
  'lesson-unlisted': { severity: 'warning', title: 'Lesson file is not in the lesson order', hint: 'Add its id to "lessons" in module.json, or delete the file. Unlisted lessons are not built.' },
  'duplicate-id': { severity: 'error', title: 'Identifier used twice', hint: 'Identifiers must be unique within the module: rename one of them. Published ids become SCORM identifiers, so rename the newer one.' },
  'unknown-reference': { severity: 'error', title: 'Reference to something that does not exist', hint: 'Check the spelling of the id, or add the missing item.' },
  'unknown-source': { severity: 'error', title: 'Citation names an undeclared document', hint: 'Cite a document listed in "sources" in module.json, spelt exactly the same (e.g. A/58/275).' },
  'unknown-paragraph': { severity: 'error', title: 'Citation names a paragraph that is not in the source text', hint: 'Use a paragraph number that appears in the source document file (a line starting with "74. ", for example).' },
  'paragraph-not-declared': { severity: 'warning', title: 'Citation names a paragraph outside the declared recommendations', hint: 'Add the paragraph to "paragraphs" in module.json, or cite one of the declared paragraphs.' },
  'source-file-missing': { severity: 'error', title: 'Source document file not found', hint: 'Put the document text in the module folder at the path given in "file".' },
  'source-paragraph-missing': { severity: 'error', title: 'Declared paragraph not found in the source text', hint: 'The source file must contain the paragraph as a line starting with its number and a full stop, e.g. "76. ".' },
  'quote-not-verbatim': { severity: 'error', title: 'Quote is not verbatim', hint: 'Copy the words exactly from the cited paragraph of the source file. Line breaks and repeated spaces do not matter; every other character does.' },
  'objective-source-mismatch': { severity: 'error', title: 'Question cites a different paragraph from its objective', hint: 'A question should assess an objective drawn from the same paragraph: change the question\'s "objective" or its "source".' },
  'answer-unknown-option': { severity: 'error', title: 'Correct answer names an option that does not exist', hint: 'Use the "id" of one of the question\'s options.' },
  'duplicate-option': { severity: 'error', title: 'Option id used twice in one question', hint: 'Give each option its own id (a, b, c…).' },
  'option-feedback-missing': { severity: 'warning', title: 'Option has no feedback', hint: 'Explain why this option is right or wrong, with reference to the text: learners read it after answering.' },
  'draw-unsatisfiable': { severity: 'error', title: 'Assessment draws more questions than the bank has', hint: 'Add questions for that paragraph to questions/, or lower the draw "count".' },
  'paragraph-not-taught': { severity: 'error', title: 'A declared paragraph is not taught', hint: 'Every paragraph in "paragraphs" needs at least one learning objective that cites it.' },
  'paragraph-not-assessed': { severity: 'error', title: 'A declared paragraph is not assessed', hint: 'Add a "draw" entry for the paragraph to the assessment in module.json, with questions for it in questions/.' },
  'glossary-missing': { severity: 'error', title: 'Lesson shows key terms but the module has no glossary', hint: 'Create glossary.json beside module.json.' },
  'media-missing': { severity: 'error', title: 'Media file not found', hint: 'Put the file in the module folder (e.g. media/) and check the spelling and letter case of the path.' },
  'media-outside-module': { severity: 'error', title: 'Media path leaves the module folder', hint: 'Use a relative path inside the module folder, such as media/chart.svg. URLs, absolute paths and ".." are not allowed: packages must work offline.' },
  'assessment-missing': { severity: 'error', title: 'Completion needs an assessment the module does not have', hint: 'Add an "assessment" to module.json, or set "tracking.completion" to "allPagesViewed".' },
  'no-assessment-questions': { severity: 'warning', title: 'Question bank without an assessment', hint: 'Add an "assessment" to module.json so the questions are used, or remove questions/.' },

  // Packaging
  'manifest-rule': { severity: 'error', title: 'SCORM manifest breaks a packaging rule', hint: 'This is a coursekit bug if your content validated: please report it with the module.' },
  'build-failed': { severity: 'error', title: 'Rendering failed', hint: 'If the content validated, this is a template or coursekit bug: please report it with the module.' },

  // Authoring commands
  'scaffold-exists': { severity: 'error', title: 'File or folder already exists', hint: 'Choose another id: coursekit never overwrites your files.' },
  'scaffold-bad-id': { severity: 'error', title: 'Identifier has the wrong form', hint: 'Use lowercase letters, digits and hyphens, starting with a letter (e.g. migration-basics).' },
} as const satisfies Record<string, CatalogEntry>;

export type DiagnosticCode = keyof typeof catalog;
