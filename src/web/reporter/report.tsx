// The unit's report: the form built from the election's definition for the unit and vote type
// (each ballot contest's votes, ballots, overvotes and undervotes with its arithmetic checked as
// it is typed; each caucus's worksheet), the photo of the tally sheet, and, where the phone
// reported here before, why this one replaces it. What is typed is kept on the phone as it is
// typed. Sending signs the report with the phone's key and puts it in the outbox, with the photo
// before it: the outbox sends them when the network allows.
import type { JSX } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { evidenceTypeOf, MAX_EVIDENCE_BYTES } from '../../core/evidence.js';
import type { DefinitionIndex } from '../../web/staff/definition.js';
import { CaucusWorksheet } from './caucus.js';
import { draftKey, type DeviceRecord, type DeviceStore, type Draft } from './device_store.js';
import { electionName } from './enrol.js';
import { encodeHex } from './encoding.js';
import type { ReporterMessages } from './messages.js';
import { NumberField } from './number_field.js';
import { hasEarlierReport, type OutboxItem, type SentRecord } from './outbox.js';
import {
  asksUnitBallots,
  ballotBalance,
  emptyReportForm,
  fieldId,
  isError,
  reportingUnitsFor,
  reportProblems,
  rfc3339,
  submissionOf,
  unitVoteTypes,
  withDraw,
  withField,
  type BallotContestForm,
  type ReportField,
  type ReportProblem,
} from './report_form.js';
import { evidenceAuthorization, signSubmission } from './signing.js';

/** The longest reason an amendment may give (core's Submission). */
const MAX_REASON = 1000;

