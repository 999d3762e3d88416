/**
 * Live reload: every preview page loads /__coursekit/live.js (client/live.ts), which reloads
 * it on a successful rebuild and shows the diagnostics over it on a failed one.
 */
export function injectLiveClient(html: string): string {
  const tag = '<script src="/__coursekit/live.js"></script>';
  return html.includes('</body>') ? html.replace('</body>', `${tag}\n</body>`) : html + tag;
}
