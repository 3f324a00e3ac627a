import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { TALLY_VERSION } from './tally_version.js';

describe('Tally’s version', () => {
  it('is the one package.json says, so a manifest names the release that built it', () => {
    const pkg = JSON.parse(
      readFileSync(new URL('../../package.json', import.meta.url), 'utf8'),
    ) as {
      version: string;
    };
    expect(TALLY_VERSION).toBe(pkg.version);
  });
});
