// The demo's data directory: emptied before each run, but only when an earlier demo made it, so
// a mistyped `--data-dir` can never delete someone's files.
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { err, ok, problem, type Problem, type Result } from '../core/result.js';

/** The file each demo writes first into its directory: what makes the directory the demo's. */
export const DEMO_MARKER = '.tally-demo';

/**
 * Makes `dir` a fresh demo directory: a new or empty directory, or an earlier demo's (emptied).
 * Anything else is refused and left as it is.
 */
export function prepareDemoDir(dir: string): Result<void, Problem<'not_a_demo_dir'>> {
  if (existsSync(dir)) {
    const isDemo =
      statSync(dir).isDirectory() &&
      (readdirSync(dir).length === 0 || existsSync(join(dir, DEMO_MARKER)));
    if (!isDemo) {
      return err(
        problem(
          'not_a_demo_dir',
          `${dir} is not an earlier demo's directory (it has no ${DEMO_MARKER} file), so the demo will not empty it: name a new or empty directory with --data-dir`,
        ),
      );
    }
    rmSync(dir, { recursive: true, force: true });
  }
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, DEMO_MARKER),
    'This directory is a `tally demo`’s: the next demo run here empties it first.\n',
  );
  return ok();
}