export function ReportScreen(props: {
  readonly m: ReporterMessages;
  readonly store: DeviceStore;
  readonly device: DeviceRecord;
  readonly index: DefinitionIndex;
  readonly waiting: readonly OutboxItem[];
  readonly sent: readonly SentRecord[];
  /** Told when a report was signed and queued. */
  readonly onQueued: () => void;
}): JSX.Element {
  const { m, store, device, index } = props;
  const lang = m.language;
  const units = useMemo(() => reportingUnitsFor(index, device.unit), [index, device.unit]);
  const [unit, setUnit] = useState(units[0]?.id ?? device.unit);
  const voteTypes = unitVoteTypes(index, unit);
  const [voteType, setVoteType] = useState(voteTypes[0] ?? '');
  const [draft, setDraft] = useState<Draft | undefined>(undefined);
  const [attempted, setAttempted] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | undefined>(undefined);
  const [photoProblem, setPhotoProblem] = useState<string | undefined>(undefined);
  const summary = useRef<HTMLDivElement>(null);
  const doneRef = useRef<HTMLParagraphElement>(null);

  // The report being typed for this unit and vote type, as it was left; else an empty one.
  useEffect(() => {
    let current = true;
    void store.draft(unit, voteType).then((kept) => {
      if (!current) return;
      setDraft(kept ?? { form: emptyReportForm(index, unit, voteType), reason: '' });
      setAttempted(false);
      setConfirming(false);
    });
    return () => {
      current = false;
    };
  }, [unit, voteType, index]);

  // The photo's bytes, kept apart from the draft, for its preview and the outbox.
  const [photo, setPhoto] = useState<Blob | undefined>(undefined);
  const photoSha = draft?.photo?.sha256;
  useEffect(() => {
    let current = true;
    setPhoto(undefined);
    if (photoSha !== undefined) {
      void store.photo(photoSha).then((kept) => {
        if (current) setPhoto(kept);
      });
    }
    return () => {
      current = false;
    };
  }, [photoSha]);
  const photoUrl = useMemo(
    () => (photo === undefined ? undefined : URL.createObjectURL(photo)),
    [photo],
  );
  useEffect(
    () => () => {
      if (photoUrl !== undefined) URL.revokeObjectURL(photoUrl);
    },
    [photoUrl],
  );

  const registered = index.units.get(unit)?.registeredVoters;
  const groupNames = (contest: string): readonly string[] =>
    index.contests.get(contest)?.choices.map((c) => index.choiceName(contest, c.id, lang)) ?? [];
  const election = device.election;
  const needsReason = hasEarlierReport(props.waiting, props.sent, { election, unit, voteType });

  if (draft === undefined) return <p>{m.t('loading')}</p>;
  const { form } = draft;
  const problems = reportProblems(form, registered, groupNames);
  const reasonProblem =
    needsReason && draft.reason.trim() === ''
      ? 'reasonRequired'
      : draft.reason.length > MAX_REASON
        ? 'reasonTooLong'
        : undefined;

  const update = (next: Draft): void => {
    setDraft(next);
    setConfirming(false);
    setDone(undefined);
    void store.saveDraft(next);
  };
  const onField = (field: ReportField, text: string): void => {
    update({ ...draft, form: withField(form, field, text) });
  };
  const fieldProblem = (field: ReportField): 'missing' | 'notACount' | undefined => {
    const found = problems.find(
      (p) =>
        (p.kind === 'missing' || p.kind === 'notACount') && fieldId(p.field) === fieldId(field),
    );
    if (found?.kind === 'notACount') return 'notACount';
    return found?.kind === 'missing' && attempted ? 'missing' : undefined;
  };

  const takePhoto = async (file: File | undefined): Promise<void> => {
    setPhotoProblem(undefined);
    if (file === undefined) return;
    if (file.size > MAX_EVIDENCE_BYTES) {
      setPhotoProblem(m.t('photoTooLarge'));
      return;
    }
    const bytes = new Uint8Array(await file.arrayBuffer());
    const mediaType = evidenceTypeOf(bytes);
    if (mediaType === undefined) {
      setPhotoProblem(m.t('photoNotAPhoto'));
      return;
    }
    // Hashed on the phone: the report names the photo by it, and signs that.
    const sha256 = encodeHex(new Uint8Array(await crypto.subtle.digest('SHA-256', bytes)));
    await store.savePhoto(sha256, new Blob([bytes], { type: mediaType }));
    update({ ...draft, photo: { sha256, mediaType, size: bytes.length } });
  };

  const errors = problems.filter(isError);
  const warnings = problems.filter((p) => !isError(p));

  const send = async (): Promise<void> => {
    setAttempted(true);
    setDone(undefined);
    if (errors.length > 0 || reasonProblem !== undefined) {
      requestAnimationFrame(() => summary.current?.focus());
      return;
    }
    if (warnings.length > 0 && !confirming) {
      setConfirming(true);
      requestAnimationFrame(() => summary.current?.focus());
      return;
    }
    setBusy(true);
    try {
      // The photo goes with the report only if its bytes are here to upload.
      const taken = draft.photo;
      const kept = taken === undefined ? undefined : await store.photo(taken.sha256);
      const photo = taken === undefined || kept === undefined ? undefined : { ...taken, kept };
      const sequence = await store.nextSequence();
      const built = submissionOf(form, {
        election,
        sequence,
        time: rfc3339(new Date()),
        ...(photo === undefined ? {} : { photo: photo.sha256 }),
        ...(needsReason ? { amendment: draft.reason.trim() } : {}),
      });
      if (!built.ok) return;
      const signed = await signSubmission(built.value, device);
      const queuedAt = new Date().toISOString();
      const items: OutboxItem[] = [];
      if (photo !== undefined) {
        items.push({
          kind: 'evidence',
          election,
          sha256: photo.sha256,
          mediaType: photo.mediaType,
          photo: photo.kept,
          authorization: await evidenceAuthorization(photo.sha256, device),
          queuedAt,
        });
      }
      items.push({ kind: 'submission', election, signed, body: JSON.stringify(signed), queuedAt });
      await store.queue(items, draftKey(unit, voteType));
      setDraft({ form: emptyReportForm(index, unit, voteType), reason: '' });
      setAttempted(false);
      setConfirming(false);
      setDone(m.t('queued', { sequence }));
      requestAnimationFrame(() => doneRef.current?.focus());
      props.onQueued();
    } finally {
      setBusy(false);
    }
  };

  const missing = errors.filter(
    (p): p is Extract<ReportProblem, { field: ReportField }> => p.kind === 'missing',
  );
  const firstMissing = missing[0];
  const otherErrors = errors.filter((p) => p.kind !== 'missing' && p.kind !== 'notACount');
  const notCounts = errors.filter((p) => p.kind === 'notACount');

  return (
    <section aria-labelledby="report-title">
      <h1 id="report-title" tabIndex={-1}>
        {m.t('reportTitle')}
      </h1>
      <p class="reporting-for">
        {m.t('reportingFor', {
          unit: index.unitName(unit, lang),
          election: electionName(index, lang),
        })}
      </p>
      {done !== undefined && (
        <p class="done" role="status" tabIndex={-1} ref={doneRef}>
          {done}
        </p>
      )}
      {units.length > 1 && (
        <div class="field">
          <label for="report-unit">{m.t('unitChoice')}</label>
          <select
            id="report-unit"
            value={unit}
            onChange={(e) => {
              setUnit(e.currentTarget.value);
              const types = unitVoteTypes(index, e.currentTarget.value);
              if (!types.includes(voteType)) setVoteType(types[0] ?? '');
            }}
          >
            {units.map((u) => (
              <option key={u.id} value={u.id}>
                {index.unitName(u.id, lang)}
              </option>
            ))}
          </select>
        </div>
      )}
      {voteTypes.length > 1 && (
        <div class="field">
          <label for="report-vote-type">{m.t('voteType')}</label>
          <select
            id="report-vote-type"
            value={voteType}
            onChange={(e) => {
              setVoteType(e.currentTarget.value);
            }}
          >
            {voteTypes.map((v) => (
              <option key={v} value={v}>
                {index.voteTypeName(v, lang)}
              </option>
            ))}
          </select>
        </div>
      )}
      {form.contests.length === 0 ? (
        <p class="notice">{m.t('nothingToReport')}</p>
      ) : (
        <form
          class="report-form"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void send();
          }}
        >
          {asksUnitBallots(form) && (
            <div class="unit-ballots">
              <NumberField
                m={m}
                id={fieldId({ kind: 'unitBallots' })}
                label={m.t('unitBallots')}
                hint={
                  registered === undefined
                    ? m.t('unitBallotsHint')
                    : m.t('unitBallotsRegistered', { registered })
                }
                value={form.ballotsCast}
                problem={fieldProblem({ kind: 'unitBallots' })}
                onInput={(text) => {
                  onField({ kind: 'unitBallots' }, text);
                }}
              />
              {problems.map((p, i) =>
                p.kind === 'turnoutAboveRegistered' ? (
                  <p key={i} class="problem warning">
                    {m.t('turnoutAboveRegistered', {
                      ballots: p.ballots,
                      registered: p.registered,
                    })}
                  </p>
                ) : null,
              )}
            </div>
          )}
          {form.contests.map((c) =>
            c.kind === 'ballot' ? (
              <BallotContest
                key={c.contest}
                m={m}
                index={index}
                contest={c}
                problems={problems}
                fieldProblem={fieldProblem}
                onField={onField}
              />
            ) : (
              <CaucusWorksheet
                key={c.contest}
                m={m}
                index={index}
                contest={c}
                problems={problems}
                showMissing={attempted}
                onField={onField}
                onDraw={(group) => {
                  update({ ...draft, form: withDraw(form, c.contest, group) });
                }}
              />
            ),
          )}

          <div class="field photo">
            <label for="report-photo">{m.t('photoLabel')}</label>
            <p class="hint" id="report-photo-hint">
              {m.t('photoHint')}
            </p>
            <input
              id="report-photo"
              type="file"
              accept="image/*"
              capture="environment"
              aria-describedby="report-photo-hint"
              onChange={(e) => {
                void takePhoto(e.currentTarget.files?.[0]);
              }}
            />
            {photoProblem !== undefined && <p class="field-error">{photoProblem}</p>}
            {draft.photo !== undefined && photoUrl !== undefined && (
              <div class="photo-taken">
                <img src={photoUrl} alt={m.t('photoAlt')} class="photo-preview" />
                <p>{m.t('photoAdded', { sha256: draft.photo.sha256.slice(0, 16) })}</p>
                <button
                  type="button"
                  class="secondary"
                  onClick={() => {
                    update({ form: draft.form, reason: draft.reason });
                  }}
                >
                  {m.t('photoRemove')}
                </button>
              </div>
            )}
          </div>

          {needsReason && (
            <div class="field">
              <label for="report-reason">{m.t('reasonLabel')}</label>
              <p class="hint" id="report-reason-hint">
                {m.t('reasonHint')}
              </p>
              <textarea
                id="report-reason"
                rows={3}
                maxLength={MAX_REASON}
                value={draft.reason}
                aria-describedby={
                  attempted && reasonProblem !== undefined
                    ? 'report-reason-hint report-reason-error'
                    : 'report-reason-hint'
                }
                aria-invalid={attempted && reasonProblem !== undefined ? 'true' : undefined}
                onInput={(e) => {
                  update({ ...draft, reason: e.currentTarget.value });
                }}
              />
              {attempted && reasonProblem !== undefined && (
                <p class="field-error" id="report-reason-error">
                  {m.t(reasonProblem, { max: MAX_REASON })}
                </p>
              )}
            </div>
          )}

          <div class="summary" tabIndex={-1} ref={summary} aria-live="polite">
            {attempted && (errors.length > 0 || reasonProblem !== undefined) && (
              <div class="form-error" role="alert">
                <p>{m.t('cannotSend')}</p>
                <ul>
                  {firstMissing !== undefined && (
                    <li>
                      <a href={`#${fieldId(firstMissing.field)}`}>
                        {m.t('missingFields', { count: missing.length })}
                      </a>
                    </li>
                  )}
                  {notCounts.length > 0 && (
                    <li>{m.t('notCountFields', { count: notCounts.length })}</li>
                  )}
                  {otherErrors.map((p, i) => (
                    <li key={i}>{problemText(m, index, p)}</li>
                  ))}
                  {reasonProblem !== undefined && (
                    <li>{m.t(reasonProblem, { max: MAX_REASON })}</li>
                  )}
                </ul>
              </div>
            )}
            {confirming && errors.length === 0 && (
              <div class="confirm-warnings">
                <p>
                  <strong>{m.t('warningsTitle', { count: warnings.length })}</strong>
                </p>
                <ul>
                  {warnings.map((p, i) => (
                    <li key={i}>{problemText(m, index, p)}</li>
                  ))}
                </ul>
                <p>{m.t('warningsHint')}</p>
              </div>
            )}
          </div>
          <div class="actions">
            <button type="submit" class="primary" disabled={busy}>
              {busy ? m.t('signing') : confirming ? m.t('sendAnyway') : m.t('signAndSend')}
            </button>
          </div>
          <p class="hint">{m.t('sendHint')}</p>
        </form>
      )}
    </section>
  );
}

