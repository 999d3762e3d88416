/**
 * Style checks: what the schema allows but a reviewer would send back. They are warnings, so
 * they never block a build unless `--strict` is given.
 */

const HTML_TAG = /<\/?[a-zA-Z][a-zA-Z0-9]*(\s[^<>]*)?\/?>/;

/** The first HTML tag in a markdown text (coursekit shows HTML as text), if any. */
export function markdownHtmlTag(markdown: string): string | undefined {
  return HTML_TAG.exec(markdown)?.[0];
}

const VAGUE_VERBS = [
  'understand',
  'know',
  'learn',
  'appreciate',
  'realise',
  'realize',
  'grasp',
  'comprehend',
  'be aware',
  'become aware',
  'be familiar',
  'become familiar',
];

/** The verb an objective starts with when no question can measure it ("Understand…"). */
export function vagueObjectiveVerb(text: string): string | undefined {
  const start = text.trim().toLowerCase();
  const verb = VAGUE_VERBS.find((v) => start === v || start.startsWith(`${v} `));
  return verb ? text.trim().slice(0, verb.length) : undefined;
}

const GENERIC_ALT = new Set([
  'image',
  'picture',
  'photo',
  'photograph',
  'graphic',
  'figure',
  'chart',
  'diagram',
  'icon',
  'illustration',
  'img',
  'alt',
  'logo',
  'screenshot',
  'placeholder',
  'todo',
]);

/** Alt text that names the file or just says "image" tells a screen-reader user nothing. */
export function isUnhelpfulAlt(alt: string, src: string): boolean {
  const text = alt.trim().toLowerCase();
  const fileName = src.split('/').at(-1)!.toLowerCase();
  return (
    GENERIC_ALT.has(text.replace(/[.:]$/, '')) ||
    text === fileName ||
    text === fileName.replace(/\.[a-z0-9]+$/, '') ||
    /\.(png|jpe?g|gif|svg|webp|avif)$/.test(text)
  );
}
