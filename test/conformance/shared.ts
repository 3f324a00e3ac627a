// Where the conformance suite finds ../shared: TALLY_CORPUS names the corpus; the published
// vectors sit beside it. Without it the suite says it skipped.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

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
