// A caucus's worksheet, as the precinct chair fills it in on the night: the first alignment per
// preference group, with the participants and the viability number worked out as it is typed
// (core's viabilityNumber) and which groups reached it; the final alignment; and the county
// delegates the party's rules give each group (core's allocateDelegates), live. Where the rules
// meet a tie, the chair is asked to play the game of chance (cards or a coin) and to record the
// group it selected; the report records the game. Every number is core's arithmetic.
import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { viabilityThreshold } from '../../core/caucus.js';
import type { DefinitionIndex } from '../../web/staff/definition.js';
import type { ReporterMessages } from './messages.js';
import { NumberField } from './number_field.js';
import {
  caucusWorksheet,
  fieldId,
  type CaucusContestForm,
  type ReportField,
  type ReportProblem,
} from './report_form.js';

export function CaucusWorksheet(props: {
  readonly m: ReporterMessages;
  readonly index: DefinitionIndex;
  readonly contest: CaucusContestForm;
  readonly problems: readonly ReportProblem[];
  /** Whether a field left empty is said to be (once the chair tried to send). */
  readonly showMissing: boolean;
  readonly onField: (field: ReportField, text: string) => void;
  readonly onDraw: (group: number) => void;
}): JSX.Element {
  const { m, index, contest: c, problems } = props;
  const lang = m.language;
  const name = (group: string): string => index.choiceName(c.contest, group, lang);
  const names = (groups: readonly number[]): string =>
    new Intl.ListFormat(lang, { type: 'conjunction' }).format(
      groups.map((i) => name(c.groups[i] ?? '')),
    );
  const sheet = caucusWorksheet(c);
  const threshold = viabilityThreshold(c.delegates);
  const allocation = sheet.allocation;
  const mine = problems.filter((p) => 'contest' in p && p.contest === c.contest);
  const field = (kind: 'first' | 'final', group: string): JSX.Element => {
    const f: ReportField = { kind, contest: c.contest, group };
    const problem = problems.find(
      (p) => (p.kind === 'missing' || p.kind === 'notACount') && fieldId(p.field) === fieldId(f),
    );
    return (
      <NumberField
        key={`${kind}-${group}`}
        m={m}
        id={fieldId(f)}
        label={name(group)}
        value={c[kind][group] ?? ''}
        problem={
          problem?.kind === 'notACount' || (problem?.kind === 'missing' && props.showMissing)
            ? problem.kind
            : undefined
        }
        onInput={(text) => {
          props.onField(f, text);
        }}
      />
    );
  };

  return (
    <fieldset class="contest caucus">
      <legend>{index.contestName(c.contest, lang)}</legend>
      <p class="hint">{m.t('caucusDelegates', { delegates: c.delegates })}</p>

      <fieldset class="alignment">
        <legend>{m.t('firstAlignment')}</legend>
        <p class="hint">{m.t('firstAlignmentHint')}</p>
        {c.groups.map((g) => field('first', g))}
        <div class="worked" aria-live="polite">
          {sheet.participants === undefined ? (
            <p class="meta">{m.t('viabilityPending')}</p>
          ) : (
            <>
              <p>{m.t('participants', { participants: sheet.participants })}</p>
              <p>
                {threshold === undefined
                  ? m.t('viabilityNone')
                  : m.t('viabilityNumber', {
                      need: sheet.viabilityNumber ?? 0,
                      share: threshold[0] / threshold[1],
                      participants: sheet.participants,
                    })}
              </p>
              {threshold !== undefined && sheet.viableFirst !== undefined && (
                <ul class="viability">
                  {c.groups.map((g, i) => (
                    <li key={g}>
                      {sheet.viableFirst?.[i] === true
                        ? m.t('groupViable', { group: name(g) })
                        : m.t('groupNotViable', { group: name(g) })}
                    </li>
                  ))}
                </ul>
              )}
            </>
          )}
        </div>
      </fieldset>

      <fieldset class="alignment">
        <legend>{m.t('finalAlignment')}</legend>
        <p class="hint">{m.t('finalAlignmentHint')}</p>
        {c.groups.map((g) => field('final', g))}
      </fieldset>

      <div class="delegates" aria-live="polite">
        <h3>{m.t('delegatesTitle')}</h3>
        {allocation === undefined && <p class="meta">{m.t('delegatesPending')}</p>}
        {allocation?.type === 'allocated' && (
          <>
            <ul>
              {c.groups.map((g, i) => (
                <li key={g}>
                  {m.t('groupDelegates', {
                    group: name(g),
                    delegates: allocation.delegates[i] ?? 0,
                  })}
                </li>
              ))}
            </ul>
            {allocation.chance.map((t, i) => (
              <p key={i} class="meta">
                {m.t(t.for === 'extra' ? 'chancePlayedExtra' : 'chancePlayedRemoval', {
                  groups: names(t.among),
                  selected: name(c.groups[t.selected] ?? ''),
                })}
              </p>
            ))}
          </>
        )}
        {allocation?.type === 'empty' && <p>{m.t('delegatesEmpty')}</p>}
        {mine.map((p, i) => {
          switch (p.kind) {
            case 'needsChance':
              return (
                <Chance
                  key={`chance-${String(c.draws.length)}`}
                  m={m}
                  id={`report-${c.contest}-chance`}
                  question={m.t(p.tie.for === 'extra' ? 'chanceExtra' : 'chanceRemoval', {
                    groups: names(p.tie.among),
                  })}
                  choices={p.tie.among.map((g) => ({ group: g, name: name(c.groups[g] ?? '') }))}
                  onSelected={props.onDraw}
                />
              );
            case 'realign':
              return (
                <p key={i} class="problem error">
                  {m.t('realign', { groups: names(p.groups) })}
                </p>
              );
            case 'ballotsAboveUnit':
              return (
                <p key={i} class="problem error">
                  {m.t('participantsAboveUnit', {
                    participants: p.ballots,
                    ballots: p.unitBallots,
                  })}
                </p>
              );
            case 'finalAboveFirst':
              return (
                <p key={i} class="problem error">
                  {m.t('finalAboveFirst', { first: p.first, final: p.final })}
                </p>
              );
            case 'caucusRule':
              return (
                <p key={i} class="problem warning">
                  {m.t('caucusRuleBroken', { message: p.message })}
                </p>
              );
            case 'missing':
            case 'notACount':
            case 'choiceAboveBallots':
            case 'positionsAboveBallots':
            case 'unbalanced':
            case 'turnoutAboveRegistered':
              return null;
          }
        })}
      </div>
    </fieldset>
  );
}

