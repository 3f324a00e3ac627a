// The precompressed copies of a version's precinct files, made once the version is out, and only
// between versions: compressing them (most of a large election's bytes, all rewritten when every
// county reports at once) took a third of the time from a submission's acceptance to the version
// that shows it. A static host serves a file as it is until its copies are there. Work left for
// an older version is dropped when a newer one comes: its files are the newer one's, linked, and
// the newer version's list covers them.
import type { ContentStore } from './content_store.js';

/** How many files are compressed at once (on libuv's threads). */
const IN_FLIGHT = 4;

export class LaterCopies {
  private due: string[] = [];
  private paused = false;
  private running: Promise<void> | undefined;

  constructor(
    private readonly content: ContentStore,
    /** Told of a file whose copies could not be made (it is served as it is). */
    private readonly onError: (path: string, error: unknown) => void = () => undefined,
  ) {}

  /** The files of the newest version whose copies are due, in place of any older list. */
  start(paths: readonly string[]): void {
    this.due = [...paths];
    this.paused = false;
    this.running ??= this.run().finally(() => {
      this.running = undefined;
    });
  }

  /** Stops after the files being compressed now: a version is about to be built. */
  async pause(): Promise<void> {
    this.paused = true;
    await this.running;
  }

  /** Goes on with the copies still due, after a pause. */
  resume(): void {
    this.paused = false;
    if (this.due.length > 0) {
      this.running ??= this.run().finally(() => {
        this.running = undefined;
      });
    }
  }

  /** Makes every copy still due, now: for a one-off export, and for tests. */
  async finish(): Promise<void> {
    this.paused = false;
    this.running ??= this.run().finally(() => {
      this.running = undefined;
    });
    await this.running;
  }

  /** How many files' copies are still due. */
  get pending(): number {
    return this.due.length;
  }

  private async run(): Promise<void> {
    while (!this.paused && this.due.length > 0) {
      const batch = this.due.splice(0, IN_FLIGHT);
      await Promise.all(
        batch.map((path) =>
          this.content.addCompressedCopies(path).catch((e: unknown) => {
            this.onError(path, e);
          }),
        ),
      );
    }
  }
}
