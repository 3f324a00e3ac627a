import { describe, expect, it } from 'vitest';
import { sampleSubmission } from '../../core/testonly/fixtures.js';
import type { Receipt } from './inclusion.js';
import {
  drainOutbox,
  hasEarlierReport,
  settledBy,
  type Answer,
  type OutboxItem,
  type SentRecord,
  type Settled,
} from './outbox.js';

const receipt = (leafIndex: number, status: Receipt['status'] = 'accepted'): Receipt => ({
  election: 'sample-2026',
  leafIndex,
  leafHash: 'A'.repeat(43) + '=',
  receivedAt: '2026-11-03T21:00:00.000Z',
  status,
  warnings: [],
});

const report = (id: number, unit = 'n-1', voteType = 'election-day'): OutboxItem => {
  const submission = sampleSubmission(unit, { voteType, sequence: id });
  const signed = { submission, signer: 'n-1.reporter-1+0000abcd', signature: 'sig' };
  return {
    id,
    kind: 'submission',
    election: 'sample-2026',
    signed,
    body: JSON.stringify(signed),
    queuedAt: '2026-11-03T21:00:00.000Z',
  };
};

const photo = (id: number): OutboxItem => ({
  id,
  kind: 'evidence',
  election: 'sample-2026',
  sha256: 'ab'.repeat(32),
  mediaType: 'image/png',
  photo: new Blob([new Uint8Array([1])]),
  authorization: 'Tally-Device ref sig',
  queuedAt: '2026-11-03T21:00:00.000Z',
});

const answered = (status: number, body: unknown): Answer => ({ type: 'answered', status, body });

describe('what an answer makes of a report in the outbox', () => {
  it('settles it with its receipt: accepted, held, or the same one again for a re-send', () => {
    for (const [status, kept] of [
      [201, 'accepted'],
      [201, 'held'],
      [200, 'accepted'],
    ] as const) {
      expect(settledBy(report(1), answered(status, { receipt: receipt(7, kept) }))).toEqual({
        type: 'receipt',
        receipt: receipt(7, kept),
      });
    }
  });

  it('settles a rejection with its receipt too: the log holds it', () => {
    const body = {
      error: {
        code: 'replayed_sequence',
        message: 'sequence 1 is not above its last, 1',
        details: {
          receipt: {
            ...receipt(9, 'rejected'),
            error: { code: 'replayed_sequence', message: 'm' },
          },
        },
      },
    };
    const settled = settledBy(report(1), answered(409, body));
    expect(settled).toMatchObject({
      type: 'receipt',
      receipt: { leafIndex: 9, status: 'rejected' },
    });
  });

  it('settles a refusal with no receipt as refused, and never sends it again', () => {
    expect(
      settledBy(report(1), answered(404, { error: { code: 'unknown_election', message: 'no' } })),
    ).toEqual({ type: 'refused', status: 404, code: 'unknown_election', message: 'no' });
    expect(settledBy(report(1), answered(400, 'not json'))).toMatchObject({
      type: 'refused',
      code: 'http_400',
    });
  });

  it('leaves it waiting with no network, a busy server or a server error', () => {
    expect(settledBy(report(1), { type: 'unreachable' })).toBe('later');
    for (const status of [408, 429, 500, 502, 503, 504])
      expect(settledBy(report(1), answered(status, {})), String(status)).toBe('later');
  });

  it('settles a photo once uploaded, or refused for good', () => {
    expect(settledBy(photo(1), answered(201, { sha256: 'ab' }))).toEqual({ type: 'uploaded' });
    expect(
      settledBy(photo(1), answered(403, { error: { code: 'revoked_key', message: 'revoked' } })),
    ).toMatchObject({ type: 'refused', code: 'revoked_key' });
    expect(settledBy(photo(1), { type: 'unreachable' })).toBe('later');
  });
});

describe('sending the outbox', () => {
  const run = async (
    items: OutboxItem[],
    answers: (item: OutboxItem) => Answer,
  ): Promise<{ sent: number[]; settled: [number, Settled][]; result: unknown }> => {
    const sent: number[] = [];
    const settled: [number, Settled][] = [];
    const result = await drainOutbox({
      waiting: () => Promise.resolve(items),
      send: (item) => {
        sent.push(item.id ?? -1);
        return Promise.resolve(answers(item));
      },
      settle: (item, s) => {
        settled.push([item.id ?? -1, s]);
        return Promise.resolve();
      },
    });
    return { sent, settled, result };
  };

  it('sends in the order the items were made, the photo before its report', async () => {
    const { sent, result } = await run([photo(1), report(2), report(3)], (item) =>
      item.kind === 'evidence'
        ? answered(201, {})
        : answered(201, { receipt: receipt(item.id ?? 0) }),
    );
    expect(sent).toEqual([1, 2, 3]);
    expect(result).toEqual({ settled: 3, waiting: 0 });
  });

  it('stops at the first item that must wait: a later report never overtakes an earlier one', async () => {
    const { sent, settled, result } = await run([report(1), report(2), report(3)], (item) =>
      item.id === 2 ? { type: 'unreachable' } : answered(201, { receipt: receipt(item.id ?? 0) }),
    );
    expect(sent).toEqual([1, 2]);
    expect(settled.map(([id]) => id)).toEqual([1]);
    expect(result).toEqual({ settled: 1, waiting: 2 });
  });

  it('goes on past an item refused for good', async () => {
    const { sent, result } = await run([photo(1), report(2)], (item) =>
      item.kind === 'evidence'
        ? answered(415, { error: { code: 'not_a_photo', message: 'no' } })
        : answered(201, { receipt: receipt(5) }),
    );
    expect(sent).toEqual([1, 2]);
    expect(result).toEqual({ settled: 2, waiting: 0 });
  });
});

describe('whether a report replaces the phone’s earlier one (and must say why)', () => {
  const sentRecord = (status: Receipt['status'], unit = 'n-1'): SentRecord => ({
    id: 1,
    kind: 'submission',
    election: 'sample-2026',
    settledAt: '2026-11-03T21:00:00.000Z',
    settled: { type: 'receipt', receipt: receipt(3, status) },
    submission: sampleSubmission(unit),
  });
  const at = { election: 'sample-2026', unit: 'n-1', voteType: 'election-day' };

  it('does where a report for the unit and vote type waits, or the log admitted one', () => {
    expect(hasEarlierReport([report(1)], [], at)).toBe(true);
    expect(hasEarlierReport([], [sentRecord('accepted')], at)).toBe(true);
    expect(hasEarlierReport([], [sentRecord('held')], at)).toBe(true);
  });

  it('does not for a rejected report, another unit or another vote type', () => {
    expect(hasEarlierReport([], [sentRecord('rejected')], at)).toBe(false);
    expect(hasEarlierReport([report(1, 'n-2')], [sentRecord('accepted', 'n-2')], at)).toBe(false);
    expect(hasEarlierReport([report(1, 'n-1', 'mail')], [], at)).toBe(false);
    expect(hasEarlierReport([photo(1)], [], at)).toBe(false);
  });
});
