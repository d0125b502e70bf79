import type { Config } from '../config/config.js';
import { createLogger } from '../log/logger.js';
import { createDocumentClient } from '../aws/clients.js';
import { systemClock } from '../http/clock.js';
import { createHostPacer } from '../http/host-pacer.js';
import type { PollDependencies } from '../pipeline/poll-bills.js';
import type { ScheduledPollDependencies } from '../pipeline/poll-run.js';
import { DynamoHostSlotStore } from '../store/host-slot-store.js';
import { DynamoPollScheduleStore } from '../store/poll-schedule-store.js';
import { createSozdHttpSource } from '../sozd/sozd-http-source.js';
import { createSozdFetcher } from './fetchers.js';
import { messageQueue } from './queues.js';
import { createStores } from './stores.js';

/** What one poll of bills needs (the CLI's `poll` of every watched bill, and the base of the scheduled run). */
export function pollDependencies(config: Config): PollDependencies {
  const { bills, changes, originOutbox } = createStores(config);
  return {
    bills,
    changes,
    originOutbox,
    fanOutQueue: messageQueue(config.queues.fanOutUrl, 'queues.fanOutUrl (FAN_OUT_QUEUE_URL)'),
    source: createSozdHttpSource(createSozdFetcher(config), config.sozd.baseUrl),
    now: () => new Date(),
    logger: createLogger('poll-bills'),
    tiers: config.polling,
  };
}

/** What the scheduled poll run and the poll-task pollers need: the poll itself, the tier rings, the shared pace. */
export function scheduledPollDependencies(config: Config): ScheduledPollDependencies {
  const db = createDocumentClient();
  return {
    ...pollDependencies(config),
    tiers: config.polling,
    polling: config.polling,
    schedule: new DynamoPollScheduleStore(db, config.tableName),
    pacer: createHostPacer(
      new DynamoHostSlotStore(db, config.tableName),
      { host: new URL(config.sozd.baseUrl).host, requestsPerSecond: config.polling.hostRequestsPerSecond },
      systemClock,
    ),
    ...(config.polling.tasksQueueUrl ? { pollTasks: messageQueue(config.polling.tasksQueueUrl, 'polling.tasksQueueUrl') } : {}),
  };
}
