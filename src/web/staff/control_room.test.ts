import { describe, expect, it } from 'vitest';
import { parseControlRoomStatus } from './api.js';
import { reportedPercent, telHref } from './control_room.js';

describe('the control room’s pure parts', () => {
  it('fills a county’s bar by the share of its units reported, rounding down', () => {
    expect(reportedPercent({ reported: 0, expected: 3 })).toBe(0);
    expect(reportedPercent({ reported: 2, expected: 3 })).toBe(66);
    expect(reportedPercent({ reported: 3, expected: 3 })).toBe(100);
    // A county with no unit to report for a vote type has nothing missing.
    expect(reportedPercent({ reported: 0, expected: 0 })).toBe(100);
  });

  it('dials a unit’s contact number as written, without its spaces and punctuation', () => {
    expect(telHref('+1 (515) 555-0100')).toBe('tel:+15155550100');
    expect(telHref('0515 555 01 00')).toBe('tel:05155550100');
  });

  it('takes a status only in the shape the control room sends', () => {
    const status = {
      time: '2026-11-03T22:00:00Z',
      test: true,
      release: { waitsForRelease: false },
      counties: [],
      notReported: [],
      notReportedCount: 0,
      held: { count: 0 },
      rejections: {},
      submissionsPerSecond: 0,
      publish: { logSize: 3 },
    };
    expect(parseControlRoomStatus(status)).toBe(status);
    expect(parseControlRoomStatus({ ...status, counties: undefined })).toBeUndefined();
    expect(parseControlRoomStatus('status')).toBeUndefined();
  });
});
