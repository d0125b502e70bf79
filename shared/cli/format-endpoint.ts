import type { EndpointDeliveryRecord } from '../store/endpoint-delivery-store.js';
import type { Endpoint } from '../webhooks/endpoint.js';
import { plural } from './plural.js';

/** `active`, or `disabled (gone) at <time>`: whether an endpoint receives, and if not, why and since when. */
export function endpointState(endpoint: Endpoint): string {
  if (endpoint.status === 'active') return 'active';
  return `disabled (${endpoint.disabledReason ?? 'unknown reason'}) at ${endpoint.disabledAt ?? 'an unknown time'}`;
}

/** One endpoint: `id  kind  state  frequency  url  bills: a, b`. */
export function formatEndpoint(endpoint: Endpoint): string {
  const bills = endpoint.bills.length > 0 ? endpoint.bills.join(', ') : 'none';
  return `${endpoint.id}  ${endpoint.kind}  ${endpointState(endpoint)}  ${endpoint.frequency}  ${endpoint.url}  bills: ${bills}`;
}

/** One row of a delivery log: `created  event  changeId  status  attempts  last result`. */
export function formatDelivery(record: EndpointDeliveryRecord): string {
  return `${record.createdAt}  ${record.event}  ${record.changeId}  ${record.status}  ${plural(record.attempts, 'attempt')}  ${record.lastResult ?? '-'}`;
}
