/**
 * PDFs of the handouts, printed by a Chromium already on the machine (playwright-core drives
 * it; coursekit never downloads a browser). The page size, margins, running header and page
 * numbers come from each document's print CSS, so the PDF is what a browser's Print gives.
 */
import { access, constants } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/** Where Debian, Ubuntu and most Linux distributions install Chromium. */
export const CHROMIUM_PATHS = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

const FLAGS = ['--headless', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** The Chromium to print with: the one given, if it can be run, or the first found; undefined when none. */
export async function findChromium(given: string | undefined): Promise<string | undefined> {
  for (const candidate of given === undefined ? CHROMIUM_PATHS : [given]) {
    if (
      await access(candidate, constants.X_OK).then(
        () => true,
        () => false,
      )
    )
      return candidate;
  }
  return undefined;
}

/** Prints `folder/<name>.html` to `folder/<name>.pdf` for each document; returns the PDFs' names. */
export async function printPdfs(folder: string, documents: string[], chromium: string): Promise<string[]> {
  const { chromium: launcher } = await import('playwright-core');
  const browser = await launcher.launch({ executablePath: chromium, args: FLAGS, headless: true });
  try {
    const context = await browser.newContext({ offline: true });
    const page = await context.newPage();
    const written: string[] = [];
    for (const document of documents) {
      const pdf = document.replace(/\.html$/, '.pdf');
      await page.goto(pathToFileURL(path.join(folder, document)).href, { waitUntil: 'load' });
      await page.pdf({ path: path.join(folder, pdf), preferCSSPageSize: true, printBackground: true, tagged: true, outline: true });
      written.push(pdf);
    }
    return written;
  } finally {
    await browser.close();
  }
}
