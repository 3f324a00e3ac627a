// A verifier worker thread: runs each task it is sent (src/verify/work.ts), one at a time,
// keeping its state between them.
import { answerTasks } from '../threads/worker_tasks.js';
import { runTask, WorkerState, type VerifyTask } from '../verify/work.js';

const state = new WorkerState();

answerTasks((task: VerifyTask) => runTask(state, task));
