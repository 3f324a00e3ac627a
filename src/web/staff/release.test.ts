import { describe, expect, it } from 'vitest';
import { StaffMessages } from './messages.js';
import { releaseSentences } from './release.js';

describe('where a release stands, in words', () => {
  const m = new StaffMessages('en');

  it('says there is nothing to release where results publish as they arrive', () => {
    expect(releaseSentences(m, { waitsForRelease: false })).toEqual([
      'This election publishes results as they arrive: there is nothing to release.',
    ]);
  });

  it('names the release’s log entry once released', () => {
    expect(releaseSentences(m, { waitsForRelease: true, releasedAt: 1234 })).toEqual([
      'Released: the results are on the public site (log entry 1,234).',
    ]);
  });

  it('says who releases them, and when the server will, before', () => {
    expect(releaseSentences(m, { waitsForRelease: true })).toEqual([
      'Not released: the public site shows no results yet.',
      'An administrator releases them.',
    ]);
    const [, when] = releaseSentences(m, {
      waitsForRelease: true,
      releaseAt: '2026-11-03T20:00:00Z',
    });
    expect(when).toMatch(/^The server releases them at Nov 3, 2026, .*, when polls close/);
  });
});
