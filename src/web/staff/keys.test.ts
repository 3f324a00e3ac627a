import { describe, expect, it } from 'vitest';
import type { RosterSignedBy } from './api.js';
import { signedByText } from './keys.js';
import { StaffMessages } from './messages.js';

describe('who signed a roster statement, as the Keys screen says it', () => {
  const m = new StaffMessages('en');

  it('names the authority’s key, or the delegated key and its delegation', () => {
    expect(signedByText(m, { type: 'authority', signer: 'authority.sample+0a1b2c3d' })).toBe(
      'signed by the election authority’s key authority.sample+0a1b2c3d',
    );
    expect(
      signedByText(m, { type: 'delegation', signer: 'enrol.sample+0a1b2c3d', delegation: 7 }),
    ).toContain('log entry 7');
  });

  it('fails loudly on a kind of signer it does not know, rather than saying nothing', () => {
    const unknown = { type: 'notary', signer: 'x' } as unknown as RosterSignedBy;
    expect(() => signedByText(m, unknown)).toThrow(/illegal value/);
  });
});
