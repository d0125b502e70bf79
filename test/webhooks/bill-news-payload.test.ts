import { describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { EXAMPLE_BILL_NEWS } from '../../shared/webhooks/webhook-examples.js';
import { buildBillNewsPayload, MAX_WEBHOOK_PAYLOAD_BYTES, WebhookPayloadSchema } from '../../shared/webhooks/webhook-payload.js';
import { jsonByteLength } from '../../shared/webhooks/shrink-to-fit.js';

describe('bill.news payload', () => {
  it('builds the bill, the item, why and the alert id, stamped with when the alert was raised', () => {
    // Act
    const payload = buildBillNewsPayload(EXAMPLE_BILL_NEWS, new Date('2025-12-16T12:21:05Z'));

    // Assert
    expect(payload).toEqual({
      type: 'bill.news',
      timestamp: '2025-12-16T12:21:05.000Z',
      data: {
        schemaVersion: 1,
        alertId: 'news:1075342-8:3b9d6c2e71f04a58',
        bill: { number: '1075342-8', title: EXAMPLE_BILL_NEWS.bill.title, url: 'https://sozd.duma.gov.ru/bill/1075342-8' },
        item: {
          title: 'Госдума приняла в первом чтении законопроект № 1075342-8 об информации',
          link: 'http://duma.gov.ru/news/60124/',
          source: 'Госдума: новости',
          publishedAt: '2025-12-16T15:20:00+03:00',
        },
        why: { field: 'title', matchedText: 'законопроект № 1075342-8' },
        truncated: false,
      },
    });
    expect(WebhookPayloadSchema.safeParse(payload).success).toBe(true);
  });

  it('gives null for a bill title, link, date and why that are not known', () => {
    const payload = buildBillNewsPayload(
      { alertId: 'news:1-8:x', bill: { number: '1-8', url: 'https://sozd.duma.gov.ru/bill/1-8' }, item: { title: 'T', source: 'Feed' } },
      new Date('2025-12-16T12:00:00Z'),
    );
    expect(payload.data).toEqual({
      schemaVersion: 1,
      alertId: 'news:1-8:x',
      bill: { number: '1-8', title: null, url: 'https://sozd.duma.gov.ru/bill/1-8' },
      item: { title: 'T', link: null, source: 'Feed', publishedAt: null },
      why: null,
      truncated: false,
    });
  });

  it('keeps an item with a 1 MB title under 20 KB, cutting texts but never the alert id or links', () => {
    // Arrange
    const alertId = `news:1075342-8:${'a'.repeat(300)}`;
    const news = { ...EXAMPLE_BILL_NEWS, alertId, item: { ...EXAMPLE_BILL_NEWS.item, title: 'ж'.repeat(1_000_000) } };

    // Act
    const payload = buildBillNewsPayload(news, new Date('2025-12-16T12:21:05Z'));

    // Assert
    expect(jsonByteLength(payload)).toBeLessThanOrEqual(MAX_WEBHOOK_PAYLOAD_BYTES);
    expect(payload.type === 'bill.news' && [payload.data.truncated, payload.data.item.title.length, payload.data.alertId, payload.data.item.link]).toEqual([
      true,
      2000,
      alertId,
      'http://duma.gov.ru/news/60124/',
    ]);
  });

  it('rejects a malformed bill number with a ZodError instead of sending it', () => {
    const news = { ...EXAMPLE_BILL_NEWS, bill: { ...EXAMPLE_BILL_NEWS.bill, number: 'not-a-bill' } };
    expect(() => buildBillNewsPayload(news, new Date())).toThrow(ZodError);
  });
});
