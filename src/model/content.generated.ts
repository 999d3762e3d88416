/* eslint-disable */
// Generated from schemas/ by scripts/generate-types.mjs. Do not edit: change the schema and run `npm run types`.

/**
 * What the question asks the learner to do with the text (Anderson and Krathwohl's levels, lowest first). remember: recall or recognise what the text says. understand: explain it, give its meaning in other words, classify an example. apply: use it in a new situation, such as a ministry case. analyse: break a situation down against the text: weigh a case, find what it lacks, tell relevant from irrelevant. ("recall" and "application", the earlier names, are read as remember and apply, with a warning.)
 */

export type CognitiveLevel = "remember" | "understand" | "apply" | "analyse";

/**
 * A course module: module.json in its own folder under modules/, with lessons/<id>.json, questions/*.json, an optional glossary.json and the source documents it quotes.
 */

export interface Module {
  $schema?: string;
  /**
   * The module identifier: lowercase letters, digits and hyphens, starting with a letter. It names the packages (<id>-scorm12.zip) and the SCORM manifest identifiers, so never change it once the course is published.
   */
  id: string;
  /**
   * The course version, as major.minor.patch. Raise it when you republish; the SCORM identifiers stay the same so learners keep their progress.
   */
  version: string;
  /**
   * A BCP 47 language tag such as en, fr, ar or zh-Hans.
   */
  language: string;
  /**
   * Other languages the module is published in. Each needs translations/<language>.xlf (XLIFF 2.0, from `coursekit xliff export` and `coursekit xliff import`); the build packages every language.
   *
   * Items: A BCP 47 language tag such as en, fr, ar or zh-Hans.
   */
  translations?: string[];
  /**
   * A title shown to the learner and written into SCORM manifests: plain text of at most 200 characters, the longest title a SCORM 1.2 manifest may hold.
   */
  title: string;
  /**
   * Plain text shown to the learner (no markup).
   */
  description: string;
  /**
   * Plain text shown to the learner (no markup).
   */
  audience?: string;
  estimatedMinutes?: number;
  /**
   * The documents the course quotes and draws its questions from.
   *
   * @minItems 1
   */
  sources: [SourceDocument, ...SourceDocument[]];
  /**
   * The lesson ids in the order learners take them; each is the file lessons/<id>.json.
   *
   * @minItems 1
   *
   * Items: A stable identifier: lowercase letters, digits and hyphens, starting with a letter or digit. It becomes part of file names, URLs and SCORM identifiers, so never change it once a course is published.
   */
  lessons: [string, ...string[]];
  assessment?: Assessment;
  tracking: Tracking;
  theme?: Theme;
  workshop?: Workshop;
}

export interface SourceDocument {
  /**
   * The document symbol that citations use, e.g. A/58/275.
   */
  document: string;
  /**
   * Plain text shown to the learner (no markup).
   */
  title: string;
  /**
   * The document's text inside the module folder, as plain text. Each part starts a line: numbered paragraphs with their number and a full stop ('74. '), articles, principles, sections and rules with their name and number ('Article 13'); 'numbering' says otherwise when the document does.
   */
  file: string;
  /**
   * The numbered paragraphs of the document the course covers (its recommendations). Every one must be taught, and assessed when there is an assessment. For a document divided into articles, principles, sections or rules, list those instead ("articles": [13, 14]).
   *
   * @minItems 1
   *
   * Items: The number of a part of a document as the document prints it: 74, 13, "2.3", or "14(1)" for numbered paragraph 1 of part 14.
   */
  paragraphs?: [number | string, ...(number | string)[]];
  /**
   * For a document divided into articles: the articles the course covers, e.g. [13, 14], cited as { "article": 13 }. Every one must be taught, and assessed when there is an assessment.
   *
   * @minItems 1
   *
   * Items: The number of a part of a document as the document prints it: 74, 13, "2.3", or "14(1)" for numbered paragraph 1 of part 14.
   */
  articles?: [number | string, ...(number | string)[]];
  /**
   * For a document divided into principles: the principles the course covers, e.g. [5, 6], cited as { "principle": 5 }. Every one must be taught, and assessed when there is an assessment.
   *
   * @minItems 1
   *
   * Items: The number of a part of a document as the document prints it: 74, 13, "2.3", or "14(1)" for numbered paragraph 1 of part 14.
   */
  principles?: [number | string, ...(number | string)[]];
  /**
   * For a document divided into sections: the sections the course covers, e.g. ["2.3"], cited as { "section": "2.3" }. Every one must be taught, and assessed when there is an assessment.
   *
   * @minItems 1
   *
   * Items: The number of a part of a document as the document prints it: 74, 13, "2.3", or "14(1)" for numbered paragraph 1 of part 14.
   */
  sections?: [number | string, ...(number | string)[]];
  /**
   * For a document divided into rules: the rules the course covers, e.g. [10, 11], cited as { "rule": 10 }. Every one must be taught, and assessed when there is an assessment.
   *
   * @minItems 1
   *
   * Items: The number of a part of a document as the document prints it: 74, 13, "2.3", or "14(1)" for numbered paragraph 1 of part 14.
   */
  rules?: [number | string, ...(number | string)[]];
  /**
   * How the parts start a line of the file, when the document does not print them the usual way: '74. ' for paragraphs, 'Article 13' (the name and the number) for articles, principles, sections and rules, and '1. ' for the numbered paragraphs inside an article, principle, section or rule.
   */
  numbering?: {
    /**
     * How each part starts a line, with {n} where its number is: "Artículo {n}", "{n} " (a section numbered "2.3 Title"), "Principle {n}:".
     */
    startsWith?: string;
    /**
     * How a numbered paragraph inside a part starts a line, with {n} where its number is: "{n}. " (the usual), "({n}) ". They are cited as "14(1)".
     */
    subparagraphs?: string;
  };
  /**
   * What learners see of the source text (the answer review, handouts), when the file has artefacts of its conversion to text. Quotes are still checked against the file as it is, and may match either.
   */
  display?: {
    /**
     * Leave out lines that hold only a page number ("22", "- 22 -", "Page 22").
     */
    dropPageNumbers?: boolean;
    /**
     * Words to show otherwise, such as a word a line break split: { "find": "fiftyninth", "with": "fifty-ninth" }. Applied in order, to every occurrence.
     */
    replace?: {
      /**
       * The text as the file has it (line breaks count as spaces).
       */
      find: string;
      /**
       * The text learners see instead.
       */
      with: string;
    }[];
  };
}
/**
 * The final assessment. Each attempt draws its questions from the question bank, paragraph by paragraph.
 */

