/**
 * Live reload: every preview page loads /__coursekit/live.js (client/live.ts) with the version
 * it shows. The script shows that version in a small bar, reloads the page when the server
 * holds another one (after a rebuild, or one that finished while the page loaded), and shows
 * the problems of a failed rebuild over the last good page.
 */
import { escapeHtml } from '../render/markdown.js';

export interface LiveClientSettings {
  /** What the page shows: a module id, or the start page's key for every module. */
  key: string;
  version: string;
  /** What the bar says the page shows, e.g. "version 3f9a2c1e07b4". */
  label: string;
  builtAt: Date | undefined;
  /** False for pages that must not reload (the simulator keeps the LMS session): overlay only. */
  reload?: boolean;
}

export function liveClientTag(settings: LiveClientSettings): string {
  const attributes = [
    `data-key="${escapeHtml(settings.key)}"`,
    `data-version="${escapeHtml(settings.version)}"`,
    `data-label="${escapeHtml(settings.label)}"`,
    ...(settings.builtAt ? [`data-built="${settings.builtAt.toISOString()}"`] : []),
    ...(settings.reload === false ? ['data-reload="false"'] : []),
  ];
  return `<script src="/__coursekit/live.js" ${attributes.join(' ')}></script>`;
}

export function injectLiveClient(html: string, settings: LiveClientSettings): string {
  const tag = liveClientTag(settings);
  const end = html.lastIndexOf('</body>');
  return end === -1 ? html + tag : `${html.slice(0, end)}${tag}\n${html.slice(end)}`;
}
