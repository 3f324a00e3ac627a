import { expect, it } from 'vitest';
import type { LocalizedText } from '../core/election.js';
import { demoElection } from './demo.js';

it('names every unit, contest, choice, party and vote type of the demo in each of its languages', () => {
  const election = demoElection(['authority+00000000+AAAA'], '2026-11-03T20:00:00Z');
  const d = election.definition;
  const named: [string, LocalizedText][] = [
    ['the election', d.name],
    ...d.units.map((u): [string, LocalizedText] => [`unit ${u.id}`, u.name]),
    ...d.voteTypes.map((v): [string, LocalizedText] => [`vote type ${v.id}`, v.name]),
    ...d.parties.map((p): [string, LocalizedText] => [`party ${p.id}`, p.name]),
    ...d.contests.flatMap((c): [string, LocalizedText][] => [
      [`contest ${c.id}`, c.name],
      ...c.choices.map((ch): [string, LocalizedText] => [`choice ${c.id}/${ch.id}`, ch.name]),
    ]),
  ];
  for (const [what, text] of named) {
    for (const language of d.languages)
      expect(text[language], `${what} in ${language}`).toBeTruthy();
  }
});
