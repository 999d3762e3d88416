/**
 * The LMS simulator: the package plays on the left in an LMS frame backed by scorm-again;
 * on the right a panel shows live what the LMS holds (statuses, score, location,
 * suspend_data against its limit, interactions, the API call log) with buttons for a new
 * attempt, exit and relaunch, and fault injection.
 */
import { escapeHtml } from '../render/markdown.js';

export type SimulatorMode = 'scorm12' | 'scorm2004' | 'web';

export function simulatorPage(moduleId: string, title: string, mode: SimulatorMode): string {
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
.over{color:#9f1239;font-weight:700}.err{color:#9f1239}
pre{white-space:pre-wrap;word-break:break-all;background:#fff;border:1px solid #dde2e8;padding:.4rem;margin:0;max-height:9rem;overflow:auto;font-size:12px}
</style>
</head>
<body>
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
  <p>${mode === 'web' ? '' : '<label><input type="checkbox" id="fault-nolms"> No LMS</label><label><input type="checkbox" id="fault-commit"> Commit fails</label>'}</p>
  <h2>Status</h2><table><tbody id="status"></tbody></table>
  <h2>suspend_data <span id="suspend-size"></span></h2><pre id="suspend"></pre>
  <h2>Interactions</h2><table><thead><tr><th scope="col">#</th><th scope="col">id</th><th scope="col">type</th><th scope="col">response</th><th scope="col">result</th></tr></thead><tbody id="interactions"></tbody></table>
  <h2>API calls <span id="call-count"></span></h2><table><thead><tr><th scope="col">call</th><th scope="col">element</th><th scope="col">value</th><th scope="col">error</th></tr></thead><tbody id="log"></tbody></table>
</aside>
<script>
(function () {
  var mode = ${JSON.stringify(mode)};
  var moduleId = ${JSON.stringify(moduleId)};
  var frame = document.getElementById('lms');
  var limit = mode === 'scorm12' ? 4096 : 64000;
  function host() { try { return frame.contentWindow.coursekitLms || null; } catch (e) { return null; } }
  function rows(tbody, list) {
    tbody.textContent = '';
    list.forEach(function (cells) {
      var tr = document.createElement('tr');
      cells.forEach(function (c, i) { var td = document.createElement(i === 0 && cells.length === 2 ? 'th' : 'td'); if (i === 0 && cells.length === 2) td.scope = 'row'; td.textContent = c == null ? '' : String(c); tr.appendChild(td); });
      tbody.appendChild(tr);
    });
  }
  function pick(o, path) { return path.split('.').reduce(function (v, k) { return v == null ? v : v[k]; }, o); }
  function webState() {
    var out = [];
    try {
      var storage = frame.contentWindow.localStorage;
      for (var i = 0; i < storage.length; i++) { var k = storage.key(i); if (k.indexOf('coursekit') === 0) out.push([k, storage.getItem(k)]); }
    } catch (e) {}
    return out;
  }
  function render() {
    if (mode === 'web') {
      var entries = webState();
      rows(document.getElementById('status'), entries.map(function (e) { return [e[0], e[1].length + ' characters']; }));
      var text = entries.map(function (e) { return e[1]; }).join('\\n');
      document.getElementById('suspend').textContent = text;
      document.getElementById('suspend-size').textContent = '(browser storage)';
      return;
    }
    var h = host();
    if (!h || !h.api) return;
    var cmi = (h.cmi() || {}).cmi || h.cmi() || {};
    var is12 = mode === 'scorm12';
    var fields = is12
      ? [['lesson_status', 'core.lesson_status'], ['score.raw', 'core.score.raw'], ['score.min', 'core.score.min'], ['score.max', 'core.score.max'], ['lesson_location', 'core.lesson_location'], ['exit', 'core.exit'], ['entry', 'core.entry'], ['session_time', 'core.session_time']]
      : [['completion_status', 'completion_status'], ['success_status', 'success_status'], ['score.scaled', 'score.scaled'], ['score.raw', 'score.raw'], ['score.min', 'score.min'], ['score.max', 'score.max'], ['location', 'location'], ['exit', 'exit'], ['entry', 'entry'], ['session_time', 'session_time']];
    rows(document.getElementById('status'), fields.map(function (f) { return [f[0], pick(cmi, f[1])]; }).concat([['launches', h.launches]]));
    var suspend = cmi.suspend_data || '';
    document.getElementById('suspend').textContent = suspend;
    var size = document.getElementById('suspend-size');
    size.textContent = '(' + suspend.length + ' of ' + limit + ' characters)';
    size.className = suspend.length > limit ? 'over' : '';
    var interactions = cmi.interactions || {};
    var list = Object.keys(interactions).filter(function (k) { return /^\\d+$/.test(k); }).map(function (k) {
      var it = interactions[k];
      return [k, it.id, it.type, is12 ? it.student_response : it.learner_response, it.result];
    });
    rows(document.getElementById('interactions'), list);
    var log = h.log.slice(-200).reverse();
    document.getElementById('call-count').textContent = '(' + h.log.length + ')';
    var tbody = document.getElementById('log');
    rows(tbody, log.map(function (e) { return [e.method, e.element, e.value, e.error]; }));
    Array.prototype.forEach.call(tbody.rows, function (tr, i) { if (log[i].error !== '0') tr.className = 'err'; });
  }
  function options() {
    var noLms = document.getElementById('fault-nolms');
    var commit = document.getElementById('fault-commit');
    return { noLms: Boolean(noLms && noLms.checked), failCommits: Boolean(commit && commit.checked) };
  }
  frame.addEventListener('load', function () {
    var h = host();
    if (h && !h.api) { h.launch(null, options()); h.onchange = render; }
    render();
  });
  document.getElementById('new-attempt').addEventListener('click', function () {
    if (mode === 'web') {
      // Unload the course first: it saves its state on pagehide, which would undo the clearing.
      var url = frame.contentWindow.location.href;
      frame.addEventListener('load', function cleared() {
        frame.removeEventListener('load', cleared);
        Object.keys(localStorage).forEach(function (k) { if (k.indexOf('coursekit') === 0) localStorage.removeItem(k); });
        frame.src = url;
      });
      frame.src = 'about:blank';
      return;
    }
    var h = host();
    if (h) { h.log.length = 0; h.launch(null, options()); }
  });
  document.getElementById('relaunch').addEventListener('click', function () {
    if (mode === 'web') { frame.contentWindow.location.reload(); return; }
    var h = host();
    if (h) h.exitAndRelaunch(options()).then(render);
  });
  ['fault-nolms', 'fault-commit'].forEach(function (id) {
    var box = document.getElementById(id);
    if (box) box.addEventListener('change', function () { var h = host(); if (h) { h.faults.commit = options().failCommits; } });
  });
  setInterval(render, 1000);
})();
</script>
<script src="/__coursekit/live.js"></script>
</body>
</html>
`;
}
