/**
 * V8's heap limits as Lambda's Node.js runtime starts a function of `memoryMb` (its bootstrap gives the young
 * generation a tenth of the memory, a semi-space half of that, and the old generation the rest): 512 MB runs with a
 * 25 MB semi-space, where Node on a 24 GB machine picks 16 MB, and collects young objects more often than Lambda does.
 */
export function lambdaHeapFlags(memoryMb: number): string[] {
  const newSpaceMb = Math.floor(memoryMb / 10);
  return [`--max-semi-space-size=${Math.floor(newSpaceMb / 2)}`, `--max-old-space-size=${memoryMb - newSpaceMb}`];
}
