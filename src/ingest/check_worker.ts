// A check-pool worker: keeps each election's definition and roster, and checks bodies.
import { parseElectionDefinition, type Election } from '../core/election.js';
import { throwIllegalValue } from '../core/result.js';
import { answerTasks } from '../threads/worker_tasks.js';
import { checkBody, RosterView, type CheckOutcome } from './check.js';
import type { CheckTask } from './check_pool.js';

const elections = new Map<string, { election: Election; roster: RosterView }>();

answerTasks((task: CheckTask): CheckOutcome | undefined => {
  switch (task.type) {
    case 'election': {
      const parsed = parseElectionDefinition(task.definition);
      if (!parsed.ok) throw new Error(parsed.error.message);
      const roster = new RosterView();
      for (const [ref, entry] of task.roster) roster.add(ref, entry);
      elections.set(task.id, { election: parsed.value, roster });
      return undefined;
    }
    case 'key':
      elections.get(task.id)?.roster.add(task.ref, task.entry);
      return undefined;
    case 'check': {
      const known = elections.get(task.id);
      if (known === undefined) throw new Error(`no election ${task.id} in this worker`);
      return checkBody(known.election, known.roster, task.body);
    }
    default:
      return throwIllegalValue(task);
  }
});
