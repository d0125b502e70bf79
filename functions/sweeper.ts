import { loadConfig } from '../shared/config/config.js';
import { sweepOutbox } from '../shared/pipeline/sweep-outbox.js';
import { lambdaHandler } from '../shared/runtime/lambda-handler.js';
import { sweepDependencies } from '../shared/runtime/sweeper-dependencies.js';

const config = loadConfig();
const deps = sweepDependencies(config);

/** Scheduled: re-queues changes that were written but never queued. */
export const handler = lambdaHandler(async () => ({ requeued: await sweepOutbox(deps, config.sweepGraceSeconds) }));
