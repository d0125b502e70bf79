import type { EndpointStore } from '../store/endpoint-store.js';
import type { Endpoint } from '../webhooks/endpoint.js';

/** Every endpoint in registration order, read page after page (an operator's listing, not a hot path). */
export async function allEndpoints(endpoints: Pick<EndpointStore, 'list'>): Promise<Endpoint[]> {
  const all: Endpoint[] = [];
  let cursor: string | undefined;
  do {
    const page = await endpoints.list({ limit: 100, ...(cursor ? { cursor } : {}) });
    all.push(...page.items);
    cursor = page.cursor;
  } while (cursor);
  return all;
}
