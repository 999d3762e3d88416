/**
 * The LMS simulator: the package plays on the left in an LMS frame backed by scorm-again;
 * on the right a panel shows live what the LMS holds (statuses, score, location,
 * suspend_data against its limit, interactions, the API call log) with buttons for a new
 * attempt, exit and relaunch, and fault injection (client/simulator.ts).
 */
import { escapeHtml } from '../render/markdown.js';

export type SimulatorMode = 'scorm12' | 'scorm2004' | 'web';

/** `liveTag`: the live client's script tag (live-client.ts). */
/** Faults an LMS can have, injected into the next calls (No LMS: into the next launch). */
const faultControls = `<fieldset class="faults"><legend>Faults</legend>
<label><input type="checkbox" id="fault-nolms"> No LMS</label>
<label><input type="checkbox" id="fault-commit"> Commit fails</label>
<label>SetValue <select id="fault-setvalue"><option value="">stores every value</option><option value="all">refuses every value</option><option value="suspend_data">refuses suspend_data</option></select></label>
</fieldset>`;

export function simulatorPage(moduleId: string, title: string, mode: SimulatorMode, liveTag: string): string {
  const frameUrl = mode === 'web' ? `/packages/${moduleId}-web/index.html` : `/lms/${moduleId}-${mode}/`;
  const tab = (m: SimulatorMode, label: string) =>
    `<a href="/sim/${moduleId}/?mode=${m}"${m === mode ? ' aria-current="page"' : ''}>${label}</a>`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Simulator: ${escapeHtml(title)}</title>
<style>
*{box-sizing:border-box}
body{margin:0;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1b1f24;display:grid;grid-template-columns:minmax(0,1fr) 28rem;grid-template-rows:auto 1fr;height:100vh}
header{grid-column:1/-1;display:flex;gap:1rem;align-items:center;flex-wrap:wrap;padding:.5rem 1rem;background:#1b1f24;color:#fff}
header a{color:#fff}header a[aria-current]{font-weight:700;text-decoration:none;border-bottom:2px solid #fff}
header h1{font-size:15px;margin:0}
main{min-height:0}main iframe{border:0;width:100%;height:100%;display:block}
aside{overflow:auto;border-inline-start:1px solid #c9d0d9;padding:.75rem 1rem;background:#f7f8fa}
aside h2{font-size:14px;margin:1rem 0 .35rem}
table{border-collapse:collapse;width:100%;font-size:12.5px}th,td{text-align:start;border-bottom:1px solid #dde2e8;padding:.2rem .3rem;vertical-align:top;word-break:break-word}
.buttons{display:flex;flex-wrap:wrap;gap:.4rem}button{font:inherit;padding:.35rem .7rem;min-height:36px;border:1px solid #0b4f8a;background:#fff;color:#0b4f8a;border-radius:5px;cursor:pointer}
label{display:inline-flex;gap:.3rem;align-items:center;margin-inline-end:.75rem}
.faults{border:1px solid #c9d0d9;border-radius:5px;margin:.75rem 0;padding:.35rem .75rem .5rem}.faults legend{font-weight:600;padding:0 .25rem}select{font:inherit}
.over{color:#9f1239;font-weight:700}.err{color:#9f1239}
pre{white-space:pre-wrap;word-break:break-all;background:#fff;border:1px solid #dde2e8;padding:.4rem;margin:0;max-height:9rem;overflow:auto;font-size:12px}
</style>
</head>
<body data-mode="${mode}">
<header>
  <h1>${escapeHtml(title)}</h1>
  <nav aria-label="Player">${tab('scorm12', 'SCORM 1.2')} ${tab('scorm2004', 'SCORM 2004')} ${tab('web', 'Web (no LMS)')}</nav>
  <a href="/">All modules</a>
</header>
<main><iframe id="lms" title="Course player" src="${frameUrl}"></iframe></main>
<aside aria-label="What the LMS records" id="panel">
  <div class="buttons">
    <button type="button" id="new-attempt">New attempt</button>
    <button type="button" id="relaunch">Exit and relaunch</button>
  </div>
  ${mode === 'web' ? '' : faultControls}
  <h2>Status</h2><table><tbody id="status"></tbody></table>
  <h2>suspend_data <span id="suspend-size"></span></h2><pre id="suspend"></pre>
  <h2>Interactions</h2><table><thead><tr><th scope="col">#</th><th scope="col">id</th><th scope="col">type</th><th scope="col">response</th><th scope="col">result</th></tr></thead><tbody id="interactions"></tbody></table>
  <h2>API calls <span id="call-count"></span></h2><table><thead><tr><th scope="col">call</th><th scope="col">element</th><th scope="col">value</th><th scope="col">error</th></tr></thead><tbody id="log"></tbody></table>
</aside>
<script src="/__coursekit/simulator.js"></script>
${liveTag}
</body>
</html>
`;
}
