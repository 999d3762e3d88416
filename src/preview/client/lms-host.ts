/**
 * The LMS side of the host page (preview/lms-host.ts): scorm-again as the SCORM API of the
 * package playing in the frame, every call logged, faults on request, and relaunching with the
 * data an LMS would hand back. Read by the simulator and the browser tests as
 * `window.coursekitLms`. Settings come from the page's <body data-*> attributes.
 */

export type ScormVersion = 'scorm12' | 'scorm2004';

/** Which values an LMS refuses to store, when the fault is injected. */
export type RefusedValues = 'all' | 'suspend_data';

export interface LmsLogEntry {
  method: string;
  element: string;
  value: string;
  /** The API's last error code after the call, as text ("0" for none). */
  error: string;
  at: number;
}

export interface LaunchOptions {
  /** Launch without an API, as an LMS that fails to provide one. */
  noLms?: boolean;
  /** Make every commit fail, as an LMS that refuses to save while the page unloads. */
  failCommits?: boolean;
  /** Make SetValue answer "false", for every element or for `cmi.suspend_data` only, as an LMS that will not store them. */
  refuseValues?: RefusedValues;
  /** Added to the launch URL, e.g. `?sco=assessment`. */
  query?: string;
}

/** The CMI data as scorm-again renders it, or as an LMS hands it to a new launch. */
// biome-ignore lint/suspicious/noExplicitAny: scorm-again's CMI JSON is nested data of no declared shape.
export type CmiData = Record<string, any>;

/** The part of scorm-again's Scorm12API / Scorm2004API the host uses. */
interface ScormAgainApi {
  loadFromJSON(data: CmiData): void;
  on(event: string, listener: (element: unknown, value: unknown) => void): void;
  renderCMIToJSONObject(): CmiData;
  lmsGetLastError?(): unknown;
  GetLastError?(): unknown;
  throwSCORMError(element: string, code: number, message: string): void;
  [method: string]: unknown;
}

type ScormAgainConstructor = new (settings: Record<string, unknown>) => ScormAgainApi;

export interface LmsHost {
  version: ScormVersion;
  log: LmsLogEntry[];
  api: ScormAgainApi | null;
  launches: number;
  faults: { commit: boolean; noLms: boolean; refuseValues: RefusedValues | null };
  onchange?: () => void;
  launch(saved: CmiData | null | undefined, options?: LaunchOptions): void;
  /** The CMI data model as the LMS holds it. */
  cmi(): CmiData | null;
  /** What an LMS (Moodle 5.0) hands the next launch of this SCO. */
  relaunchData(): CmiData | null;
  /** Unload the SCO (as an LMS does when the learner leaves), then relaunch it with its data. */
  exitAndRelaunch(options?: LaunchOptions): Promise<CmiData | null>;
}

interface HostWindow {
  coursekitLms?: LmsHost;
  API?: unknown;
  API_1484_11?: unknown;
  Scorm12API: ScormAgainConstructor;
  Scorm2004API: ScormAgainConstructor;
}

const hostWindow = window as unknown as HostWindow;
const version: ScormVersion = document.body.dataset.version === 'scorm2004' ? 'scorm2004' : 'scorm12';
const launchUrl = document.body.dataset.launchUrl ?? '';
const frame = document.getElementById('sco') as HTMLIFrameElement;

