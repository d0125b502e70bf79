import type { TopicStore } from '../store/topic-store.js';
import type { AlertItem } from '../topics/alert.js';
import type { TopicDocument } from '../topics/prepared-document.js';
import type { TopicCatalog, TopicCatalogEntry } from './topic-catalog.js';
import { fanOutAlert, topicFollowers, type AlertFanOutDependencies } from './topic-fan-out.js';

export interface TopicAlertDependencies extends AlertFanOutDependencies {
  topics: TopicStore;
  topicCatalog: () => Promise<TopicCatalog>;
  now: () => Date;
}

/**
 * Matches an item against every topic and raises one alert per matching topic (id: topic key + `sourceId`,
 * the item's own stable id), saying which words were found where, to that topic's followers.
 * @returns the catalog entries that matched.
 */
export async function alertTopicMatches(
  deps: TopicAlertDependencies,
  item: AlertItem,
  document: TopicDocument,
  sourceId: string,
): Promise<TopicCatalogEntry[]> {
  const catalog = await deps.topicCatalog();
  const matches = catalog.match(document);
  for (const { entry, explanation } of matches) {
    await fanOutAlert(
      deps,
      {
        kind: 'topic-match',
        id: `topic:${entry.key}:${sourceId}`,
        createdAt: deps.now().toISOString(),
        item,
        topic: { key: entry.key, query: entry.query },
        why: explanation.hits,
      },
      topicFollowers(deps.topics, entry.topicIds),
    );
  }
  return matches.map(({ entry }) => entry);
}
