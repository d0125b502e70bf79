import { createHash } from 'node:crypto';

/**
 * The key that recognises an item across fetches: its guid, else its link, else a hash of its title and date
 * normalised (case, spacing, Unicode form), so that a re-published feed with cosmetic changes does not alert twice.
 */
export function feedItemKey(item: { guid?: string; link?: string; title: string; publishedAt?: string }): string {
  if (item.guid) return item.guid;
  if (item.link) return item.link;
  const normalisedTitle = item.title.normalize('NFC').toLowerCase().replace(/\s+/gu, ' ').trim();
  return `sha256:${createHash('sha256').update(`${normalisedTitle}\n${item.publishedAt ?? ''}`).digest('hex')}`;
}
