import { combineAccess, storeAccess } from '../access/access.js';
import type { Config } from '../config/config.js';
import { pacedMailer } from '../email/paced-mailer.js';
import { systemClock } from '../http/clock.js';
import { createLogger } from '../log/logger.js';
import type { SendEmailDependencies } from '../pipeline/send-change-emails.js';
import type { SendAlertEmailDependencies } from '../pipeline/send-topic-emails.js';
import { DynamoAlertStore } from '../store/alert-store.js';
import { DynamoChangeStore } from '../store/change-store.js';
import { DynamoDeliveryStore } from '../store/delivery-store.js';
import { DynamoNewsStore } from '../store/news-store.js';
import { DynamoSubscriberStore } from '../store/subscriber-store.js';
import { configuredMailer, MAILER_ACCESS } from './mailer.js';
import { requiredTokenSecrets, TOKEN_SECRETS_ACCESS } from './required-setting.js';
import { createNewsStores, createStores } from './stores.js';

/** What {@link sendEmailDependencies} builds may touch. */
export const sendEmailAccess = combineAccess(
  storeAccess(DynamoChangeStore, DynamoSubscriberStore, DynamoDeliveryStore, DynamoAlertStore, DynamoNewsStore),
  MAILER_ACCESS,
  TOKEN_SECRETS_ACCESS,
);

/**
 * What send-email needs, for bill changes and for alerts (topic matches, "in the news"), sharing one mailer, paced
 * at this invocation's share of the SES sending rate when one is configured.
 */
export function sendEmailDependencies(config: Config): { changes: SendEmailDependencies; alerts: SendAlertEmailDependencies } {
  const { changes, subscribers, deliveries } = createStores(config);
  const { alerts, news } = createNewsStores(config);
  const common = {
    subscribers,
    deliveries,
    mailer: config.email.sendRatePerInvocation ? pacedMailer(configuredMailer(config), config.email.sendRatePerInvocation, systemClock) : configuredMailer(config),
    now: () => new Date(),
    logger: createLogger('send-email'),
    publicBaseUrl: config.publicBaseUrl,
    tokenSecrets: requiredTokenSecrets(config.tokenSecrets),
  };
  return { changes: { ...common, changes }, alerts: { ...common, alerts, news } };
}
