import { FetchError } from './fetch-error.js';

/** Statuses that carry a Location to follow. */
export const redirectStatuses: ReadonlySet<number> = new Set([301, 302, 303, 307, 308]);

/**
 * Resolves a redirect's Location against the page that sent it, allowing only the same host and port
 * (http → https upgrade included, downgrade refused): this fetcher polls known sites and must not wander off them.
 */
export function sameHostRedirectTarget(from: URL, location: string | undefined): URL {
  if (location === undefined) {
    throw new FetchError(`GET ${from.href} redirected without a Location header`, {
      reason: 'redirect-refused',
      url: from.href,
    });
  }
  let target: URL;
  try {
    target = new URL(location, from);
  } catch (cause) {
    throw new FetchError(`GET ${from.href} redirected to an unparsable Location`, {
      reason: 'redirect-refused',
      url: from.href,
      cause,
    });
  }
  const upgradeOrSame =
    target.protocol === from.protocol || (from.protocol === 'http:' && target.protocol === 'https:');
  if (target.hostname !== from.hostname || target.port !== from.port || !upgradeOrSame) {
    const refusal = `GET ${from.href} redirected off-site to ${target.origin}; only same-host redirects are followed`;
    throw new FetchError(refusal, {
      reason: 'redirect-refused',
      url: from.href,
    });
  }
  return target;
}
