import type { Config } from '../config/config.js';
import type { SendDigestsDependencies } from '../digests/send-digests.js';
import { createLogger } from '../log/logger.js';
import { configuredMailer } from './mailer.js';
import { requiredTokenSecrets } from './required-setting.js';
import { createDeliveryStores, createNewsStores, createStores } from './stores.js';
import { configuredTelegramBot } from './telegram-bot.js';
import { createEndpointHttpClient } from './webhook-dependencies.js';

/** What send-digests needs. */
export function sendDigestsDependencies(config: Config): SendDigestsDependencies {
  const { changes, subscribers } = createStores(config);
  const { digests, endpoints } = createDeliveryStores(config);
  const { alerts, news } = createNewsStores(config);
  const telegram = configuredTelegramBot(config);
  return {
    ...(telegram ? { telegram } : {}),
    digests,
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