export interface Assessment {
  /**
   * A title shown to the learner and written into SCORM manifests: plain text of at most 200 characters, the longest title a SCORM 1.2 manifest may hold.
   */
  title: string;
  /**
   * Text in coursekit's safe markdown subset: paragraphs separated by a blank line, **bold**, *italic*, lists starting with '- ' or '1. '. HTML is shown as text, never interpreted.
   */
  introduction?: string;
  /**
   * How many questions each attempt draws for each paragraph.
   *
   * @minItems 1
   */
  draw: [
    {
      source: Citation;
      count: number;
      /**
       * Every attempt draws at least `count` of this paragraph's questions at this cognitive level or above, e.g. { "level": "apply", "count": 1 }: at least one question that applies or analyses the paragraph. The build checks that the bank has enough of them.
       */
      minAtOrAbove?: {
        level: CognitiveLevel;
        count: number;
      };
    },
    ...{
      source: Citation;
      count: number;
      /**
       * Every attempt draws at least `count` of this paragraph's questions at this cognitive level or above, e.g. { "level": "apply", "count": 1 }: at least one question that applies or analyses the paragraph. The build checks that the bank has enough of them.
       */
      minAtOrAbove?: {
        level: CognitiveLevel;
        count: number;
      };
    }[]
  ];
  /**
   * The percentage of questions to answer correctly to pass.
   */
  passMark: number;
  /**
   * How many attempts a learner has; 0 means unlimited.
   */
  maxAttempts: number;
  shuffleQuestions?: boolean;
  shuffleOptions?: boolean;
  /**
   * Plain text shown to the learner (no markup).
   */
  rationale?: string;
}
/**
 * Where in a source document this comes from: the document's symbol as declared in module.json sources, and the part cited, named as the document's parts are: its paragraph, or its article, principle, section or rule.
 */

export interface Citation {
  /**
   * The source document's symbol, e.g. A/58/275.
   */
  document: string;
  /**
   * The number of a part of a document as the document prints it: 74, 13, "2.3", or "14(1)" for numbered paragraph 1 of part 14.
   */
  paragraph?: number | string;
  /**
   * The number of a part of a document as the document prints it: 74, 13, "2.3", or "14(1)" for numbered paragraph 1 of part 14.
   */
  article?: number | string;
  /**
   * The number of a part of a document as the document prints it: 74, 13, "2.3", or "14(1)" for numbered paragraph 1 of part 14.
   */
  principle?: number | string;
  /**
   * The number of a part of a document as the document prints it: 74, 13, "2.3", or "14(1)" for numbered paragraph 1 of part 14.
   */
  section?: number | string;
  /**
   * The number of a part of a document as the document prints it: 74, 13, "2.3", or "14(1)" for numbered paragraph 1 of part 14.
   */
  rule?: number | string;
}

