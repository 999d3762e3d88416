/**
 * Images: each file is inside the module folder (packages must work offline and hold what they
 * show), spelt with the right letter case, and described by its alt text.
 */
import type { Lesson } from '../../model/course.js';
import type { At, Located, RuleContext } from './context.js';
import { isUnhelpfulAlt } from './style.js';

/** Checks every image block; returns the media files they use, relative to the module folder. */
export async function checkImages({ loaded, report, paths }: RuleContext, lessons: Located<Lesson>[]): Promise<Set<string>> {
  const media = new Set<string>();
  for (const lesson of lessons) {
    for (const [b, block] of lesson.value.blocks.entries()) {
      if (block.type !== 'image') continue;
      const fieldAt = (field: string): At => ({ file: lesson.file, pointer: `/blocks/${b}/${field}` });
      const resolved = await paths.resolve(block.src);
      if (resolved.kind === 'outside') {
        report(
          'media-outside-module',
          fieldAt('src'),
          `the image path "${block.src}" leaves the module folder (through a link or an unusual path).`,
        );
      } else if (resolved.kind === 'missing') {
        report(
          'media-missing',
          fieldAt('src'),
          `the image ${loaded.displayFolder}/${block.src} does not exist${resolved.suggestion && resolved.suggestion.toLowerCase() === block.src.toLowerCase() ? ' with that letter case' : ''}.`,
          {
            hint: resolved.suggestion
              ? `There is ${resolved.suggestion}: did you mean "${resolved.suggestion}"? Letter case matters on LMS web servers.`
              : undefined,
          },
        );
      } else {
        media.add(resolved.relative);
      }
      if (block.alt.trim() !== '' && isUnhelpfulAlt(block.alt, block.src)) {
        report('image-alt-unhelpful', fieldAt('alt'), `the alt text "${block.alt}" does not say what the image shows.`);
      }
    }
  }
  return media;
}
