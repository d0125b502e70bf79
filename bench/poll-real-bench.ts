import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { promisify } from 'node:util';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createDocumentClient } from '../shared/aws/clients.js';
import { pollWatchedBills, type PollSummary } from '../shared/pipeline/poll-bills.js';
import { pollDependencies } from '../shared/runtime/poll-bills-dependencies.js';
import { DynamoBillStore } from '../shared/store/bill-store.js';
import { DynamoChangeStore } from '../shared/store/change-store.js';
import { DynamoOriginOutbox } from '../shared/store/origin-outbox-store.js';
import type { MessageQueue } from '../shared/queue/message-queue.js';
import { FUNCTION_CATALOG } from '../infra/function-catalog.js';
import { startBenchChild } from './support/bench-child.js';
import { benchPollConfig } from './support/bench-poll-config.js';
import { lambdaHeapFlags } from './support/lambda-heap-flags.js';

// Beside the checkout, or where SOZD_FIXTURES_DIR says (a git worktree), as the tests find them.
const fixturesDir = process.env.SOZD_FIXTURES_DIR ?? path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../shared/fixtures/sozd');

/** Targets of issue 13, CPU ms per bill of the whole poll cycle (fetch, decode, parse, diff, store). */
const TARGETS = { readMs: 10, unchangedMs: 0.5 } as const;

interface RoundFigures {
  cpuMsPerBill: number;
  target: string;
  wallMs: number;
  /** The process's peak RSS so far (tsx and the SDK included). */
  peakRssMb: number;
  /** DynamoDB writes of the round, the run summary included. */
  dynamoWrites: number;
  /** DynamoDB and SQS requests a bill (the run's listing and summary included): each costs the poller ~1 ms of CPU. */
  awsCallsPerBill: number;
  outcomes: string;
}

/** Counts the document client's requests and, of them, writes (the stores use no other client). */
function countRequests(db: DynamoDBDocumentClient): { requests: number; writes: number } {
  const counter = { requests: 0, writes: 0 };
  db.middlewareStack.add(
    (next, context) => (args) => {
      counter.requests++;
      if (/^(Put|Update|Delete|BatchWrite)/.test(context.commandName ?? '')) counter.writes++;
      return next(args);
    },
    { step: 'initialize', name: 'countRequests' },
  );
  return counter;
}

/** Counts a queue's send requests (SendMessageBatch takes up to ten messages). */
function countSends(queue: MessageQueue): { requests: number } {
  const counter = { requests: 0 };
  const sendAll = queue.sendAll.bind(queue);
  queue.sendAll = (messages) => {
    counter.requests += Math.ceil(messages.length / 10);
    return sendAll(messages);
  };
  return counter;
}

function outcomesText(summary: PollSummary): string {
  return Object.entries(summary.outcomes)
    .filter(([, count]) => count > 0)
    .map(([outcome, count]) => `${count} ${outcome}`)
    .join(', ');
}

/** The memory of the functions that poll (poll-bills, and poll-bill-tasks with the same), whose heap the poller gets. */
const POLLER_MEMORY_MB = FUNCTION_CATALOG.find((spec) => spec.name === 'poll-bills')!.memoryMb;

/**
 * The whole poll cycle on `count` distinct bills made from the ten real sozd pages (numbers rewritten), served on
 * loopback by a child process with the emulators, in four rounds: first read, all 304, the same bytes again
 * (no conditional GET), and every page with one more event, measured in this process. Skipped, saying so, without the
 * real pages.
 */
export async function runPollRealBench(count = 1000, pagesDir = fixturesDir): Promise<Record<string, unknown>> {
  if (!existsSync(pagesDir)) return { skipped: `no real pages at ${pagesDir} (they live beside the checkout)` };
  return measurePollReal(count, pagesDir);
}

/**
 * {@link runPollRealBench} in a process of its own started as Lambda starts the pollers, with the V8 heap limits its
 * Node.js runtime gives their memory: under an explicit old-space limit V8 collects far more often on this workload
 * (124 full collections against 9 in one run, 2026-12-02, before shared/runtime/poller-heap.ts), so this is the figure
 * closer to what a deployed poller pays (which, paced, has fewer pages in flight).
 */
export async function runPollRealLambdaHeapBench(count = 1000, pagesDir = fixturesDir): Promise<Record<string, unknown>> {
  if (!existsSync(pagesDir)) return { skipped: `no real pages at ${pagesDir} (they live beside the checkout)` };
  const heapFlags = lambdaHeapFlags(POLLER_MEMORY_MB);
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', ...heapFlags, fileURLToPath(import.meta.url), String(count), pagesDir], {
    maxBuffer: 1024 * 1024,
  });
  return { heap: `as Lambda runs a ${POLLER_MEMORY_MB} MB poller: ${heapFlags.join(' ')}`, ...(JSON.parse(stdout) as Record<string, unknown>) };
}

/** One run of the four rounds in this process (see {@link runPollRealBench}). */
async function measurePollReal(count: number, pagesDir: string): Promise<Record<string, unknown>> {
  const child = await startBenchChild<{ env: Record<string, string>; sozdUrl: string; bills: string[] }>(
    new URL('./support/real-page-services.ts', import.meta.url),
    [pagesDir, String(count)],
  );
  try {
    const config = await benchPollConfig(child.setup.env, child.setup.sozdUrl);
    const db = createDocumentClient();
    const calls = countRequests(db);
    const deps = {
      ...pollDependencies(config),
      bills: new DynamoBillStore(db, config.tableName),
      changes: new DynamoChangeStore(db, config.tableName),
      originOutbox: new DynamoOriginOutbox(db, config.tableName),
    };
    const sends = countSends(deps.fanOutQueue);
    deps.logger.setLogLevel('ERROR');
    for (const number of child.setup.bills) await deps.bills.watch(number);

    const round = async (target: number | undefined): Promise<RoundFigures> => {
      Object.assign(calls, { requests: 0, writes: 0 });
      sends.requests = 0;
      const cpu = process.cpuUsage();
      const start = performance.now();
      const summary = await pollWatchedBills(deps, { concurrency: 16 });
      const used = process.cpuUsage(cpu);
      const wallMs = Math.round(performance.now() - start);
      const cpuMsPerBill = Math.round(((used.user + used.system) / 1000 / count) * 100) / 100;
      return {
        cpuMsPerBill,
        target: target === undefined ? 'none (urlwatch ~125 ms)' : `≤ ${target} ms: ${cpuMsPerBill <= target ? 'met' : 'MISSED'}`,
        wallMs,
        peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
        dynamoWrites: calls.writes,
        awsCallsPerBill: Math.round(((calls.requests + sends.requests) / count) * 100) / 100,
        outcomes: outcomesText(summary),
      };
    };

    const firstRead = await round(TARGETS.readMs);
    const allNotModified = await round(TARGETS.unchangedMs);
    await child.command('unconditional');
    const sameBytes = await round(undefined);
    await child.command('new-event');
    const oneNewEvent = await round(TARGETS.readMs);
    return {
      bills: count,
      firstRead,
      allNotModified: { ...allNotModified, writesPerUnchangedBill: `${(allNotModified.dynamoWrites - 1) / count} (target 0; the 1 other is the run summary)` },
      sameBytes: { ...sameBytes, writesPerUnchangedBill: `${(sameBytes.dynamoWrites - 1) / count} (target 0)` },
      oneNewEvent,
    };
  } finally {
    await child.stop();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(JSON.stringify(await measurePollReal(Number(process.argv[2] ?? 1000), process.argv[3] ?? fixturesDir), null, 2));
}
