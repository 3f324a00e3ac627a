// A verifier worker thread of the compiled command (verify_pool.ts starts it).
import { answerVerifyTasks } from './verify_pool.js';

answerVerifyTasks();
