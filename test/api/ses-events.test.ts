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
import { handleSesEvents, type SesEventDependencies } from '../../shared/subscriptions/ses-events.js';

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

    expect(outcome).toEqual({ suppressed: [], ignored: 4 });
    expect(await addresses.idOf('full@example.org')).toBeUndefined();
  });
});
