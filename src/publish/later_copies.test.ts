import { describe, expect, it } from 'vitest';
import type { ContentStore } from './content_store.js';
import { LaterCopies } from './later_copies.js';

/** A content store that records the copies it is asked for, each held until let go. */
function recordingStore(): {
  content: ContentStore;
  made: string[];
  letGo: () => void;
} {
  const made: string[] = [];
  let release: () => void = () => undefined;
  let gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  const content: ContentStore = {
    put: () => Promise.resolve(),
    replace: () => Promise.resolve(),
    read: () => Promise.resolve(undefined),
    adopt: () => Promise.resolve(),
    addCompressedCopies: async (path) => {
      await gate;
      made.push(path);
    },
  };
  return {
    content,
    made,
    letGo: () => {
      release();
      gate = Promise.resolve();
    },
  };
}

describe('compressed copies made later', () => {
  it('are made for the newest version only, and wait while a version is built', async () => {
    const { content, made, letGo } = recordingStore();
    const copies = new LaterCopies(content);
    copies.start(['v/1/units/a.json', 'v/1/units/b.json']);
    // A newer version comes before any copy is made: its list is the one worked through.
    copies.start(Array.from({ length: 10 }, (_, i) => `v/2/units/${String(i)}.json`));
    const paused = copies.pause();
    letGo();
    await paused;
    // The files under way when the newer list came, and when it paused, were finished; none of
    // the older list's were begun after, and none of the newer's while paused.
    expect(made).toEqual(['v/1/units/a.json', 'v/1/units/b.json']);
    expect(copies.pending).toBe(10);
    await copies.finish();
    expect(copies.pending).toBe(0);
    expect(made.slice(2)).toEqual(
      Array.from({ length: 10 }, (_, i) => `v/2/units/${String(i)}.json`),
    );
  });

  it('tells of a file whose copies could not be made, and goes on with the others', async () => {
    const failed: string[] = [];
    const made: string[] = [];
    const content: ContentStore = {
      put: () => Promise.resolve(),
      replace: () => Promise.resolve(),
      read: () => Promise.resolve(undefined),
      adopt: () => Promise.resolve(),
      addCompressedCopies: (path) =>
        path.includes('bad')
          ? Promise.reject(new Error('disk full'))
          : (made.push(path), Promise.resolve()),
    };
    const copies = new LaterCopies(content, (path) => failed.push(path));
    copies.start(['v/1/units/bad.json', 'v/1/units/good.json']);
    await copies.finish();
    expect(failed).toEqual(['v/1/units/bad.json']);
    expect(made).toEqual(['v/1/units/good.json']);
  });
});
