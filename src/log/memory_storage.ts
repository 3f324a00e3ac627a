// LogStorage in memory, for tests, benchmarks and the demo. Hashes are packed per tree level in
// fixed-size chunks so that millions of nodes cost little more than their 32 bytes each.
import { ok, err, problem, type Problem, type Result } from '../core/result.js';
import { HASH_SIZE, type Hash } from './hash.js';
import type { AppendBatch, LogStorage } from './log.js';
import type { NodeId } from './tree.js';

const CHUNK = 1 << 16;

export class MemoryLogStorage implements LogStorage {
  private readonly levels: Uint8Array[][] = [];
  private readonly counts: number[] = [];
  private readonly stored: Uint8Array[] = [];

  size(): Promise<bigint> {
    return Promise.resolve(BigInt(this.stored.length));
  }

  nodes(ids: readonly NodeId[]): Promise<Hash[]> {
    return Promise.resolve(ids.map((id) => this.node(id)));
  }

  entries(start: bigint, count: number): Promise<Uint8Array[]> {
    const from = Number(start);
    return Promise.resolve(this.stored.slice(from, from + count));
  }

  append(batch: AppendBatch): Promise<Result<undefined, Problem<'sequence_conflict'>>> {
    if (batch.start !== BigInt(this.stored.length)) {
      return Promise.resolve(
        err(
          problem('sequence_conflict', `log has ${this.stored.length} entries, not ${batch.start}`),
        ),
      );
    }
    for (const entry of batch.entries) this.stored.push(entry.slice());
    for (const node of batch.nodes) {
      const index = Number(node.index);
      const level = (this.levels[node.level] ??= []);
      const chunk = (level[Math.floor(index / CHUNK)] ??= new Uint8Array(CHUNK * HASH_SIZE));
      chunk.set(node.hash, (index % CHUNK) * HASH_SIZE);
      this.counts[node.level] = Math.max(this.counts[node.level] ?? 0, index + 1);
    }
    return Promise.resolve(ok());
  }

  private node(id: NodeId): Hash {
    const index = Number(id.index);
    const chunk = this.levels[id.level]?.[Math.floor(index / CHUNK)];
    if (chunk === undefined || index >= (this.counts[id.level] ?? 0))
      throw new Error(`memory log: no node at level ${id.level} index ${index}`);
    const at = (index % CHUNK) * HASH_SIZE;
    return chunk.slice(at, at + HASH_SIZE) as Hash;
  }
}