/** A ballot contest: its choices' votes, its ballots, overvotes and undervotes, and its check. */
function BallotContest(props: {
  readonly m: ReporterMessages;
  readonly index: DefinitionIndex;
  readonly contest: BallotContestForm;
  readonly problems: readonly ReportProblem[];
  readonly fieldProblem: (field: ReportField) => 'missing' | 'notACount' | undefined;
  readonly onField: (field: ReportField, text: string) => void;
}): JSX.Element {
  const { m, index, contest: c, problems } = props;
  const lang = m.language;
  const number = (field: ReportField, label: string, hint?: string): JSX.Element => (
    <NumberField
      key={fieldId(field)}
      m={m}
      id={fieldId(field)}
      label={label}
      {...(hint === undefined ? {} : { hint })}
      value={
        field.kind === 'choice'
          ? (c.counts[field.choice] ?? '')
          : field.kind === 'ballotsCast' ||
              field.kind === 'overvotes' ||
              field.kind === 'undervotes'
            ? c[field.kind]
            : ''
      }
      problem={props.fieldProblem(field)}
      onInput={(text) => {
        props.onField(field, text);
      }}
    />
  );
  const problem = problems.find(
    (p) =>
      'contest' in p &&
      p.contest === c.contest &&
      (p.kind === 'ballotsAboveUnit' ||
        p.kind === 'choiceAboveBallots' ||
        p.kind === 'positionsAboveBallots' ||
        p.kind === 'unbalanced'),
  );
  const balance = ballotBalance(c);
  return (
    <fieldset class="contest">
      <legend>{index.contestName(c.contest, lang)}</legend>
      <p class="hint">{m.t('voteFor', { voteFor: c.voteFor })}</p>
      {c.choices.map((choice) =>
        number(
          { kind: 'choice', contest: c.contest, choice },
          index.choiceName(c.contest, choice, lang),
        ),
      )}
      {number(
        { kind: 'ballotsCast', contest: c.contest },
        m.t('contestBallots'),
        m.t('contestBallotsHint'),
      )}
      {number({ kind: 'overvotes', contest: c.contest }, m.t('overvotes'), m.t('overvotesHint'))}
      {number({ kind: 'undervotes', contest: c.contest }, m.t('undervotes'), m.t('undervotesHint'))}
      <div class="balance" aria-live="polite">
        {problem !== undefined ? (
          <p class={`problem ${isError(problem) ? 'error' : 'warning'}`}>
            {problemText(m, index, problem)}
          </p>
        ) : balance === undefined ? (
          <p class="meta">{m.t('balancePending')}</p>
        ) : (
          <p class="problem ok">
            {m.t('balanced', {
              votes: balance.votes,
              overvotes: balance.overvotes,
              undervotes: balance.undervotes,
              positions: balance.positions,
              ballots: balance.ballots,
              voteFor: balance.voteFor,
            })}
          </p>
        )}
      </div>
    </fieldset>
  );
}

