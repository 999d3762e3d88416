/**
 * Video, audio and download blocks: each file is found like an image (media.ts), has a type the
 * block can use, and holds what its name says (media-formats.ts). Captions are WebVTT that
 * browsers will read (webvtt.ts), and a video or recording has captions or a transcript.
 */
import { readFile } from 'node:fs/promises';
import type { Lesson, MediaDetails } from '../../model/course.js';
import type { At, Located, RuleContext } from './context.js';
import { acceptedExtensions, detectFormat, expectedFormat, type MediaUse } from './media-formats.js';
import { resolveMediaFile } from './media.js';
import { parseWebVtt } from './webvtt.js';

const WHAT: Record<MediaUse, string> = { video: 'video', audio: 'recording', download: 'document', captions: 'captions file' };

/** Checks the files of video, audio and download blocks; adds them to `media` and returns what pages show of them. */
export async function checkMediaBlocks(
  context: RuleContext,
  lessons: Located<Lesson>[],
  media: Set<string>,
): Promise<Record<string, MediaDetails>> {
  const details: Record<string, MediaDetails> = {};
  const check = async (at: At, src: string, use: MediaUse) => {
    const found = await checkFile(context, at, src, use);
    if (!found) return;
    media.add(found.relative);
    details[found.relative] = found.details;
  };
  for (const lesson of lessons) {
    for (const [b, block] of lesson.value.blocks.entries()) {
      if (block.type !== 'video' && block.type !== 'audio' && block.type !== 'download') continue;
      const at = (field: string): At => ({ file: lesson.file, pointer: `/blocks/${b}${field}` });
      await check(at('/src'), block.src, block.type);
      if (block.type === 'download') continue;
      for (const [c, captions] of (block.captions ?? []).entries()) await check(at(`/captions/${c}/src`), captions.src, 'captions');
      if (!block.captions && block.transcript === undefined) {
        context.report(
          'media-captions-missing',
          at(''),
          `the ${WHAT[block.type]} "${block.title}" has neither captions nor a transcript, so learners who cannot hear it miss what is said.`,
        );
      }
    }
  }
  return details;
}

async function checkFile(
  context: RuleContext,
  at: At,
  src: string,
  use: MediaUse,
): Promise<{ relative: string; details: MediaDetails } | undefined> {
  const expected = expectedFormat(src, use);
  if (!expected) {
    context.report(
      'media-type-unsupported',
      at,
      `a ${use === 'captions' ? 'captions file' : `${use} block`} cannot use "${src}": it takes ${acceptedExtensions(use)} files.`,
    );
    return undefined;
  }
  const resolved = await resolveMediaFile(context, src, at, WHAT[use]);
  if (!resolved) return undefined;
  if (resolved.kind === 'not-a-file') {
    context.report('media-content-mismatch', at, `${src} is ${resolved.what}, not ${withArticle(expected.label)}.`);
    return undefined;
  }
  const bytes = new Uint8Array(await readFile(resolved.path));
  if (!expected.matches(bytes)) {
    const actual = detectFormat(bytes);
    context.report(
      'media-content-mismatch',
      at,
      `${src} is named as ${withArticle(expected.label)}, but ${actual ? `its content is ${withArticle(actual.label)}` : `its content is not ${withArticle(expected.label)}`}.`,
    );
    return undefined;
  }
  const details: MediaDetails = { bytes: bytes.length, label: expected.label, mime: expected.mime };
  if (use === 'captions') {
    const webVtt = new TextDecoder().decode(bytes);
    const parsed = parseWebVtt(webVtt);
    if ('problem' in parsed) {
      context.report(
        'captions-invalid',
        at,
        `${src} line ${parsed.line}: ${parsed.problem}. Browsers show no captions from a file they cannot read.`,
      );
      return undefined;
    }
    details.webVtt = webVtt;
    details.cues = parsed.cues;
  }
  return { relative: resolved.relative, details };
}

/** "an MP4 video", "a PDF": by how the label is said. */
function withArticle(noun: string): string {
  return `${/^(?:[AEIOU]|MP|M4|RTF)/.test(noun) ? 'an' : 'a'} ${noun}`;
}
