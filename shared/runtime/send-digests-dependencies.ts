import type { Config } from '../config/config.js';
import type { SendDigestsDependencies } from '../digests/send-digests.js';
import type { SendWeekAheadDependencies } from '../digests/send-week-ahead.js';
import { DynamoWeekAheadStore } from '../store/week-ahead-store.js';
import { createDocumentClient } from '../aws/clients.js';
import { createLogger } from '../log/logger.js';
import { configuredMailer } from './mailer.js';
import { requiredTokenSecrets } from './required-setting.js';
import { createDeliveryStores, createNewsStores, createStores } from './stores.js';
import { configuredTelegramBot } from './telegram-bot.js';
import { createEndpointHttpClient } from './webhook-dependencies.js';

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
