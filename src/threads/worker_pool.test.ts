import { afterEach, describe, expect, it, vi } from 'vitest';
import { MAX_HELD, WorkerPool } from './worker_pool.js';

type Task =
  | { readonly type: 'remember'; readonly value: string }
  | { readonly type: 'recall' }
  | { readonly type: 'wait'; readonly ms: number }
  | { readonly type: 'spin'; readonly ms: number; readonly tag: string }
  | { readonly type: 'die' }
  | { readonly type: 'refuse' };

// The worker runs worker_tasks.ts from source (Node strips its types): the pool's own protocol.
const tasks = new URL('./worker_tasks.ts', import.meta.url).href;
const worker = `
const { workerData } = await import('node:worker_threads');
const { answerTasks } = await import(${JSON.stringify(tasks)});
const remembered = [];
const { onClose } = workerData ?? {};
answerTasks((task) => {
  switch (task.type) {
    case 'remember': remembered.push(task.value); return remembered.length;
    case 'recall': return remembered;
    case 'wait': return new Promise((resolve) => setTimeout(() => resolve(task.ms), task.ms));
    case 'spin': { const end = Date.now() + task.ms; while (Date.now() < end); return task.tag; }
    case 'die': process.exit(3);
    case 'refuse': throw new Error('refused');
  }
}, onClose === 'hang' ? () => new Promise(() => setInterval(() => undefined, 1_000)) : undefined);
`;

let pool: WorkerPool<Task, unknown> | undefined;
afterEach(async () => {
  await pool?.close();
  pool = undefined;
});

function workers(size: number, script = worker, workerData?: unknown): WorkerPool<Task, unknown> {
  pool = new WorkerPool<Task, unknown>({ script, eval: true, size, workerData });
  return pool;
}

describe('worker threads', () => {
  it('answer each task by its job, on the worker asked for', async () => {
    const p = workers(2);
    await expect(p.runOn(0, { type: 'remember', value: 'a' })).resolves.toBe(1);
    await expect(p.runOn(1, { type: 'recall' })).resolves.toEqual([]);
    await expect(p.runOn(0, { type: 'recall' })).resolves.toEqual(['a']);
  });

  it('send a broadcast to every worker', async () => {
    const p = workers(2);
    p.broadcast({ type: 'remember', value: 'roster' });
    await expect(p.runOn(0, { type: 'recall' })).resolves.toEqual(['roster']);
    await expect(p.runOn(1, { type: 'recall' })).resolves.toEqual(['roster']);
  });

  it('fail a task that throws, and the worker goes on', async () => {
    const p = workers(1);
    await expect(p.run({ type: 'refuse' })).rejects.toThrow('refused');
    await expect(p.run({ type: 'wait', ms: 1 })).resolves.toBe(1);
  });

  it('share tasks out to the worker holding the fewest', async () => {
    const p = workers(2);
    const busy = [p.runOn(0, { type: 'wait', ms: 300 }), p.runOn(0, { type: 'wait', ms: 300 })];
    await p.run({ type: 'remember', value: 'y' });
    await Promise.all(busy);
    await expect(p.runOn(0, { type: 'recall' })).resolves.toEqual([]);
    await expect(p.runOn(1, { type: 'recall' })).resolves.toEqual(['y']);
  });

  it('fail only the tasks a dead worker held, and start another in its place with every broadcast', async () => {
    const p = workers(2);
    p.broadcast({ type: 'remember', value: 'roster' });
    const onDying = p.runOn(0, { type: 'wait', ms: 500 });
    const onOther = p.runOn(1, { type: 'wait', ms: 500 });
    const death = p.runOn(0, { type: 'die' });
    await expect(onDying).rejects.toThrow('a worker thread stopped (exit code 3)');
    await expect(death).rejects.toThrow('a worker thread stopped');
    await expect(onOther).resolves.toBe(500);
    // The new worker knows what the dead one was told, and nothing it learnt since.
    await expect(p.runOn(0, { type: 'recall' })).resolves.toEqual(['roster']);
    const later = await Promise.all(
      Array.from({ length: 6 }, () => p.run({ type: 'wait', ms: 1 })),
    );
    expect(later).toEqual([1, 1, 1, 1, 1, 1]);
  });

  it('stop starting a worker that dies again and again before it answers anything', async () => {
    const p = workers(1, 'process.exit(1)');
    await vi.waitFor(
      async () => {
        await expect(p.run({ type: 'recall' })).rejects.toThrow('no worker thread is running');
      },
      { timeout: 10_000, interval: 50 },
    );
  });

  it('are not started again once closed, and their tasks fail', async () => {
    const p = workers(1);
    const held = p.run({ type: 'wait', ms: 5_000 });
    await p.close();
    await expect(held).rejects.toThrow('the worker threads were closed');
    await expect(p.run({ type: 'recall' })).rejects.toThrow('the worker threads were closed');
  });

  it('closed gracefully, finish the tasks they were sent, take no more, and end', async () => {
    const p = workers(2);
    const sent = [p.runOn(0, { type: 'wait', ms: 400 }), p.run({ type: 'wait', ms: 200 })];
    const started = performance.now();
    const closed = p.close({ finishWithinMs: 10_000 });
    await expect(p.run({ type: 'recall' })).rejects.toThrow('the worker threads were closed');
    await expect(p.runOn(1, { type: 'recall' })).rejects.toThrow('the worker threads were closed');
    await expect(Promise.all(sent)).resolves.toEqual([400, 200]);
    await closed;
    // Each worker ended once its tasks were answered, not when the time ran out.
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it('closed gracefully, stop a worker still busy when the time is up, and its tasks fail', async () => {
    const p = workers(1);
    const held = p.run({ type: 'wait', ms: 30_000 });
    const started = performance.now();
    await p.close({ finishWithinMs: 200 });
    await expect(held).rejects.toThrow('the worker threads were closed');
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it('closed gracefully, stop a worker whose closing step never ends when the time is up', async () => {
    const p = workers(1, worker, { onClose: 'hang' });
    await expect(p.run({ type: 'wait', ms: 1 })).resolves.toBe(1);
    const started = performance.now();
    await p.close({ finishWithinMs: 300 });
    expect(performance.now() - started).toBeGreaterThanOrEqual(250);
  });

  it('take tasks from each sender in turn: one sender with hundreds queued cannot hold up another', async () => {
    const p = workers(1);
    const done: string[] = [];
    const run = (lane: string, tag: string): Promise<unknown> =>
      p.run({ type: 'spin', ms: 0, tag }, lane).then((t) => done.push(t as string));
    const floods = 3 * MAX_HELD;
    const flood = Array.from({ length: floods }, (_, i) => run('flood', `flood-${String(i)}`));
    const precinct = run('precinct', 'precinct');
    await Promise.all([...flood, precinct]);
    // Sent after all the others, it waits only for those already handed to the worker.
    expect(done.indexOf('precinct')).toBeLessThanOrEqual(MAX_HELD + 1);
    // One sender's own tasks keep their order.
    const floodOrder = done.filter((t) => t !== 'precinct');
    expect(floodOrder).toEqual(Array.from({ length: floods }, (_, i) => `flood-${String(i)}`));
  });
});
