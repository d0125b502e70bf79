import { setFlagsFromString } from 'node:v8';

/**
 * Lets a poller's old generation grow fourfold between full collections. Lambda starts Node with an explicit old-space
 * limit sized to the function's memory (461 MB of a 512 MB poller), and under any explicit limit V8 grows the heap in
 * small steps: a cycle of 1,000 real pages ran ~120 full collections instead of 9 and cost ~25 % more CPU a bill
 * (`npm run bench -- poll-real-lambda-heap`, 2026-12-02). A factor of 4 brings it back under the default's figures
 * (about 7 collections; peak RSS ~280 MB with 16 pages in flight, of the 512 MB), where 2 left ~20 collections. V8
 * reads the factor each time it sets the next collection's limit, so setting it once, before the first poll, is
 * enough; it is not one of the V8 flags NODE_OPTIONS may carry.
 */
export function letPollerHeapGrow(): void {
  setFlagsFromString('--heap-growing-percent=300');
}
