// Desk mismatches: the sheets whose two entries differ, each shown with both entries side by side
// and every number they disagree on marked (in words and by a bar, not by colour alone), with
// the operators' names. Reviewers and administrators keep one entry (it is submitted, naming
// both operators and the reviewer) or set both aside for the sheet to be keyed again; auditors
// and observers read.
import type { JSX } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { DECIDING_ROLES, type SheetMismatch, type StaffApi } from './api.js';
import { failureText, ListState, timeText, type ScreenProps } from './common.js';
import { Comparison } from './comparison.js';
import { EvidenceFiles } from './evidence.js';
import type { KeyedSheet } from '../../core/desk.js';
import type { DefinitionIndex } from './definition.js';
import type { StaffMessageKey, StaffMessages } from './messages.js';

/**
 * A sheet with its contests and choices in the definition's order, the paper sheet's (the log
 * keeps a sheet's numbers as canonical JSON, in the order of their ids).
 */
export function inDefinitionOrder(definition: DefinitionIndex, sheet: KeyedSheet): KeyedSheet {
  const order = definition.definition.contests.map((c) => c.id);
  const rank = (id: string): number => {
    const at = order.indexOf(id);
    return at === -1 ? order.length : at;
  };
  return {
    ...sheet,
    contests: [...sheet.contests]
      .sort((a, b) => rank(a.contest) - rank(b.contest))
      .map((c) => {
        const choices = definition.contests.get(c.contest)?.choices.map((ch) => ch.id) ?? [];
        const known = choices.filter((ch) => Object.hasOwn(c.counts, ch));
        const others = Object.keys(c.counts).filter((ch) => !choices.includes(ch));
        return {
          ...c,
          counts: Object.fromEntries([...known, ...others].map((ch) => [ch, c.counts[ch] ?? 0])),
        };
      }),
  };
}

const sheetKey = (s: { readonly unit: string; readonly voteType: string }): string =>
  `${s.unit}\u0000${s.voteType}`;

export function Mismatches({
  m,
  api,
  session,
  election,
  definition,
  announce,
}: ScreenProps): JSX.Element {
  const lang = m.language;
  const [mismatches, setMismatches] = useState<readonly SheetMismatch[] | undefined>(undefined);
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const [selected, setSelected] = useState<string | undefined>(undefined);
  const detailHeading = useRef<HTMLHeadingElement>(null);
  const listHeading = useRef<HTMLHeadingElement>(null);
  const canDecide = DECIDING_ROLES.includes(session.role);

  const load = async (): Promise<readonly SheetMismatch[] | undefined> => {
    const answer = await api.mismatches(election);
    if (!answer.ok) {
      setProblem(failureText(m, answer.error));
      return undefined;
    }
    setProblem(undefined);
    setMismatches(answer.value);
    return answer.value;
  };
  useEffect(() => {
    setMismatches(undefined);
    setSelected(undefined);
    void load();
  }, [election]);

  const name = (s: { readonly unit: string; readonly voteType: string }): string =>
    m.t('unitAndVoteType', {
      unit: definition.unitName(s.unit, lang),
      voteType: definition.voteTypeName(s.voteType, lang),
    });
  const open = mismatches?.find((s) => sheetKey(s) === selected);

  return (
    <>
      <p>{m.t('mismatchesIntro')}</p>
      {!canDecide && (
        <p class="notice">
          {m.t('mismatchesReadOnly', { role: m.t(`role_${session.role}` as StaffMessageKey) })}
        </p>
      )}
      <div class="desk">
        <section class="queue" aria-labelledby="mismatch-list-title">
          <h2 id="mismatch-list-title" ref={listHeading} tabIndex={-1}>
            {m.t('mismatchListTitle')}
          </h2>
          <ListState
            m={m}
            items={mismatches}
            none={m.t('mismatchesNone')}
            error={problem}
            onRefresh={() => void load()}
          >
            {(items) => (
              <ol class="queue-items">
                {items.map((s) => {
                  const key = sheetKey(s);
                  return (
                    <li key={key} class={key === selected ? 'selected' : undefined}>
                      <button
                        type="button"
                        aria-pressed={key === selected}
                        onClick={() => {
                          setSelected(key);
                          requestAnimationFrame(() => detailHeading.current?.focus());
                        }}
                      >
                        <span class="item-title">{name(s)}</span>
                        <span class="meta">
                          {m.t('differences', { count: s.differences.length })}
                        </span>
                        <span class="meta">
                          {m.t('keyedByBoth', {
                            first: s.entries[0]?.operator ?? '',
                            second: s.entries[1]?.operator ?? '',
                          })}
                        </span>
                      </button>
                    </li>
                  );
                })}
              </ol>
            )}
          </ListState>
        </section>
        <section class="detail" aria-labelledby="mismatch-title">
          {open === undefined ? (
            <>
              <h2 id="mismatch-title" class="visually-hidden" ref={detailHeading} tabIndex={-1}>
                {m.t('mismatchTitle')}
              </h2>
              {mismatches !== undefined && mismatches.length > 0 && <p>{m.t('selectMismatch')}</p>}
            </>
          ) : (
            <MismatchDetail
              key={selected}
              m={m}
              api={api}
              election={election}
              definition={definition}
              mismatch={open}
              title={name(open)}
              canDecide={canDecide}
              headingRef={detailHeading}
              onResolved={(text) => {
                setSelected(undefined);
                announce(text);
                void load();
                requestAnimationFrame(() => listHeading.current?.focus());
              }}
              onRefused={() => void load()}
            />
          )}
        </section>
      </div>
    </>
  );
}

