// JSON text written straight into UTF-8 bytes. A large election's precinct results files are
// gigabytes of short fragments and numbers: made as strings, they are ropes of millions of small
// pieces that must be flattened and encoded before they are hashed or written, which costs
// several times more than writing the bytes themselves (bench:verify showed it). The writer
// appends to one growing buffer; what it writes is exactly the UTF-8 encoding of the text the
// same calls would have concatenated (a test holds it so).
const encoder = new TextEncoder();

export class JsonBytes {
  private buffer: Uint8Array;
  private length = 0;

  constructor(capacity = 1 << 16) {
    this.buffer = new Uint8Array(capacity);
  }

  /** Text as it is (JSON already: a fragment, or what JSON.stringify wrote), as UTF-8. */
  text(text: string): this {
    const n = text.length;
    this.reserve(n);
    const b = this.buffer;
    let at = this.length;
    for (let i = 0; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c >= 0x80) {
        this.length = at;
        return this.utf8(text.slice(i));
      }
      b[at++] = c;
    }
    this.length = at;
    return this;
  }

  /**
   * Bytes already encoded, as they are: a fragment written millions of times is encoded once
   * (utf8Fragment) and copied.
   */
  raw(bytes: Uint8Array): this {
    const n = bytes.length;
    this.reserve(n);
    const b = this.buffer;
    let at = this.length;
    if (n > 48) b.set(bytes, at);
    else for (let i = 0; i < n; i++) b[at + i] = bytes[i] as number;
    at += n;
    this.length = at;
    return this;
  }

  /** Bytes `from` to `to` of `bytes`, as they are (raw, for a slice of a buffer of fragments). */
  rawRange(bytes: Uint8Array, from: number, to: number): this {
    const n = to - from;
    this.reserve(n);
    const b = this.buffer;
    const at = this.length;
    if (n > 48) b.set(bytes.subarray(from, to), at);
    else for (let i = 0; i < n; i++) b[at + i] = bytes[from + i] as number;
    this.length = at + n;
    return this;
  }

  /** A number as JSON.stringify and templates write it. */
  number(value: number): this {
    // Whole numbers from 0 to 2^53 (every count) digit by digit; anything else as String writes it.
    if (!(value >= 0 && value <= Number.MAX_SAFE_INTEGER && Number.isInteger(value))) {
      return this.text(String(value));
    }
    let digits = 1;
    // Powers of ten are exact doubles up to 1e22, and so each comparison.
    for (let p = 10; value >= p; p *= 10) digits++;
    this.reserve(digits);
    const b = this.buffer;
    let at = this.length + digits;
    this.length = at;
    let v = value;
    do {
      const q = Math.floor(v / 10);
      b[--at] = 48 + (v - q * 10);
      v = q;
    } while (v > 0);
    return this;
  }

  /** A string value, quoted and escaped as JSON.stringify does. */
  string(value: string): this {
    return this.text(JSON.stringify(value));
  }

  /** The bytes written, in a buffer of their own. */
  bytes(): Uint8Array {
    return this.buffer.slice(0, this.length);
  }

  /** The bytes written, in the writer's buffer: valid until it writes again. */
  view(): Uint8Array {
    return this.buffer.subarray(0, this.length);
  }

  /** Forgets what was written, keeping the buffer. */
  reset(): this {
    this.length = 0;
    return this;
  }

  private utf8(text: string): this {
    this.reserve(text.length * 3);
    const { written } = encoder.encodeInto(text, this.buffer.subarray(this.length));
    this.length += written;
    return this;
  }

  private reserve(more: number): void {
    if (this.length + more <= this.buffer.length) return;
    const grown = new Uint8Array(Math.max(this.buffer.length * 2, this.length + more));
    grown.set(this.buffer.subarray(0, this.length));
    this.buffer = grown;
  }
}

/** Text encoded once, for JsonBytes.raw. */
export function utf8Fragment(text: string): Uint8Array {
  // Most fragments are a few dozen ASCII bytes, which TextEncoder takes longer to set up for than
  // to copy: a precinct-level report encodes hundreds of them.
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x80) return encoder.encode(text);
    bytes[i] = c;
  }
  return bytes;
}

/** This thread's buffer for withJsonBytes, grown to the largest file written, and whether in use. */
const scratch = new JsonBytes(1 << 20);
let scratchInUse = false;

/**
 * Writes JSON with `write` into this thread's one reusable buffer and hands the bytes to `use`,
 * which must not keep them (their copy, `slice()`, it may). Files written one after another then
 * cost no buffer each: thousands of megabyte buffers, made and dropped, would set the garbage
 * collector marking the whole heap again and again. A call within `write` or `use` gets a buffer
 * of its own.
 */
export function withJsonBytes<T>(write: (w: JsonBytes) => void, use: (bytes: Uint8Array) => T): T {
  if (scratchInUse) {
    const own = new JsonBytes();
    write(own);
    return use(own.view());
  }
  scratchInUse = true;
  try {
    write(scratch.reset());
    return use(scratch.view());
  } finally {
    scratchInUse = false;
  }
}
