/**
 * The LMS simulator's panel (preview/simulator-page.ts): shows live what the LMS holds for the
 * package playing in the frame (statuses, score, location, suspend_data against its limit,
 * interactions, the API call log), with a new attempt, exit and relaunch, and fault injection.
 * The player mode comes from <body data-mode>.
 */
import type { CmiData, LaunchOptions, LmsHost } from './lms-host.js';

type Mode = 'scorm12' | 'scorm2004' | 'web';

const mode = (document.body.dataset.mode ?? 'scorm12') as Mode;
const frame = document.getElementById('lms') as HTMLIFrameElement;
const limit = mode === 'scorm12' ? 4096 : 64000;
const byId = (id: string) => document.getElementById(id)!;

function host(): LmsHost | null {
  try {
    return (frame.contentWindow as unknown as { coursekitLms?: LmsHost }).coursekitLms ?? null;
  } catch {
    return null;
  }
}

/** Fills a table body; a row of two cells is a row header and its value. */
function rows(tbody: HTMLElement, list: unknown[][]): void {
  tbody.textContent = '';
  for (const cells of list) {
    const tr = document.createElement('tr');
    cells.forEach((c, i) => {
      const header = i === 0 && cells.length === 2;
      const td = document.createElement(header ? 'th' : 'td');
      if (header) (td as HTMLTableCellElement).scope = 'row';
      td.textContent = c == null ? '' : String(c);
      tr.appendChild(td);
    });
    tbody.appendChild(tr);
  }
}

function pick(o: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((v, k) => (v == null ? v : (v as Record<string, unknown>)[k]), o);
}

/** What the web package keeps in the browser's storage. */
function webState(): [string, string][] {
  const out: [string, string][] = [];
  try {
    const storage = frame.contentWindow!.localStorage;
    for (let i = 0; i < storage.length; i++) {
      const k = storage.key(i)!;
      if (k.indexOf('coursekit') === 0) out.push([k, storage.getItem(k) ?? '']);
    }
  } catch {
    // The frame is between pages.
  }
  return out;
}

function render(): void {
  if (mode === 'web') {
    const entries = webState();
    rows(
      byId('status'),
      entries.map(([key, value]) => [key, `${value.length} characters`]),
    );
    byId('suspend').textContent = entries.map(([, value]) => value).join('\n');
    byId('suspend-size').textContent = '(browser storage)';
    return;
  }
  const h = host();
  if (!h?.api) return;
  const rendered = h.cmi() ?? {};
  const cmi = (rendered.cmi ?? rendered) as CmiData;
  const is12 = mode === 'scorm12';
  const fields = is12
    ? [
        ['lesson_status', 'core.lesson_status'],
        ['score.raw', 'core.score.raw'],
        ['score.min', 'core.score.min'],
        ['score.max', 'core.score.max'],
        ['lesson_location', 'core.lesson_location'],
        ['exit', 'core.exit'],
        ['entry', 'core.entry'],
        ['session_time', 'core.session_time'],
      ]
    : [
        ['completion_status', 'completion_status'],
        ['success_status', 'success_status'],
        ['score.scaled', 'score.scaled'],
        ['score.raw', 'score.raw'],
        ['score.min', 'score.min'],
        ['score.max', 'score.max'],
        ['location', 'location'],
        ['exit', 'exit'],
        ['entry', 'entry'],
        ['session_time', 'session_time'],
      ];
  rows(byId('status'), [...fields.map(([label, path]) => [label, pick(cmi, path!)]), ['launches', h.launches]]);
  const suspend = String(cmi.suspend_data || '');
  byId('suspend').textContent = suspend;
  const size = byId('suspend-size');
  size.textContent = `(${suspend.length} of ${limit} characters)`;
  size.className = suspend.length > limit ? 'over' : '';
  const interactions = (cmi.interactions || {}) as Record<string, Record<string, unknown>>;
  const list = Object.keys(interactions)
    .filter((k) => /^\d+$/.test(k))
    .map((k) => {
      const it = interactions[k]!;
      return [k, it.id, it.type, is12 ? it.student_response : it.learner_response, it.result];
    });
  rows(byId('interactions'), list);
  const log = h.log.slice(-200).reverse();
  byId('call-count').textContent = `(${h.log.length})`;
  const tbody = byId('log') as HTMLTableSectionElement;
  rows(
    tbody,
    log.map((e) => [e.method, e.element, e.value, e.error]),
  );
  Array.prototype.forEach.call(tbody.rows, (tr: HTMLTableRowElement, i: number) => {
    if (log[i]!.error !== '0') tr.className = 'err';
  });
}

function options(): LaunchOptions {
  const noLms = document.getElementById('fault-nolms') as HTMLInputElement | null;
  const commit = document.getElementById('fault-commit') as HTMLInputElement | null;
  const refused = (document.getElementById('fault-setvalue') as HTMLSelectElement | null)?.value;
  return {
    noLms: Boolean(noLms?.checked),
    failCommits: Boolean(commit?.checked),
    ...(refused === 'all' || refused === 'suspend_data' ? { refuseValues: refused } : {}),
  };
}

/** Launches the package once the LMS host page in the frame is there. */
function launchWhenReady(): void {
  const h = host();
  if (h && !h.api) {
    h.launch(null, options());
    h.onchange = render;
  }
  render();
}

frame.addEventListener('load', launchWhenReady);
// The frame may have loaded before this script arrived.
launchWhenReady();

byId('new-attempt').addEventListener('click', () => {
  if (mode === 'web') {
    // Unload the course first: it saves its state on pagehide, which would undo the clearing.
    const url = frame.contentWindow!.location.href;
    frame.addEventListener('load', function cleared() {
      frame.removeEventListener('load', cleared);
      for (const k of Object.keys(localStorage)) if (k.indexOf('coursekit') === 0) localStorage.removeItem(k);
      frame.src = url;
    });
    frame.src = 'about:blank';
    return;
  }
  const h = host();
  if (h) {
    h.log.length = 0;
    h.launch(null, options());
  }
});

byId('relaunch').addEventListener('click', () => {
  if (mode === 'web') {
    frame.contentWindow!.location.reload();
    return;
  }
  void host()?.exitAndRelaunch(options()).then(render);
});

// Commit and SetValue faults apply at once; "No LMS" at the next launch.
for (const id of ['fault-nolms', 'fault-commit', 'fault-setvalue']) {
  document.getElementById(id)?.addEventListener('change', () => {
    const h = host();
    if (!h) return;
    const chosen = options();
    h.faults.commit = chosen.failCommits === true;
    h.faults.refuseValues = chosen.refuseValues ?? null;
  });
}

setInterval(render, 1000);
