// Signed JSON objects: an Ed25519 signature over a context line and the object's RFC 8785
// canonical form, naming its key as `name+keyid` the way signed notes do. Used for result
// submissions and roster statements.
import { sign as cryptoSign, verify as cryptoVerify } from 'node:crypto';
import { canonicalJson, type JsonValue } from '../core/canonical_json.js';
import { decodeBase64, encodeBase64, encodeUtf8 } from './encoding.js';
import type { Signer, Verifier } from './note.js';

export interface ObjectSignature {
  /** The signing key as `name+keyid` (8 hex digits). */
  readonly signer: string;
  readonly signature: string;
}

export function keyRef(key: Pick<Signer, 'name' | 'keyId'>): string {
  return `${key.name}+${key.keyId.toString(16).padStart(8, '0')}`;
}

export function signObject(context: string, value: JsonValue, signer: Signer): ObjectSignature {
  return signCanonical(context, canonicalJson(value), signer);
}

/** signObject for a caller that already holds the object's canonical JSON. */
export function signCanonical(context: string, canonical: string, signer: Signer): ObjectSignature {
  const signature = cryptoSign(null, encodeUtf8(`${context}\n${canonical}`), signer.key);
  return { signer: keyRef(signer), signature: encodeBase64(new Uint8Array(signature)) };
}

/** True when `signature` is the verifier's signature of the object in this context. */
export function verifyObject(
  context: string,
  value: JsonValue,
  signature: string,
  verifier: Verifier,
): boolean {
  return verifyCanonical(context, canonicalJson(value), signature, verifier);
}

/** verifyObject for a caller that already holds the object's canonical JSON. */
export function verifyCanonical(
  context: string,
  canonical: string,
  signature: string,
  verifier: Verifier,
): boolean {
  const bytes = decodeBase64(signature);
  if (bytes?.length !== 64) return false;
  return cryptoVerify(null, encodeUtf8(`${context}\n${canonical}`), verifier.key, bytes);
}
