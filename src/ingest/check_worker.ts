// A check-pool worker: keeps each election's definition and roster, and checks bodies.
import { parentPort } from 'node:worker_threads';
import { parseElectionDefinition, type Election } from '../core/election.js';
import { throwIllegalValue } from '../core/result.js';
import { checkBody, RosterView } from './check.js';
import type { WorkerRequest, WorkerResponse } from './check_pool.js';

const elections = new Map<string, { election: Election; roster: RosterView }>();

parentPort?.on('message', (message: WorkerRequest) => {
  switch (message.type) {
    case 'election': {
      const parsed = parseElectionDefinition(message.definition);
      if (!parsed.ok) throw new Error(parsed.error.message);
      const roster = new RosterView();
      for (const [ref, entry] of message.roster) roster.add(ref, entry);
      elections.set(message.id, { election: parsed.value, roster });
      return;
    }
    case 'key':
      elections.get(message.id)?.roster.add(message.ref, message.entry);
      return;
    case 'check': {
      let response: WorkerResponse;
      const known = elections.get(message.id);
      if (known === undefined) {
        response = {
          type: 'failed',
          job: message.job,
          message: `no election ${message.id} in this worker`,
        };
      } else {
        try {
          response = {
            type: 'checked',
            job: message.job,
            outcome: checkBody(known.election, known.roster, message.body),
          };
        } catch (e) {
          response = { type: 'failed', job: message.job, message: (e as Error).message };
        }
      }
      parentPort?.postMessage(response);
      return;
    }
    default:
      throwIllegalValue(message);
  }
});
