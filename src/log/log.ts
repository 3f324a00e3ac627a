// The transparency log: appends entries, keeps the Merkle tree, and answers for checkpoints,
// proofs, tiles and entry bundles. Storage sits behind LogStorage; the log keeps only the
// frontier in memory, so an append and a checkpoint cost O(log n) whatever the log's size.
import { err, ok, problem, type Problem, type Result } from '../core/result.js';
import { leafHash, type Hash } from './hash.js';
import { signCheckpoint, type CheckpointProblem } from './checkpoint.js';
import type { Signer } from './note.js';
import { consistencyRanges, inclusionRanges, type ProofProblem } from './proof.js';
import {
  MAX_ENTRY_SIZE,
  TILE_HEIGHT,
  TILE_WIDTH,
  encodeEntryBundle,
  encodeTile,
  type TileId,
} from './tiles.js';
import {
  appendLeaf,
  foldSubtrees,
  frontierNodes,
  frontierRoot,
  perfectSubtrees,
  type Frontier,
  type LeafRange,
  type NodeId,
  type TreeNode,
} from './tree.js';

/** What an append hands to storage: the entries and every tree node they complete. */
export interface AppendBatch {
  /** The index of the first entry; storage refuses the batch unless it holds exactly this many. */
  readonly start: bigint;
  readonly entries: readonly Uint8Array[];
  readonly nodes: readonly TreeNode[];
}

export type LogProblem =
  | Problem<'entry_too_large' | 'sequence_conflict' | 'beyond_size'>
  | ProofProblem
  | CheckpointProblem;

/**
 * Durable (or not) home of the log. `append` must be atomic and must refuse a batch whose
 * start is not the stored size: that compare-and-set is what keeps two writers from forking
 * the log.
 */
export interface LogStorage {
  size(): Promise<bigint>;
  /** Hashes of stored perfect subtrees, in the order asked. */
  nodes(ids: readonly NodeId[]): Promise<Hash[]>;
  entries(start: bigint, count: number): Promise<Uint8Array[]>;
  append(batch: AppendBatch): Promise<Result<undefined, Problem<'sequence_conflict'>>>;
}

export interface AppendPlan {
  readonly batch: AppendBatch;
  readonly frontier: Frontier;
  readonly leafHashes: readonly Hash[];
}

export interface Appended {
  readonly first: bigint;
  readonly leafHashes: readonly Hash[];
  readonly size: bigint;
}

/** The tree's frontier, as whoever appends to the log keeps it. */
export interface TreeState {
  frontier: Frontier;
}

export class Log {
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(
    private readonly storage: LogStorage,
    private readonly tree: TreeState,
    /** Whether this log appends, or its owner (a ledger) does. */
    private readonly appends: boolean,
  ) {}

  static async open(storage: LogStorage): Promise<Log> {
    return new Log(storage, { frontier: await readFrontier(storage) }, true);
  }

  /**
   * The log over storage that another owner appends to (src/store/ledger.ts): it reads the
   * frontier `tree` holds, which the owner moves on as it commits.
   */
  static view(storage: LogStorage, tree: Readonly<TreeState>): Log {
    return new Log(storage, tree, false);
  }

  get size(): bigint {
    return this.tree.frontier.size;
  }

  root(): Hash {
    return frontierRoot(this.tree.frontier);
  }

