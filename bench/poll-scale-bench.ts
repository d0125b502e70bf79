import { pathToFileURL } from 'node:url';
import type { Bill, BillEvent } from '../shared/bill/bill.js';
import { ConfigSchema } from '../shared/config/config.js';
import { createHostPacer } from '../shared/http/host-pacer.js';
import { createLogger } from '../shared/log/logger.js';
import { runPollTask, runScheduledPoll, type PollTask, type ScheduledPollDependencies } from '../shared/pipeline/poll-run.js';
import type { BillSource } from '../shared/sozd/bill-source.js';
import { InMemoryPollWorld } from './support/in-memory-poll-stores.js';

/*
 * `npm run bench -- poll-scale`: a simulated week of 10,000 watched bills on a virtual clock, through the real
 * scheduling code (tiers, rings, passes, budget, poll tasks, the shared host pace) with in-memory stores and a
 * simulated sozd whose pages gain events over the week. Proves the pace and the alert latency, and sizes the cost.
 */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const T0 = Date.parse('2026-03-02T00:00:00Z');
/** poll-bills and poll-bill-tasks in infra/function-catalog.ts: timeout and memory. */
const RUN_TIMEOUT_MS = 540_000;
const TASK_TIMEOUT_MS = 300_000;
const MEMORY_GB = 0.5;

interface SimulatedBill {
  number: string;
  kind: 'active' | 'dormant' | 'resting';
  /** Event times, ascending; those before T0 are history, later ones appear during the week. */
  events: number[];
  planned?: number;
  /** How many events the poller has been shown. */
  shown: number;
}

/** A deterministic pseudo-random sequence (mulberry32), so every run of the bench simulates the same week. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** 5 % active (an event every two days on average, a planned one within two weeks), 25 % dormant (4 % wake up), 70 % archived or law. */
function simulatedBills(count: number, next: () => number): SimulatedBill[] {
  return Array.from({ length: count }, (_, index): SimulatedBill => {
    const number = `${100000 + index}-8`;
    const share = index / count;
    if (share < 0.05) {
      const events = [T0 - next() * 20 * DAY];
      for (let at = T0 - Math.log(1 - next()) * 2 * DAY; at < T0 + 7 * DAY; at -= Math.log(1 - next()) * 2 * DAY) events.push(at);
      return { number, kind: 'active', events, planned: T0 + (1 + next() * 13) * DAY, shown: 0 };
    }
    if (share < 0.3) {
      const events = [T0 - (60 + next() * 340) * DAY];
      if (next() < 0.04) events.push(T0 + next() * 7 * DAY);
      return { number, kind: 'dormant', events, shown: 0 };
    }
    return { number, kind: 'resting', events: [T0 - (400 + next() * 3000) * DAY], shown: 0 };
  });
}

function billAt(bill: SimulatedBill, shown: number): Bill {
  const events = bill.events.slice(0, shown).map(
    (at, index): BillEvent => ({
      id: `${bill.number}-${index}`,
      eventNumber: '1.1',
      name: 'Событие',
      stage: { id: 1, name: 'Внесение законопроекта в Государственную Думу' },
      date: new Date(at).toISOString(),
      decisions: [],
      documents: [],
    }),
  );
  return {
    number: bill.number,
    url: `https://sozd.duma.gov.ru/bill/${bill.number}`,
    title: 'Законопроект',
    status: bill.kind === 'resting' ? 'В архиве' : 'На рассмотрении',
    archived: bill.kind === 'resting',
    passport: [],
    events,
    plannedEvents:
      bill.planned === undefined ? [] : [{ eventNumber: '2.1', name: 'Рассмотрение', stage: { id: 2, name: 'Рассмотрение' }, date: new Date(bill.planned).toISOString(), documents: [] }],
  };
}

function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
}

const minutes = (ms: number) => Math.round((ms / MINUTE) * 10) / 10;

/**
 * Simulates `days` of polling `count` bills and returns requests per hour to sozd, alert latency by kind of bill,
 * Lambda GB-seconds and DynamoDB writes per day (the first day, which reads every bill's baseline, apart).
 */