/** A problem of the report in the reader's words. */
function problemText(m: ReporterMessages, index: DefinitionIndex, p: ReportProblem): string {
  const lang = m.language;
  switch (p.kind) {
    case 'missing':
    case 'notACount':
      return m.t(p.kind === 'missing' ? 'fieldMissing' : 'fieldNotACount');
    case 'ballotsAboveUnit':
      return m.t('ballotsAboveUnit', {
        contest: index.contestName(p.contest, lang),
        ballots: p.ballots,
        unitBallots: p.unitBallots,
      });
    case 'choiceAboveBallots':
      return m.t('choiceAboveBallots', {
        contest: index.contestName(p.contest, lang),
        choice: index.choiceName(p.contest, p.choice, lang),
        votes: p.votes,
        ballots: p.ballots,
      });
    case 'positionsAboveBallots':
    case 'unbalanced':
      return m.t(p.kind, {
        contest: index.contestName(p.contest, lang),
        votes: p.balance.votes,
        overvotes: p.balance.overvotes,
        undervotes: p.balance.undervotes,
        positions: p.balance.positions,
        ballots: p.balance.ballots,
        voteFor: p.balance.voteFor,
        expected: p.balance.expected,
      });
    case 'needsChance':
      return m.t('needsChance', { contest: index.contestName(p.contest, lang) });
    case 'realign':
      return m.t('realignContest', { contest: index.contestName(p.contest, lang) });
    case 'finalAboveFirst':
      return m.t('finalAboveFirst', { first: p.first, final: p.final });
    case 'caucusRule':
      return m.t('caucusRuleBroken', { message: p.message });
    case 'turnoutAboveRegistered':
      return m.t('turnoutAboveRegistered', { ballots: p.ballots, registered: p.registered });
  }
}
