/**
 * Images: each file is inside the module folder (packages must work offline and hold what they
 * show), spelt with the right letter case, and described by its alt text. Every other media file
 * (video, audio, downloads, captions: media-blocks.ts) is found the same way.
 */
import type { Lesson } from '../../model/course.js';
import type { At, Located, RuleContext } from './context.js';
import { isUnhelpfulAlt } from './style.js';

/** Checks every image block; returns the media files they use, relative to the module folder. */
export async function checkImages(context: RuleContext, lessons: Located<Lesson>[]): Promise<Set<string>> {
  const { report } = context;
  const media = new Set<string>();
  for (const lesson of lessons) {
    for (const [b, block] of lesson.value.blocks.entries()) {
      if (block.type !== 'image') continue;
      const fieldAt = (field: string): At => ({ file: lesson.file, pointer: `/blocks/${b}/${field}` });
      const resolved = await resolveMediaFile(context, fieldAt('src'), block.src, 'image');
      if (resolved) media.add(resolved.relative);
      if (block.alt.trim() !== '' && isUnhelpfulAlt(block.alt, block.src)) {
        report('image-alt-unhelpful', fieldAt('alt'), `the alt text "${block.alt}" does not say what the image shows.`);
      }
    }
  }
  return media;
}

/** Reports a media path that leaves the module or names no file; the resolved file when it is there. */
export async function resolveMediaFile(
  { loaded, report, paths }: RuleContext,
  at: At,
  src: string,
  what: string,
): Promise<{ path: string; relative: string } | undefined> {
  const resolved = await paths.resolve(src);
  if (resolved.kind === 'outside') {
    report('media-outside-module', at, `the ${what} path "${src}" leaves the module folder (through a link or an unusual path).`);
    return undefined;
  }
  if (resolved.kind === 'missing') {
    report(
      'media-missing',
      at,
      `the ${what} ${loaded.displayFolder}/${src} does not exist${resolved.suggestion && resolved.suggestion.toLowerCase() === src.toLowerCase() ? ' with that letter case' : ''}.`,
      {
        hint: resolved.suggestion
          ? `There is ${resolved.suggestion}: did you mean "${resolved.suggestion}"? Letter case matters on LMS web servers.`
          : undefined,
      },
    );
    return undefined;
  }
  return resolved;
}