export async function runPollScaleBench(count = 10_000, days = 7): Promise<Record<string, unknown>> {
  const polling = ConfigSchema.shape.polling.parse({});
  const next = random(12);
  const bills = simulatedBills(count, next);
  const byNumber = new Map(bills.map((bill) => [bill.number, bill]));
  const world = new InMemoryPollWorld();
  world.watch(bills.map((bill) => bill.number));

  let clock = T0;
  const virtual = { now: () => clock, sleep: async (ms: number) => void (clock = Math.max(clock, clock + ms)) };
  const requestsByHour = new Map<number, number>();
  const latencies = { active: [] as number[], dormant: [] as number[] };
  const source: BillSource = {
    async read(number, validators) {
      const hour = Math.floor((clock - T0) / HOUR);
      requestsByHour.set(hour, (requestsByHour.get(hour) ?? 0) + 1);
      const bill = byNumber.get(number)!;
      const visible = bill.events.filter((at) => at <= clock).length;
      const hash = `${number}:${visible}`;
      if (validators.contentHash === hash) return { kind: 'unchanged' };
      for (const at of bill.events.slice(bill.shown, visible)) if (at >= T0 && bill.kind !== 'resting') latencies[bill.kind].push(clock - at);
      bill.shown = visible;
      return { kind: 'parsed', bill: billAt(bill, visible), contentHash: hash };
    },
  };
  const logger = createLogger('poll-scale');
  logger.setLogLevel('SILENT');
  const tasks: PollTask[] = [];
  const deps: ScheduledPollDependencies = {
    bills: world.billStore,
    changes: world.changeStore,
    fanOutQueue: { sendAll: async () => {} },
    source,
    now: () => new Date(clock),
    logger,
    tiers: polling,
    polling,
    schedule: world.schedule,
    pacer: createHostPacer(world.slots, { host: 'sozd.duma.gov.ru', requestsPerSecond: polling.hostRequestsPerSecond }, virtual),
    pollTasks: { sendAll: async (messages) => void tasks.push(...(messages as PollTask[])) },
  };

  const lambdaMsByDay = new Map<number, number>();
  const writesByDay: Record<string, number>[] = [];
  const runs = { stoppedEarly: 0, withTasks: 0, tasks: 0 };
  const started = performance.now();
  for (let run = 0; run < (days * DAY) / (polling.activeEveryMinutes * MINUTE); run++) {
    const day = Math.floor((run * polling.activeEveryMinutes * MINUTE) / DAY);
    writesByDay[day] ??= { ...world.writes };
    clock = Math.max(clock, T0 + run * polling.activeEveryMinutes * MINUTE);
    const runStart = clock;
    const summary = await runScheduledPoll(deps, { deadlineMs: clock + RUN_TIMEOUT_MS * polling.budgetFraction, concurrency: 1 });
    let lambdaMs = clock - runStart;
    runs.stoppedEarly += Number(summary.stoppedEarly);
    runs.withTasks += Number(summary.tasks > 0);
    runs.tasks += summary.tasks;
    // The task pollers share the host's pace with the scheduler, so running them after it moves as many requests.
    for (const task of tasks.splice(0)) {
      const taskStart = clock;
      await runPollTask(deps, task, { deadlineMs: clock + TASK_TIMEOUT_MS * polling.budgetFraction, concurrency: 1 });
      lambdaMs += clock - taskStart;
    }
    lambdaMsByDay.set(day, (lambdaMsByDay.get(day) ?? 0) + lambdaMs);
  }
  writesByDay[days] = { ...world.writes };

  const steadyHours = [...requestsByHour.entries()].filter(([hour]) => hour >= 24).map(([, requests]) => requests);
  const limitPerHour = polling.hostRequestsPerSecond * 3600;
  const writesOn = (day: number) => Object.values(writesByDay[day + 1]!).reduce((a, b) => a + b, 0) - Object.values(writesByDay[day]!).reduce((a, b) => a + b, 0);
  const steadyDays = Array.from({ length: days - 1 }, (_, index) => index + 1);
  const gbSecondsPerDay = (day: number) => Math.round(((lambdaMsByDay.get(day) ?? 0) / 1000) * MEMORY_GB);
  const activeP95 = minutes(percentile(latencies.active, 0.95));
  return {
    bills: count,
    mix: '5 % active (planned event soon, an event every 2 days on average), 25 % dormant (4 % get an event), 70 % archived or law',
    simulatedDays: days,
    requestsPerHourToSozd: {
      maxHour: Math.max(...requestsByHour.values()),
      steadyMeanHour: Math.round(steadyHours.reduce((a, b) => a + b, 0) / steadyHours.length),
      limit: limitPerHour,
      target: `≤ ${limitPerHour} (${polling.hostRequestsPerSecond}/s): ${Math.max(...requestsByHour.values()) <= limitPerHour ? 'met' : 'MISSED'}`,
    },
    alertLatencyMinutes: {
      active: { events: latencies.active.length, p50: minutes(percentile(latencies.active, 0.5)), p95: activeP95, target: `p95 ≤ 15: ${activeP95 <= 15 ? 'met' : 'MISSED'}` },
      dormant: { events: latencies.dormant.length, p50: minutes(percentile(latencies.dormant, 0.5)), p95: minutes(percentile(latencies.dormant, 0.95)) },
    },
    lambdaGbSecondsPerDay: { firstDay: gbSecondsPerDay(0), steadyDayMean: Math.round(steadyDays.reduce((sum, day) => sum + gbSecondsPerDay(day), 0) / steadyDays.length) },
    dynamoWritesPerDay: {
      firstDay: writesOn(0),
      steadyDayMean: Math.round(steadyDays.reduce((sum, day) => sum + writesOn(day), 0) / steadyDays.length),
      weekByKind: world.writes,
    },
    runs: { ...runs, total: (days * DAY) / (polling.activeEveryMinutes * MINUTE) },
    wallSeconds: Math.round((performance.now() - started) / 100) / 10,
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(JSON.stringify(await runPollScaleBench(Number(process.argv[2] ?? 10_000), Number(process.argv[3] ?? 7)), null, 2));
}
