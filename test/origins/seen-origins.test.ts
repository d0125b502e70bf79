import { describe, expect, it } from 'vitest';
import { cachedSeenOrigins } from '../../shared/origins/seen-origins.js';
import type { CatalogOrigin, OriginCatalogReader } from '../../shared/store/origin-catalog.js';

const BUDGET: CatalogOrigin = { originId: 'o1', kind: 'committee', name: 'Комитет Государственной Думы по бюджету и налогам', lastSeenAt: '2026-12-01T09:00:00.000Z' };
const GOVERNMENT: CatalogOrigin = { originId: 'o2', kind: 'initiator', name: 'Правительство Российской Федерации', lastSeenAt: '2026-12-01T09:00:00.000Z' };

/** A catalog that answers each read with the next of `answers` (an Error is thrown), counting the reads. */
function catalogAnswering(...answers: Array<CatalogOrigin[] | Error>): OriginCatalogReader & { reads: number } {
  const catalog = {
    reads: 0,
    async listSeen() {
      const answer = answers[Math.min(catalog.reads++, answers.length - 1)]!;
      if (answer instanceof Error) throw answer;
      return answer;
    },
  };
  return catalog;
}

describe('the seen committees and initiators the api function offers', () => {
  it('splits the catalog by kind and reads it once while fresh, again once maxAgeMs has passed', async () => {
    let clock = 0;
    const catalog = catalogAnswering([BUDGET, GOVERNMENT], [BUDGET]);
    const seen = cachedSeenOrigins(catalog, { maxAgeMs: 60_000, now: () => clock });

    const first = await seen();
    clock = 60_000;
    const fresh = await seen();
    clock = 60_001;
    const reread = await seen();

    expect(first).toEqual({ committees: [BUDGET], initiators: [GOVERNMENT] });
    expect(fresh).toBe(first);
    expect(reread).toEqual({ committees: [BUDGET], initiators: [] });
    expect(catalog.reads).toBe(2);
  });

  it('does not keep a failed read: the next caller reads again', async () => {
    const catalog = catalogAnswering(new Error('throttled'), [GOVERNMENT]);
    const seen = cachedSeenOrigins(catalog, { maxAgeMs: 60_000, now: () => 0 });

    await expect(seen()).rejects.toThrow('throttled');
    const after = await seen();

    expect(after).toEqual({ committees: [], initiators: [GOVERNMENT] });
    expect(catalog.reads).toBe(2);
  });
});
