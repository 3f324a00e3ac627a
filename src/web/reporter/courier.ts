// The courier: the edge that sends the outbox (outbox.ts decides what each answer means) and
// proves each receipt against a checkpoint (inclusion.ts), keeping what it learns on the phone.
// One at a time on the phone, across its tabs too where the browser has Web Locks: a report
// signed later must never overtake one signed before.
import { provenReceipt, sendItem } from './api.js';
import type { DeviceStore } from './device_store.js';
import { checkInclusion } from './inclusion.js';
import { drainOutbox, type SentRecord } from './outbox.js';

const LOCK = 'tally-reporter-outbox';

/** Runs `work` holding the outbox's lock, where the browser has locks; else as it is. */
async function holdingOutbox<T>(work: () => Promise<T>): Promise<T> {
  if (!('locks' in navigator)) return work();
  return navigator.locks.request(LOCK, work);
}

export class Courier {
  private running: Promise<void> | undefined;
  private again = false;

  constructor(
    private readonly store: DeviceStore,
    /** Told whenever the outbox or what it settled changed. */
    private readonly changed: () => void,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /**
   * Sends what waits, then proves what was settled; a call while one runs makes it run once
   * more after (something may have been queued meanwhile).
   */
  run(): Promise<void> {
    if (this.running !== undefined) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      do {
        await holdingOutbox(() =>
          drainOutbox({
            waiting: () => this.store.waiting(),
            send: sendItem,
            settle: async (item, settled) => {
              await this.store.settle(item, settled, this.now());
              this.changed();
            },
          }),
        );
        await this.prove();
      } while (this.runAgain());
    })().finally(() => {
      this.running = undefined;
      this.changed();
    });
    return this.running;
  }

  /** Whether something asked for a run while this one ran (and forgets it). */
  private runAgain(): boolean {
    const again = this.again;
    this.again = false;
    return again;
  }

  /** Checks the inclusion proof of every receipt not yet proven, as far as checkpoints allow. */
  private async prove(): Promise<void> {
    for (const record of await this.store.sent()) {
      if (record.settled.type !== 'receipt') continue;
      // A held report may be decided later: asked again until it is.
      const decided = record.settled.receipt.status !== 'held' || record.review !== undefined;
      if (record.proof !== undefined && decided) continue;
      const proven = await provenReceipt(record.election, record.settled.receipt.leafIndex);
      if (!proven.ok) {
        if (proven.error.kind === 'unreachable') return;
        continue;
      }
      let next: SentRecord = record;
      if (proven.value.review !== undefined) next = { ...next, review: proven.value.review };
      if (record.proof === undefined) {
        const checked = checkInclusion(record.settled.receipt, proven.value);
        if (checked.ok) {
          next = {
            ...next,
            proof: {
              checkedAt: this.now().toISOString(),
              size: checked.value.size.toString(),
              rootBase64: checked.value.rootBase64,
              origin: checked.value.origin,
              checkpoint: proven.value.checkpoint ?? '',
              inclusionProof: proven.value.inclusionProof ?? [],
            },
          };
        } else if (checked.error.code !== 'not_yet_checkpointed') {
          next = {
            ...next,
            proofProblem: { code: checked.error.code, message: checked.error.message },
          };
        }
      }
      if (next !== record) {
        await this.store.saveSent(next);
        this.changed();
      }
    }
  }

  /** Whether a receipt still waits for a checkpoint (the courier asks again shortly). */
  static awaitsProof(record: SentRecord): boolean {
    return (
      record.settled.type === 'receipt' &&
      record.proof === undefined &&
      record.proofProblem === undefined
    );
  }
}
