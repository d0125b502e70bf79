import type { EndpointDeliveryRecord } from '../store/endpoint-delivery-store.js';
import type { Endpoint } from '../webhooks/endpoint.js';
import { plural } from './plural.js';

/** `active`, or `disabled (gone) at <time>`: whether an endpoint receives, and if not, why and since when. */
export function endpointState(endpoint: Endpoint): string {
  if (endpoint.status === 'active') return 'active';
  return `disabled (${endpoint.disabledReason ?? 'unknown reason'}) at ${endpoint.disabledAt ?? 'an unknown time'}`;
}

/** One endpoint: `id  kind  state  frequency  url  bills: a, b`, then what it follows of committees and initiators, if any. */
export function formatEndpoint(endpoint: Endpoint): string {
  const bills = endpoint.bills.length > 0 ? endpoint.bills.join(', ') : 'none';
  const origins = (endpoint.committees?.length ?? 0) + (endpoint.initiators?.length ?? 0) > 0 ? `  ${formatOrigins(endpoint)}` : '';
  return `${endpoint.id}  ${endpoint.kind}  ${endpointState(endpoint)}  ${endpoint.frequency}  ${endpoint.url}  bills: ${bills}${origins}`;
}

/** `committees: A; B  initiators: none`: names hold commas, so they are set apart by semicolons. */
export function formatOrigins(endpoint: Pick<Endpoint, 'committees' | 'initiators'>): string {
  const list = (names: readonly string[] | undefined) => (names && names.length > 0 ? names.join('; ') : 'none');
  return `committees: ${list(endpoint.committees)}  initiators: ${list(endpoint.initiators)}`;
}

/** One row of a delivery log: `created  event  changeId  status  attempts  last result`. */
export function formatDelivery(record: EndpointDeliveryRecord): string {
  return `${record.createdAt}  ${record.event}  ${record.changeId}  ${record.status}  ${plural(record.attempts, 'attempt')}  ${record.lastResult ?? '-'}`;
}