export interface Tracking {
  /**
   * When the LMS records the module as completed. allPagesViewed: every lesson page was opened. assessmentPassed: the final assessment was passed. allPagesViewedAndAssessmentPassed: both.
   */
  completion: "allPagesViewed" | "assessmentPassed" | "allPagesViewedAndAssessmentPassed";
  /**
   * Package one SCO per lesson instead of one SCO for the whole module. One SCO is safest for most LMSs.
   */
  scoPerLesson?: boolean;
  /**
   * Write the pass mark as adlcp:masteryscore in the SCORM 1.2 manifest, letting the LMS decide pass/fail from the score. Off by default: the course reports passed/failed itself.
   */
  masteryScoreInManifest?: boolean;
  /**
   * What the LMS is told after a failed assessment attempt while the learner still has attempts left. incomplete (the default): SCORM 1.2 reports lesson_status "incomplete" with the score, so Moodle and LMSs like it keep the attempt open and the learner can retake; "failed" is reported after the last allowed attempt. SCORM 2004 reports success_status "failed" with completion_status "incomplete" either way. failed: SCORM 1.2 reports "failed" at once; Moodle then treats the attempt as finished and relaunches the course in review mode.
   */
  failedAttemptStatus?: "incomplete" | "failed";
  /**
   * Which attempt's score reaches the LMS. best (the default): the best score so far, so a retake never lowers a grade. latest: the last attempt's score.
   */
  reportedScore?: "best" | "latest";
}
/**
 * The module's look: colours, font and logo, applied as CSS custom properties over the default theme. Text and background colours must keep WCAG AA contrast; the build checks it.
 */

export interface Theme {
  /**
   * Buttons, links and the current lesson, as #rrggbb.
   */
  accentColor?: string;
  /**
   * Text on accent-coloured buttons, as #rrggbb.
   */
  accentTextColor?: string;
  /**
   * Body text, as #rrggbb.
   */
  textColor?: string;
  /**
   * Page background, as #rrggbb.
   */
  backgroundColor?: string;
  /**
   * Header, objectives and quote boxes, as #rrggbb.
   */
  surfaceColor?: string;
  /**
   * The keyboard focus outline, as #rrggbb.
   */
  focusColor?: string;
  /**
   * A CSS font-family list of fonts installed on learners' devices (no web fonts are loaded), e.g. "Segoe UI", Roboto, sans-serif.
   */
  fontFamily?: string;
  /**
   * An image in the module folder shown beside the course title (decorative: the title is the text).
   */
  logo?: string;
}
/**
 * How an in-person workshop on this module runs: the session plan of the facilitator guide that `coursekit handout` prints. Every field is optional.
 */

export interface Workshop {
  /**
   * When the workshop starts, as HH:MM on a 24-hour clock, e.g. 09:30. The plan shows the clock time of each part. Default 09:00.
   */
  startTime?: string;
  /**
   * Welcome, introductions and the workshop's objectives, before the first lesson. Default 15.
   */
  openingMinutes?: number;
  /**
   * Minutes for a lesson in the room, by lesson id, when they differ from the lesson's estimatedMinutes (discussion takes longer than reading). A lesson without either gets 30.
   */
  lessonMinutes?: {
    [k: string]: number | undefined;
  };
  /**
   * A stable identifier: lowercase letters, digits and hyphens, starting with a letter or digit. It becomes part of file names, URLs and SCORM identifiers, so never change it once a course is published.
   */
  quizAfter?: string;
  /**
   * Minutes for the paper quiz. Default: 2 per question the assessment draws.
   */
  quizMinutes?: number;
  /**
   * Action plans, questions and evaluation, after the quiz. Default 15.
   */
  closingMinutes?: number;
  /**
   * A break is planned before a part that would take the time since the last break beyond afterMinutes.
   */
  breaks?: {
    /**
     * The longest stretch without a break, in minutes. Default 90.
     */
    afterMinutes?: number;
    /**
     * How long each break is. Default 15.
     */
    minutes?: number;
  };
}

export type Block =
  | Text
  | VerbatimQuote
  | KeyPoints
  | Callout
  | Image
  | KeyTerms
  | ReflectionPrompt
  | KnowledgeCheck
  | Video
  | Audio
  | Download
  | Accordion
  | Tabs
  | Scenario
  | ActionPlan;
/**
 * One quiz question. Every question cites the paragraph it is drawn from and names the learning objective it assesses.
 */

export type Question = SingleChoice | MultipleResponse | TrueOrFalse | Matching | Ordering | FillInShortText;

export type SingleChoice = PropertiesEveryQuestionHas & {
  type: "single";
  options: ChoiceOptions;
  /**
   * An answer option identifier, unique within its question: lowercase letters, digits and hyphens, starting with a letter (for example a, b, c).
   */
  correct: string;
};
/**
 * What the question asks the learner to do with the text (Anderson and Krathwohl's levels, lowest first). remember: recall or recognise what the text says. understand: explain it, give its meaning in other words, classify an example. apply: use it in a new situation, such as a ministry case. analyse: break a situation down against the text: weigh a case, find what it lacks, tell relevant from irrelevant. ("recall" and "application", the earlier names, are read as remember and apply, with a warning.)
 */

export type ChoiceOptions = [ChoiceOption, ChoiceOption, ...ChoiceOption[]];

