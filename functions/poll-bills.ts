import { loadConfig } from '../shared/config/config.js';
import { pollWatchedBills } from '../shared/pipeline/poll-bills.js';
import { pollDependencies } from '../shared/runtime/dependencies.js';

const deps = pollDependencies(loadConfig());

/** Scheduled: polls every watched bill once and queues what changed. */
export const handler = async () => pollWatchedBills(deps);