const host: LmsHost = {
  version,
  log: [],
  api: null,
  launches: 0,
  faults: { commit: false, noLms: false, refuseValues: null },
  launch(saved, options = {}) {
    host.faults.noLms = Boolean(options.noLms);
    host.faults.commit = Boolean(options.failCommits);
    host.faults.refuseValues = options.refuseValues ?? null;
    delete hostWindow.API;
    delete hostWindow.API_1484_11;
    const settings = { autocommit: false, lmsCommitUrl: false, logLevel: 5, mastery_override: false };
    const api = version === 'scorm12' ? new hostWindow.Scorm12API(settings) : new hostWindow.Scorm2004API(settings);
    // A first launch is ab-initio, as Moodle sets it (scorm-again alone leaves entry empty).
    // The copy is made in this page's realm: scorm-again checks `constructor === Object`.
    const data = saved
      ? (JSON.parse(JSON.stringify(saved)) as CmiData)
      : version === 'scorm12'
        ? { cmi: { core: { entry: 'ab-initio' } } }
        : { cmi: { entry: 'ab-initio' } };
    api.loadFromJSON(data);
    host.api = api;
    host.launches++;
    const events =
      version === 'scorm12'
        ? ['LMSInitialize', 'LMSFinish', 'LMSCommit', 'LMSSetValue.cmi.*', 'LMSGetValue.cmi.*']
        : ['Initialize', 'Terminate', 'Commit', 'SetValue.cmi.*', 'GetValue.cmi.*'];
    for (const event of events) {
      api.on(event, (element, value) => record(event.split('.')[0]!, typeof element === 'string' ? element : '', value));
    }
    const commitName = version === 'scorm12' ? 'LMSCommit' : 'Commit';
    const realCommit = (api[commitName] as (arg: string) => string).bind(api);
    api[commitName] = (arg: string) => {
      if (host.faults.commit) {
        record(`${commitName} (failed by fault injection)`, '', '');
        return 'false';
      }
      return realCommit(arg);
    };
    const setValueName = version === 'scorm12' ? 'LMSSetValue' : 'SetValue';
    const realSetValue = (api[setValueName] as (element: string, value: string) => string).bind(api);
    api[setValueName] = (element: string, value: string) => {
      const refused = host.faults.refuseValues;
      if (refused === 'all' || (refused === 'suspend_data' && element === 'cmi.suspend_data')) {
        // As an LMS that refuses: "false", and a general error for GetLastError (101 in 1.2, 351 in 2004).
        api.throwSCORMError(element, version === 'scorm12' ? 101 : 351, 'refused by fault injection');
        record(`${setValueName} (refused by fault injection)`, element, value);
        return 'false';
      }
      return realSetValue(element, value);
    };
    if (!host.faults.noLms) {
      if (version === 'scorm12') hostWindow.API = api;
      else hostWindow.API_1484_11 = api;
    }
    frame.src = launchUrl + (options.query ?? '');
  },
  cmi() {
    return host.api ? host.api.renderCMIToJSONObject() : null;
  },
  relaunchData() {
    const rendered = host.cmi();
    if (!rendered) return null;
    const cmi = (rendered.cmi ?? rendered) as CmiData;
    // As Moodle 5.0 does: a 1.2 attempt that reported passed, failed or completed is finished
    // and opens in review mode; 2004 returns the data only after exit "suspend", and a passed
    // SCO opens in review mode.
    if (version === 'scorm12') {
      const core = (cmi.core ?? {}) as CmiData;
      const status = core.lesson_status || 'not attempted';
      const finished = ['passed', 'failed', 'completed'].includes(status);
      return {
        cmi: {
          suspend_data: cmi.suspend_data || '',
          core: {
            lesson_location: core.lesson_location || '',
            lesson_status: status,
            lesson_mode: finished ? 'review' : 'normal',
            credit: finished ? 'no-credit' : 'credit',
            entry: !finished && core.exit === 'suspend' ? 'resume' : '',
            score: core.score || {},
          },
        },
      };
    }
    const mode = cmi.success_status === 'passed' ? 'review' : 'normal';
    if (cmi.exit !== 'suspend') {
      return {
        cmi: { completion_status: cmi.completion_status, success_status: cmi.success_status, score: cmi.score, mode, entry: 'ab-initio' },
      };
    }
    return {
      cmi: {
        suspend_data: cmi.suspend_data || '',
        location: cmi.location || '',
        completion_status: cmi.completion_status,
        success_status: cmi.success_status,
        score: cmi.score,
        mode,
        entry: 'resume',
      },
    };
  },
  exitAndRelaunch(options) {
    return new Promise((resolve) => {
      frame.src = 'about:blank';
      setTimeout(() => {
        const data = host.relaunchData();
        host.launch(data, options);
        resolve(data);
      }, 50);
    });
  },
};
hostWindow.coursekitLms = host;

function record(method: string, element: string, value: unknown): void {
  const api = host.api;
  const code = api ? String(api.lmsGetLastError ? api.lmsGetLastError() : api.GetLastError?.()) : '0';
  host.log.push({ method, element, value: value === undefined ? '' : String(value), error: code, at: Date.now() });
  host.onchange?.();
}
