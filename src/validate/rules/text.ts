/**
 * Text that passes the schema but would show nothing or show markup: strings made only of
 * spaces, HTML tags in markdown (coursekit shows them as text), and markdown the page shows
 * otherwise than written (an image, a link it cannot follow, a "#" heading without its space).
 */
import { segmentsToPointer } from '../../load/json-pointer.js';
import { markdownProblems } from '../../markdown/index.js';
import type { Lesson, Question } from '../../model/course.js';
import type { JsonFile } from '../../model/json-file.js';
import { describePlace, type ContentKind } from '../place.js';
import type { At, Located, Report, RuleContext } from './context.js';
import { markdownHtmlTag } from './style.js';

export function checkBlankTexts({ kinds, report }: RuleContext): void {
  for (const [file, kind] of kinds) checkBlankText(file, kind, report);
}

/** Every markdown field: text and callout blocks, the assessment's introduction, question scenarios. */
export function checkMarkdownFields(
  { meta, report, moduleAt }: RuleContext,
  lessons: Located<Lesson>[],
  questions: Located<Question>[],
): void {
  for (const lesson of lessons) {
    for (const [b, block] of lesson.value.blocks.entries()) {
      if (block.type === 'text' || block.type === 'callout')
        checkMarkdown(block.markdown, { file: lesson.file, pointer: `/blocks/${b}/markdown` }, report);
    }
  }
  if (meta.assessment?.introduction) checkMarkdown(meta.assessment.introduction, moduleAt('/assessment/introduction'), report);
  for (const q of questions) {
    if (q.value.scenario) checkMarkdown(q.value.scenario, { file: q.file, pointer: `${q.pointer}/scenario` }, report);
  }
}

/** Text made only of spaces passes the schema's "at least one character" but shows nothing. */
function checkBlankText(file: JsonFile, kind: ContentKind, report: Report): void {
  // One path, grown and shrunk while walking: this runs on every string of every file.
  const segments: (string | number)[] = [];
  const visit = (value: unknown) => {
    if (typeof value === 'string') {
      if (value === '' || value.trim() !== '') return;
      const key = segments.at(-1);
      if (key === '$schema') return;
      const pointer = segmentsToPointer(segments);
      const imageAlt = key === 'alt' && segments.at(-3) === 'blocks';
      const field = describePlace(kind, file.data, pointer).field || 'the text';
      report(
        imageAlt ? 'image-alt-missing' : 'text-blank',
        { file, pointer },
        imageAlt ? 'the image has no alt text: `alt` is only spaces.' : `${field} is only spaces.`,
      );
      return;
    }
    if (value === null || typeof value !== 'object') return;
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        segments.push(i);
        visit(value[i]);
        segments.pop();
      }
    } else {
      for (const key in value) {
        segments.push(key);
        visit((value as Record<string, unknown>)[key]);
        segments.pop();
      }
    }
  };
  visit(file.data);
}

function checkMarkdown(markdown: string, at: At, report: Report): void {
  const tag = markdownHtmlTag(markdown);
  if (tag) report('markdown-html', at, `the text contains the HTML tag ${tag}, which learners will see as text.`);
  for (const problem of markdownProblems(markdown)) report('markdown-unsupported', at, problem.message, { hint: problem.hint });
}
