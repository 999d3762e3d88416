/** What a printed PDF holds, page by page: its size and its text with positions (pdf.js). */
import { readFile } from 'node:fs/promises';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface PdfText {
  text: string;
  /** Left and baseline, in points from the page's bottom-left corner. */
  x: number;
  y: number;
  dir: string;
}

export interface PdfPage {
  width: number;
  height: number;
  items: PdfText[];
  /** The page's text, run together without any whitespace: line breaks fall anywhere. */
  compact: string;
}

export async function readPdf(file: string): Promise<PdfPage[]> {
  const data = new Uint8Array(await readFile(file));
  const document = await getDocument({ data, isEvalSupported: false, useSystemFonts: false }).promise;
  const pages: PdfPage[] = [];
  for (let n = 1; n <= document.numPages; n++) {
    const page = await document.getPage(n);
    const { width, height } = page.getViewport({ scale: 1 });
    const content = await page.getTextContent();
    const items = content.items.flatMap((item) =>
      'str' in item && item.str.trim() !== '' ? [{ text: item.str, x: item.transform[4]!, y: item.transform[5]!, dir: item.dir }] : [],
    );
    pages.push({ width, height, items, compact: compact(items.map((i) => i.text).join('')) });
  }
  await document.destroy();
  return pages;
}

/** Text without whitespace, for finding a sentence whatever its line breaks. */
export function compact(text: string): string {
  return text.replace(/\s+/g, '');
}
