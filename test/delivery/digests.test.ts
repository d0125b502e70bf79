import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sendDueDigests } from '../../shared/digests/send-digests.js';
import { registerEndpoint } from '../../shared/webhooks/endpoint-service.js';
import { sentEmails } from '../support/ses-store.js';
import { exampleChange, startDeliveryHarness, type DeliveryHarness } from './delivery-harness.js';
import { startWebhookReceiver, type WebhookReceiver } from './webhook-receiver.js';

/*
 * Daily and weekly digests on real local services: changes are fanned out onto digest lists and send-digests runs
 * at chosen instants of an injected clock, as the hourly schedule would. Digests go out at 08:00 local time.
 */

const HOUR = 3_600_000;

describe('digests', () => {
  let receiver: WebhookReceiver;
  let h: DeliveryHarness;

  beforeEach(async () => {
    receiver = await startWebhookReceiver();
    h = await startDeliveryHarness({ allowHosts: [receiver.hostPort], startAt: new Date('2026-03-28T20:00:00Z') });
  });
  afterEach(async () => {
    await h.stop();
    await receiver.close();
  });

  /** Runs send-digests at an instant and returns the addresses mailed by that run, in order. */
  async function runAt(iso: string): Promise<string[]> {
    const before = (await sentEmails(h.services.sesEndpoint)).length;
    h.clock.set(new Date(iso));
    await sendDueDigests(h.deps.digests);
    return (await sentEmails(h.services.sesEndpoint)).slice(before).map((mail) => mail.destination.to[0]!);
  }

  it('sends a London daily digest at 08:00 BST on the day clocks go forward (2026-03-29), not an hour later or earlier', async () => {
    // Arrange
    await h.addEmailFollower({ id: 's-london', email: 'london@example.org', timeZone: 'Europe/London', frequency: 'daily' });
    await h.publish([exampleChange(1), exampleChange(2)]);

    // Act
    const sent = [await runAt('2026-03-29T06:59:00Z'), await runAt('2026-03-29T07:00:00Z'), await runAt('2026-03-29T08:00:00Z')];

    // Assert
    expect(sent).toEqual([[], ['london@example.org'], []]);
    const [digest] = await sentEmails(h.services.sesEndpoint);
    expect(digest?.subject).toBe('duma-alerts: 2 changes in 1 bill');
    expect(digest?.body.text?.match(/Bill 1075342-8/g)).toHaveLength(2);
  });

  it('sends a London daily digest at 08:00 GMT on the day clocks go back (2026-10-25)', async () => {
    // Arrange
    h.clock.set(new Date('2026-10-24T20:00:00Z'));
    await h.addEmailFollower({ id: 's-london', email: 'london@example.org', timeZone: 'Europe/London', frequency: 'daily' });
    await h.publish([exampleChange(3)]);

    // Act
    const sent = [await runAt('2026-10-25T07:00:00Z'), await runAt('2026-10-25T07:59:59Z'), await runAt('2026-10-25T08:00:00Z')];

    // Assert
    expect(sent).toEqual([[], [], ['london@example.org']]);
  });

  it('sends each subscriber one digest at 08:00 in their own time zone over a day of hourly runs', async () => {
    // Arrange: queued at 20:00 UTC on 28 March.
    await h.addEmailFollower({ id: 's-tokyo', email: 'tokyo@example.org', timeZone: 'Asia/Tokyo', frequency: 'daily' });
    await h.addEmailFollower({ id: 's-ny', email: 'ny@example.org', timeZone: 'America/New_York', frequency: 'daily' });
    await h.addEmailFollower({ id: 's-moscow', email: 'moscow@example.org', frequency: 'daily' }); // no zone: Moscow
    await h.publish([exampleChange(4)]);

    // Act
    const byHour: Record<string, string[]> = {};
    for (let hour = 1; hour <= 24; hour++) {
      const at = new Date(Date.parse('2026-03-28T20:00:00Z') + hour * HOUR).toISOString();
      const sent = await runAt(at);
      if (sent.length > 0) byHour[at] = sent;
    }

    // Assert: Tokyo 08:00 JST = 23:00 UTC; Moscow 08:00 MSK = 05:00 UTC; New York 08:00 EDT = 12:00 UTC.
    expect(byHour).toEqual({
      '2026-03-28T23:00:00.000Z': ['tokyo@example.org'],
      '2026-03-29T05:00:00.000Z': ['moscow@example.org'],
      '2026-03-29T12:00:00.000Z': ['ny@example.org'],
    });
  });

  it('sends nothing when nothing changed', async () => {
    // Arrange
    await h.addEmailFollower({ id: 's-london', email: 'london@example.org', timeZone: 'Europe/London', frequency: 'daily' });

    // Act
    const summary = await (async () => {
      h.clock.set(new Date('2026-03-29T07:00:00Z'));
      return sendDueDigests(h.deps.digests);
    })();

    // Assert
    expect(summary).toEqual({ digestsSent: 0, changesSent: 0, failed: 0 });
    expect(await sentEmails(h.services.sesEndpoint)).toEqual([]);
  });

  it('puts a change in exactly one digest, even when it is fanned out again before and after that digest', async () => {
    // Arrange
    await h.addEmailFollower({ id: 's-london', email: 'london@example.org', timeZone: 'Europe/London', frequency: 'daily' });
    await h.publish([exampleChange(5)]);
    await h.publish([exampleChange(5)]); // a duplicate fan-out message

    // Act
    const first = await runAt('2026-03-29T07:00:00Z');
    h.clock.set(new Date('2026-03-29T12:00:00Z'));
    await h.publish([exampleChange(5), exampleChange(6)]); // a late duplicate of 5 with a new change 6
    const second = await runAt('2026-03-30T07:00:00Z');
    const third = await runAt('2026-03-31T07:00:00Z');

    // Assert
    expect([first, second, third]).toEqual([['london@example.org'], ['london@example.org'], []]);
    const [one, two] = await sentEmails(h.services.sesEndpoint);
    expect([one?.subject, two?.subject]).toEqual(['duma-alerts: 1 change in 1 bill', 'duma-alerts: 1 change in 1 bill']);
    expect(two?.body.text).toContain('test-6');
    expect(two?.body.text).not.toContain('test-5');
  });

  it('sends a weekly digest on Monday at 08:00 local time only', async () => {
    // Arrange: queued on Saturday 28 March.
    await h.addEmailFollower({ id: 's-weekly', email: 'weekly@example.org', timeZone: 'Europe/London', frequency: 'weekly' });
    await h.publish([exampleChange(7)]);

    // Act
    const sunday = await runAt('2026-03-29T07:00:00Z');
    const monday = await runAt('2026-03-30T07:00:00Z');

    // Assert
    expect([sunday, monday]).toEqual([[], ['weekly@example.org']]);
  });

  it('sends a Slack channel on a daily digest one Block Kit message with every change', async () => {
    // Arrange
    const { endpoint } = await registerEndpoint(h.deps.service, {
      kind: 'slack',
      url: `${receiver.origin}/slack`,
      ownerEmail: 'owner@example.org',
      bills: ['1075342-8'],
      language: 'en',
      frequency: 'daily',
      timeZone: 'Europe/London',
    });
    await h.deliverQueued(); // the test message
    await h.publish([exampleChange(8), exampleChange(9)]);

    // Act
    h.clock.set(new Date('2026-03-29T07:00:00Z'));
    const summary = await sendDueDigests(h.deps.digests);

    // Assert
    expect(summary).toEqual({ digestsSent: 1, changesSent: 2, failed: 0 });
    const messages = receiver.hitsTo('/slack').map((hit) => JSON.parse(hit.body) as { text: string; blocks: { type: string }[] });
    expect(messages.map((message) => message.text)).toEqual([
      'duma-alerts test message: this channel will receive bill alerts.',
      'duma-alerts digest: 2 change(s)',
    ]);
    expect(messages[1]?.blocks.filter((block) => block.type === 'header')).toHaveLength(3);
    expect(endpoint.frequency).toBe('daily');
  });
});
