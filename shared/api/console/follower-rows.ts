import { escapeHtml } from '../../email/html-escape.js';
import type { DeliveryRoute } from '../../store/follower-route-store.js';
import type { ConsoleAppDependencies } from '../api-dependencies.js';
import { CONSOLE_ROOT, consoleHref, link, type ConsoleView } from './console-page.js';

/**
 * The rows of a followers table (a topic's, a committee's or an initiator's): each follower linked to its page (a
 * subscriber by address, an endpoint by id), its channel, frequency and stage filter.
 */
export async function followerRows(routes: readonly DeliveryRoute[], deps: ConsoleAppDependencies, view: ConsoleView): Promise<string[][]> {
  const { words, language } = view;
  const emails = new Map(
    await Promise.all(
      routes
        .filter((route) => route.channel === 'email')
        .map(async (route) => [route.subscriberId, (await deps.subscriptions.get(route.subscriberId, deps.now()))?.email] as const),
    ),
  );
  return routes.map((route) => [
    route.channel === 'email'
      ? link(consoleHref(`${CONSOLE_ROOT}/subscribers`, language, { id: route.subscriberId }), emails.get(route.subscriberId) ?? route.subscriberId)
      : link(consoleHref(`${CONSOLE_ROOT}/endpoints/${route.endpointId ?? route.subscriberId}`, language), route.endpointId ?? route.subscriberId),
    escapeHtml(route.channel),
    escapeHtml(route.frequency),
    escapeHtml(route.stages === 'all' ? words.topics.allStages : route.stages.join(', ')),
  ]);
}

/** The headers of a followers table. */
export function followerHeaders(view: ConsoleView): string[] {
  const columns = view.words.topics.followerColumns;
  return [columns.follower, columns.channel, columns.frequency, columns.stages];
}
