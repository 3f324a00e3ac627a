// What one client (one remote address) may cost the server: how many bodies no roster key signed
// it may have logged (token buckets, per client and in all), and how many request bytes the
// server holds for it at once. A client past its share is refused; no one else waits for it.

/** A token bucket: `burst` at most, refilled at `perSecond`. */
export interface Rate {
  readonly burst: number;
  readonly perSecond: number;
}

interface Bucket {
  tokens: number;
  at: number;
}

/** Token buckets by client, and one for all clients together. */
export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private readonly total: Bucket;

  constructor(
    readonly perClient: Rate,
    readonly overall: Rate,
    private readonly now: () => number = () => performance.now(),
    /** Clients remembered at most; a full bucket is forgotten first (it says nothing). */
    private readonly maxClients = 100_000,
  ) {
    this.total = { tokens: overall.burst, at: now() };
  }

  /** Takes one token for the client, and one from the total; false when either is empty. */
  take(client: string): boolean {
    const now = this.now();
    const own = this.buckets.get(client) ?? { tokens: this.perClient.burst, at: now };
    refill(own, this.perClient, now);
    refill(this.total, this.overall, now);
    if (own.tokens < 1 || this.total.tokens < 1) return false;
    own.tokens -= 1;
    this.total.tokens -= 1;
    this.remember(client, own, now);
    return true;
  }

  /** Seconds until the client may be logged again (for Retry-After). */
  retryAfter(client: string): number {
    const own = this.buckets.get(client);
    const missing = Math.max(1 - (own?.tokens ?? this.perClient.burst), 1 - this.total.tokens, 0);
    return Math.ceil(missing / Math.min(this.perClient.perSecond, this.overall.perSecond));
  }

  private remember(client: string, bucket: Bucket, now: number): void {
    this.buckets.set(client, bucket);
    if (this.buckets.size <= this.maxClients) return;
    for (const [key, b] of this.buckets) {
      refill(b, this.perClient, now);
      if (b.tokens >= this.perClient.burst) this.buckets.delete(key);
    }
    // Every client is mid-flood: forget the oldest (Maps iterate in insertion order).
    while (this.buckets.size > this.maxClients) {
      const oldest = this.buckets.keys().next().value;
      if (oldest === undefined) break;
      this.buckets.delete(oldest);
    }
  }
}

function refill(bucket: Bucket, rate: Rate, now: number): void {
  bucket.tokens = Math.min(rate.burst, bucket.tokens + ((now - bucket.at) / 1000) * rate.perSecond);
  bucket.at = now;
}

/** Request bytes held for clients, each and in all, against two ceilings. */
export class HeldBytes {
  private readonly byClient = new Map<string, number>();
  private held = 0;

  constructor(
    readonly perClient: number,
    readonly overall: number,
  ) {}

  get total(): number {
    return this.held;
  }

  heldFor(client: string): number {
    return this.byClient.get(client) ?? 0;
  }

  /** Holds `bytes` more for the client; false (and nothing held) past either ceiling. */
  hold(client: string, bytes: number): boolean {
    const own = this.heldFor(client);
    if (own + bytes > this.perClient || this.held + bytes > this.overall) return false;
    this.byClient.set(client, own + bytes);
    this.held += bytes;
    return true;
  }

  release(client: string, bytes: number): void {
    const own = this.heldFor(client) - bytes;
    if (own <= 0) this.byClient.delete(client);
    else this.byClient.set(client, own);
    this.held -= bytes;
  }
}
