import { readFileSync } from 'node:fs';
import { Webhook } from 'standardwebhooks';
import { describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import type { BillChange } from '../../shared/bill/bill-change.js';
import { eventChangeId } from '../../shared/bill/diff-bills.js';
import { EXAMPLE_BILL_CHANGE, EXAMPLE_TOPIC_MATCH, webhookExamples } from '../../shared/webhooks/webhook-examples.js';
import {
  buildBillChangedPayload,
  buildPingPayload,
  buildTopicMatchedPayload,
  MAX_WEBHOOK_PAYLOAD_BYTES,
  WebhookPayloadSchema,
} from '../../shared/webhooks/webhook-payload.js';
import { buildWebhookRequest } from '../../shared/webhooks/webhook-request.js';
import { generateWebhookSecret } from '../../shared/webhooks/webhook-signature.js';
import { jsonByteLength, PayloadTooLargeError } from '../../shared/webhooks/shrink-to-fit.js';

/** A change far over any limit: 5 000 documents, a 200 KB decision, a 50 KB title, a 40 KB status. */
function hugeChange(): BillChange {
  const event = EXAMPLE_BILL_CHANGE.event!;
  return {
    ...EXAMPLE_BILL_CHANGE,
    billTitle: 'Законопроект '.repeat(4_000),
    event: {
      ...event,
      decisions: ['Принять 😀 законопроект '.repeat(8_000), ...Array.from({ length: 300 }, (_, i) => `Решение ${i}`)],
      documents: Array.from({ length: 5_000 }, (_, i) => ({
        title: `Документ ${i} `.repeat(100),
        url: `https://sozd.duma.gov.ru/download/doc-${i}`,
      })),
    },
    facts: [
      { type: 'new-event' },
      { type: 'status-changed', from: 'Статус '.repeat(5_000), to: 'Новый статус', archived: false },
      { type: 'law-number-assigned', lawNumber: '353-ФЗ' },
    ],
  };
}

describe('bill.changed payload', () => {
  it('carries the bill, the event and every fact as old → new', () => {
    // Act
    const payload = buildBillChangedPayload(EXAMPLE_BILL_CHANGE);

    // Assert
    expect(payload).toEqual({
      type: 'bill.changed',
      timestamp: '2025-12-16T11:52:07.000Z',
      data: {
        schemaVersion: 1,
        changeId: '1075342-8:3f1c2a9e-5b7d-4c1e-9a2f-6d8e0b4c7a11:event',
        kind: 'event',
        detectedAt: '2025-12-16T11:52:07.000Z',
        bill: {
          number: '1075342-8',
          title: EXAMPLE_BILL_CHANGE.billTitle,
          url: 'https://sozd.duma.gov.ru/bill/1075342-8',
        },
        event: {
          id: '3f1c2a9e-5b7d-4c1e-9a2f-6d8e0b4c7a11',
          eventNumber: '3.1',
          name: 'Рассмотрение законопроекта в первом чтении',
          nameEn: 'First reading of the bill',
          stage: { id: 3, name: 'Рассмотрение законопроекта в первом чтении', nameEn: 'First reading' },
          date: '2025-12-16T14:39:34+03:00',
          decisions: ['Принять законопроект в первом чтении'],
          decisionsEn: ['adopt the bill in the first reading'],
          protocol: '№ 112(1) п. 7',
          lawNumber: null,
          publication: null,
          documents: [
            {
              title: 'Постановление ГД № 4521-8 ГД',
              titleEn: '(original, Russian): Постановление ГД № 4521-8 ГД',
              url: 'https://sozd.duma.gov.ru/download/8C6E3B1D-2F4A-4E5B-9C7D-1A2B3C4D5E6F',
            },
          ],
        },
        facts: [
          { type: 'new-event' },
          {
            type: 'stage-changed',
            old: { id: 2, name: 'Предварительное рассмотрение законопроекта', nameEn: 'Preliminary consideration' },
            new: { id: 3, name: 'Рассмотрение законопроекта в первом чтении', nameEn: 'First reading' },
          },
        ],
        truncated: false,
      },
    });
    expect(WebhookPayloadSchema.parse(payload)).toEqual(payload);
  });

  it('sends a status change without an event as event null, with status, law number and publication as old → new', () => {
    // Arrange
    const change: BillChange = {
      ...EXAMPLE_BILL_CHANGE,
      id: '1075342-8:status:archived',
      kind: 'status',
      event: undefined,
      facts: [
        { type: 'status-changed', from: 'На рассмотрении', to: 'В архиве', archived: true },
        { type: 'law-number-assigned', lawNumber: '353-ФЗ' },
        { type: 'published', publication: 'Российская газета, № 280' },
      ],
    };

    // Act
    const payload = buildBillChangedPayload(change);

    // Assert
    expect(payload.type === 'bill.changed' && { event: payload.data.event, facts: payload.data.facts }).toEqual({
      event: null,
      facts: [
        { type: 'status-changed', old: 'На рассмотрении', new: 'В архиве', oldEn: 'Under consideration', newEn: 'Archived', archived: true },
        { type: 'law-number-assigned', old: null, new: '353-ФЗ' },
        { type: 'published', old: null, new: 'Российская газета, № 280' },
      ],
    });
  });

  it('keeps a huge change under 20 KB, marks it truncated, and keeps identifiers, links and facts intact', () => {
    // Arrange
    const change = hugeChange();

    // Act
    const payload = buildBillChangedPayload(change);

    // Assert
    expect(jsonByteLength(change)).toBeGreaterThan(1_000_000);
    expect(jsonByteLength(payload)).toBeLessThanOrEqual(MAX_WEBHOOK_PAYLOAD_BYTES);
    const data = WebhookPayloadSchema.parse(payload).data;
    if (!('changeId' in data)) throw new Error('not a bill.changed payload');
    expect(data.truncated).toBe(true);
    expect([data.changeId, data.bill.number, data.bill.url]).toEqual([change.id, '1075342-8', change.billUrl]);
    expect(data.facts.map((fact) => fact.type)).toEqual(['new-event', 'status-changed', 'law-number-assigned']);
    expect(data.event?.documents[9]).toEqual({
      title: `${Array.from('Документ 9 '.repeat(100)).slice(0, 199).join('')}…`,
      titleEn: `${Array.from(`(original, Russian): ${'Документ 9 '.repeat(100).trim()}`).slice(0, 199).join('')}…`,
      url: 'https://sozd.duma.gov.ru/download/doc-9',
    });
    expect([data.event?.documents.length, data.event?.decisions.length, Array.from(data.bill.title).length]).toEqual([10, 10, 200]);
  });

  it('refuses with PayloadTooLargeError when a link alone is over the limit, rather than cutting the link', () => {
    const change: BillChange = { ...EXAMPLE_BILL_CHANGE, billUrl: `https://sozd.duma.gov.ru/bill/1075342-8?${'a'.repeat(25_000)}` };
    expect(() => buildBillChangedPayload(change)).toThrow(PayloadTooLargeError);
  });
});

describe('topic.matched payload', () => {
  it('carries the topic, the item and why it matched, including extra reasons the matcher adds', () => {
    // Arrange
    const match = { ...EXAMPLE_TOPIC_MATCH, why: { ...EXAMPLE_TOPIC_MATCH.why, score: 2.5 } };

    // Act
    const payload = buildTopicMatchedPayload(match, new Date('2025-12-16T12:06:41Z'));

    // Assert
    expect(payload).toEqual({
      type: 'topic.matched',
      timestamp: '2025-12-16T12:06:41.000Z',
      data: {
        schemaVersion: 1,
        topic: { id: 'topic_7f3a', query: 'маркетплейсы OR "платформенная экономика"' },
        item: {
          title: 'Госдума приняла в первом чтении законопроект о платформенной экономике',
          link: 'http://duma.gov.ru/news/60123/',
          source: 'duma.gov.ru',
          publishedAt: '2025-12-16T15:05:00+03:00',
          summary: 'Законопроект устанавливает правила работы маркетплейсов и агрегаторов.',
        },
        why: { matchedWords: ['платформенной экономике'], fields: ['title'], score: 2.5 },
        truncated: false,
      },
    });
  });

  it('keeps a match with a 1 MB summary under 20 KB', () => {
    const match = { ...EXAMPLE_TOPIC_MATCH, item: { ...EXAMPLE_TOPIC_MATCH.item, summary: 'ж'.repeat(500_000) } };
    const payload = buildTopicMatchedPayload(match, new Date('2025-12-16T12:06:41Z'));
    expect(jsonByteLength(payload)).toBeLessThanOrEqual(MAX_WEBHOOK_PAYLOAD_BYTES);
    expect(payload.type === 'topic.matched' && [payload.data.truncated, payload.data.item.summary?.length]).toEqual([true, 2000]);
  });

  it('rejects a malformed match with a ZodError instead of sending it', () => {
    const match = { ...EXAMPLE_TOPIC_MATCH, item: { ...EXAMPLE_TOPIC_MATCH.item, link: 'not a url' } };
    expect(() => buildTopicMatchedPayload(match, new Date())).toThrow(ZodError);
  });
});

describe('ping payload and the delivery request', () => {
  it('builds a ping that, signed and serialised, verifies and parses back to the same payload', () => {
    // Arrange
    const secret = generateWebhookSecret();
    const payload = buildPingPayload(new Date('2025-12-16T12:00:00Z'));

    // Act
    const request = buildWebhookRequest({ deliveryId: 'd-1', payload, secrets: [secret], sentAt: new Date() });

    // Assert
    expect(payload).toEqual({
      type: 'ping',
      timestamp: '2025-12-16T12:00:00.000Z',
      data: { schemaVersion: 1, message: 'duma-alerts test delivery: your endpoint is reachable.' },
    });
    expect(request.headers['content-type']).toBe('application/json');
    expect(new Webhook(secret).verify(request.body, request.headers)).toEqual(payload);
  });
});

describe('docs/webhooks.md', () => {
  it('shows exactly the payloads the code builds, one per event type', () => {
    const docs = readFileSync(new URL('../../docs/webhooks.md', import.meta.url), 'utf8');
    const examples = Object.values(webhookExamples());
    expect(examples.map((example) => docs.includes(`\`\`\`json\n${JSON.stringify(example, null, 2)}\n\`\`\``))).toEqual([true, true, true, true, true, true]);
    expect(examples.map((example) => WebhookPayloadSchema.safeParse(example).success)).toEqual([true, true, true, true, true, true]);
  });

  it("gives bill.changed the changeId the diff gives an event's change (<bill>:<event id>:event)", () => {
    const { data } = webhookExamples()['bill.changed'] as { data: { changeId: string; bill: { number: string }; event: { id: string } } };

    expect(data.changeId).toBe(eventChangeId(data.bill.number, data.event.id));
  });
});
