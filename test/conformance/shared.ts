// Where the conformance suite finds ../shared: TALLY_CORPUS names the corpus; the published
// vectors sit beside it. Without it the suite says it skipped.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { encodeVerifierKey, signerFromSeed } from '../../src/log/note.js';

const corpus = process.env['TALLY_CORPUS'];

export const corpusDir: string | undefined =
  corpus !== undefined && existsSync(corpus) ? resolve(corpus) : undefined;

export const vectorsDir: string | undefined =
  corpusDir === undefined ? undefined : resolve(corpusDir, '..', 'vectors');

if (corpusDir === undefined) {
  console.warn(
    `conformance suite SKIPPED: set TALLY_CORPUS to ../shared/corpus (now ${corpus ?? 'unset'})`,
  );
}

/** Contests of the corpus Tally cannot count, left out by name (and only these). */
export const omittedContests: Readonly<Record<string, readonly string[]>> = {
  // "Sheriff of Morgan County" is ranked-choice voting.
  'gen-02__err_v2__pe-err-gen-02.json': ['cc-sherrif'],
};

/** The authority key the corpus elections are imported with. */
export const corpusAuthorityKeys = [
  encodeVerifierKey(signerFromSeed('tally.test/authority', new Uint8Array(32))),
];
