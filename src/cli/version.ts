// The version `tally --version` prints: the package's own, from its package.json.
import { readFileSync } from 'node:fs';

/** The package.json is two folders up from the sources (src/cli) and three from the build. */
export function tallyVersion(): string {
  for (const up of ['../../package.json', '../../../package.json']) {
    let text: string;
    try {
      text = readFileSync(new URL(up, import.meta.url), 'utf8');
    } catch {
      continue;
    }
    const found = JSON.parse(text) as { name?: unknown; version?: unknown };
    if (found.name === 'tally' && typeof found.version === 'string') return found.version;
  }
  throw new Error('the tally package.json was not found beside the command');
}
