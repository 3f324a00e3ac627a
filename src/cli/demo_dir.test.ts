import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_MARKER, prepareDemoDir } from './demo_dir.js';
import { runCli } from './program.js';

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'tally-demo-dir-'));
});
afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

describe('the demo’s data directory', () => {
  it('is made where nothing is, and marked as the demo’s', () => {
    const dir = join(root, 'a', 'demo');
    expect(prepareDemoDir(dir).ok).toBe(true);
    expect(readdirSync(dir)).toEqual([DEMO_MARKER]);
  });

  it('may be an empty directory', () => {
    expect(prepareDemoDir(root).ok).toBe(true);
    expect(readdirSync(root)).toEqual([DEMO_MARKER]);
  });

  it('is emptied when an earlier demo made it', () => {
    const dir = join(root, 'demo');
    expect(prepareDemoDir(dir).ok).toBe(true);
    mkdirSync(join(dir, 'site'));
    writeFileSync(join(dir, 'tally.db'), 'an earlier night');
    expect(prepareDemoDir(dir).ok).toBe(true);
    expect(readdirSync(dir)).toEqual([DEMO_MARKER]);
  });

  it('is refused, and left as it is, when it holds anything else', () => {
    writeFileSync(join(root, 'tally.db'), 'a real election');
    const prepared = prepareDemoDir(root);
    expect(prepared.ok).toBe(false);
    expect(readdirSync(root)).toEqual(['tally.db']);
  });

  it('is refused when it is a file', () => {
    const file = join(root, 'notes.txt');
    writeFileSync(file, 'notes');
    expect(prepareDemoDir(file).ok).toBe(false);
    expect(existsSync(file)).toBe(true);
  });

  it('that is not a demo’s stops `tally demo` with one sentence, before anything starts', async () => {
    writeFileSync(join(root, 'thesis.tex'), 'five years of work');
    let err = '';
    const code = await runCli(['demo', '--data-dir', root, '--port', '0', '--public-port', '0'], {
      out: () => undefined,
      err: (t) => (err += t),
    });
    expect(code).toBe(1);
    expect(err).toBe(
      `tally: ${root} is not an earlier demo's directory (it has no ${DEMO_MARKER} file), so the demo will not empty it: name a new or empty directory with --data-dir\n`,
    );
    expect(readdirSync(root)).toEqual(['thesis.tex']);
  });
});
