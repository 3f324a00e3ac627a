// The held submission beside what its unit counts now, one table per contest (and one for the
// whole unit's ballots cast). A line that differs is marked three ways: the row's background, a
// bar at its edge and the word "differs" beside the difference, so that colour is never the only
// sign. Without anything counted the tables have the held column alone.
import type { ComponentChildren, JSX } from 'preact';
import { compareSubmissions, type ComparedLine, type Counts, type Line } from './compare.js';
import type { StaffMessages } from './messages.js';

interface Props {
  readonly m: StaffMessages;
  readonly held: Counts;
  readonly counted: Counts | undefined;
  /** Prefixes the tables' ids, so that two comparisons on one page never share one. */
  readonly idPrefix: string;
  /** The two columns' headings (by default held and counts now). */
  readonly columns?: { readonly held: ComponentChildren; readonly counted: ComponentChildren };
  /** A contest's and a choice's names (by default their ids). */
  readonly names?: {
    readonly contest: (contest: string) => string;
    readonly choice: (contest: string, choice: string) => string;
  };
}

function lineLabel(m: StaffMessages, line: Line, choiceName: (choice: string) => string): string {
  switch (line.kind) {
    case 'choice':
      return choiceName(line.choice);
    case 'firstAlignment':
    case 'countyDelegates':
      return `${choiceName(line.choice)}: ${m.t(line.kind)}`;
    case 'ballotsCast':
      return m.t('ballotsCast');
    case 'overvotes':
      return m.t('overvotes');
    case 'undervotes':
      return m.t('undervotes');
  }
}

function LineRow(props: {
  readonly m: StaffMessages;
  readonly line: ComparedLine;
  readonly hasCounted: boolean;
  readonly number: Intl.NumberFormat;
  readonly choiceName: (choice: string) => string;
}): JSX.Element {
  const { m, line, hasCounted, number, choiceName } = props;
  const value = (n: number | undefined): string =>
    n === undefined ? m.t('notReported') : number.format(n);
  const signed =
    line.difference === undefined
      ? ''
      : `${line.difference > 0 ? '+' : line.difference < 0 ? '−' : ''}${number.format(Math.abs(line.difference))}`;
  return (
    <tr class={line.differs ? 'differs' : undefined}>
      <th scope="row">{lineLabel(m, line.line, choiceName)}</th>
      <td class="num">{value(line.held)}</td>
      {hasCounted && <td class="num">{value(line.counted)}</td>}
      {hasCounted && (
        <td class="num">
          {line.differs ? (
            <>
              {signed !== '' && <span class="delta">{signed}</span>}{' '}
              <span class="marker">≠ {m.t('differs')}</span>
            </>
          ) : (
            <span class="same">{m.t('same')}</span>
          )}
        </td>
      )}
    </tr>
  );
}

export function Comparison({ m, held, counted, idPrefix, columns, names }: Props): JSX.Element {
  const comparison = compareSubmissions(held, counted);
  const number = new Intl.NumberFormat(m.language);
  const { hasCounted } = comparison;
  const head = (
    <thead>
      <tr>
        <th scope="col">{m.t('line')}</th>
        <th scope="col" class="num">
          {columns?.held ?? m.t('heldColumn')}
        </th>
        {hasCounted && (
          <th scope="col" class="num">
            {columns?.counted ?? m.t('countedColumn')}
          </th>
        )}
        {hasCounted && (
          <th scope="col" class="num">
            {m.t('differenceColumn')}
          </th>
        )}
      </tr>
    </thead>
  );
  const caption = (title: string, differences: number): JSX.Element => (
    <caption>
      {title}{' '}
      {hasCounted && (
        <span class={differences > 0 ? 'caption-count has-differences' : 'caption-count'}>
          {m.t('differences', { count: differences })}
        </span>
      )}
    </caption>
  );
  return (
    <div class="comparison">
      <p class="summary">
        {hasCounted ? m.t('differences', { count: comparison.differences }) : m.t('nothingCounted')}
      </p>
      <table class="compare" id={`${idPrefix}-unit`}>
        {caption(m.t('unitBallots'), comparison.ballotsCast.differs ? 1 : 0)}
        {head}
        <tbody>
          <LineRow
            m={m}
            line={comparison.ballotsCast}
            hasCounted={hasCounted}
            number={number}
            choiceName={(choice) => choice}
          />
        </tbody>
      </table>
      {comparison.contests.map((contest) => (
        <table class="compare" id={`${idPrefix}-${contest.contest}`} key={contest.contest}>
          {caption(
            m.t('contest', { contest: names?.contest(contest.contest) ?? contest.contest }),
            contest.differences,
          )}
          {head}
          <tbody>
            {contest.lines.map((line) => (
              <LineRow
                key={
                  'choice' in line.line ? `${line.line.kind}:${line.line.choice}` : line.line.kind
                }
                m={m}
                line={line}
                hasCounted={hasCounted}
                number={number}
                choiceName={(choice) => names?.choice(contest.contest, choice) ?? choice}
              />
            ))}
          </tbody>
          {contest.reportedBy !== 'both' && (
            <tfoot>
              <tr>
                <td colSpan={hasCounted ? 4 : 2}>
                  {m.t(contest.reportedBy === 'held' ? 'contestOnlyHeld' : 'contestOnlyCounted')}
                </td>
              </tr>
            </tfoot>
          )}
        </table>
      ))}
    </div>
  );
}
