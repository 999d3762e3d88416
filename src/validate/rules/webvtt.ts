/**
 * WebVTT captions, read as browsers read them (https://www.w3.org/TR/webvtt1/): a browser
 * silently drops a file it cannot parse, and learners who rely on captions get none. So the
 * first problem is reported with its line, and the cue texts are kept (an audio block without
 * a transcript shows them as one).
 */

export type WebVttResult = { cues: string[] } | { line: number; problem: string };

const TIMESTAMP = /^(?:(\d{2,}):)?([0-5]\d):([0-5]\d)\.(\d{3})$/;

function seconds(text: string): number | undefined {
  const m = TIMESTAMP.exec(text);
  if (!m) return undefined;
  return Number(m[1] ?? 0) * 3600 + Number(m[2]) * 60 + Number(m[3]) + Number(m[4]) / 1000;
}

/** The text a cue shows, without its voice and style tags. */
function cueText(lines: string[]): string {
  return lines
    .join(' ')
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

export function parseWebVtt(source: string): WebVttResult {
  const lines = source.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  if (!/^WEBVTT(?:[ \t].*)?$/.test(lines[0] ?? '')) {
    return { line: 1, problem: 'the first line must be WEBVTT' };
  }
  const cues: string[] = [];
  let i = 1;
  // The header runs to the first blank line.
  while (i < lines.length && lines[i] !== '') {
    if (lines[i]!.includes('-->')) return { line: i + 1, problem: 'a blank line must separate the WEBVTT line from the first cue' };
    i++;
  }
  while (i < lines.length) {
    while (i < lines.length && lines[i]!.trim() === '') i++;
    if (i >= lines.length) break;
    const block: { text: string; line: number }[] = [];
    while (i < lines.length && lines[i]!.trim() !== '') {
      block.push({ text: lines[i]!, line: i + 1 });
      i++;
    }
    const first = block[0]!;
    if (/^(NOTE|STYLE|REGION)(?:[ \t]|$)/.test(first.text) && !first.text.includes('-->')) continue;
    const timingAt = first.text.includes('-->') ? 0 : 1;
    const timing = block[timingAt];
    if (!timing?.text.includes('-->')) {
      return {
        line: first.line,
        problem: `"${first.text.slice(0, 60)}" is neither a cue timing (00:00:01.000 --> 00:00:04.000) nor a cue's name followed by one`,
      };
    }
    const [startText = '', rest = ''] = timing.text.split('-->');
    const endText = rest.trim().split(/[ \t]+/)[0] ?? '';
    const start = seconds(startText.trim());
    const end = seconds(endText);
    if (start === undefined || end === undefined) {
      return {
        line: timing.line,
        problem: `the cue timing "${timing.text.trim().slice(0, 60)}" is not in the form 00:00:01.000 --> 00:00:04.000 (hours optional, a full stop and three digits for milliseconds)`,
      };
    }
    if (end <= start) return { line: timing.line, problem: `the cue ends (${endText}) before it starts (${startText.trim()})` };
    const text = cueText(block.slice(timingAt + 1).map((l) => l.text));
    if (text !== '') cues.push(text);
  }
  if (cues.length === 0) return { line: lines.length, problem: 'the file has no cues with text' };
  return { cues };
}
