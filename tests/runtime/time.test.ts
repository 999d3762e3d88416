/** SCORM time formats: invalid values have crashed LMSs. */
import { describe, expect, it } from 'vitest';
import { scorm12Duration, scorm12Time, scorm2004Duration, scorm2004Timestamp } from '../../src/runtime/time.js';

// The formats as the specifications (and scorm-again) define them.
const CMI_TIMESPAN_12 = /^\d{2,4}:\d{2}:\d{2}(\.\d{1,2})?$/;
const TIMEINTERVAL_2004 = /^P(?:T(?:\d+H)?(?:\d+M)?(?:\d+(?:\.\d{1,2})?S)?)$/;

describe('session time and latency', () => {
  it.each([
    [0, '0000:00:00.00', 'PT0S'],
    [5, '0000:00:00.01', 'PT0.01S'],
    [1_500, '0000:00:01.50', 'PT1.5S'],
    [3_723_450, '0001:02:03.45', 'PT1H2M3.45S'],
    [60_000, '0000:01:00.00', 'PT1M0S'],
    [36_000_000, '0010:00:00.00', 'PT10H0S'],
    [123_456_789, '0034:17:36.79', 'PT34H17M36.79S'],
  ])('%i ms is %s in 1.2 and %s in 2004', (ms, v12, v2004) => {
    expect(scorm12Duration(ms)).toBe(v12);
    expect(scorm2004Duration(ms)).toBe(v2004);
  });

  it('never produces an invalid value, whatever it is given', () => {
    for (const ms of [-1, NaN, Infinity, 0.4, 999.999, 59_999.996, 10_000 * 3_600_000, 2 ** 40]) {
      expect(scorm12Duration(ms)).toMatch(CMI_TIMESPAN_12);
      expect(scorm2004Duration(ms)).toMatch(TIMEINTERVAL_2004);
    }
    // 1.2 cannot hold more than 9999 hours: it stops there rather than growing a fifth digit.
    expect(scorm12Duration(2 ** 40)).toBe('9999:59:59.99');
  });

  it('rounds to at most two decimals in both formats', () => {
    expect(scorm12Duration(1_234.5)).toBe('0000:00:01.23');
    expect(scorm2004Duration(1_236)).toBe('PT1.24S');
    expect(scorm2004Duration(1_200)).toBe('PT1.2S');
  });
});

describe('interaction timestamps', () => {
  const date = new Date(2024, 0, 9, 8, 5, 3);
  it('writes 1.2 CMITime as HH:MM:SS', () => {
    expect(scorm12Time(date)).toBe('08:05:03');
  });
  it('writes a 2004 time(second,10,0) in local time', () => {
    expect(scorm2004Timestamp(date)).toBe('2024-01-09T08:05:03');
  });
});
