/**
 * The LMS side of the preview and of the browser tests: a page that plays a SCORM package in
 * an iframe with scorm-again as the API, the way an LMS would, and keeps what it records
 * (client/lms-host.ts). Relaunching carries the data over as Moodle does (entry=resume only
 * after exit=suspend; in SCORM 2004 nothing is returned unless the last exit was suspend).
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
<body data-version="${options.version}" data-launch-url="${escapeHtml(options.launchUrl)}">
<iframe id="sco" title="${escapeHtml(options.title)}"></iframe>
<script src="/__coursekit/lms-host.js"></script>
</body>
</html>
`;
}
