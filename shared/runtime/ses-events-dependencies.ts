import { combineAccess, storeAccess } from '../access/access.js';
import { createDocumentClient } from '../aws/clients.js';
import type { Config } from '../config/config.js';
import { createLogger } from '../log/logger.js';
import { DynamoSubscriberStore } from '../store/subscriber-store.js';
import { DynamoSubscriptionStore } from '../store/subscription-store.js';
import { DynamoSuppressionStore } from '../store/suppression-store.js';
import type { SesEventDependencies } from '../subscriptions/ses-events.js';

/** What {@link sesEventsDependencies} builds may touch. */
export const sesEventsAccess = combineAccess(storeAccess(DynamoSubscriberStore, DynamoSuppressionStore, DynamoSubscriptionStore));

/** What ses-events needs: the suppression list and the subscriptions whose follows it drops. */
export function sesEventsDependencies(config: Config): SesEventDependencies {
  const db = createDocumentClient();
  const subscribers = new DynamoSubscriberStore(db, config.tableName);
  return {
    suppressions: new DynamoSuppressionStore(db, config.tableName),
    subscriptions: new DynamoSubscriptionStore(db, config.tableName, subscribers),
    now: () => new Date(),
    logger: createLogger('ses-events'),
  };
}