/** The game of chance the rules ask for: which of the tied groups it selected. */
function Chance(props: {
  readonly m: ReporterMessages;
  readonly id: string;
  readonly question: string;
  readonly choices: readonly { readonly group: number; readonly name: string }[];
  readonly onSelected: (group: number) => void;
}): JSX.Element {
  const { m, id, choices } = props;
  const [selected, setSelected] = useState<number | undefined>(undefined);
  const [missing, setMissing] = useState(false);
  return (
    <fieldset class="chance">
      <legend>{m.t('chanceTitle')}</legend>
      <p class="problem error">{props.question}</p>
      <p class="hint">{m.t('chanceHint')}</p>
      {choices.map((choice) => (
        <div class="choice" key={choice.group}>
          <input
            type="radio"
            id={`${id}-${String(choice.group)}`}
            name={id}
            checked={selected === choice.group}
            onChange={() => {
              setSelected(choice.group);
              setMissing(false);
            }}
          />{' '}
          <label for={`${id}-${String(choice.group)}`}>{choice.name}</label>
        </div>
      ))}
      {missing && <p class="field-error">{m.t('chanceRequired')}</p>}
      <button
        type="button"
        class="secondary"
        onClick={() => {
          if (selected === undefined) setMissing(true);
          else props.onSelected(selected);
        }}
      >
        {m.t('chanceRecord')}
      </button>
    </fieldset>
  );
}
