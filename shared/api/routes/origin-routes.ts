import * as z from 'zod';
import type { CatalogOrigin } from '../../store/origin-catalog.js';
import { ORIGINAL_MARK } from '../../vocabulary/translate-sozd-text.js';
import { standaloneOriginName } from '../../vocabulary/origin-names.js';
import { cacheableResponse } from '../conditional-get.js';
import { jsonResponse } from '../responses.js';
import { defineRoute } from '../route.js';
import { CACHED } from './bill-page-routes.js';

/** The list changes when a passport names a committee or initiator for the first time: a cache may keep it a while. */
const MAX_AGE_SECONDS = 300;

const SeenOriginSchema = z.object({
  /** The id followers of this name share (every spelling of it has the same). */
  id: z.string(),
  /** As the bill's passport writes it: what to send as a committee or initiator to follow. */
  name: z.string(),
  /** The English name from the vocabulary (or transliterated), when there is one. */
  nameEn: z.string().optional(),
  /** When a passport last named it, and the bill that did. */
  lastSeenAt: z.string(),
  lastBill: z.string().optional(),
});

export const SeenOriginListSchema = z.object({ committees: z.array(SeenOriginSchema), initiators: z.array(SeenOriginSchema) });

/** GET /api/origins: the committees and initiators the service has seen in passports, to follow. */
export const seenOriginsRoute = defineRoute({
  method: 'GET',
  path: '/api/origins',
  operationId: 'listSeenOrigins',
  summary:
    'The responsible committees and the initiators the service has read in bills’ passports, by name: any of them can be followed (`committees`, `initiators` of a subscription).',
  tag: 'subscriptions',
  responses: {
    200: { description: 'Committees and initiators, each sorted by name.', json: SeenOriginListSchema },
    ...CACHED,
  },
  async handle({ request, deps }) {
    const seen = await deps.seenOrigins();
    const body: z.infer<typeof SeenOriginListSchema> = { committees: seen.committees.map(listed), initiators: seen.initiators.map(listed) };
    return cacheableResponse(request, jsonResponse(200, body), { scope: 'public', maxAgeSeconds: MAX_AGE_SECONDS });
  },
});

function listed(origin: CatalogOrigin): z.infer<typeof SeenOriginSchema> {
  const english = standaloneOriginName(origin, 'en');
  return {
    id: origin.originId,
    name: origin.name,
    ...(english.startsWith(ORIGINAL_MARK) ? {} : { nameEn: english }),
    // listSeen lists only origins a passport named, so each has its date.
    lastSeenAt: origin.lastSeenAt ?? '',
    ...(origin.lastBill ? { lastBill: origin.lastBill } : {}),
  };
}
