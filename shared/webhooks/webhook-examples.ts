import type { BillChange } from '../bill/bill-change.js';
import { eventChangeId } from '../bill/diff-bills.js';
import { buildBillChangedPayload, buildBillDroppedPayload, buildBillNewPayload, buildBillNewsPayload, buildPingPayload, buildTopicMatchedPayload } from './webhook-payload.js';
import type { BillNews, TopicMatch, WebhookEventType, WebhookPayload } from './webhook-payload.js';

/** A bill passing first reading: the change the docs and the Slack preview show. */
export const EXAMPLE_BILL_CHANGE: BillChange = {
  id: eventChangeId('1075342-8', '3f1c2a9e-5b7d-4c1e-9a2f-6d8e0b4c7a11'),
  kind: 'event',
  billNumber: '1075342-8',
  billTitle: 'О внесении изменений в Федеральный закон «Об информации, информационных технологиях и о защите информации»',
  billUrl: 'https://sozd.duma.gov.ru/bill/1075342-8',
  detectedAt: '2025-12-16T11:52:07.000Z',
  event: {
    id: '3f1c2a9e-5b7d-4c1e-9a2f-6d8e0b4c7a11',
    eventNumber: '3.1',
    name: 'Рассмотрение законопроекта в первом чтении',
    stage: { id: 3, name: 'Рассмотрение законопроекта в первом чтении' },
    date: '2025-12-16T14:39:34+03:00',
    decisions: ['Принять законопроект в первом чтении'],
    protocol: '№ 112(1) п. 7',
    documents: [
      {
        id: '8C6E3B1D-2F4A-4E5B-9C7D-1A2B3C4D5E6F',
        title: 'Постановление ГД № 4521-8 ГД',
        url: 'https://sozd.duma.gov.ru/download/8C6E3B1D-2F4A-4E5B-9C7D-1A2B3C4D5E6F',
      },
    ],
  },
  facts: [
    { type: 'new-event' },
    {
      type: 'stage-changed',
      from: { id: 2, name: 'Предварительное рассмотрение законопроекта' },
      to: { id: 3, name: 'Рассмотрение законопроекта в первом чтении' },
    },
  ],
};

/** A news item that matched a topic. */
export const EXAMPLE_TOPIC_MATCH: TopicMatch = {
  topic: { id: 'topic_7f3a', query: 'маркетплейсы OR "платформенная экономика"' },
  item: {
    title: 'Госдума приняла в первом чтении законопроект о платформенной экономике',
    link: 'http://duma.gov.ru/news/60123/',
    source: 'duma.gov.ru',
    publishedAt: '2025-12-16T15:05:00+03:00',
    summary: 'Законопроект устанавливает правила работы маркетплейсов и агрегаторов.',
  },
  why: { matchedWords: ['платформенной экономике'], fields: ['title'] },
};

/** A news item naming the example bill ("in the news"). */
export const EXAMPLE_BILL_NEWS: BillNews = {
  alertId: 'news:1075342-8:3b9d6c2e71f04a58',
  bill: {
    number: '1075342-8',
    title: EXAMPLE_BILL_CHANGE.billTitle,
    url: EXAMPLE_BILL_CHANGE.billUrl,
  },
  item: {
    title: 'Госдума приняла в первом чтении законопроект № 1075342-8 об информации',
    link: 'http://duma.gov.ru/news/60124/',
    source: 'Госдума: новости',
    publishedAt: '2025-12-16T15:20:00+03:00',
  },
  why: { field: 'title', matchedText: 'законопроект № 1075342-8' },
};

/** One real payload per event type, built by the same code that builds deliveries; docs/webhooks.md shows them. */
export function webhookExamples(): Record<WebhookEventType, WebhookPayload> {
  return {
    'bill.changed': buildBillChangedPayload(EXAMPLE_BILL_CHANGE),
    'topic.matched': buildTopicMatchedPayload(EXAMPLE_TOPIC_MATCH, new Date('2025-12-16T12:06:41.000Z')),
    'bill.news': buildBillNewsPayload(EXAMPLE_BILL_NEWS, new Date('2025-12-16T12:21:05.000Z')),
    'bill.new': buildBillNewPayload(
      {
        alertId: 'new-bill:o6c1f0e3a5b2d4c7e9f8a1b3c:1075342-8',
        bill: { number: '1075342-8', title: EXAMPLE_BILL_CHANGE.billTitle, url: EXAMPLE_BILL_CHANGE.billUrl },
        origin: { kind: 'committee', name: 'Комитет Государственной Думы по информационной политике, информационным технологиям и связи', nameEn: 'State Duma Committee on Information Policy, Information Technology and Communications' },
      },
      new Date('2025-12-16T12:30:00.000Z'),
    ),
    'bill.dropped': buildBillDroppedPayload('dropped:1234567-8:2026-01-05T06:00:00.000Z', '1234567-8', new Date('2026-01-05T06:00:00.000Z')),
    ping: buildPingPayload(new Date('2025-12-16T12:00:00.000Z')),
  };
}
