import type { EmailHeader } from './mailer.js';

/**
 * The RFC 2369 `List-Unsubscribe` and RFC 8058 one-click `List-Unsubscribe-Post` headers for an unsubscribe URL.
 * Gmail and Yahoo require both from bulk senders; the URL must accept a POST without further confirmation.
 */
export function listUnsubscribeHeaders(url: string): EmailHeader[] {
  const parsed = new URL(url);
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    throw new RangeError(`an unsubscribe URL must be http(s): ${url}`);
  }
  return [
    { name: 'List-Unsubscribe', value: `<${parsed.href}>` },
    { name: 'List-Unsubscribe-Post', value: 'List-Unsubscribe=One-Click' },
  ];
}