export type MultipleResponse = PropertiesEveryQuestionHas & {
  type: "multiple";
  options: ChoiceOptions;
  /**
   * The ids of every correct option; the learner must select exactly these.
   *
   * @minItems 1
   *
   * Items: An answer option identifier, unique within its question: lowercase letters, digits and hyphens, starting with a letter (for example a, b, c).
   */
  correct: [string, ...string[]];
};

export type TrueOrFalse = PropertiesEveryQuestionHas & {
  type: "trueFalse";
  /**
   * Whether the statement in the prompt is true.
   */
  correct: boolean;
};
/**
 * The learner matches each prompt to one of the answers (every pair's match is offered for every prompt).
 */

export type Matching = PropertiesEveryQuestionHas & {
  type: "matching";
  /**
   * @minItems 2
   * @maxItems 8
   */
  pairs: [
    {
      /**
       * An answer option identifier, unique within its question: lowercase letters, digits and hyphens, starting with a letter (for example a, b, c).
       */
      id: string;
      /**
       * Plain text shown to the learner (no markup).
       */
      prompt: string;
      /**
       * Plain text shown to the learner (no markup).
       */
      match: string;
    },
    {
      /**
       * An answer option identifier, unique within its question: lowercase letters, digits and hyphens, starting with a letter (for example a, b, c).
       */
      id: string;
      /**
       * Plain text shown to the learner (no markup).
       */
      prompt: string;
      /**
       * Plain text shown to the learner (no markup).
       */
      match: string;
    },
    ...{
      /**
       * An answer option identifier, unique within its question: lowercase letters, digits and hyphens, starting with a letter (for example a, b, c).
       */
      id: string;
      /**
       * Plain text shown to the learner (no markup).
       */
      prompt: string;
      /**
       * Plain text shown to the learner (no markup).
       */
      match: string;
    }[]
  ];
};
/**
 * The learner puts the items in order. List them here in the correct order; the learner sees them shuffled.
 */

export type Ordering = PropertiesEveryQuestionHas & {
  type: "ordering";
  /**
   * @minItems 2
   * @maxItems 8
   */
  items: [
    {
      /**
       * An answer option identifier, unique within its question: lowercase letters, digits and hyphens, starting with a letter (for example a, b, c).
       */
      id: string;
      /**
       * Plain text shown to the learner (no markup).
       */
      text: string;
    },
    {
      /**
       * An answer option identifier, unique within its question: lowercase letters, digits and hyphens, starting with a letter (for example a, b, c).
       */
      id: string;
      /**
       * Plain text shown to the learner (no markup).
       */
      text: string;
    },
    ...{
      /**
       * An answer option identifier, unique within its question: lowercase letters, digits and hyphens, starting with a letter (for example a, b, c).
       */
      id: string;
      /**
       * Plain text shown to the learner (no markup).
       */
      text: string;
    }[]
  ];
};

export type FillInShortText = PropertiesEveryQuestionHas & {
  type: "fillIn";
  /**
   * Every answer accepted as correct. Matching ignores case, surrounding spaces and repeated spaces.
   *
   * @minItems 1
   */
  accept: [string, ...string[]];
};

/**
 * One lesson of a module: its objectives and an ordered list of content blocks. The file lives at lessons/<id>.json inside the module folder.
 */

export interface Lesson {
  $schema?: string;
  /**
   * The lesson identifier; it must equal the file name without .json.
   */
  id: string;
  /**
   * A title shown to the learner and written into SCORM manifests: plain text of at most 200 characters, the longest title a SCORM 1.2 manifest may hold.
   */
  title: string;
  /**
   * One or two sentences shown on the module's start page.
   */
  summary?: string;
  estimatedMinutes?: number;
  /**
   * What the learner will be able to do after the lesson, each tied to the paragraph it comes from.
   *
   * @minItems 1
   */
  objectives: [Objective, ...Objective[]];
  /**
   * @minItems 1
   */
  blocks: [Block, ...Block[]];
}

export interface Objective {
  /**
   * Unique within the module; questions name it in their objective field.
   */
  id: string;
  /**
   * A measurable objective, starting with a verb: 'Explain…', 'Identify…'.
   */
  text: string;
  source: Citation;
}
/**
 * Where in a source document this comes from: the document's symbol as declared in module.json sources, and the part cited, named as the document's parts are: its paragraph, or its article, principle, section or rule.
 */

export interface Text {
  type: "text";
  /**
   * Plain text shown to the learner (no markup).
   */
  heading?: string;
  /**
   * Text in coursekit's safe markdown subset: paragraphs separated by a blank line, **bold**, *italic*, lists starting with '- ' or '1. '. HTML is shown as text, never interpreted.
   */
  markdown: string;
}
/**
 * Words quoted exactly from a source document. The build checks that the text is found verbatim in the cited paragraph (line breaks and repeated spaces aside).
 */

export interface VerbatimQuote {
  type: "quote";
  text: string;
  citation: Citation;
}

