import { describe, expect, it } from 'vitest';
import { parseElectionDefinition } from '../core/election.js';
import { sampleDefinition } from '../core/testonly/fixtures.js';
import { choiceColumns } from './results_feed.js';

/** The sample election, its governor's choices named as given. */
function governorNamed(names: readonly string[]): ReturnType<typeof choiceColumns> {
  const definition = sampleDefinition(['authority+00000000+AAAA']);
  const parsed = parseElectionDefinition({
    ...definition,
    contests: definition.contests.map((c) =>
      c.id === 'governor'
        ? { ...c, choices: c.choices.map((ch, i) => ({ ...ch, name: { en: names[i] ?? '' } })) }
        : c,
    ),
  });
  if (!parsed.ok) throw new Error(parsed.error.message);
  return choiceColumns(parsed.value, 'governor');
}

describe('a contest CSV’s choice columns', () => {
  it('are the choices’ names', () => {
    expect(governorNamed(['Ada Lovelace', 'Alan Turing', 'Write-in'])).toEqual([
      'Ada Lovelace',
      'Alan Turing',
      'Write-in',
    ]);
  });

  it('add the id where two choices share a name, or a name is one of the file’s own columns', () => {
    expect(governorNamed(['Smith', 'Smith', 'test'])).toEqual([
      'Smith (ada)',
      'Smith (alan)',
      'test (write-in)',
    ]);
  });
});
