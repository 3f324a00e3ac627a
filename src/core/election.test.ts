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

describe('what a unit reports, and what the pages call each level', () => {
  const definition = sampleDefinition(['authority+00000000+AAAA']);
  const withUnits = (change: (unit: (typeof definition.units)[number]) => object): unknown => ({
    ...definition,
    units: definition.units.map((u) => ({ ...u, ...change(u) })),
  });

  it('gives every reporting unit every vote type, unless it or a unit above it says which', () => {
    const parsed = parseElectionDefinition(
      withUnits((u) => (u.id === 'south' ? { voteTypes: ['election-day'] } : {})),
    );
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.value.unitVoteTypes.get('n-1')).toEqual(['election-day', 'mail']);
    expect(parsed.value.unitVoteTypes.get('s-2')).toEqual(['election-day']);
  });

  it('refuses a vote type the election does not have, or one listed twice', () => {
    const unknown = parseElectionDefinition(
      withUnits((u) => (u.id === 's-1' ? { voteTypes: ['early'] } : {})),
    );
    expect(!unknown.ok && unknown.error.message).toContain(
      'unit "s-1" reports unknown vote type "early"',
    );
    const twice = parseElectionDefinition(
      withUnits((u) => (u.id === 's-1' ? { voteTypes: ['mail', 'mail'] } : {})),
    );
    expect(!twice.ok && twice.error.message).toContain('lists vote type "mail" twice');
  });

  it('names levels only by a type some unit has', () => {
    const named = parseElectionDefinition({
      ...definition,
      levels: { precinct: { en: 'Precincts', fr: 'Bureaux de vote' } },
    });
    expect(named.ok && named.value.definition.levels?.['precinct']?.['fr']).toBe('Bureaux de vote');
    const stray = parseElectionDefinition({
      ...definition,
      levels: { parish: { en: 'Parishes' } },
    });
    expect(!stray.ok && stray.error.message).toContain('levels name "parish", the type of no unit');
  });
});
