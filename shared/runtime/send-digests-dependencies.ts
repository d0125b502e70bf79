import { combineAccess, storeAccess } from '../access/access.js';
import type { Config } from '../config/config.js';
import type { SendDigestsDependencies } from '../digests/send-digests.js';
import type { SendWeekAheadDependencies } from '../digests/send-week-ahead.js';
import { DynamoWeekAheadStore } from '../store/week-ahead-store.js';
import { createDocumentClient } from '../aws/clients.js';
import { createLogger } from '../log/logger.js';
import { DynamoAlertStore } from '../store/alert-store.js';
import { DynamoChangeStore } from '../store/change-store.js';
import { DynamoDigestStore } from '../store/digest-store.js';
import { DynamoEndpointStore } from '../store/endpoint-store.js';
import { DynamoNewsStore } from '../store/news-store.js';
import { DynamoSubscriberStore } from '../store/subscriber-store.js';
import { configuredMailer, MAILER_ACCESS } from './mailer.js';
import { requiredTokenSecrets, TOKEN_SECRETS_ACCESS } from './required-setting.js';
import { createDeliveryStores, createNewsStores, createStores } from './stores.js';
import { configuredTelegramBot, TELEGRAM_BOT_ACCESS } from './telegram-bot.js';
import { createEndpointHttpClient } from './webhook-dependencies.js';

/**
 * What {@link sendDigestsDependencies} builds may touch: the digests and the week ahead (Slack and Telegram digests are
 * posted directly, not queued).
 */
export const sendDigestsAccess = combineAccess(
  storeAccess(DynamoChangeStore, DynamoSubscriberStore, DynamoDigestStore, DynamoEndpointStore, DynamoAlertStore, DynamoNewsStore, DynamoWeekAheadStore),
  MAILER_ACCESS,
  TOKEN_SECRETS_ACCESS,
  TELEGRAM_BOT_ACCESS,
);

/** What send-digests needs: the digests, and the week ahead it sends in the same runs. */
export function sendDigestsDependencies(config: Config): SendDigestsDependencies & SendWeekAheadDependencies {
  const { changes, subscribers } = createStores(config);
  const { digests, endpoints } = createDeliveryStores(config);
  const { alerts, news } = createNewsStores(config);
  const telegram = configuredTelegramBot(config);
  return {
    ...(telegram ? { telegram } : {}),
    digests,
    weekAhead: new DynamoWeekAheadStore(createDocumentClient(), config.tableName),
    changes,
    alerts,
    news,
    subscribers,
    endpoints,
    mailer: configuredMailer(config),
    http: createEndpointHttpClient(config.delivery),
    now: () => new Date(),
    logger: createLogger('send-digests'),
    publicBaseUrl: config.publicBaseUrl,
    tokenSecrets: requiredTokenSecrets(config.tokenSecrets),
    digestHour: config.delivery.digestHour,
  };
}
