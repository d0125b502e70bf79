/**
 * A load shared by every caller for `maxAgeMs` (a warm Lambda's invocations, a whole poll), then done again on the
 * next call. A failed load is not kept: the next caller tries again.
 */
export function cachedFor<T>(load: () => Promise<T>, options: { maxAgeMs: number; now?: () => number }): () => Promise<T> {
  const now = options.now ?? Date.now;
  let cached: { loadedAt: number; value: Promise<T> } | undefined;
  return () => {
    if (!cached || now() - cached.loadedAt > options.maxAgeMs) {
      const value = load();
      cached = { loadedAt: now(), value };
      value.catch(() => {
        if (cached?.value === value) cached = undefined;
      });
    }
    return cached.value;
  };
}
