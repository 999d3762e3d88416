/**
 * The browser side of live reload, served as /__coursekit/live.js into every preview page:
 * reload on a successful rebuild, show the diagnostics over the last good page on a failed one.
 */
export const LIVE_CLIENT_SCRIPT = `(function () {
  if (window.__coursekitLive) return;
  window.__coursekitLive = true;
  var overlay = null;
  function show(text) {
    if (!overlay) {
      overlay = document.createElement('section');
      overlay.id = 'coursekit-error-overlay';
      overlay.setAttribute('role', 'alert');
      overlay.setAttribute('aria-label', 'Validation errors');
      overlay.style.cssText = 'position:fixed;inset-inline:0;inset-block-start:0;max-height:60vh;overflow:auto;z-index:2147483647;' +
        'background:#fff1f3;color:#1b1f24;border-bottom:4px solid #9f1239;padding:1rem 1.25rem;font:14px/1.5 system-ui,sans-serif;box-shadow:0 4px 16px rgba(0,0,0,.25)';
      var heading = document.createElement('h2');
      heading.textContent = 'The last edit does not validate: this page shows the last good version.';
      heading.style.cssText = 'margin:0 0 .5rem;font-size:16px';
      var pre = document.createElement('pre');
      pre.style.cssText = 'margin:0;white-space:pre-wrap;font:13px/1.45 ui-monospace,Menlo,Consolas,monospace';
      overlay.appendChild(heading);
      overlay.appendChild(pre);
      document.body.appendChild(overlay);
    }
    overlay.querySelector('pre').textContent = text;
  }
  function hide() {
    if (overlay) { overlay.remove(); overlay = null; }
  }
  var source = new EventSource('/__coursekit/events');
  source.addEventListener('reload', function () { location.reload(); });
  source.addEventListener('problems', function (event) { show(JSON.parse(event.data).text); });
  source.addEventListener('ok', function () { hide(); });
})();
`;

export function injectLiveClient(html: string): string {
  const tag = '<script src="/__coursekit/live.js"></script>';
  return html.includes('</body>') ? html.replace('</body>', `${tag}\n</body>`) : html + tag;
}
