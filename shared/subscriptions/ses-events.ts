import type { Logger } from '@aws-lambda-powertools/logger';
import type { SNSEvent } from 'aws-lambda';
import * as z from 'zod';
import { EmailAddressSchema } from '../store/subscriber-store.js';
import type { DynamoSubscriptionStore } from '../store/subscription-store.js';
import type { DynamoSuppressionStore, Suppression } from '../store/suppression-store.js';

export interface SesEventDependencies {
  suppressions: DynamoSuppressionStore;
  subscriptions: Pick<DynamoSubscriptionStore, 'dropFollows'>;
  now: () => Date;
  logger: Logger;
}

const Recipients = z.array(z.looseObject({ emailAddress: z.string() }));

/**
 * An SES notification as SNS carries it: event publishing writes `eventType`, identity feedback
 * notifications write `notificationType`; both carry the same `bounce` / `complaint` objects.
 */
const SesNotificationSchema = z.looseObject({
  eventType: z.string().optional(),
  notificationType: z.string().optional(),
  bounce: z
    .looseObject({ bounceType: z.string(), bounceSubType: z.string().optional(), bouncedRecipients: Recipients })
    .optional(),
  complaint: z
    .looseObject({ complainedRecipients: Recipients, complaintFeedbackType: z.string().optional() })
    .optional(),
  reject: z.looseObject({ reason: z.string().optional() }).optional(),
  failure: z.looseObject({ errorMessage: z.string().optional(), templateName: z.string().optional() }).optional(),
  deliveryDelay: z.looseObject({ delayType: z.string().optional(), delayedRecipients: Recipients.optional() }).optional(),
  mail: z.looseObject({ messageId: z.string().optional() }).optional(),
});

/** What one SNS delivery came to. */
export interface SesEventOutcome {
  suppressed: Suppression[];
  /** Emails SES would not send: rejected (e.g. a virus found) or failing to render. Our fault, never the address's. */
  sendFailures: number;
  /** Emails SES is still retrying because the receiving server put them off. */
  deliveryDelays: number;
  /** Records that were none of the above (deliveries, transient bounces, other JSON). */
  ignored: number;
}

/**
 * Puts hard-bounced and complaining addresses on the suppression list and drops their follows, so they are
 * never mailed again. Transient bounces (mailbox full) are not suppressions. A reject or a rendering failure is
 * logged as an error and counted (the email was never sent, and the address is not to blame); a delivery delay
 * is logged and counted. A record that is not an SES notification is logged and skipped: SNS retrying it would
 * never help. A store failure throws, so SNS retries.
 */
export async function handleSesEvents(deps: SesEventDependencies, event: SNSEvent): Promise<SesEventOutcome> {
  const outcome: SesEventOutcome = { suppressed: [], sendFailures: 0, deliveryDelays: 0, ignored: 0 };
  for (const record of event.Records ?? []) {
    const notification = parseNotification(record?.Sns?.Message);
    if (!notification) {
      deps.logger.warn('not an SES notification; skipped', { messageId: record?.Sns?.MessageId });
      outcome.ignored++;
      continue;
    }
    const kind = notification.eventType ?? notification.notificationType;
    const messageId = notification.mail?.messageId;
    if (kind === 'Reject' || kind === 'Rendering Failure') {
      const reason = notification.reject?.reason ?? notification.failure?.errorMessage ?? 'no reason given';
      deps.logger.error('SES did not send an email', { kind, reason, messageId });
      outcome.sendFailures++;
      continue;
    }
    if (kind === 'DeliveryDelay') {
      deps.logger.warn('SES delivery delayed', { delayType: notification.deliveryDelay?.delayType, messageId });
      outcome.deliveryDelays++;
      continue;
    }
    const found = suppressionsOf(notification);
    if (found.length === 0) outcome.ignored++;
    for (const { email, reason, detail } of found) {
      const at = deps.now();
      const suppression = await deps.suppressions.suppress({ email, reason, at: at.toISOString(), ...(detail ? { detail } : {}) });
      await deps.subscriptions.dropFollows(suppression.subscriberId, at);
      deps.logger.info('address suppressed', { subscriberId: suppression.subscriberId, reason });
      outcome.suppressed.push(suppression);
    }
  }
  return outcome;
}

function parseNotification(message: unknown): z.infer<typeof SesNotificationSchema> | undefined {
  if (typeof message !== 'string') return undefined;
  try {
    const parsed = SesNotificationSchema.safeParse(JSON.parse(message));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

function suppressionsOf(notification: z.infer<typeof SesNotificationSchema>): Omit<Suppression, 'subscriberId' | 'at'>[] {
  const kind = notification.eventType ?? notification.notificationType;
  const found: Omit<Suppression, 'subscriberId' | 'at'>[] = [];
  const add = (address: string, reason: Suppression['reason'], detail: string | undefined) => {
    const email = EmailAddressSchema.safeParse(address);
    if (email.success) found.push({ email: email.data, reason, ...(detail ? { detail } : {}) });
  };
  if (kind === 'Bounce' && notification.bounce?.bounceType === 'Permanent') {
    for (const recipient of notification.bounce.bouncedRecipients) add(recipient.emailAddress, 'bounce', notification.bounce.bounceSubType);
  }
  if (kind === 'Complaint' && notification.complaint) {
    for (const recipient of notification.complaint.complainedRecipients) {
      add(recipient.emailAddress, 'complaint', notification.complaint.complaintFeedbackType);
    }
  }
  return found;
}