export interface KeyPoints {
  type: "keyPoints";
  /**
   * Plain text shown to the learner (no markup).
   */
  heading?: string;
  /**
   * @minItems 1
   *
   * Items: Plain text shown to the learner (no markup).
   */
  items: [string, ...string[]];
}
/**
 * A highlighted box. Use variant 'background' for context that does not come from the source document, so learners can tell it from what the report says.
 */

export interface Callout {
  type: "callout";
  variant: "background" | "note" | "tip" | "warning";
  /**
   * Plain text shown to the learner (no markup).
   */
  heading?: string;
  /**
   * Text in coursekit's safe markdown subset: paragraphs separated by a blank line, **bold**, *italic*, lists starting with '- ' or '1. '. HTML is shown as text, never interpreted.
   */
  markdown: string;
}

export interface Image {
  type: "image";
  /**
   * A path to a file inside the module folder, relative to module.json, with forward slashes (e.g. media/map.svg). No URLs, absolute paths or '..', and no spaces, '#', '?' or '%' (in a web address they end the path or start an escape).
   */
  src: string;
  /**
   * What the image shows, for learners who cannot see it. Required.
   */
  alt: string;
  /**
   * Plain text shown to the learner (no markup).
   */
  caption?: string;
}
/**
 * Shows the definitions of terms from the module's glossary.json.
 */

export interface KeyTerms {
  type: "glossary";
  /**
   * Plain text shown to the learner (no markup).
   */
  heading?: string;
  /**
   * @minItems 1
   *
   * Items: A stable identifier: lowercase letters, digits and hyphens, starting with a letter or digit. It becomes part of file names, URLs and SCORM identifiers, so never change it once a course is published.
   */
  terms: [string, ...string[]];
}
/**
 * A question for the learner to think about and answer in their own words. The answer stays in the learner's browser (it is never sent to the LMS); an action plan can gather it.
 */

export interface ReflectionPrompt {
  type: "reflection";
  /**
   * A stable identifier: lowercase letters, digits and hyphens, starting with a letter or digit. It becomes part of file names, URLs and SCORM identifiers, so never change it once a course is published.
   */
  id?: string;
  /**
   * Plain text shown to the learner (no markup).
   */
  prompt: string;
  /**
   * Plain text shown to the learner (no markup).
   */
  guidance?: string;
  /**
   * Text in coursekit's safe markdown subset: paragraphs separated by a blank line, **bold**, *italic*, lists starting with '- ' or '1. '. HTML is shown as text, never interpreted.
   */
  modelAnswer?: string;
}
/**
 * Ungraded practice questions inside the lesson. They are not part of the final assessment's bank.
 */

export interface KnowledgeCheck {
  type: "knowledgeCheck";
  /**
   * Plain text shown to the learner (no markup).
   */
  heading?: string;
  /**
   * @minItems 1
   * @maxItems 10
   */
  questions: [Question, ...Question[]];
}

export interface PropertiesEveryQuestionHas {
  /**
   * A stable question identifier, unique within the module. SCORM interaction ids are made from it (with the attempt number), so LMS reports group answers by question: never reuse or change it once published.
   */
  id: string;
  /**
   * Plain text shown to the learner (no markup).
   */
  prompt: string;
  /**
   * Text in coursekit's safe markdown subset: paragraphs separated by a blank line, **bold**, *italic*, lists starting with '- ' or '1. '. HTML is shown as text, never interpreted.
   */
  scenario?: string;
  source: Citation;
  /**
   * A stable identifier: lowercase letters, digits and hyphens, starting with a letter or digit. It becomes part of file names, URLs and SCORM identifiers, so never change it once a course is published.
   */
  objective: string;
  level: CognitiveLevel;
  feedback?: OverallFeedback;
}
/**
 * Feedback shown after the learner answers, explaining the answer with reference to the text.
 */

export interface OverallFeedback {
  /**
   * Plain text shown to the learner (no markup).
   */
  correct: string;
  /**
   * Plain text shown to the learner (no markup).
   */
  incorrect: string;
}

export interface ChoiceOption {
  /**
   * An answer option identifier, unique within its question: lowercase letters, digits and hyphens, starting with a letter (for example a, b, c).
   */
  id: string;
  /**
   * Plain text shown to the learner (no markup).
   */
  text: string;
  /**
   * Plain text shown to the learner (no markup).
   */
  feedback?: string;
}
/**
 * A video file from the module folder (MP4 or WebM), played with the browser's own controls and never started automatically. It needs captions, a transcript, or both.
 */

