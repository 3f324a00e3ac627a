// A fresh Ed25519 signer for tests, named as the test needs.
import { generateSigner, type Signer } from '../note.js';

export function testSigner(name: string): Signer {
  const made = generateSigner(name);
  if (!made.ok) throw new Error(made.error.message);
  return made.value;
}
