import type { SNSEvent } from 'aws-lambda';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalServices, type LocalServices } from '../../local/local-services.js';
import { ensureTable } from '../../local/provision.js';
import { createLogger } from '../../shared/log/logger.js';
import { DynamoAddressBook } from '../../shared/store/address-book.js';
import { DynamoSubscriberStore } from '../../shared/store/subscriber-store.js';
import { DynamoSubscriptionStore } from '../../shared/store/subscription-store.js';
import { DynamoSuppressionStore } from '../../shared/store/suppression-store.js';
import { handleSesEvents, type SesEventDependencies, type SesEventOutcome } from '../../shared/subscriptions/ses-events.js';
import { linesWrittenBy } from '../support/captured-logs.js';

const TABLE = 'duma-alerts-ses-events-test';
const AT = new Date('2026-03-01T10:00:00Z');
let services: LocalServices;
let deps: SesEventDependencies;
let subscribers: DynamoSubscriberStore;
let addresses: DynamoAddressBook;

beforeAll(async () => {
  services = await startLocalServices();
  Object.assign(process.env, services.env);
  const raw = new DynamoDBClient({});
  await ensureTable(raw, TABLE);
  const db = DynamoDBDocumentClient.from(raw, { marshallOptions: { removeUndefinedValues: true } });
  subscribers = new DynamoSubscriberStore(db, TABLE);
  addresses = new DynamoAddressBook(db, TABLE);
  deps = {
    suppressions: new DynamoSuppressionStore(db, TABLE),
    subscriptions: new DynamoSubscriptionStore(db, TABLE, subscribers),
    now: () => AT,
    logger: createLogger('ses-events-test'),
  };
});
afterAll(async () => {
  await services?.stop();
});

const snsEvent = (...messages: unknown[]): SNSEvent =>
  ({ Records: messages.map((message, index) => ({ Sns: { MessageId: `m${index}`, Message: typeof message === 'string' ? message : JSON.stringify(message) } })) }) as SNSEvent;

describe('handleSesEvents', () => {
  it('suppresses a permanently bounced address: status, reason, follows dropped', async () => {
    const subscriber = await subscribers.upsertEmailSubscriber({ email: 'gone@example.org', language: 'ru', at: AT.toISOString() });
    await subscribers.follow(subscriber.id, '1-8');

    const outcome = await handleSesEvents(
      deps,
      snsEvent({ eventType: 'Bounce', bounce: { bounceType: 'Permanent', bounceSubType: 'NoEmail', bouncedRecipients: [{ emailAddress: 'Gone@Example.org' }] } }),
    );

    expect(outcome).toEqual({
      suppressed: [{ email: 'gone@example.org', subscriberId: subscriber.id, reason: 'bounce', detail: 'NoEmail', at: AT.toISOString() }],
      sendFailures: 0,
      deliveryDelays: 0,
      ignored: 0,
    });
    expect(await subscribers.get(subscriber.id)).toMatchObject({ status: 'suppressed', suppressionReason: 'bounce: NoEmail' });
    expect(await subscribers.listFollowedBills(subscriber.id)).toEqual([]);
  });

  it('suppresses a complaint in the feedback-notification format, even for an address with no subscriber', async () => {
    const outcome = await handleSesEvents(
      deps,
      snsEvent({ notificationType: 'Complaint', complaint: { complainedRecipients: [{ emailAddress: 'angry@example.org' }] } }),
    );

    expect(outcome.suppressed.map((s) => s.reason)).toEqual(['complaint']);
    const id = await addresses.idOf('angry@example.org');
    expect(await deps.suppressions.isSuppressed(id!)).toBe(true);
  });

  it('ignores transient bounces, deliveries and messages that are not SES notifications', async () => {
    const outcome = await handleSesEvents(
      deps,
      snsEvent(
        { eventType: 'Bounce', bounce: { bounceType: 'Transient', bouncedRecipients: [{ emailAddress: 'full@example.org' }] } },
        { eventType: 'Delivery', delivery: {} },
        'not json',
        { eventType: 'Bounce', bounce: 'wrong shape' },
      ),
    );

    expect(outcome).toEqual({ suppressed: [], sendFailures: 0, deliveryDelays: 0, ignored: 4 });
    expect(await addresses.idOf('full@example.org')).toBeUndefined();
  });

  it('logs and counts rejects, rendering failures and delivery delays without suppressing anyone', async () => {
    // Arrange
    const mail = (messageId: string) => ({ messageId, destination: ['reader@example.org'] });
    const events = snsEvent(
      { eventType: 'Reject', mail: mail('r1'), reject: { reason: 'Bad content' } },
      { eventType: 'Rendering Failure', mail: mail('r2'), failure: { errorMessage: 'Attribute subject is missing', templateName: 't' } },
      { eventType: 'DeliveryDelay', mail: mail('r3'), deliveryDelay: { delayType: 'MailboxFull', delayedRecipients: [{ emailAddress: 'reader@example.org' }] } },
    );

    // Act
    let outcome: SesEventOutcome | undefined;
    const lines = await linesWrittenBy(async () => (outcome = await handleSesEvents(deps, events)));

    // Assert
    expect(outcome).toEqual({ suppressed: [], sendFailures: 2, deliveryDelays: 1, ignored: 0 });
    expect(lines.map((line) => [line.level, line.message, line.kind ?? line.delayType, line.reason, line.messageId])).toEqual([
      ['ERROR', 'SES did not send an email', 'Reject', 'Bad content', 'r1'],
      ['ERROR', 'SES did not send an email', 'Rendering Failure', 'Attribute subject is missing', 'r2'],
      ['WARN', 'SES delivery delayed', 'MailboxFull', undefined, 'r3'],
    ]);
    expect(await addresses.idOf('reader@example.org')).toBeUndefined();
  });
});
