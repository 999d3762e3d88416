/**
 * The file types video, audio and download blocks and captions accept, each recognised by its
 * content (its first bytes), not only its name: a renamed file would otherwise reach learners
 * as a player that never plays or a document that will not open. The name's extension decides
 * which type is expected, since it decides the type LMS web servers send.
 */

export type MediaUse = 'video' | 'audio' | 'download' | 'captions';

export interface MediaFormat {
  /** What learners and authors call it: "MP4 video", "PDF". */
  label: string;
  mime: string;
  extensions: string[];
  uses: MediaUse[];
  matches(bytes: Uint8Array): boolean;
}

const ascii = (bytes: Uint8Array, at: number, text: string) => [...text].every((c, i) => bytes[at + i] === c.charCodeAt(0));
const contains = (bytes: Uint8Array, text: string, limit = bytes.length) => {
  const first = text.charCodeAt(0);
  for (let i = 0; i + text.length <= Math.min(limit, bytes.length); i++) if (bytes[i] === first && ascii(bytes, i, text)) return true;
  return false;
};
/** ISO base media (MP4, M4A): a box of type "ftyp" first. */
const isoMedia = (bytes: Uint8Array) => ascii(bytes, 4, 'ftyp');
/** Matroska/WebM: the EBML magic number and the "webm" document type. */
const webm = (bytes: Uint8Array) =>
  bytes[0] === 0x1a && bytes[1] === 0x45 && bytes[2] === 0xdf && bytes[3] === 0xa3 && contains(bytes, 'webm', 64);
const ogg = (bytes: Uint8Array) => ascii(bytes, 0, 'OggS');
const zip = (bytes: Uint8Array) => ascii(bytes, 0, 'PK\u0003\u0004');
/** Office Open XML: a zip with [Content_Types].xml and the application's folder. */
const officeOpenXml = (folder: string) => (bytes: Uint8Array) =>
  zip(bytes) && contains(bytes, '[Content_Types].xml') && contains(bytes, folder);
/** OpenDocument: a zip whose first entry, "mimetype", holds the type uncompressed. */
const openDocument = (mime: string) => (bytes: Uint8Array) => zip(bytes) && ascii(bytes, 30, 'mimetype') && ascii(bytes, 38, mime);
const utf8 = new TextDecoder('utf-8', { fatal: true });
const text = (bytes: Uint8Array) => {
  if (bytes.includes(0)) return false;
  try {
    utf8.decode(bytes);
    return true;
  } catch {
    return false;
  }
};

export const mediaFormats: MediaFormat[] = [
  { label: 'MP4 video', mime: 'video/mp4', extensions: ['mp4', 'm4v'], uses: ['video'], matches: isoMedia },
  { label: 'WebM video', mime: 'video/webm', extensions: ['webm'], uses: ['video'], matches: webm },
  {
    label: 'MP3 audio',
    mime: 'audio/mpeg',
    extensions: ['mp3'],
    uses: ['audio'],
    // An ID3 tag, or straight into an MPEG audio frame (11 sync bits).
    matches: (b) => ascii(b, 0, 'ID3') || (b[0] === 0xff && ((b[1] ?? 0) & 0xe0) === 0xe0),
  },
  { label: 'M4A audio', mime: 'audio/mp4', extensions: ['m4a'], uses: ['audio'], matches: isoMedia },
  { label: 'Ogg audio', mime: 'audio/ogg', extensions: ['ogg', 'oga', 'opus'], uses: ['audio'], matches: ogg },
  {
    label: 'WAV audio',
    mime: 'audio/wav',
    extensions: ['wav'],
    uses: ['audio'],
    matches: (b) => ascii(b, 0, 'RIFF') && ascii(b, 8, 'WAVE'),
  },
  { label: 'WebM audio', mime: 'audio/webm', extensions: ['weba', 'webm'], uses: ['audio'], matches: webm },
  { label: 'PDF', mime: 'application/pdf', extensions: ['pdf'], uses: ['download'], matches: (b) => contains(b, '%PDF-', 1024) },
  {
    label: 'Word document',
    mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    extensions: ['docx'],
    uses: ['download'],
    matches: officeOpenXml('word/'),
  },
  {
    label: 'Excel workbook',
    mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    extensions: ['xlsx'],
    uses: ['download'],
    matches: officeOpenXml('xl/'),
  },
  {
    label: 'PowerPoint presentation',
    mime: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    extensions: ['pptx'],
    uses: ['download'],
    matches: officeOpenXml('ppt/'),
  },
  {
    label: 'OpenDocument text',
    mime: 'application/vnd.oasis.opendocument.text',
    extensions: ['odt'],
    uses: ['download'],
    matches: openDocument('application/vnd.oasis.opendocument.text'),
  },
  {
    label: 'OpenDocument spreadsheet',
    mime: 'application/vnd.oasis.opendocument.spreadsheet',
    extensions: ['ods'],
    uses: ['download'],
    matches: openDocument('application/vnd.oasis.opendocument.spreadsheet'),
  },
  {
    label: 'OpenDocument presentation',
    mime: 'application/vnd.oasis.opendocument.presentation',
    extensions: ['odp'],
    uses: ['download'],
    matches: openDocument('application/vnd.oasis.opendocument.presentation'),
  },
  { label: 'RTF document', mime: 'application/rtf', extensions: ['rtf'], uses: ['download'], matches: (b) => ascii(b, 0, '{\\rtf') },
  { label: 'text file', mime: 'text/plain', extensions: ['txt'], uses: ['download'], matches: text },
  { label: 'CSV file', mime: 'text/csv', extensions: ['csv'], uses: ['download'], matches: text },
  {
    label: 'WebVTT captions',
    mime: 'text/vtt',
    extensions: ['vtt'],
    uses: ['captions'],
    // After an optional UTF-8 byte order mark.
    matches: (b) => ascii(b, b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf ? 3 : 0, 'WEBVTT'),
  },
];

export function extensionOf(file: string): string {
  const name = file.slice(file.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}

/** The format a file named `file` must have for `use`, or undefined when the use takes no such extension. */
export function expectedFormat(file: string, use: MediaUse): MediaFormat | undefined {
  const extension = extensionOf(file);
  return mediaFormats.find((f) => f.uses.includes(use) && f.extensions.includes(extension));
}

/** What the content really is, among every known format (for the message when it is not what its name says). */
export function detectFormat(bytes: Uint8Array): MediaFormat | undefined {
  // Text matches almost anything that is not binary: try it last.
  return mediaFormats.find((f) => f.mime !== 'text/plain' && f.mime !== 'text/csv' && f.matches(bytes));
}

/** The extensions `use` accepts, for messages: ".mp4, .webm". */
export function acceptedExtensions(use: MediaUse): string {
  return mediaFormats
    .filter((f) => f.uses.includes(use))
    .flatMap((f) => f.extensions)
    .filter((e, i, all) => all.indexOf(e) === i)
    .map((e) => `.${e}`)
    .join(', ');
}
