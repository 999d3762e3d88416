/**
 * Images: each file is inside the module folder (packages must work offline and hold what they
 * show), spelt with the right letter case, an image by its content (not a page or a script
 * that ships in every package), and described by its alt text. Every other media file (video,
 * audio, downloads, captions: media-blocks.ts) is found the same way (resolveMediaFile).
 */
import type { Lesson } from '../../model/course.js';
import type { At, Located, RuleContext } from './context.js';
import { checkImageContent } from './image-content.js';
import { explainMissing, type Resolved } from './media-paths.js';
import { isUnhelpfulAlt } from './style.js';

/** Checks every image block; returns the media files they use, relative to the module folder. */
export async function checkImages(context: RuleContext, lessons: Located<Lesson>[]): Promise<Set<string>> {
  const media = new Set<string>();
  for (const lesson of lessons) {
    for (const [b, block] of lesson.value.blocks.entries()) {
      if (block.type !== 'image') continue;
      const fieldAt = (field: string): At => ({ file: lesson.file, pointer: `/blocks/${b}/${field}` });
      const used = await checkMediaFile(context, block.src, fieldAt('src'), 'image');
      if (used) media.add(used);
      if (block.alt.trim() !== '' && isUnhelpfulAlt(block.alt, block.src)) {
        context.report('image-alt-unhelpful', fieldAt('alt'), `the alt text "${block.alt}" does not say what the image shows.`);
      }
    }
  }
  return media;
}

/**
 * Resolves an image path written at `at` and checks the file; returns it, relative to the
 * module folder, when it can be packaged. `what` names it in messages ("image", "logo").
 */
export async function checkMediaFile(context: RuleContext, src: string, at: At, what: string): Promise<string | undefined> {
  const resolved = await resolveMediaFile(context, src, at, what);
  if (resolved?.kind === 'not-a-file') {
    context.report('media-not-image', at, `the ${what} ${context.loaded.displayFolder}/${src} is ${resolved.what}, not an image file.`);
    return undefined;
  }
  return resolved && checkImageContent(context, resolved) ? resolved.relative : undefined;
}

/**
 * Resolves a media path written at `at`, reporting one that leaves the module or names nothing;
 * a path that names something other than a file (a folder, a pipe) is left to the caller, who
 * knows what the file should have been.
 */
export async function resolveMediaFile(
  context: RuleContext,
  src: string,
  at: At,
  what: string,
): Promise<Extract<Resolved, { kind: 'ok' | 'not-a-file' }> | undefined> {
  const { loaded, report, paths } = context;
  const resolved = await paths.resolve(src);
  switch (resolved.kind) {
    case 'outside':
      report('media-outside-module', at, `the ${what} path "${src}" leaves the module folder (through a link or an unusual path).`);
      return undefined;
    case 'missing': {
      const { problem, hint } = explainMissing(resolved);
      report('media-missing', at, `the ${what} ${loaded.displayFolder}/${src} ${problem}.`, { hint });
      return undefined;
    }
    default:
      return resolved;
  }
}
