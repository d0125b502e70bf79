import { SafeHttpTimeoutError } from './safe-http-client.js';
import { BlockedAddressError } from './ssrf-guard.js';

/** A request's failure as a delivery log shows it: `timeout`, `blocked: <why>`, or `network: <message>` (bounded). */
export function describeRequestError(error: unknown): string {
  if (error instanceof SafeHttpTimeoutError) return 'timeout';
  if (error instanceof BlockedAddressError) return `blocked: ${error.reason}`;
  return `network: ${error instanceof Error ? error.message : String(error)}`.slice(0, 300);
}
