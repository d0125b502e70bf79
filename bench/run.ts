import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { runBundleBench } from './bundle-bench.js';
import { runCliBench } from './cli-bench.js';
import { runFanOutBench } from './fan-out-bench.js';
import { runFetchBench } from './fetch-bench.js';
import { runParseBench } from './parse-bench.js';
import { runPollCycleBench } from './poll-cycle-bench.js';
import { runPollRealBench, runPollRealLambdaHeapBench } from './poll-real-bench.js';
import { runPollScaleBench } from './poll-scale-bench.js';
import { runStartBench } from './start-bench.js';
import { runTopicBench } from './topic-bench.js';

/*
 * `npm run bench`: every figure the issues set a target for, printed. Benchmarks talk only to loopback.
 * Pass names to run a subset: `npm run bench -- parse fetch`.
 */

// Node 20 is supported here; the SDK's notice about its future Node 22 floor would only clutter the figures.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const realPage = resolve(import.meta.dirname, '../../shared/fixtures/sozd/134824-8.html');

const benches: Record<string, { target: string; run: () => Promise<unknown> }> = {
  parse: { target: 'median ≤ 25 ms per real sozd page', run: () => runParseBench() },
  fetch: {
    target: 'CPU ≤ 2 ms per unchanged poll (304, and same fingerprint of a real 2.5 MB page)',
    run: () => runFetchBench(1_000, existsSync(realPage) ? realPage : 2_500_000),
  },
  'poll-cycle': { target: '1,000 bills against the simulator: wall, CPU, peak RSS', run: () => runPollCycleBench(1_000) },
  'poll-real': {
    target: '1,000 bills from the real pages: CPU ≤ 10 ms a read or changed bill, ≤ 0.5 ms and 0 writes an unchanged one',
    run: () => runPollRealBench(1_000),
  },
  'poll-real-lambda-heap': {
    target: 'figures: the same cycle under the V8 heap limits Lambda gives a 512 MB poller (more full collections)',
    run: () => runPollRealLambdaHeapBench(1_000),
  },
  'poll-scale': {
    target: 'a simulated week of 10,000 bills: requests ≤ 2.5/s to sozd, active-bill alert p95 ≤ 15 min; GB-s and writes a day',
    run: () => runPollScaleBench(10_000, 7),
  },
  topics: {
    target: '10,000 topics × 1,000 news items at ~400 matches per item ≤ 1 s CPU; adversarial 500-character query ≤ 50 ms',
    run: () => runTopicBench(),
  },
  'fan-out': { target: 'one change to 100,000 subscriptions: CPU per delivery ≤ 0.05 ms (issue 13)', run: () => runFanOutBench() },
  bundles: { target: 'each Lambda bundle ≤ 1 MB, init ≤ 150 ms', run: () => runBundleBench() },
  cli: { target: 'duma-alerts --help ≤ 0.3 s, status ≤ 1 s (a fresh process each)', run: () => runCliBench() },
  start: { target: 'npm start ready ≤ 5 s, a line as each part is ready', run: () => runStartBench() },
};

const chosen = process.argv.slice(2).filter((name) => !name.startsWith('-'));
for (const name of chosen.length > 0 ? chosen : Object.keys(benches)) {
  const bench = benches[name];
  if (!bench) {
    console.error(`unknown benchmark "${name}"; choose from: ${Object.keys(benches).join(', ')}`);
    process.exit(2);
  }
  console.log(`\n## ${name} — target: ${bench.target}`);
  const started = performance.now();
  console.log(JSON.stringify(await bench.run(), null, 2));
  console.log(`(${((performance.now() - started) / 1000).toFixed(1)} s)`);
}