  /** Appends entries in order, durably once the promise resolves. Appends run one at a time. */
  append(entries: readonly Uint8Array[]): Promise<Result<Appended, LogProblem>> {
    if (!this.appends) throw new Error('this log is appended to by its owner');
    const run = this.queue.then(() => this.appendNow(entries));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async appendNow(entries: readonly Uint8Array[]): Promise<Result<Appended, LogProblem>> {
    const plan = planAppend(this.tree.frontier, entries);
    if (!plan.ok) return plan;
    const stored = await this.storage.append(plan.value.batch);
    if (!stored.ok) {
      // Another writer moved the log on: take its state and let the caller decide.
      this.tree.frontier = await readFrontier(this.storage);
      return stored;
    }
    this.tree.frontier = plan.value.frontier;
    const { batch, frontier, leafHashes } = plan.value;
    return ok({ first: batch.start, leafHashes, size: frontier.size });
  }

  /** The root hash of the tree at an earlier size. */
  async rootAt(size: bigint): Promise<Result<Hash, LogProblem>> {
    const within = this.checkSize(size);
    if (!within.ok) return within;
    if (size === this.size) return ok(this.root());
    const [root] = await this.hashRanges([{ begin: 0n, end: size }]);
    return ok(root as Hash);
  }

  /** The signed checkpoint of the log as it is now (C2SP tlog-checkpoint). */
  checkpoint(
    origin: string,
    signers: readonly Signer[],
    extensions: readonly string[] = [],
  ): Result<string, LogProblem> {
    return signCheckpoint({ origin, size: this.size, root: this.root(), extensions }, signers);
  }

  async inclusionProof(index: bigint, size = this.size): Promise<Result<Hash[], LogProblem>> {
    const within = this.checkSize(size);
    if (!within.ok) return within;
    const ranges = inclusionRanges(index, size);
    if (!ranges.ok) return ranges;
    return ok(await this.hashRanges(ranges.value));
  }

  async consistencyProof(size1: bigint, size2 = this.size): Promise<Result<Hash[], LogProblem>> {
    const within = this.checkSize(size2);
    if (!within.ok) return within;
    const ranges = consistencyRanges(size1, size2);
    if (!ranges.ok) return ranges;
    return ok(await this.hashRanges(ranges.value));
  }

  /** A tile's bytes: `width` hashes of tree level 8L, which must all exist at the current size. */
  async tile(tile: TileId): Promise<Result<Uint8Array, LogProblem>> {
    const first = tile.index * BigInt(TILE_WIDTH);
    const available = this.size >> BigInt(TILE_HEIGHT * tile.level);
    if (first + BigInt(tile.width) > available) {
      return err(
        problem(
          'beyond_size',
          `tile level ${tile.level} index ${tile.index} width ${tile.width} is beyond the log`,
        ),
      );
    }
    const ids: NodeId[] = [];
    for (let i = 0; i < tile.width; i++) {
      ids.push({ level: tile.level * TILE_HEIGHT, index: first + BigInt(i) });
    }
    return ok(encodeTile(await this.storage.nodes(ids)));
  }

  async entryBundle(index: bigint, width: number): Promise<Result<Uint8Array, LogProblem>> {
    const entries = await this.entries(index * BigInt(TILE_WIDTH), width);
    return entries.ok ? ok(encodeEntryBundle(entries.value)) : entries;
  }

  async entries(start: bigint, count: number): Promise<Result<Uint8Array[], LogProblem>> {
    if (start < 0n || count < 0 || start + BigInt(count) > this.size) {
      return err(
        problem(
          'beyond_size',
          `entries ${start} to ${start + BigInt(count) - 1n} are beyond the log of size ${this.size}`,
        ),
      );
    }
    return ok(await this.storage.entries(start, count));
  }

  private checkSize(size: bigint): Result<undefined, LogProblem> {
    if (size < 0n || size > this.size) {
      return err(problem('beyond_size', `size ${size} is beyond the log's size ${this.size}`));
    }
    return ok();
  }

  /** The hash of each range, from one read of all the perfect subtrees they are made of. */
  private async hashRanges(ranges: readonly LeafRange[]): Promise<Hash[]> {
    const parts = ranges.map(perfectSubtrees);
    const hashes = await this.storage.nodes(parts.flat());
    let at = 0;
    return parts.map((ids) => {
      const slice = hashes.slice(at, at + ids.length);
      at += ids.length;
      return foldSubtrees(slice);
    });
  }
}

/** The frontier of the tree storage holds: its size and the hashes that fold to its root. */
export async function readFrontier(storage: LogStorage): Promise<Frontier> {
  const size = await storage.size();
  return { size, hashes: await storage.nodes(frontierNodes(size)) };
}

/**
 * An append computed and not stored: the entries, the tree nodes they complete, and the
 * frontier after them. Pure: whoever owns the log stores the batch and takes the frontier.
 */
export function planAppend(
  from: Frontier,
  entries: readonly Uint8Array[],
): Result<AppendPlan, LogProblem> {
  const tooLarge = entries.findIndex((e) => e.length > MAX_ENTRY_SIZE);
  const length = entries[tooLarge]?.length;
  if (length !== undefined) {
    return err(
      problem(
        'entry_too_large',
        `entry ${tooLarge} has ${length} bytes; a log entry is at most ${MAX_ENTRY_SIZE}`,
      ),
    );
  }
  let frontier = from;
  const nodes: TreeNode[] = [];
  const leafHashes: Hash[] = [];
  for (const entry of entries) {
    const leaf = leafHash(entry);
    const next = appendLeaf(frontier, leaf);
    frontier = next.frontier;
    nodes.push(...next.created);
    leafHashes.push(leaf);
  }
  return ok({ batch: { start: from.size, entries, nodes }, frontier, leafHashes });
}
