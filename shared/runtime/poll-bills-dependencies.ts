import { combineAccess, queueAccess, storeAccess } from '../access/access.js';
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
import { DynamoBillStore } from '../store/bill-store.js';
import { DynamoChangeStore } from '../store/change-store.js';
import { DynamoOriginOutbox } from '../store/origin-outbox-store.js';
import { createSozdFetcher, FETCHER_ACCESS } from './fetchers.js';
import { letPollerHeapGrow } from './poller-heap.js';
import { messageQueue } from './queues.js';
import { createStores } from './stores.js';

/** What {@link pollDependencies} builds may touch: bills, changes, the fan-out queue, sozd's proxy. */
export const pollAccess = combineAccess(storeAccess(DynamoBillStore, DynamoChangeStore, DynamoOriginOutbox), queueAccess('fanOut'), FETCHER_ACCESS);

/** What one poll of bills needs (the CLI's `poll` of every watched bill, and the base of the scheduled run). */
export function pollDependencies(config: Config): PollDependencies {
  letPollerHeapGrow();
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

/** What {@link pollTaskDependencies} builds may touch: a poll's, the tier rings and the shared host slots. */
export const pollTaskAccess = combineAccess(pollAccess, storeAccess(DynamoPollScheduleStore, DynamoHostSlotStore));

/** What the poll-task pollers need: the poll itself, the tier rings, the shared pace; they hand no task on. */
export function pollTaskDependencies(config: Config): ScheduledPollDependencies {
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
  };
}

/** What {@link scheduledPollDependencies} builds may touch: a poll task's, and the poll-tasks queue. */
export const scheduledPollAccess = combineAccess(pollTaskAccess, queueAccess('pollTasks'));

/** What the scheduled poll run needs: a poller's, and the poll-tasks queue for what does not fit its time budget. */
export function scheduledPollDependencies(config: Config): ScheduledPollDependencies {
  return {
    ...pollTaskDependencies(config),
    ...(config.polling.tasksQueueUrl ? { pollTasks: messageQueue(config.polling.tasksQueueUrl, 'polling.tasksQueueUrl') } : {}),
  };
}
