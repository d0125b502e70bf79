import { createHash } from 'node:crypto';

// Parameters that say who sent the reader, not which page: they change between fetches of one item.
const TRACKING_PARAMETER = /^(?:utm_.*|fbclid|gclid|dclid|gbraid|wbraid|msclkid|yclid|ysclid|_openstat|mc_cid|mc_eid|igshid|ref_src|_ga|_gl)$/iu;

/**
 * The key that recognises an item across fetches: its guid, else its link, else a hash of its title and date
 * normalised (case, spacing, Unicode form), so that a re-published feed with cosmetic changes does not alert twice.
 */
export function feedItemKey(item: { guid?: string; link?: string; title: string; publishedAt?: string }): string {
  if (item.guid) return item.guid;
  if (item.link) return item.link;
  return `sha256:${createHash('sha256').update(`${normaliseTitle(item.title)}\n${item.publishedAt ?? ''}`).digest('hex')}`;
}

/**
 * Every way an item can be recognised as one already seen in its feed, though its guid changed (http → https, a
 * re-publication) or a tracking parameter did: its guid, its normalised link ({@link normaliseLink}; a guid that is a
 * URL counts as a link), and its normalised title with its date. An item is new only when none was seen before.
 */
export function feedItemIdentities(item: { guid?: string; link?: string; title: string; publishedAt?: string }): string[] {
  const guidLink = item.guid ? normaliseLink(item.guid) : undefined;
  const link = item.link ? normaliseLink(item.link) : undefined;
  const identities = [
    guidLink ? `link:${guidLink}` : item.guid ? `guid:${item.guid}` : undefined,
    link ? `link:${link}` : undefined,
    item.publishedAt || (!item.guid && !link) ? `title:${normaliseTitle(item.title)}\n${item.publishedAt ?? ''}` : undefined,
  ];
  return [...new Set(identities.filter((identity): identity is string => identity !== undefined))];
}

/**
 * A link as the page it names, whatever way it was written: no scheme (http and https are one page), no `www.`, no
 * fragment, no tracking parameters (utm_*, fbclid, gclid, yclid…), the rest of the query sorted, no trailing slash.
 * @returns undefined for anything but an http(s) URL
 */
export function normaliseLink(link: string): string | undefined {
  let url: URL;
  try {
    url = new URL(link.trim());
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  const host = url.host.replace(/^www\./u, '');
  const path = url.pathname.replace(/\/+$/u, '');
  const query = [...url.searchParams]
    .filter(([name]) => !TRACKING_PARAMETER.test(name))
    .sort(([a, aValue], [b, bValue]) => a.localeCompare(b) || aValue.localeCompare(bValue))
    .map(([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(value)}`)
    .join('&');
  return `${host}${path}${query ? `?${query}` : ''}`;
}

function normaliseTitle(title: string): string {
  return title.normalize('NFC').toLowerCase().replace(/\s+/gu, ' ').trim();
}
