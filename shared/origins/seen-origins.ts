import { cachedFor } from '../runtime/cached-for.js';
import type { CatalogOrigin, OriginCatalogReader } from '../store/origin-catalog.js';

/** The committees and initiators passports have named: what the forms offer and `GET /api/origins` lists. */
export interface SeenOrigins {
  committees: CatalogOrigin[];
  initiators: CatalogOrigin[];
}

/**
 * The seen origins, read at most once per `maxAgeMs`: the sign-up page is public, and every view of it must not read
 * the whole catalog; a committee a passport names for the first time is offered a few minutes later.
 */
export function cachedSeenOrigins(catalog: OriginCatalogReader, options: { maxAgeMs: number; now?: () => number }): () => Promise<SeenOrigins> {
  return cachedFor(async () => {
    const seen = await catalog.listSeen();
    return { committees: seen.filter((origin) => origin.kind === 'committee'), initiators: seen.filter((origin) => origin.kind === 'initiator') };
  }, options);
}