export interface Video {
  type: "video";
  /**
   * A path to a file inside the module folder, relative to module.json, with forward slashes (e.g. media/map.svg). No URLs, absolute paths or '..', and no spaces, '#', '?' or '%' (in a web address they end the path or start an escape).
   */
  src: string;
  /**
   * Plain text shown to the learner (no markup).
   */
  title: string;
  /**
   * Captions as WebVTT files (.vtt) in the module folder, one per language. The build checks each file is WebVTT.
   *
   * @minItems 1
   * @maxItems 10
   */
  captions?: [
    {
      /**
       * A path to a file inside the module folder, relative to module.json, with forward slashes (e.g. media/map.svg). No URLs, absolute paths or '..', and no spaces, '#', '?' or '%' (in a web address they end the path or start an escape).
       */
      src: string;
      /**
       * The language of the captions, e.g. en.
       */
      language: string;
    },
    ...{
      /**
       * A path to a file inside the module folder, relative to module.json, with forward slashes (e.g. media/map.svg). No URLs, absolute paths or '..', and no spaces, '#', '?' or '%' (in a web address they end the path or start an escape).
       */
      src: string;
      /**
       * The language of the captions, e.g. en.
       */
      language: string;
    }[]
  ];
  /**
   * Text in coursekit's safe markdown subset: paragraphs separated by a blank line, **bold**, *italic*, lists starting with '- ' or '1. '. HTML is shown as text, never interpreted.
   */
  transcript?: string;
}
/**
 * A sound file from the module folder (MP3, Ogg, M4A, WAV or WebM audio), played with the browser's own controls and never started automatically. It needs a transcript, captions, or both: the captions' text is shown as the transcript when there is none.
 */

export interface Audio {
  type: "audio";
  /**
   * A path to a file inside the module folder, relative to module.json, with forward slashes (e.g. media/map.svg). No URLs, absolute paths or '..', and no spaces, '#', '?' or '%' (in a web address they end the path or start an escape).
   */
  src: string;
  /**
   * Plain text shown to the learner (no markup).
   */
  title: string;
  /**
   * Captions as WebVTT files (.vtt) in the module folder, one per language. The build checks each file is WebVTT.
   *
   * @minItems 1
   * @maxItems 10
   */
  captions?: [
    {
      /**
       * A path to a file inside the module folder, relative to module.json, with forward slashes (e.g. media/map.svg). No URLs, absolute paths or '..', and no spaces, '#', '?' or '%' (in a web address they end the path or start an escape).
       */
      src: string;
      /**
       * The language of the captions, e.g. en.
       */
      language: string;
    },
    ...{
      /**
       * A path to a file inside the module folder, relative to module.json, with forward slashes (e.g. media/map.svg). No URLs, absolute paths or '..', and no spaces, '#', '?' or '%' (in a web address they end the path or start an escape).
       */
      src: string;
      /**
       * The language of the captions, e.g. en.
       */
      language: string;
    }[]
  ];
  /**
   * Text in coursekit's safe markdown subset: paragraphs separated by a blank line, **bold**, *italic*, lists starting with '- ' or '1. '. HTML is shown as text, never interpreted.
   */
  transcript?: string;
}
/**
 * A document from the module folder for the learner to download and keep: PDF, Word, Excel, PowerPoint, OpenDocument, plain text or CSV. The page shows its type and size.
 */

export interface Download {
  type: "download";
  /**
   * A path to a file inside the module folder, relative to module.json, with forward slashes (e.g. media/map.svg). No URLs, absolute paths or '..', and no spaces, '#', '?' or '%' (in a web address they end the path or start an escape).
   */
  src: string;
  /**
   * Plain text shown to the learner (no markup).
   */
  title: string;
  /**
   * Plain text shown to the learner (no markup).
   */
  description?: string;
}
/**
 * Sections the learner opens one by one (each a title and its text). All of them are printed, open.
 */

export interface Accordion {
  type: "accordion";
  /**
   * Plain text shown to the learner (no markup).
   */
  heading?: string;
  /**
   * @minItems 1
   * @maxItems 30
   */
  items: [
    {
      /**
       * Plain text shown to the learner (no markup).
       */
      title: string;
      /**
       * Text in coursekit's safe markdown subset: paragraphs separated by a blank line, **bold**, *italic*, lists starting with '- ' or '1. '. HTML is shown as text, never interpreted.
       */
      markdown: string;
    },
    ...{
      /**
       * Plain text shown to the learner (no markup).
       */
      title: string;
      /**
       * Text in coursekit's safe markdown subset: paragraphs separated by a blank line, **bold**, *italic*, lists starting with '- ' or '1. '. HTML is shown as text, never interpreted.
       */
      markdown: string;
    }[]
  ];
}
/**
 * Two to eight panels of text, one shown at a time under a row of tabs (arrow keys move between tabs). Without JavaScript, and when printed, they are shown one after the other.
 */

