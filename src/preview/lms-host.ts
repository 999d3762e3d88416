/**
 * The LMS side of the preview and of the browser tests: a page that plays a SCORM package in
 * an iframe with scorm-again as the API, the way an LMS would, and keeps what it records.
 * Relaunching carries the data over as Moodle does (entry=resume only after exit=suspend;
 * in SCORM 2004 nothing is returned unless the last exit was suspend).
 */
import { escapeHtml } from '../render/markdown.js';

export type ScormVersion = 'scorm12' | 'scorm2004';

export interface LmsHostOptions {
  version: ScormVersion;
  /** URL of the SCO launch page, relative to the host page or absolute. */
  launchUrl: string;
  /** URL prefix where scorm-again's dist/ files are served. */
  scormAgainUrl: string;
  title: string;
}

export function lmsHostPage(options: LmsHostOptions): string {
  const script = options.version === 'scorm12' ? 'scorm12.min.js' : 'scorm2004.min.js';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>LMS: ${escapeHtml(options.title)}</title>
<style>html,body{margin:0;height:100%}iframe{border:0;width:100%;height:100%;display:block}</style>
<script src="${options.scormAgainUrl}/${script}"></script>
</head>
<body>
<iframe id="sco" title="${escapeHtml(options.title)}"></iframe>
<script>
(function () {
  var version = ${JSON.stringify(options.version)};
  var launchUrl = ${JSON.stringify(options.launchUrl)};
  var host = { version: version, log: [], api: null, launches: 0, faults: { commit: false, noLms: false } };
  window.coursekitLms = host;

  function record(method, element, value) {
    var api = host.api;
    var code = api ? String(api.lmsGetLastError ? api.lmsGetLastError() : api.GetLastError()) : '0';
    host.log.push({ method: method, element: element || '', value: value === undefined ? '' : String(value), error: code, at: Date.now() });
    if (host.onchange) host.onchange();
  }

  host.launch = function (saved, options) {
    options = options || {};
    host.faults.noLms = Boolean(options.noLms);
    host.faults.commit = Boolean(options.failCommits);
    delete window.API;
    delete window.API_1484_11;
    var settings = { autocommit: false, lmsCommitUrl: false, logLevel: 5, mastery_override: false };
    var api = version === 'scorm12' ? new window.Scorm12API(settings) : new window.Scorm2004API(settings);
    // A first launch is ab-initio, as Moodle sets it (scorm-again alone leaves entry empty).
    var data = saved ? JSON.parse(JSON.stringify(saved)) : (version === 'scorm12' ? { cmi: { core: { entry: 'ab-initio' } } } : { cmi: { entry: 'ab-initio' } });
    api.loadFromJSON(data);
    host.api = api;
    host.launches++;
    var events = version === 'scorm12'
      ? ['LMSInitialize', 'LMSFinish', 'LMSCommit', 'LMSSetValue.cmi.*', 'LMSGetValue.cmi.*']
      : ['Initialize', 'Terminate', 'Commit', 'SetValue.cmi.*', 'GetValue.cmi.*'];
    events.forEach(function (event) {
      api.on(event, function (element, value) {
        var method = event.split('.')[0];
        record(method, typeof element === 'string' ? element : '', value);
      });
    });
    var commitName = version === 'scorm12' ? 'LMSCommit' : 'Commit';
    var realCommit = api[commitName].bind(api);
    api[commitName] = function (arg) {
      if (host.faults.commit) { record(commitName + ' (failed by fault injection)', '', ''); return 'false'; }
      return realCommit(arg);
    };
    if (!host.faults.noLms) {
      if (version === 'scorm12') window.API = api; else window.API_1484_11 = api;
    }
    document.getElementById('sco').src = launchUrl + (options.query || '');
  };

  /** The CMI data model as the LMS holds it. */
  host.cmi = function () {
    return host.api ? host.api.renderCMIToJSONObject() : null;
  };

  /** What an LMS hands the next launch of this SCO. */
  host.relaunchData = function () {
    var cmi = host.cmi();
    if (!cmi) return null;
    cmi = cmi.cmi || cmi;
    if (version === 'scorm12') {
      var core = cmi.core || {};
      return { cmi: { suspend_data: cmi.suspend_data || '', core: {
        lesson_location: core.lesson_location || '',
        lesson_status: core.lesson_status || 'not attempted',
        entry: core.exit === 'suspend' ? 'resume' : '',
        score: core.score || {}
      } } };
    }
    if (cmi.exit !== 'suspend') {
      return { cmi: { completion_status: cmi.completion_status, success_status: cmi.success_status, score: cmi.score, entry: 'ab-initio' } };
    }
    return { cmi: { suspend_data: cmi.suspend_data || '', location: cmi.location || '', completion_status: cmi.completion_status,
      success_status: cmi.success_status, score: cmi.score, entry: 'resume' } };
  };

  /** Unload the SCO (as an LMS does when the learner leaves), then relaunch it with its data. */
  host.exitAndRelaunch = function (options) {
    return new Promise(function (resolve) {
      var frame = document.getElementById('sco');
      frame.src = 'about:blank';
      setTimeout(function () {
        var data = host.relaunchData();
        host.launch(data, options);
        resolve(data);
      }, 50);
    });
  };
})();
</script>
</body>
</html>
`;
}
