import { describe, expect, it } from 'vitest';
import { unsupportedNode } from './node_version.js';

describe('the Node.js releases Tally runs on', () => {
  it('runs on every maintained LTS line and on newer releases', () => {
    for (const version of ['v22.12.0', 'v24.21.0', 'v26.10.0', 'v28.0.0']) {
      expect(unsupportedNode(version)).toBeUndefined();
    }
  });

  it('refuses an end-of-life or odd line in one sentence that names the release', () => {
    for (const version of ['v20.20.2', 'v18.0.0', 'v23.1.0', 'v25.0.0']) {
      const refusal = unsupportedNode(version);
      expect(refusal).toContain(`this is Node.js ${version.slice(1)}`);
      expect(refusal).toContain('22, 24, 26');
    }
  });

  it('refuses a version it cannot read rather than crash later', () => {
    expect(unsupportedNode('garbage')).toBeDefined();
  });
});