export interface Tabs {
  type: "tabs";
  /**
   * Plain text shown to the learner (no markup).
   */
  heading?: string;
  /**
   * @minItems 2
   * @maxItems 8
   */
  tabs: [
    {
      /**
       * Plain text shown to the learner (no markup).
       */
      label: string;
      /**
       * Text in coursekit's safe markdown subset: paragraphs separated by a blank line, **bold**, *italic*, lists starting with '- ' or '1. '. HTML is shown as text, never interpreted.
       */
      markdown: string;
    },
    {
      /**
       * Plain text shown to the learner (no markup).
       */
      label: string;
      /**
       * Text in coursekit's safe markdown subset: paragraphs separated by a blank line, **bold**, *italic*, lists starting with '- ' or '1. '. HTML is shown as text, never interpreted.
       */
      markdown: string;
    },
    ...{
      /**
       * Plain text shown to the learner (no markup).
       */
      label: string;
      /**
       * Text in coursekit's safe markdown subset: paragraphs separated by a blank line, **bold**, *italic*, lists starting with '- ' or '1. '. HTML is shown as text, never interpreted.
       */
      markdown: string;
    }[]
  ];
}
/**
 * A short branching conversation: each step says something, the learner picks a reply, and each reply has a consequence with feedback, tied to a paragraph of the source, and leads to another step. A step without choices ends the conversation. The path the learner took is saved, and reported to the LMS as an interaction.
 */

export interface Scenario {
  type: "scenario";
  /**
   * A stable identifier: lowercase letters, digits and hyphens, starting with a letter or digit. It becomes part of file names, URLs and SCORM identifiers, so never change it once a course is published.
   */
  id: string;
  /**
   * Plain text shown to the learner (no markup).
   */
  heading: string;
  /**
   * Text in coursekit's safe markdown subset: paragraphs separated by a blank line, **bold**, *italic*, lists starting with '- ' or '1. '. HTML is shown as text, never interpreted.
   */
  introduction?: string;
  /**
   * A stable identifier: lowercase letters, digits and hyphens, starting with a letter or digit. It becomes part of file names, URLs and SCORM identifiers, so never change it once a course is published.
   */
  start: string;
  /**
   * @minItems 1
   * @maxItems 40
   */
  steps: [
    {
      /**
       * A stable identifier: lowercase letters, digits and hyphens, starting with a letter or digit. It becomes part of file names, URLs and SCORM identifiers, so never change it once a course is published.
       */
      id: string;
      /**
       * Plain text shown to the learner (no markup).
       */
      speaker?: string;
      /**
       * Text in coursekit's safe markdown subset: paragraphs separated by a blank line, **bold**, *italic*, lists starting with '- ' or '1. '. HTML is shown as text, never interpreted.
       */
      text: string;
      /**
       * The learner's possible replies. Leave out for a step that ends the conversation.
       *
       * @minItems 1
       * @maxItems 6
       */
      choices?: [
        {
          /**
           * An answer option identifier, unique within its question: lowercase letters, digits and hyphens, starting with a letter (for example a, b, c).
           */
          id: string;
          /**
           * Plain text shown to the learner (no markup).
           */
          text: string;
          /**
           * Plain text shown to the learner (no markup).
           */
          feedback: string;
          source?: Citation1;
          /**
           * A stable identifier: lowercase letters, digits and hyphens, starting with a letter or digit. It becomes part of file names, URLs and SCORM identifiers, so never change it once a course is published.
           */
          next?: string;
        },
        ...{
          /**
           * An answer option identifier, unique within its question: lowercase letters, digits and hyphens, starting with a letter (for example a, b, c).
           */
          id: string;
          /**
           * Plain text shown to the learner (no markup).
           */
          text: string;
          /**
           * Plain text shown to the learner (no markup).
           */
          feedback: string;
          source?: Citation1;
          /**
           * A stable identifier: lowercase letters, digits and hyphens, starting with a letter or digit. It becomes part of file names, URLs and SCORM identifiers, so never change it once a course is published.
           */
          next?: string;
        }[]
      ];
    },
    ...{
      /**
       * A stable identifier: lowercase letters, digits and hyphens, starting with a letter or digit. It becomes part of file names, URLs and SCORM identifiers, so never change it once a course is published.
       */
      id: string;
      /**
       * Plain text shown to the learner (no markup).
       */
      speaker?: string;
      /**
       * Text in coursekit's safe markdown subset: paragraphs separated by a blank line, **bold**, *italic*, lists starting with '- ' or '1. '. HTML is shown as text, never interpreted.
       */
      text: string;
      /**
       * The learner's possible replies. Leave out for a step that ends the conversation.
       *
       * @minItems 1
       * @maxItems 6
       */
      choices?: [
        {
          /**
           * An answer option identifier, unique within its question: lowercase letters, digits and hyphens, starting with a letter (for example a, b, c).
           */
          id: string;
          /**
           * Plain text shown to the learner (no markup).
           */
          text: string;
          /**
           * Plain text shown to the learner (no markup).
           */
          feedback: string;
          source?: Citation1;
          /**
           * A stable identifier: lowercase letters, digits and hyphens, starting with a letter or digit. It becomes part of file names, URLs and SCORM identifiers, so never change it once a course is published.
           */
          next?: string;
        },
        ...{
          /**
           * An answer option identifier, unique within its question: lowercase letters, digits and hyphens, starting with a letter (for example a, b, c).
           */
          id: string;
          /**
           * Plain text shown to the learner (no markup).
           */
          text: string;
          /**
           * Plain text shown to the learner (no markup).
           */
          feedback: string;
          source?: Citation1;
          /**
           * A stable identifier: lowercase letters, digits and hyphens, starting with a letter or digit. It becomes part of file names, URLs and SCORM identifiers, so never change it once a course is published.
           */
          next?: string;
        }[]
      ];
    }[]
  ];
}
/**
 * Where in a source document this comes from: the document's symbol as declared in module.json sources, and the part cited, named as the document's parts are: its paragraph, or its article, principle, section or rule.
 */

