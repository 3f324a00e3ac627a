import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson as coreCanonicalJson, type JsonValue } from '../../core/canonical_json.js';
import { SUBMISSION_CONTEXT as CORE_CONTEXT } from '../../core/log_entry.js';
import { SUBMISSION_FORMAT as CORE_FORMAT, type Submission } from '../../core/submission.js';
import { encodeVerifierKey, parseVerifierKey, type Verifier } from '../../log/note.js';
import { testSigner } from '../../log/testonly/signers.js';
import {
  caucusElection,
  caucusSubmission,
  sampleElection,
  sampleSubmission,
} from '../../core/testonly/fixtures.js';
import { checkBody, RosterView } from '../../ingest/check.js';
import { signSubmission as serverSignSubmission } from '../../ingest/submit_client.js';
import {
  EVIDENCE_CONTEXT as SERVER_EVIDENCE_CONTEXT,
  evidenceMessage as serverEvidenceMessage,
} from '../../server/reporter_routes.js';
import { deviceKeyOf, makeKeyPair, type DeviceKey } from './device_key.js';
import { SUBMISSION_FORMAT } from './report_form.js';
import {
  canonicalJson,
  EVIDENCE_CONTEXT,
  evidenceAuthorization,
  evidenceMessage,
  signSubmission,
  SUBMISSION_CONTEXT,
} from './signing.js';
import { verify } from 'node:crypto';

const authority = testSigner('authority.sample');

async function phone(unit: string): Promise<{ key: DeviceKey; verifier: Verifier }> {
  const key = await deviceKeyOf(`${unit}.reporter-test`, await makeKeyPair());
  const verifier = parseVerifierKey(key.verifierKey);
  if (!verifier.ok) throw new Error(verifier.error.message);
  return { key, verifier: verifier.value };
}

describe('what the phone signs', () => {
  it('uses core’s format, context and canonical JSON', () => {
    expect(SUBMISSION_CONTEXT).toBe(CORE_CONTEXT);
    expect(SUBMISSION_FORMAT).toBe(CORE_FORMAT);
    expect(EVIDENCE_CONTEXT).toBe(SERVER_EVIDENCE_CONTEXT);
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        // fast-check's JSON holds -0, which JSON writes as 0 either way.
        expect(canonicalJson(value as JsonValue)).toBe(coreCanonicalJson(value as JsonValue));
      }),
    );
  });

  it('refuses text with a lone surrogate, as core does', () => {
    expect(() => canonicalJson({ reason: 'a\uD800b' })).toThrow(/lone surrogate/);
    expect(() => coreCanonicalJson({ reason: 'a\uD800b' })).toThrow(/lone surrogate/);
  });

  it('is a submission the server’s own check verifies, byte for byte', async () => {
    const election = sampleElection([encodeVerifierKey(authority)]);
    const { key } = await phone('n-1');
    const roster = new RosterView();
    roster.add(key.ref, { verifierKey: key.verifierKey, unit: 'n-1' });
    // Members in any order, an amendment with text beyond ASCII: canonical JSON orders them.
    const submission: Submission = {
      ...sampleSubmission('n-1', { amendment: { reason: 'Nachzählung, Urne 2 — ✓' } }),
      time: '2026-11-03T21:05:00-06:00',
    };
    const signed = await signSubmission(submission, key);
    expect(signed.signer).toBe(key.ref);
    const checked = checkBody(election, roster, new TextEncoder().encode(JSON.stringify(signed)));
    expect(checked.type).toBe('checked');
    if (checked.type !== 'checked') return;
    expect(checked.facts.signature).toBe('valid');
    expect(checked.facts.ruleError).toBeUndefined();
  });

  it('signs the very message a Node signer signs: one message, whoever signs it', async () => {
    // A caucus report: nested records, games of chance, in the order they were played.
    const submission = caucusSubmission('n-1', {
      first: [40, 30, 30, 0],
      final: [40, 30, 30, 0],
      delegates: [2, 1, 2, 0],
      chance: [{ for: 'removal', among: ['b', 'c'], selected: 'b' }],
    });
    const { key, verifier } = await phone('n-1');
    const signed = await signSubmission(submission, key);
    const roster = new RosterView();
    roster.add(key.ref, { verifierKey: key.verifierKey, unit: 'n-1' });
    const election = caucusElection([encodeVerifierKey(authority)]);
    const checked = checkBody(election, roster, new TextEncoder().encode(JSON.stringify(signed)));
    expect(checked.type === 'checked' && checked.facts.signature).toBe('valid');
    // The same bytes a Node signer signs: the message is one, whoever signs it.
    const signer = testSigner('n-1.office');
    const byServer = serverSignSubmission(submission, signer);
    const message = new TextEncoder().encode(
      `${CORE_CONTEXT}\n${coreCanonicalJson(submission as unknown as JsonValue)}`,
    );
    expect(verify(null, message, signer.key, Buffer.from(byServer.signature, 'base64'))).toBe(true);
    expect(verify(null, message, verifier.key, Buffer.from(signed.signature, 'base64'))).toBe(true);
  });

  it('fails the server’s check when a number is changed after signing', async () => {
    const election = sampleElection([encodeVerifierKey(authority)]);
    const { key } = await phone('n-1');
    const roster = new RosterView();
    roster.add(key.ref, { verifierKey: key.verifierKey, unit: 'n-1' });
    const signed = await signSubmission(sampleSubmission('n-1'), key);
    const tampered = { ...signed, submission: { ...signed.submission, ballotsCast: 1 } };
    const checked = checkBody(election, roster, new TextEncoder().encode(JSON.stringify(tampered)));
    expect(checked.type === 'checked' && checked.facts.signature).toBe('invalid');
  });

  it('signs a photo’s SHA-256 as the upload route verifies it', async () => {
    const { key, verifier } = await phone('n-1');
    const sha = 'ab'.repeat(32);
    expect(new TextDecoder().decode(evidenceMessage(sha))).toBe(serverEvidenceMessage(sha));
    const header = await evidenceAuthorization(sha, key);
    const match = /^Tally-Device (\S+) (\S+)$/.exec(header);
    expect(match?.[1]).toBe(key.ref);
    const signature = Buffer.from(match?.[2] ?? '', 'base64');
    expect(signature).toHaveLength(64);
    expect(verify(null, Buffer.from(serverEvidenceMessage(sha)), verifier.key, signature)).toBe(
      true,
    );
    expect(
      verify(null, Buffer.from(serverEvidenceMessage('cd'.repeat(32))), verifier.key, signature),
    ).toBe(false);
  });
});
