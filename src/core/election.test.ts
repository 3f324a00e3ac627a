import { describe, expect, it } from 'vitest';
import { parseElectionDefinition } from './election.js';
import { sampleDefinition } from './testonly/fixtures.js';

const withTimeZone = (timeZone: unknown): unknown => ({
  ...sampleDefinition(['authority+00000000+AAAA']),
  timeZone,
});

describe('the time zone of an election', () => {
  it('is one of the tz database, by its IANA name', () => {
    for (const zone of ['America/Chicago', 'America/Indiana/Knox', 'Europe/Paris', 'UTC']) {
      const parsed = parseElectionDefinition(withTimeZone(zone));
      expect(parsed.ok, zone).toBe(true);
      if (parsed.ok) expect(parsed.value.definition.timeZone).toBe(zone);
    }
  });

  it('may be left out: times are then given in UTC', () => {
    const parsed = parseElectionDefinition(sampleDefinition(['authority+00000000+AAAA']));
    expect(parsed.ok && parsed.value.definition.timeZone).toBeUndefined();
  });

  it('is refused, with its name, when the tz database has no such zone', () => {
    const parsed = parseElectionDefinition(withTimeZone('America/Springfield'));
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.error.code).toBe('invalid_definition');
    expect(parsed.error.message).toContain('timeZone "America/Springfield"');
  });

  it('is refused when it is not spelled as a zone name at all', () => {
    for (const zone of ['', '../etc/passwd', 'America Chicago', 'UTC+6 ', 42]) {
      const parsed = parseElectionDefinition(withTimeZone(zone));
      expect(parsed.ok, String(zone)).toBe(false);
      if (!parsed.ok) expect(parsed.error.message, String(zone)).toContain('timeZone');
    }
  });
});
