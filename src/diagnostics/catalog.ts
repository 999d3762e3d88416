/**
 * Every diagnostic coursekit can report. Codes are stable: documentation links to them and CI
 * scripts may filter on them, so rename a title or hint freely but never a code.
 * `docs/diagnostics.md` is generated from this table (`node scripts/generate-docs.mjs`); CI
 * checks that it is current (`--check`). How to write a message: see README.md in this folder.
 */
export type Severity = 'error' | 'warning';

export type CatalogGroup =
  | 'read'
  | 'schema'
  | 'structure'
  | 'sources'
  | 'questions'
  | 'media'
  | 'style'
  | 'package'
  | 'commands'
  | 'translation'
  | 'results'
  | 'handout';

export interface CatalogEntry {
  severity: Severity;
  group: CatalogGroup;
  title: string;
  /** The default hint, used when a check has nothing more specific to say. */
  hint: string;
}

/** Headings of the groups, in the order the documentation lists them. */
export const catalogGroups: Record<CatalogGroup, string> = {
  read: 'Reading files',
  schema: 'Schema: the shape of each file',
  structure: 'Module structure and references',
  sources: 'Source documents, citations and quotes',
  questions: 'Questions and the assessment',
  media: 'Media and accessibility',
  style: 'Writing style',
  package: 'Packaging',
  commands: 'Authoring commands',
  translation: 'Translations (XLIFF)',
  results: 'Results from an LMS (`coursekit results`)',
  handout: 'Workshop handouts (`coursekit handout`)',
};

