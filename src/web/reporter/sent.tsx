// The reports the outbox settled, newest first: where each is in the public log (its receipt),
// what the rules made of it (accepted, held for a reviewer and why, or rejected and why), and
// the check of its inclusion proof against the checkpoint it leads to, with that checkpoint's
// size and root hash, which anyone can compare with the public log.
import type { JSX } from 'preact';
import type { DefinitionIndex } from '../../web/staff/definition.js';
import { Courier } from './courier.js';
import type { ReporterMessages } from './messages.js';
import type { SentRecord } from './outbox.js';

export function SentReports(props: {
  readonly m: ReporterMessages;
  readonly sent: readonly SentRecord[];
  readonly index: DefinitionIndex | undefined;
}): JSX.Element | null {
  const { m, index } = props;
  const shown = [...props.sent].sort((a, b) => b.id - a.id);
  if (shown.length === 0) return null;
  const lang = m.language;
  return (
    <section class="sent" aria-labelledby="sent-title">
      <h2 id="sent-title">{m.t('sentTitle')}</h2>
      <ul class="sent-list">
        {shown.map((r) => {
          const s = r.submission;
          const title =
            s === undefined
              ? m.t('photoItem')
              : m.t('reportItem', {
                  unit: index?.unitName(s.unit, lang) ?? s.unit,
                  voteType: index?.voteTypeName(s.voteType, lang) ?? s.voteType,
                  sequence: s.sequence,
                });
          return (
            <li key={r.id} class={`sent-item sent-${outcomeClass(r)}`}>
              <h3>{title}</h3>
              <SentOutcome m={m} record={r} />
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function outcomeClass(r: SentRecord): string {
  if (r.settled.type === 'refused') return 'refused';
  if (r.settled.type === 'uploaded') return 'accepted';
  return r.settled.receipt.status;
}

function SentOutcome(props: {
  readonly m: ReporterMessages;
  readonly record: SentRecord;
}): JSX.Element {
  const { m, record: r } = props;
  const settled = r.settled;
  if (settled.type === 'uploaded') return <p>{m.t('photoUploaded')}</p>;
  if (settled.type === 'refused') {
    return (
      <p class="problem error">
        {m.t(r.kind === 'evidence' ? 'photoRefused' : 'reportRefused', {
          message: settled.message,
        })}
      </p>
    );
  }
  const { receipt } = settled;
  return (
    <>
      <p class="in-log">{m.t('inLog', { position: receipt.leafIndex })}</p>
      {receipt.status === 'accepted' && <p class="problem ok">{m.t('statusAccepted')}</p>}
      {receipt.status === 'held' && (
        <>
          <p class="problem warning">
            {r.review === undefined
              ? m.t('statusHeld')
              : r.review.status === 'accepted'
                ? m.t('reviewAccepted', { entry: r.review.entry })
                : m.t('reviewRejected', { entry: r.review.entry })}
          </p>
          {receipt.warnings.length > 0 && (
            <ul class="warnings">
              {receipt.warnings.map((w, i) => (
                <li key={i}>{w.message}</li>
              ))}
            </ul>
          )}
        </>
      )}
      {receipt.status === 'rejected' && (
        <p class="problem error">
          {m.t('statusRejected', { message: receipt.error?.message ?? '' })}
        </p>
      )}
      <p class="proof">
        {r.proof !== undefined
          ? m.t('proofChecked', { size: r.proof.size, root: r.proof.rootBase64.slice(0, 12) })
          : r.proofProblem !== undefined
            ? m.t('proofFailed', { message: r.proofProblem.message })
            : Courier.awaitsProof(r)
              ? m.t('proofPending')
              : ''}
      </p>
    </>
  );
}
