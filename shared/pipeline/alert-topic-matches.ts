import type { TopicStore } from '../store/topic-store.js';
import type { AlertItem } from '../topics/alert.js';
import type { TopicDocument } from '../topics/prepared-document.js';
import type { TopicCatalog, TopicCatalogEntry } from './topic-catalog.js';
import { raiseAlert, topicFollowers, type AlertFanOutDependencies } from './topic-fan-out.js';

export interface TopicAlertDependencies extends AlertFanOutDependencies {
  topics: TopicStore;
  topicCatalog: () => Promise<TopicCatalog>;
  now: () => Date;
}

/**
 * Matches an item against every topic and raises one alert per matching topic (id: topic key + `sourceId`,
 * the item's own stable id), saying which words were found where, routed to each of that topic's followers as
 * they chose (channel, frequency); `passesStages` tells whether a follower's stage filter lets the item through.
 * @returns the catalog entries that matched.
 */
export async function alertTopicMatches(
  deps: TopicAlertDependencies,
  item: AlertItem,
  document: TopicDocument,
  sourceId: string,
  passesStages?: (stages: readonly number[]) => boolean,
): Promise<TopicCatalogEntry[]> {
  const catalog = await deps.topicCatalog();
  const matches = catalog.match(document);
  for (const { entry, explain } of matches) {
    await raiseAlert(
      deps,
      {
        kind: 'topic-match',
        id: `topic:${entry.key}:${sourceId}`,
        createdAt: deps.now().toISOString(),
        item,
        topic: { key: entry.key, query: entry.query },
        why: explain().hits,
      },
      topicFollowers(deps.topics, entry.topicIds),
      passesStages,
    );
  }
  return matches.map(({ entry }) => entry);
}
