import { loadConfig } from '../shared/config/config.js';
import { sweepOutbox } from '../shared/pipeline/sweep-outbox.js';
import { sweepDependencies } from '../shared/runtime/sweeper-dependencies.js';

const config = loadConfig();
const deps = sweepDependencies(config);

/** Scheduled: re-queues changes that were written but never queued. */
export const handler = async () => ({ requeued: await sweepOutbox(deps, config.sweepGraceSeconds) });
