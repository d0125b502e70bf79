import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDocumentClient } from '../../shared/aws/clients.js';
import { createLogger } from '../../shared/log/logger.js';
import { cachedTopicCatalog, loadTopicCatalog } from '../../shared/pipeline/topic-catalog.js';
import { topicIdForQuery } from '../../shared/store/subscription-store.js';
import { gsi1, keys } from '../../shared/store/table-schema.js';
import { startFeedsHarness, type FeedsHarness } from '../feeds/support/feeds-harness.js';

let harness: FeedsHarness;
beforeAll(async () => {
  harness = await startFeedsHarness();
});
afterAll(async () => {
  await harness.stop();
});

const logger = createLogger('test');
const DOCUMENT = { fields: { title: 'Закон об экстрадиции и налогах' } };

describe('the topic catalog', () => {
  it('indexes one entry per query meaning, with every topic that writes it, and leaves out a stored query that no longer parses', async () => {
    const world = await harness.newWorld([]);
    await world.subscribe('a@example.org', { topics: ['экстрадиция', 'налоги'] });
    await world.subscribe('b@example.org', { topics: ['Экстрадиции'] });
    const broken = { topicId: 'tbroken', query: 'NOT налоги' };
    await createDocumentClient().send(
      new PutCommand({ TableName: world.config.tableName, Item: { ...keys.topic(broken.topicId), ...broken, GSI1PK: gsi1.topics, GSI1SK: broken.query } }),
    );

    const catalog = await loadTopicCatalog(world.stores.topics, logger);
    const matches = catalog.match(DOCUMENT);

    expect(catalog.size).toBe(2);
    expect(matches.map(({ entry }) => [entry.query, [...entry.topicIds].sort()])).toEqual([
      ['Экстрадиции', [topicIdForQuery('Экстрадиции'), topicIdForQuery('экстрадиция')].sort()],
      ['налоги', [topicIdForQuery('налоги')]],
    ]);
  });

  it('is built once while fresh and rebuilt after maxAgeMs, picking up new topics', async () => {
    const world = await harness.newWorld([]);
    await world.subscribe('a@example.org', { topics: ['экстрадиция'] });
    let clock = 0;
    const catalog = cachedTopicCatalog(world.stores.topics, logger, { maxAgeMs: 1000, now: () => clock });

    const first = await catalog();
    await world.subscribe('b@example.org', { topics: ['налоги'] });
    const cached = await catalog();
    clock = 1001;
    const rebuilt = await catalog();

    expect(cached).toBe(first);
    expect([first.size, rebuilt.size]).toEqual([1, 2]);
  });
});
