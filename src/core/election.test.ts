import { describe, expect, it } from 'vitest';
import { parseElectionDefinition } from './election.js';
import { sampleDefinition, withMeasureRule } from './testonly/fixtures.js';

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

describe('the rule a measure passes by', () => {
  const withRule = (passes: unknown): unknown =>
    withMeasureRule(sampleDefinition(['authority+00000000+AAAA']), passes);

  it('names one of its choices and a share under the whole', () => {
    const parsed = parseElectionDefinition(
      withRule({ choice: 'yes', share: [2, 3], atLeast: true }),
    );
    expect(parsed.ok).toBe(true);
    const measure = parsed.ok ? parsed.value.contests.get('measure-1') : undefined;
    expect(measure?.kind === 'measure' && measure.passes).toEqual({
      choice: 'yes',
      share: [2, 3],
      atLeast: true,
    });
  });

  it('is refused on a choice the measure does not have', () => {
    const parsed = parseElectionDefinition(withRule({ choice: 'maybe', share: [1, 2] }));
    expect(!parsed.ok && parsed.error.message).toContain(
      'measure "measure-1" passes on choice "maybe", which is not one of its choices',
    );
  });

  it('is refused with a share of the whole or more, or not a fraction of whole numbers', () => {
    for (const share of [[2, 2], [3, 2], [0, 2], [1, 0], [0.5, 1], [1, 2, 3], '1/2']) {
      const parsed = parseElectionDefinition(withRule({ choice: 'yes', share }));
      expect(parsed.ok, JSON.stringify(share)).toBe(false);
    }
  });
});