export interface Citation1 {
  /**
   * The source document's symbol, e.g. A/58/275.
   */
  document: string;
  /**
   * The paragraph number in that document, e.g. 75.
   */
  paragraph?: number | string;
  /**
   * For a document divided into articles: the article, e.g. 13, or "14(1)" for paragraph 1 of Article 14.
   */
  article?: number | string;
  /**
   * For a document divided into principles: the principle, e.g. 5.
   */
  principle?: number | string;
  /**
   * For a document divided into sections: the section, e.g. "2.3".
   */
  section?: number | string;
  /**
   * For a document divided into rules: the rule, e.g. 10, or "10(2)" for paragraph 2 of Rule 10.
   */
  rule?: number | string;
}
/**
 * A plan the learner fills in, with their answers to earlier reflections gathered above it. They can print it or download it as a file. Like reflections, it stays in the learner's browser and is never sent to the LMS.
 */

export interface ActionPlan {
  type: "actionPlan";
  /**
   * A stable identifier: lowercase letters, digits and hyphens, starting with a letter or digit. It becomes part of file names, URLs and SCORM identifiers, so never change it once a course is published.
   */
  id: string;
  /**
   * Plain text shown to the learner (no markup).
   */
  heading: string;
  /**
   * Text in coursekit's safe markdown subset: paragraphs separated by a blank line, **bold**, *italic*, lists starting with '- ' or '1. '. HTML is shown as text, never interpreted.
   */
  introduction?: string;
  /**
   * The ids of reflection blocks (anywhere in the module) whose answers are gathered in the plan, in this order.
   *
   * @maxItems 30
   *
   * Items: A stable identifier: lowercase letters, digits and hyphens, starting with a letter or digit. It becomes part of file names, URLs and SCORM identifiers, so never change it once a course is published.
   */
  reflections: string[];
  /**
   * The parts of the plan the learner writes.
   *
   * @minItems 1
   * @maxItems 12
   */
  prompts: [
    {
      /**
       * A stable identifier: lowercase letters, digits and hyphens, starting with a letter or digit. It becomes part of file names, URLs and SCORM identifiers, so never change it once a course is published.
       */
      id: string;
      /**
       * Plain text shown to the learner (no markup).
       */
      label: string;
      /**
       * Plain text shown to the learner (no markup).
       */
      hint?: string;
    },
    ...{
      /**
       * A stable identifier: lowercase letters, digits and hyphens, starting with a letter or digit. It becomes part of file names, URLs and SCORM identifiers, so never change it once a course is published.
       */
      id: string;
      /**
       * Plain text shown to the learner (no markup).
       */
      label: string;
      /**
       * Plain text shown to the learner (no markup).
       */
      hint?: string;
    }[]
  ];
}

/**
 * One quiz question. Every question cites the paragraph it is drawn from and names the learning objective it assesses.
 */

export interface QuestionBank {
  $schema?: string;
  /**
   * @minItems 1
   */
  questions: [Question, ...Question[]];
}

/**
 * Key terms shared by every lesson of the module (glossary.json beside module.json).
 */

export interface Glossary {
  $schema?: string;
  /**
   * @minItems 1
   */
  terms: [
    {
      /**
       * A stable identifier: lowercase letters, digits and hyphens, starting with a letter or digit. It becomes part of file names, URLs and SCORM identifiers, so never change it once a course is published.
       */
      id: string;
      /**
       * Plain text shown to the learner (no markup).
       */
      term: string;
      /**
       * Plain text shown to the learner (no markup).
       */
      definition: string;
      source?: Citation;
      /**
       * true when the definition is general background knowledge, not taken from the source document; it is then labelled as background for the learner.
       */
      background: boolean;
    },
    ...{
      /**
       * A stable identifier: lowercase letters, digits and hyphens, starting with a letter or digit. It becomes part of file names, URLs and SCORM identifiers, so never change it once a course is published.
       */
      id: string;
      /**
       * Plain text shown to the learner (no markup).
       */
      term: string;
      /**
       * Plain text shown to the learner (no markup).
       */
      definition: string;
      source?: Citation;
      /**
       * true when the definition is general background knowledge, not taken from the source document; it is then labelled as background for the learner.
       */
      background: boolean;
    }[]
  ];
}
/**
 * The paragraph the term appears in, when the definition draws on the source document.
 */
