// The worker's side of worker_pool.ts: runs each task it is sent and answers it by its job number.
// A task that throws is answered as failed; a broadcast (no job number) that throws is a bug, and
// it stops the worker, which the pool then replaces. Asked to end (a graceful close, once every
// task it was sent is answered), it runs its own closing step and closes its port, so the thread
// ends as soon as nothing else keeps it busy.
import { parentPort } from 'node:worker_threads';

export type ToWorker<Task = unknown> =
  | { readonly job: number; readonly task: Task }
  | { readonly job?: undefined; readonly task: Task }
  | { readonly close: true };

export type TaskReply<Reply = unknown> =
  | { readonly job: number; readonly ok: true; readonly value: Reply }
  | { readonly job: number; readonly ok: false; readonly message: string };

/**
 * Answers each task with what `run` returns (or resolves to); `run` takes the pool's tasks.
 * `onClose` releases what the worker holds open (a listener) when the pool closes gracefully.
 */
export function answerTasks(
  run: (task: never) => unknown,
  onClose: () => Promise<void> | void = () => undefined,
): void {
  const port = parentPort;
  if (port === null) throw new Error('answerTasks runs in a worker thread');
  const answer = (reply: TaskReply): void => {
    port.postMessage(reply);
  };
  const failed = (job: number, e: unknown): void => {
    answer({ job, ok: false, message: e instanceof Error ? e.message : String(e) });
  };
  let closing = false;
  port.on('message', (message: ToWorker<never>) => {
    if ('close' in message) {
      if (closing) return;
      closing = true;
      // The thread ends either way: a closing step that fails must not keep it alive.
      void Promise.resolve()
        .then(onClose)
        .catch(() => undefined)
        .finally(() => {
          port.close();
        });
      return;
    }
    const { job, task } = message;
    if (job === undefined) {
      void run(task);
      return;
    }
    let value: unknown;
    try {
      value = run(task);
    } catch (e) {
      failed(job, e);
      return;
    }
    if (value instanceof Promise) {
      value.then(
        (v: unknown) => {
          answer({ job, ok: true, value: v });
        },
        (e: unknown) => {
          failed(job, e);
        },
      );
    } else {
      answer({ job, ok: true, value });
    }
  });
}
