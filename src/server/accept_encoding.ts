// Which stored encoding answers a request's Accept-Encoding (RFC 9110, section 12.5.3): each
// coding with its q-value; q=0 means "not this one"; `*` stands for every coding not named.

export type StoredEncoding = 'br' | 'gzip';

/** The q-value of each coding the header names, lowercased; malformed members are ignored. */
function qualities(header: string): Map<string, number> {
  const q = new Map<string, number>();
  for (const member of header.split(',')) {
    const [coding = '', ...params] = member.split(';').map((p) => p.trim().toLowerCase());
    if (coding === '' || !/^[a-z0-9!#$%&'*+.^_`|~-]+$/.test(coding)) continue;
    let value = 1;
    for (const param of params) {
      const m = /^q\s*=\s*(0(?:\.[0-9]{0,3})?|1(?:\.0{0,3})?)$/.exec(param);
      if (m !== null) value = Number(m[1]);
      else if (param.startsWith('q')) value = Number.NaN;
    }
    if (Number.isNaN(value)) continue;
    // Named twice: the larger weight wins (a reader that repeats itself means it at least once).
    q.set(coding, Math.max(value, q.get(coding) ?? 0));
  }
  return q;
}

/**
 * The stored encoding the reader prefers among those at hand (br before gzip on a tie), or
 * undefined for the identity: no header, or nothing at hand it accepts.
 */
export function preferredEncoding(
  header: string | undefined,
  available: readonly StoredEncoding[],
): StoredEncoding | undefined {
  if (header === undefined) return undefined;
  const q = qualities(header);
  const star = q.get('*') ?? 0;
  let best: StoredEncoding | undefined;
  let bestQ = 0;
  for (const coding of (['br', 'gzip'] as const).filter((c) => available.includes(c))) {
    const weight = q.get(coding) ?? (coding === 'gzip' ? (q.get('x-gzip') ?? star) : star);
    if (weight > bestQ) {
      best = coding;
      bestQ = weight;
    }
  }
  return best;
}
