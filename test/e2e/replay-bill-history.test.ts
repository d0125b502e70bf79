import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalStack, type LocalStack } from '../../local/local-stack.js';
import { DEMO_BILLS, lawBill, returnedBill } from '../../local/simulator/demo-bills.js';
import { startDumaSimulator, type DumaSimulator } from '../../local/simulator/duma-simulator.js';
import { loadConfig } from '../../shared/config/config.js';
import { createDocumentClient } from '../../shared/aws/clients.js';
import { createStores } from '../../shared/runtime/stores.js';
import { DynamoAddressBook } from '../../shared/store/address-book.js';
import { sozdText } from '../../shared/vocabulary/sozd-text.js';
import { header, sentEmails, type StoredEmail } from '../support/ses-store.js';

/*
 * The whole pipeline on the local stack: the simulator reveals each bill's history one event per step,
 * the real handlers poll, fan out and send. Every dated event must reach every subscriber exactly once,
 * in date order; planned events never; and a restart of the whole stack sends nothing again.
 */

const subscribers = [
  { email: 'redaktor@example.org', language: 'ru' as const },
  { email: 'editor@example.org', language: 'en' as const },
];

describe('replaying bill histories through the running pipeline', () => {
  let dataDir: string;
  let simulator: DumaSimulator;
  let stack: LocalStack;
  const beforeRestart: StoredEmail[] = [];

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'duma-alerts-e2e-'));
    simulator = await startDumaSimulator({ bills: DEMO_BILLS, pace: { kind: 'manual' } });
    stack = await startLocalStack({
      dataDir,
      env: { SOZD_BASE_URL: simulator.url, SOZD_MIN_GAP_MS: '0' },
      visibilityTimeoutSeconds: 1,
    });
    const { bills, subscribers: store } = createStores(loadConfig());
    const at = new Date().toISOString();
    for (const bill of DEMO_BILLS) await bills.watch(bill.page.number);
    for (const { email, language } of subscribers) {
      const subscriber = await store.upsertEmailSubscriber({ email, language, at });
      for (const bill of DEMO_BILLS) await store.follow(subscriber.id, bill.page.number);
    }
  });

  afterAll(async () => {
    await stack?.stop();
    await simulator?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('sends one email per dated event per subscriber, in date order', async () => {
    // Arrange: before the first step the bills are not registered yet (404), so every event is news.
    await stack.pollBills();
    const longest = Math.max(...DEMO_BILLS.map((bill) => bill.history.length));

    // Act
    for (let step = 0; step < longest; step++) {
      simulator.step();
      await stack.pollBills();
      await stack.drain();
    }
    beforeRestart.push(...(await sentEmails(stack.services.sesEndpoint)));

    // Assert
    const events = lawBill.history.length + returnedBill.history.length;
    expect(beforeRestart).toHaveLength(events * subscribers.length);
    for (const { email, language } of subscribers) {
      for (const bill of DEMO_BILLS) {
        const mine = beforeRestart.filter(
          (sent) => sent.destination.to[0] === email && sent.subject.includes(bill.page.number),
        );
        // Each email names its event's decision, in the subscriber's language; their order must be the history's date order.
        const order = mine.map((sent) =>
          bill.history.findIndex((event) => sent.body.text?.includes(`- ${sozdText('decision', event.decisions![0]!, language)}\n`)),
        );
        expect(order).toEqual(bill.history.map((_, index) => index));
        for (const sent of mine) {
          expect(header(sent, 'List-Unsubscribe')).toMatch(new RegExp(`^<${stack.api.url}/unsubscribe\\?token=[\\w.-]+>$`));
          expect(header(sent, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
        }
      }
    }
  });

  it("makes the List-Unsubscribe link of an alert work in one click (RFC 8058)", async () => {
    // Arrange
    const alert = beforeRestart.find((sent) => sent.destination.to[0] === 'editor@example.org')!;
    const link = header(alert, 'List-Unsubscribe')!.slice(1, -1);

    // Act: what a mail client does, with no cookie and no JavaScript.
    const response = await fetch(link, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });

    // Assert
    expect(response.status).toBe(200);
    const { subscribers: store } = createStores(loadConfig());
    const id = await new DynamoAddressBook(createDocumentClient(), loadConfig().tableName).idOf('editor@example.org');
    const subscriber = await store.get(id!);
    expect(subscriber?.status).toBe('unsubscribed');
    expect(await store.listFollowedBills(subscriber!.id)).toEqual([]);
  });

  it('sends nothing again after a restart of the whole local stack', async () => {
    // Arrange: stop everything, start again on the same ports and data.
    const ports = {
      dynamodb: Number(new URL(stack.services.dynamodbEndpoint).port),
      ses: Number(new URL(stack.services.sesEndpoint).port),
      sqs: Number(new URL(stack.services.sqsEndpoint).port),
    };
    await stack.stop();
    stack = await startLocalStack({
      dataDir,
      ports,
      env: { SOZD_BASE_URL: simulator.url, SOZD_MIN_GAP_MS: '0' },
      visibilityTimeoutSeconds: 1,
    });

    // Act
    await stack.pollBills();
    await stack.sweep();
    await stack.drain();

    // Assert: the emulator's mailbox lives in this process across the restart; it holds no new mail.
    const after = await sentEmails(stack.services.sesEndpoint);
    expect(after.map((sent) => sent.messageId)).toEqual(beforeRestart.map((sent) => sent.messageId));
  });
});
