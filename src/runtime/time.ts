/**
 * SCORM time formats. Invalid values have crashed LMSs, so every value is built from whole
 * centiseconds and clamped to what the format can hold.
 */

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function centiseconds(ms: number): number {
  return Math.max(0, Math.round((Number.isFinite(ms) ? ms : 0) / 10));
}

/** SCORM 1.2 CMITimespan, `HHHH:MM:SS.SS` (at most 9999 hours). */
export function scorm12Duration(ms: number): string {
  const cs = Math.min(centiseconds(ms), 9999 * 360000 + 359999);
  const hours = Math.floor(cs / 360000);
  const minutes = Math.floor((cs % 360000) / 6000);
  const seconds = Math.floor((cs % 6000) / 100);
  return `${pad(hours, 4)}:${pad(minutes)}:${pad(seconds)}.${pad(cs % 100)}`;
}

/** SCORM 2004 timeinterval, an ISO 8601 duration such as `PT1H2M3.5S` (2 decimals at most). */
export function scorm2004Duration(ms: number): string {
  const cs = centiseconds(ms);
  const hours = Math.floor(cs / 360000);
  const minutes = Math.floor((cs % 360000) / 6000);
  const fraction = cs % 100;
  const seconds = `${Math.floor((cs % 6000) / 100)}${fraction ? `.${pad(fraction).replace(/0$/, '')}` : ''}`;
  return `PT${hours ? `${hours}H` : ''}${minutes ? `${minutes}M` : ''}${seconds}S`;
}

/** SCORM 1.2 CMITime, the time of day `HH:MM:SS`. */
export function scorm12Time(date: Date): string {
  return `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
}

/** SCORM 2004 time(second,10,0): local date and time `YYYY-MM-DDThh:mm:ss`. */
export function scorm2004Timestamp(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${scorm12Time(date)}`;
}
