/**
 * Runs `task` on every item with at most `limit` in flight, and rejects with the first failure once the ones in
 * flight have settled. Fan-out overlaps its queue and table writes this way instead of waiting on each in turn.
 */
export async function runConcurrently<T>(items: readonly T[], limit: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) await task(items[next++]!);
  });
  const results = await Promise.allSettled(workers);
  const failure = results.find((result) => result.status === 'rejected');
  if (failure) throw (failure as PromiseRejectedResult).reason;
}