function MismatchDetail(props: {
  readonly m: StaffMessages;
  readonly api: StaffApi;
  readonly election: string;
  readonly definition: DefinitionIndex;
  readonly mismatch: SheetMismatch;
  readonly title: string;
  readonly canDecide: boolean;
  readonly headingRef: { current: HTMLHeadingElement | null };
  readonly onResolved: (text: string) => void;
  readonly onRefused: () => void;
}): JSX.Element {
  const { m, definition, mismatch } = props;
  const lang = m.language;
  const [first, second] = mismatch.entries;
  const [keep, setKeep] = useState<string | null | undefined>(undefined);
  const [required, setRequired] = useState(false);
  const [refusal, setRefusal] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const firstChoice = useRef<HTMLInputElement>(null);
  // The operator's name on a line of its own, broken anywhere: a phone's column is narrow.
  const column = (n: number, operator: string): JSX.Element => (
    <>
      {m.t('entryColumn', { n })}
      <span class="column-operator">{operator}</span>
    </>
  );

  const submit = async (event: Event): Promise<void> => {
    event.preventDefault();
    if (busy) return;
    setRefusal(undefined);
    if (keep === undefined) {
      setRequired(true);
      firstChoice.current?.focus();
      return;
    }
    setBusy(true);
    const answer = await props.api.resolveMismatch(props.election, {
      unit: mismatch.unit,
      voteType: mismatch.voteType,
      keep,
    });
    setBusy(false);
    if (answer.ok) {
      props.onResolved(
        answer.value === undefined
          ? m.t('resolvedAside', { sheet: props.title })
          : m.t('resolvedKept', { sheet: props.title, entry: answer.value }),
      );
      return;
    }
    setRefusal(m.t('resolveRefused', { message: failureText(m, answer.error) }));
    if (answer.error.kind === 'refused') props.onRefused();
  };

  return (
    <>
      <h2 id="mismatch-title" ref={props.headingRef} tabIndex={-1}>
        {props.title}
      </h2>
      <ul class="entries">
        {mismatch.entries.map((e, i) => (
          <li key={e.id}>
            {m.t('keyedEntry', { n: i + 1, operator: e.operator, time: timeText(m, e.keyedAt) })}
          </li>
        ))}
      </ul>
      {first !== undefined && second !== undefined && (
        <Comparison
          m={m}
          held={inDefinitionOrder(definition, first.sheet)}
          counted={inDefinitionOrder(definition, second.sheet)}
          idPrefix={`mismatch-${mismatch.unit}-${mismatch.voteType}`}
          columns={{
            held: column(1, first.operator),
            counted: column(2, second.operator),
          }}
          names={{
            contest: (c) => definition.contestName(c, lang),
            choice: (c, ch) => definition.choiceName(c, ch, lang),
          }}
        />
      )}
      <section class="evidence" aria-labelledby="mismatch-evidence-title">
        <h3 id="mismatch-evidence-title">{m.t('evidence')}</h3>
        {mismatch.entries.map((e, i) => (
          <div key={e.id}>
            <h4>{column(i + 1, e.operator)}</h4>
            <EvidenceFiles
              m={m}
              files={e.sheet.evidence ?? []}
              address={(sha256) => props.api.evidenceAddress(props.election, sha256)}
            />
          </div>
        ))}
      </section>
      {props.canDecide && first !== undefined && second !== undefined && (
        <section class="decision" aria-labelledby="resolve-title">
          <h3 id="resolve-title">{m.t('resolveTitle')}</h3>
          {refusal !== undefined && (
            <p class="form-error" role="alert">
              {refusal}
            </p>
          )}
          <form method="post" noValidate onSubmit={(e) => void submit(e)}>
            <fieldset aria-describedby={required ? 'resolve-error' : undefined}>
              <legend>{m.t('resolveLegend')}</legend>
              {required && keep === undefined && (
                <p class="field-error" id="resolve-error">
                  {m.t('resolveRequired')}
                </p>
              )}
              {[first, second].map((e, i) => (
                <div class="choice" key={e.id}>
                  <input
                    type="radio"
                    name="keep"
                    id={`keep-${String(i + 1)}`}
                    {...(i === 0 ? { ref: firstChoice } : {})}
                    checked={keep === e.id}
                    onChange={() => {
                      setKeep(e.id);
                    }}
                  />
                  <label for={`keep-${String(i + 1)}`}>
                    {m.t('keepEntry', { n: i + 1, operator: e.operator })}
                  </label>
                </div>
              ))}
              <div class="choice">
                <input
                  type="radio"
                  name="keep"
                  id="keep-none"
                  checked={keep === null}
                  onChange={() => {
                    setKeep(null);
                  }}
                />
                <label for="keep-none">{m.t('setAside')}</label>
              </div>
            </fieldset>
            <button type="submit" class="primary" disabled={busy}>
              {m.t(busy ? 'recording' : 'resolve')}
            </button>
          </form>
        </section>
      )}
    </>
  );
}
