import { loadConfig } from '../shared/config/config.js';
import { sweepOriginOutbox, sweepOutbox } from '../shared/pipeline/sweep-outbox.js';
import { lambdaHandler } from '../shared/runtime/lambda-handler.js';
import { sweepDependencies } from '../shared/runtime/sweeper-dependencies.js';

const config = loadConfig();
const deps = sweepDependencies(config);

/** Scheduled: re-queues changes, and bills with new committees or initiators, that were written but never queued. */
export const handler = lambdaHandler(async () => ({
  requeued: await sweepOutbox(deps, config.sweepGraceSeconds),
  requeuedOrigins: await sweepOriginOutbox(deps, config.sweepGraceSeconds),
}));
