/**
 * Live reload in every preview page (served as /__coursekit/live.js, its settings in the
 * script tag's data- attributes, see live-client.ts): a small bar says which version the page
 * shows; the page reloads whenever the server holds another version of what it shows, whether
 * the rebuild finished before or after the page connected; a failed rebuild shows its problems
 * over the last good page.
 */

interface LiveWindow {
  __coursekitLive?: boolean;
}

interface VersionsMessage {
  versions: Record<string, string>;
}

interface ProblemsMessage {
  heading: string;
  text: string;
}

const liveWindow = window as unknown as LiveWindow;
const settings = (document.currentScript as HTMLScriptElement | null)?.dataset ?? {};

if (!liveWindow.__coursekitLive) {
  liveWindow.__coursekitLive = true;
  const key = settings.key ?? '';
  const version = settings.version ?? '';
  let overlay: HTMLElement | null = null;

  const bar = document.createElement('div');
  bar.id = 'coursekit-preview-bar';
  bar.dataset.version = version;
  const built = settings.built ? new Date(settings.built).toLocaleTimeString() : '';
  bar.textContent = `Preview · ${settings.label ?? ''}${built ? ` · built ${built}` : ''}`;
  bar.style.cssText =
    'position:fixed;inset-inline-start:0;inset-block-end:0;z-index:2147483646;pointer-events:none;' +
    'background:rgba(27,31,36,.85);color:#fff;padding:.15rem .5rem;font:12px/1.5 system-ui,sans-serif;border-start-end-radius:4px';
  document.body.appendChild(bar);

  const show = (message: ProblemsMessage) => {
    if (!overlay) {
      overlay = document.createElement('section');
      overlay.id = 'coursekit-error-overlay';
      overlay.setAttribute('role', 'alert');
      overlay.setAttribute('aria-label', 'Preview problems');
      overlay.style.cssText =
        'position:fixed;inset-inline:0;inset-block-start:0;max-height:60vh;overflow:auto;z-index:2147483647;' +
        'background:#fff1f3;color:#1b1f24;border-bottom:4px solid #9f1239;padding:1rem 1.25rem;font:14px/1.5 system-ui,sans-serif;box-shadow:0 4px 16px rgba(0,0,0,.25)';
      const heading = document.createElement('h2');
      heading.style.cssText = 'margin:0 0 .5rem;font-size:16px';
      const pre = document.createElement('pre');
      pre.style.cssText = 'margin:0;white-space:pre-wrap;font:13px/1.45 ui-monospace,Menlo,Consolas,monospace';
      overlay.appendChild(heading);
      overlay.appendChild(pre);
      document.body.appendChild(overlay);
    }
    overlay.querySelector('h2')!.textContent = message.heading;
    overlay.querySelector('pre')!.textContent = message.text;
  };

  const hide = () => {
    overlay?.remove();
    overlay = null;
  };

  const compare = (event: Event) => {
    const { versions } = JSON.parse((event as MessageEvent<string>).data) as VersionsMessage;
    if (settings.reload !== 'false' && versions[key] !== version) location.reload();
  };

  const source = new EventSource('/__coursekit/events');
  source.addEventListener('versions', compare);
  source.addEventListener('reload', compare);
  source.addEventListener('problems', (event) => show(JSON.parse((event as MessageEvent<string>).data) as ProblemsMessage));
  source.addEventListener('ok', hide);
}
