// What the phone keeps, in IndexedDB (it outlives reloads, restarts and days without a network):
// its key (the CryptoKey objects themselves; the private one cannot be read out), the election's
// definition, the sequence counter, the report being typed, the outbox and what it settled.
// A thin edge over the browser's API; the decisions are in the pure modules beside it.
import type { ElectionDefinition } from '../../web/staff/definition.js';
import type { OutboxItem, SentRecord, Settled } from './outbox.js';
import type { ReportForm } from './report_form.js';

const DATABASE = 'tally-reporter';
const VERSION = 1;

/** The phone's enrolment: its key and what it reports for. */
export interface DeviceRecord {
  readonly election: string;
  /** The unit the roster certified the key for (from the enrolment's answer). */
  readonly unit: string;
  readonly name: string;
  readonly keyId: number;
  readonly publicKey: Uint8Array;
  readonly privateKey: CryptoKey;
  readonly verifierKey: string;
  readonly ref: string;
  /**
   * `pending` from the moment the key is made until the server's answer is kept: an answer lost
   * on the way is found again by asking whether the roster holds the key.
   */
  readonly state: 'pending' | 'enrolled';
  /** The roster statement's log entry, once enrolled. */
  readonly entry?: number;
  readonly enrolledAt?: string;
}

/** A report being typed, kept as it is typed so that nothing is lost if the page goes. */
export interface Draft {
  readonly form: ReportForm;
  readonly reason: string;
  /** The photo of the tally sheet, by its SHA-256: its bytes are kept apart (savePhoto). */
  readonly photo?: {
    readonly sha256: string;
    readonly mediaType: string;
    readonly size: number;
  };
}

const request = <T>(r: IDBRequest<T>): Promise<T> =>
  new Promise((resolve, reject) => {
    r.onsuccess = () => {
      resolve(r.result);
    };
    r.onerror = () => {
      reject(r.error ?? new Error('IndexedDB request failed'));
    };
  });

const finished = (tx: IDBTransaction): Promise<void> =>
  new Promise((resolve, reject) => {
    tx.oncomplete = () => {
      resolve();
    };
    tx.onerror = () => {
      reject(tx.error ?? new Error('IndexedDB transaction failed'));
    };
    tx.onabort = () => {
      reject(tx.error ?? new Error('IndexedDB transaction aborted'));
    };
  });

export const draftKey = (unit: string, voteType: string): string => `${unit}\u0000${voteType}`;

export class DeviceStore {
  private constructor(private readonly db: IDBDatabase) {}

  static async open(): Promise<DeviceStore> {
    const opening = indexedDB.open(DATABASE, VERSION);
    opening.onupgradeneeded = () => {
      const db = opening.result;
      db.createObjectStore('device');
      db.createObjectStore('meta');
      db.createObjectStore('definitions');
      db.createObjectStore('drafts');
      // Photos apart from the draft, which is written at every keystroke.
      db.createObjectStore('photos');
      db.createObjectStore('outbox', { keyPath: 'id', autoIncrement: true });
      db.createObjectStore('sent', { keyPath: 'id' });
    };
    return new DeviceStore(await request(opening));
  }

  private async get<T>(store: string, key: IDBValidKey): Promise<T | undefined> {
    const tx = this.db.transaction(store, 'readonly');
    return (await request(tx.objectStore(store).get(key))) as T | undefined;
  }

  private async put(store: string, value: unknown, key?: IDBValidKey): Promise<void> {
    const tx = this.db.transaction(store, 'readwrite');
    tx.objectStore(store).put(value, key);
    await finished(tx);
  }

  private async all<T>(store: string): Promise<T[]> {
    const tx = this.db.transaction(store, 'readonly');
    return (await request(tx.objectStore(store).getAll())) as T[];
  }

  device(): Promise<DeviceRecord | undefined> {
    return this.get<DeviceRecord>('device', 'current');
  }

  saveDevice(device: DeviceRecord): Promise<void> {
    return this.put('device', device, 'current');
  }

  async forgetDevice(): Promise<void> {
    const tx = this.db.transaction('device', 'readwrite');
    tx.objectStore('device').delete('current');
    await finished(tx);
  }

  definition(election: string): Promise<ElectionDefinition | undefined> {
    return this.get<ElectionDefinition>('definitions', election);
  }

  saveDefinition(definition: ElectionDefinition): Promise<void> {
    return this.put('definitions', definition, definition.id);
  }

  /** The next sequence number of the device's key: one more than any it gave before. */
  async nextSequence(): Promise<number> {
    const tx = this.db.transaction('meta', 'readwrite');
    const meta = tx.objectStore('meta');
    const last = ((await request(meta.get('sequence'))) as number | undefined) ?? 0;
    meta.put(last + 1, 'sequence');
    await finished(tx);
    return last + 1;
  }

  draft(unit: string, voteType: string): Promise<Draft | undefined> {
    return this.get<Draft>('drafts', draftKey(unit, voteType));
  }

  saveDraft(draft: Draft): Promise<void> {
    return this.put('drafts', draft, draftKey(draft.form.unit, draft.form.voteType));
  }

  /** A photo taken for a draft, by its SHA-256. */
  savePhoto(sha256: string, photo: Blob): Promise<void> {
    return this.put('photos', photo, sha256);
  }

  photo(sha256: string): Promise<Blob | undefined> {
    return this.get<Blob>('photos', sha256);
  }

  /**
   * Queues items, in order, and drops the draft they came from and the photos it held (the
   * outbox holds the photo now): all or nothing.
   */
  async queue(items: readonly OutboxItem[], sentDraft: string): Promise<void> {
    const tx = this.db.transaction(['outbox', 'drafts', 'photos'], 'readwrite');
    for (const item of items) {
      tx.objectStore('outbox').add(item);
      if (item.kind === 'evidence') tx.objectStore('photos').delete(item.sha256);
    }
    tx.objectStore('drafts').delete(sentDraft);
    await finished(tx);
  }

  /** The items waiting, oldest first (their ids rise). */
  async waiting(): Promise<OutboxItem[]> {
    return this.all<OutboxItem>('outbox');
  }

  /** Takes a settled item out of the outbox and keeps what became of it, at once. */
  async settle(item: OutboxItem, settled: Settled, at: Date): Promise<SentRecord> {
    if (item.id === undefined) throw new Error('an outbox item has an id once queued');
    const record: SentRecord = {
      id: item.id,
      kind: item.kind,
      election: item.election,
      settledAt: at.toISOString(),
      settled,
      ...(item.kind === 'submission' ? { submission: item.signed.submission } : {}),
    };
    const tx = this.db.transaction(['outbox', 'sent'], 'readwrite');
    tx.objectStore('outbox').delete(item.id);
    tx.objectStore('sent').put(record);
    await finished(tx);
    return record;
  }

  sent(): Promise<SentRecord[]> {
    return this.all<SentRecord>('sent');
  }

  saveSent(record: SentRecord): Promise<void> {
    return this.put('sent', record);
  }
}
