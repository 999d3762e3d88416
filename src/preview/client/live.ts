/**
 * Live reload in every preview page (served as /__coursekit/live.js): reload on a successful
 * rebuild; on a failed one, show the diagnostics over the last good page.
 */

interface LiveWindow {
  __coursekitLive?: boolean;
}

const liveWindow = window as unknown as LiveWindow;

if (!liveWindow.__coursekitLive) {
  liveWindow.__coursekitLive = true;
  let overlay: HTMLElement | null = null;

  const show = (text: string) => {
    if (!overlay) {
      overlay = document.createElement('section');
      overlay.id = 'coursekit-error-overlay';
      overlay.setAttribute('role', 'alert');
      overlay.setAttribute('aria-label', 'Validation errors');
      overlay.style.cssText =
        'position:fixed;inset-inline:0;inset-block-start:0;max-height:60vh;overflow:auto;z-index:2147483647;' +
        'background:#fff1f3;color:#1b1f24;border-bottom:4px solid #9f1239;padding:1rem 1.25rem;font:14px/1.5 system-ui,sans-serif;box-shadow:0 4px 16px rgba(0,0,0,.25)';
      const heading = document.createElement('h2');
      heading.textContent = 'The last edit does not validate: this page shows the last good version.';
      heading.style.cssText = 'margin:0 0 .5rem;font-size:16px';
      const pre = document.createElement('pre');
      pre.style.cssText = 'margin:0;white-space:pre-wrap;font:13px/1.45 ui-monospace,Menlo,Consolas,monospace';
      overlay.appendChild(heading);
      overlay.appendChild(pre);
      document.body.appendChild(overlay);
    }
    overlay.querySelector('pre')!.textContent = text;
  };

  const hide = () => {
    overlay?.remove();
    overlay = null;
  };

  const source = new EventSource('/__coursekit/events');
  source.addEventListener('reload', () => location.reload());
  source.addEventListener('problems', (event) => show((JSON.parse((event as MessageEvent<string>).data) as { text: string }).text));
  source.addEventListener('ok', hide);
}