export const catalog = {
  // Reading files
  'file-unreadable': {
    severity: 'error',
    group: 'read',
    title: 'File cannot be read',
    hint: 'Check that the file exists and that you have permission to read it.',
  },
  'file-empty': {
    severity: 'error',
    group: 'read',
    title: 'File is empty',
    hint: 'Write the JSON content, or delete the file if it is not needed. `coursekit new lesson` creates a valid starting point.',
  },
  'file-too-large': {
    severity: 'error',
    group: 'read',
    title: 'File is too large',
    hint: 'A lesson over 2 MB is almost certainly a mistake (pasted data or a binary file). Split the content into several lessons, and keep media in separate files.',
  },
  'file-not-utf8': {
    severity: 'error',
    group: 'read',
    title: 'File is not UTF-8 text',
    hint: 'Save the file as UTF-8 in your editor (in VS Code: "Save with Encoding" → UTF-8).',
  },
  'file-bom': {
    severity: 'warning',
    group: 'read',
    title: 'File starts with a byte order mark',
    hint: 'Save the file as UTF-8 without BOM. coursekit reads it anyway.',
  },
  'json-syntax': {
    severity: 'error',
    group: 'read',
    title: 'Invalid JSON',
    hint: "Look at the marked position and just before it. Fix this first: the file's content is checked once it reads as JSON.",
  },

  // Schema
  'schema-required': {
    severity: 'error',
    group: 'schema',
    title: 'Required field missing',
    hint: 'Add the field; your editor can autocomplete it when the file has a "$schema" line.',
  },
  'schema-unknown-property': {
    severity: 'error',
    group: 'schema',
    title: 'Unknown field',
    hint: 'Check the spelling; fields are case-sensitive. Remove the field if it is not part of the format.',
  },
  'schema-type': {
    severity: 'error',
    group: 'schema',
    title: 'Wrong kind of value',
    hint: 'Use the kind of value the field expects (text in quotes, a number without quotes, a list in [ ], an object in { }).',
  },
  'schema-enum': { severity: 'error', group: 'schema', title: 'Value not allowed', hint: 'Use one of the listed values, spelt exactly.' },
  'schema-unknown-type': {
    severity: 'error',
    group: 'schema',
    title: 'Unknown block or question type',
    hint: 'Use one of the listed types, spelt exactly.',
  },
  'schema-pattern': {
    severity: 'error',
    group: 'schema',
    title: 'Value has the wrong form',
    hint: 'Write the value in the form the message describes.',
  },
  'schema-length': {
    severity: 'error',
    group: 'schema',
    title: 'Text or list has the wrong length',
    hint: 'Shorten or lengthen the text or list as described.',
  },
  'schema-range': { severity: 'error', group: 'schema', title: 'Number out of range', hint: 'Use a number within the range described.' },
  'schema-duplicate-items': {
    severity: 'error',
    group: 'schema',
    title: 'Duplicate entries in a list',
    hint: 'Remove the repeated entry.',
  },
  'schema-invalid': {
    severity: 'error',
    group: 'schema',
    title: 'Does not match the format',
    hint: 'Compare the field with the schema in schemas/, or with the sample module in modules/.',
  },
  'text-blank': {
    severity: 'error',
    group: 'schema',
    title: 'Text is blank',
    hint: 'Write the text, or remove the field if it is optional. Spaces alone show the learner nothing.',
  },

  // Module structure and references
  'modules-none': {
    severity: 'error',
    group: 'structure',
    title: 'No modules found',
    hint: 'Each module is a folder in modules/ with a module.json. `coursekit new module <id>` creates one.',
  },
  'module-not-found': {
    severity: 'error',
    group: 'structure',
    title: 'Module not found',
    hint: 'Use the folder name of a module in modules/.',
  },
  'module-json-missing': {
    severity: 'error',
    group: 'structure',
    title: 'Module folder has no module.json',
    hint: 'Every folder in modules/ must contain a module.json. Move other files out of modules/.',
  },
  'module-id-mismatch': {
    severity: 'error',
    group: 'structure',
    title: 'Module id differs from its folder name',
    hint: 'Make the folder name and the "id" in module.json the same, so the packages are named predictably.',
  },
  'lesson-missing': {
    severity: 'error',
    group: 'structure',
    title: 'Listed lesson has no file',
    hint: 'Create lessons/<id>.json (`coursekit new lesson <module> <id>`), or remove the id from "lessons" in module.json.',
  },
  'lesson-id-mismatch': {
    severity: 'error',
    group: 'structure',
    title: 'Lesson id differs from its file name',
    hint: 'Make the file name and the "id" the same.',
  },
  'lesson-unlisted': {
    severity: 'warning',
    group: 'structure',
    title: 'Lesson file is not in the lesson order',
    hint: 'Add its id to "lessons" in module.json, or delete the file. Unlisted lessons are not built.',
  },
  'duplicate-id': {
    severity: 'error',
    group: 'structure',
    title: 'Identifier used twice',
    hint: 'Identifiers must be unique within the module: rename one of them. Published ids become SCORM identifiers, so rename the newer one.',
  },
  'unknown-reference': {
    severity: 'error',
    group: 'structure',
    title: 'Reference to something that does not exist',
    hint: 'Check the spelling of the id, or add the missing item.',
  },
  'glossary-missing': {
    severity: 'error',
    group: 'structure',
    title: 'Lesson shows key terms but the module has no glossary',
    hint: 'Create glossary.json beside module.json.',
  },
  'language-strings-missing': {
    severity: 'warning',
    group: 'structure',
    title: "Learner interface not translated into the module's language",
    hint: 'Buttons and labels fall back to English. Ask the coursekit maintainers to add the translation (src/render/locales/<language>.json), or check the "language" tag.',
  },

  // Source documents, citations and quotes
  'unknown-source': {
    severity: 'error',
    group: 'sources',
    title: 'Citation names an undeclared document',
    hint: 'Cite a document listed in "sources" in module.json, spelt exactly the same (e.g. A/58/275).',
  },
  'unknown-paragraph': {
    severity: 'error',
    group: 'sources',
    title: 'Citation names a paragraph that is not in the source text',
    hint: 'Use a paragraph number that appears in the source document file (a line starting with "74. ", for example).',
  },
  'paragraph-not-declared': {
    severity: 'warning',
    group: 'sources',
    title: 'Citation names a paragraph outside the declared recommendations',
    hint: 'Add the paragraph to "paragraphs" in module.json, or cite one of the declared paragraphs.',
  },
  'source-file-missing': {
    severity: 'error',
    group: 'sources',
    title: 'Source document file not found',
    hint: 'Put the document text in the module folder at the path given in "file".',
  },
  'source-paragraph-missing': {
    severity: 'error',
    group: 'sources',
    title: 'Declared paragraph not found in the source text',
    hint: 'The source file must contain the paragraph as a line starting with its number and a full stop, e.g. "76. ".',
  },
  'quote-not-verbatim': {
    severity: 'error',
    group: 'sources',
    title: 'Quote is not verbatim',
    hint: 'Copy the words exactly from the cited paragraph of the source file. Line breaks and repeated spaces do not matter; every other character does.',
  },
  'paragraph-not-taught': {
    severity: 'error',
    group: 'sources',
    title: 'A declared paragraph is not taught',
    hint: 'Every paragraph in "paragraphs" needs at least one learning objective that cites it.',
  },
  'paragraph-not-assessed': {
    severity: 'error',
    group: 'sources',
    title: 'A declared paragraph is not assessed',
    hint: 'Add a "draw" entry for the paragraph to the assessment in module.json, with questions for it in questions/.',
  },

  // Questions and the assessment
  'objective-source-mismatch': {
    severity: 'error',
    group: 'questions',
    title: 'Question cites a different paragraph from its objective',
    hint: 'A question should assess an objective drawn from the same paragraph: change the question\'s "objective" or its "source".',
  },
  'answer-unknown-option': {
    severity: 'error',
    group: 'questions',
    title: 'Correct answer names an option that does not exist',
    hint: 'Use the "id" of one of the question\'s options.',
  },
  'duplicate-option': {
    severity: 'error',
    group: 'questions',
    title: 'Option id used twice in one question',
    hint: 'Give each option its own id (a, b, c…).',
  },
  'draw-unsatisfiable': {
    severity: 'error',
    group: 'questions',
    title: 'Assessment draws more questions than the bank has',
    hint: 'Add questions for that paragraph to questions/, or lower the draw "count".',
  },
  'assessment-missing': {
    severity: 'error',
    group: 'questions',
    title: 'Completion needs an assessment the module does not have',
    hint: 'Add an "assessment" to module.json, or set "tracking.completion" to "allPagesViewed".',
  },
  'no-assessment-questions': {
    severity: 'warning',
    group: 'questions',
    title: 'Question bank without an assessment',
    hint: 'Add an "assessment" to module.json so the questions are used, or remove questions/.',
  },
  'option-feedback-missing': {
    severity: 'warning',
    group: 'questions',
    title: 'Option has no feedback',
    hint: 'Explain why this option is right or wrong, with reference to the text: learners read it after answering.',
  },
  'all-options-correct': {
    severity: 'warning',
    group: 'questions',
    title: 'Every option is correct',
    hint: 'A learner who selects everything scores full marks. Add at least one plausible wrong option.',
  },
  'option-text-duplicate': {
    severity: 'warning',
    group: 'questions',
    title: 'Two options have the same text',
    hint: 'Learners cannot tell the options apart: reword or remove one.',
  },
  'draw-no-variety': {
    severity: 'warning',
    group: 'questions',
    title: 'Every attempt draws the same questions',
    hint: 'The draw uses every question the bank has for the paragraph, so a new attempt repeats the questions of the last one. Add questions, or lower the count.',
  },

  // Media and accessibility
  'media-missing': {
    severity: 'error',
    group: 'media',
    title: 'Media file not found',
    hint: 'Put the file in the module folder (e.g. media/) and check the spelling and letter case of the path.',
  },
  'theme-contrast': {
    severity: 'error',
    group: 'media',
    title: 'Theme colours are too close to read',
    hint: 'Pick colours further apart in lightness; a contrast checker (such as the WebAIM one) shows the ratio. The default theme meets WCAG AA.',
  },
  'media-outside-module': {
    severity: 'error',
    group: 'media',
    title: 'Media path leaves the module folder',
    hint: 'Use a relative path inside the module folder, such as media/chart.svg. URLs, absolute paths and ".." are not allowed: packages must work offline.',
  },
  'image-alt-missing': {
    severity: 'error',
    group: 'media',
    title: 'Image has no alt text',
    hint: 'Describe in "alt" what the image shows, for learners who use a screen reader or cannot load images.',
  },
  'image-alt-unhelpful': {
    severity: 'warning',
    group: 'media',
    title: 'Alt text does not describe the image',
    hint: 'Say what the image shows and why it is there (e.g. "Map of the four policy areas in paragraph 76"), not its file name or "image".',
  },

  // Style and review
  'objective-not-measurable': {
    severity: 'warning',
    group: 'style',
    title: 'Objective is not measurable',
    hint: 'Start with a verb that names something a learner can show: explain, list, identify, compare, apply. "Understand" or "know" cannot be assessed.',
  },
  'markdown-html': {
    severity: 'warning',
    group: 'style',
    title: 'HTML in markdown text',
    hint: 'coursekit shows HTML as text, never as markup, so learners will see the tags. Use **bold**, *italic* and lists starting with "- " instead.',
  },
  'markdown-unsupported': {
    severity: 'warning',
    group: 'style',
    title: 'Markdown the page cannot show as written',
    hint: 'Lesson text takes paragraphs, **bold**, *italic*, lists, "## " sub-headings, tables, "> " quotes and links to https://, http:// or mailto: addresses. Images go in an "image" block.',
  },

  // Packaging
  'manifest-schema': {
    severity: 'error',
    group: 'package',
    title: 'SCORM manifest does not match the official schema',
    hint: 'An LMS would refuse this package, so it was not written. This is a coursekit bug if your content validated: please report it with the module.',
  },
  'manifest-rule': {
    severity: 'error',
    group: 'package',
    title: 'SCORM manifest breaks a packaging rule',
    hint: 'This is a coursekit bug if your content validated: please report it with the module.',
  },
  'package-too-large': {
    severity: 'error',
    group: 'package',
    title: 'Package is too large for a zip file',
    hint: 'LMSs read classic zip files, which hold at most 65,535 files and 4 GB. Split the course into several modules, or make its media files smaller.',
  },
  'build-failed': {
    severity: 'error',
    group: 'package',
    title: 'Rendering failed',
    hint: 'If the content validated, this is a template or coursekit bug: please report it with the module.',
  },

  // Authoring commands
  'scaffold-exists': {
    severity: 'error',
    group: 'commands',
    title: 'File or folder already exists',
    hint: 'Choose another id: coursekit never overwrites your files.',
  },
  'scaffold-bad-id': {
    severity: 'error',
    group: 'commands',
    title: 'Identifier has the wrong form',
    hint: 'Use lowercase letters, digits and hyphens (e.g. migration-basics).',
  },
  'output-refused': {
    severity: 'error',
    group: 'commands',
    title: 'Output folder refused',
    hint: 'Build into a new folder or one coursekit created (it holds a .coursekit-output file), such as dist/. A build replaces its output folder, so coursekit never builds into your project, your modules or a folder of yours.',
  },
  'output-unwritable': {
    severity: 'error',
    group: 'commands',
    title: 'Output file cannot be written',
    hint: 'Check that the folder exists and that you may write to it.',
  },

  // Translations (XLIFF)
  'xliff-invalid': {
    severity: 'error',
    group: 'translation',
    title: 'XLIFF file cannot be read',
    hint: 'coursekit reads the XLIFF 2.0 files that `coursekit xliff export` writes, as a translation tool saves them back. Check that the tool saved XLIFF 2.0 (or 2.1) and kept the unit ids.',
  },
  'language-tag-invalid': {
    severity: 'error',
    group: 'translation',
    title: 'Language tag has the wrong form',
    hint: 'Use a BCP 47 tag as module.json does: a two- or three-letter language code in lowercase, optionally followed by a script or region (fr, ar, zh-Hans, pt-BR).',
  },
  'translation-language-mismatch': {
    severity: 'error',
    group: 'translation',
    title: 'XLIFF file is for other languages',
    hint: 'Export the texts again for the language you want (`coursekit xliff export <module> --lang <language>`); the translation tool must keep the source and target languages as exported.',
  },
  'translation-wrong-module': {
    severity: 'error',
    group: 'translation',
    title: 'XLIFF file is for another module',
    hint: 'Import each translation into the module it was exported from; `coursekit xliff import` finds the module from the file.',
  },
  'translation-file-missing': {
    severity: 'error',
    group: 'translation',
    title: 'Declared translation has no XLIFF file',
    hint: 'Export the texts for the translator (`coursekit xliff export <module> --lang <language>`) and import the translation (`coursekit xliff import <file>`), or remove the language from "translations" in module.json.',
  },
  'translation-undeclared': {
    severity: 'warning',
    group: 'translation',
    title: 'Translation not listed in module.json',
    hint: 'Add the language to "translations" in module.json to publish the translation, or delete the file.',
  },
  'translation-missing': {
    severity: 'warning',
    group: 'translation',
    title: 'Text not translated',
    hint: 'Translate the text in the XLIFF file and import it again (`coursekit xliff import <file>`). Until every text is translated the build leaves the language out (`--draft` builds it as a draft); the source language and complete languages build as usual.',
  },
  'translation-stale': {
    severity: 'warning',
    group: 'translation',
    title: 'Translation made from an older text',
    hint: 'Export again (`coursekit xliff export <module> --lang <language>`): changed texts come back for translation, with the earlier translation in a note. Until the new translation is imported the build leaves the language out (`--draft` builds it as a draft).',
  },
  'translation-incomplete': {
    severity: 'warning',
    group: 'translation',
    title: 'Translation not complete: the language is left out of the build',
    hint: 'Export the texts again for the translator (`coursekit xliff export <module> --lang <language> --out <file>`) and import the translation (`coursekit xliff import <file>`). `coursekit build --draft` packages the language as a draft meanwhile, for review; `--strict` makes an incomplete language fail the build.',
  },
  'translation-unknown-unit': {
    severity: 'error',
    group: 'translation',
    title: 'XLIFF unit is not a text of the module',
    hint: 'The text was removed from the module or a tool changed the unit id. Export the current texts with the translations carried over (`coursekit xliff export <module> --lang <language> --from <file>`) and import that file.',
  },
  'translation-obsolete-unit': {
    severity: 'warning',
    group: 'translation',
    title: 'Translation of a text the module no longer has',
    hint: 'Nothing is lost. To drop it, export again (`coursekit xliff export <module> --lang <language> --out <file>`) and import the result.',
  },

  // Results from an LMS
  'results-format-unknown': {
    severity: 'error',
    group: 'results',
    title: 'File is not a results export coursekit reads',
    hint: 'coursekit reads Moodle\'s SCORM Interactions and Basic reports (CSV, Excel or OpenDocument download), the files of the web package\'s "Download my results", and CMI interaction dumps (JSON); see docs/results.md. The file is skipped; the others are analysed.',
  },
  'results-empty': {
    severity: 'error',
    group: 'results',
    title: 'Export has no learners',
    hint: 'Download the report again once learners have taken the assessment. In Moodle: the SCORM activity → Reports, with "All users and attempts" selected.',
  },
  'results-unreadable': {
    severity: 'error',
    group: 'results',
    title: 'Export cannot be opened',
    hint: 'The file is cut off or damaged, often by an interrupted download or an e-mail attachment limit. Download it again from the LMS.',
  },
  'results-truncated': {
    severity: 'warning',
    group: 'results',
    title: 'Export is cut off',
    hint: 'The file ends in the middle of a row, usually an interrupted download. Download it again to include every learner.',
  },
  'results-row-skipped': {
    severity: 'warning',
    group: 'results',
    title: 'Row of an export cannot be read',
    hint: 'The rows named are left out; the rest is analysed. If a spreadsheet program saved the file, download it from the LMS again instead: a value holding the delimiter (a comma or a tab) must be in quotes.',
  },
  'results-encoding': {
    severity: 'warning',
    group: 'results',
    title: 'Export is not UTF-8 text',
    hint: 'Moodle downloads are UTF-8. A spreadsheet program may have saved the file in another encoding: download it from the LMS again, or save it as "CSV UTF-8".',
  },
  'results-duplicate': {
    severity: 'warning',
    group: 'results',
    title: 'Attempt read twice',
    hint: 'The same attempt is in two files (the CSV and the Excel download of one report, say) or twice in one. It is counted once.',
  },
  'results-response-unreadable': {
    severity: 'warning',
    group: 'results',
    title: 'Response does not fit its question',
    hint: 'The response names an option the question does not have. The export may come from another version of the module: analyse it with the module version the learners took.',
  },
  'results-result-mismatch': {
    severity: 'warning',
    group: 'results',
    title: 'Export and module disagree on an answer',
    hint: "The LMS recorded a verdict or a right answer that this module's key would not give. The export probably comes from another version of the module: analyse it with the version the learners took.",
  },
  'results-no-interactions': {
    severity: 'warning',
    group: 'results',
    title: 'Export has scores but no interactions',
    hint: "For results by recommendation and question in Moodle, give learners the SCORM 1.2 package (<module-id>-scorm12.zip): Moodle's Interactions report lists SCORM 1.2 interactions only.",
  },
  'results-unknown-interactions': {
    severity: 'warning',
    group: 'results',
    title: 'Interactions that are not questions of this module',
    hint: 'They come from another module or from a question removed or renamed since the package was built; they are listed with their counts in the report and left out of the figures.',
  },
  'results-no-match': {
    severity: 'error',
    group: 'results',
    title: 'Nothing in the export belongs to this module',
    hint: "Check the module name, and that the export comes from this module's package. Interaction ids map to the questions of the same module version: for an older version, analyse with that version's files (--modules).",
  },
  'results-wrong-module': {
    severity: 'error',
    group: 'results',
    title: 'Results file is for another module or version',
    hint: 'A results file names the module and version it was made with. Analyse it with that module version (--modules pointing at a copy of it).',
  },
  'results-nothing-analysed': {
    severity: 'error',
    group: 'results',
    title: 'Nothing could be analysed',
    hint: 'Fix the problems reported for each file, then run coursekit results again.',
  },

  // Workshop handouts
  'handout-language-unknown': {
    severity: 'error',
    group: 'handout',
    title: 'Handout language not published',
    hint: 'Give --lang the module\'s own language or one listed in "translations" in module.json (each needs a complete translations/<language>.xlf).',
  },
  'handout-forms-not-equivalent': {
    severity: 'warning',
    group: 'handout',
    title: 'Quiz forms A and B are not equivalent',
    hint: 'Form B could not draw as many questions per recommendation and cognitive level as form A, or only the same questions. Add questions to the bank at the levels named, or try another --seed.',
  },
  'handout-chromium-missing': {
    severity: 'error',
    group: 'handout',
    title: 'Chromium not found',
    hint: 'Give --chromium the path of a Chromium or Chrome program installed on this machine, or leave --chromium out to write the HTML only (coursekit never downloads a browser).',
  },
  'handout-pdf-failed': {
    severity: 'warning',
    group: 'handout',
    title: 'PDF could not be printed',
    hint: 'The HTML handouts were written: open them in a browser and print them (Print, then Save as PDF). Check that the Chromium given starts on this machine.',
  },
} as const satisfies Record<string, CatalogEntry>;

export type DiagnosticCode = keyof typeof catalog;
