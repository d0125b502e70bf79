import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { SimulatedBill } from './demo-bills.js';
import { moscowLocalOf } from '../../shared/sozd/moscow-time.js';
import { buildBillPage, type BillPageSpec } from './sozd-page-builder.js';

export interface DumaSimulatorOptions {
  bills: readonly SimulatedBill[];
  /**
   * `timed`: one more event of every bill each `stepMs`, the first after `firstAfterMs` (the demo).
   * `manual`: nothing moves until `step()` (tests).
   */
  pace: { kind: 'timed'; stepMs: number; firstAfterMs: number } | { kind: 'manual' };
  /**
   * Start every history again, as new bills, once all are out (after one quiet step), so events keep coming (the
   * demo). Lap L of bill `900001-99` is bill `900001+100·L`-99 (see lapBillNumber).
   */
  loop?: boolean;
  /** With `loop`, the lap to start at instead of 0 (a demo started again goes on after the laps it has seen). */
  firstLap?: number;
  now?: () => number;
  host?: string;
  port?: number;
}

/** sozd on loopback: bill pages in the real structure whose history advances as time passes. */
export interface DumaSimulator {
  /** The base URL to configure as SOZD_BASE_URL. */
  url: string;
  /** Reveals one more event of every bill (manual pace). */
  step(): void;
  /** How many events of a bill are out now. */
  revealed(number: string): number;
  /** The lap the histories are in (0 until they start again); the bills of lap L are lapBillNumber(number, L). */
  lap(): number;
  /** The lap whose events the next step brings: lap(), or the next one in the quiet step after every history is out. */
  upcomingLap(): number;
  /** Requests served, by status. */
  served: Record<number, number>;
  stop(): Promise<void>;
}

/**
 * Starts the simulator. A bill with no event out yet answers 404, as sozd does for a number not
 * registered; once out, its page shows the events so far, the next one as planned, and answers
 * conditional GETs with 304.
 */
export async function startDumaSimulator(options: DumaSimulatorOptions): Promise<DumaSimulator> {
  const now = options.now ?? Date.now;
  const startedAt = now();
  // When each manual step happened: a revealed event is dated when it came out, as sozd dates a new event today.
  const manualStepTimes: number[] = [];
  const served: Record<number, number> = {};
  const lapSteps = Math.max(...options.bills.map((bill) => bill.history.length)) + 1;
  const firstLap = options.loop ? (options.firstLap ?? 0) : 0;
  const billOf = (number: string): { bill: SimulatedBill; lap: number } | undefined => {
    for (const bill of options.bills) {
      const lap = lapOf(bill.page.number, number);
      if (lap !== undefined && lap >= firstLap && lap <= currentLap()) return { bill, lap };
    }
    return undefined;
  };

  /** Steps taken so far (each reveals one more event of every bill in the current lap). */
  const steps = (): number => {
    const { pace } = options;
    if (pace.kind === 'manual') return manualStepTimes.length;
    return Math.max(0, Math.floor((now() - startedAt - pace.firstAfterMs) / pace.stepMs) + 1);
  };
  const stepTime = (step: number): number => {
    const { pace } = options;
    return pace.kind === 'manual' ? manualStepTimes[step - 1]! : startedAt + pace.firstAfterMs + (step - 1) * pace.stepMs;
  };
  const currentLap = (): number => (options.loop ? firstLap + Math.floor(Math.max(0, steps() - 1) / lapSteps) : 0);
  const upcomingLap = (): number => (options.loop ? firstLap + Math.floor(steps() / lapSteps) : 0);
  /** Steps taken before lap `lap` began. */
  const lapStart = (lap: number): number => (lap - firstLap) * lapSteps;
  const revealed = ({ bill, lap }: { bill: SimulatedBill; lap: number }): number =>
    Math.max(0, Math.min(bill.history.length, steps() - lapStart(lap)));

  const server: Server = createServer((request, response) => {
    const reply = (status: number, headers: Record<string, string> = {}, body = '') => {
      served[status] = (served[status] ?? 0) + 1;
      response.writeHead(status, headers).end(body);
    };
    const match = /^\/bill\/([^/?#]+)\/?$/.exec(request.url ?? '');
    const found = match ? billOf(decodeURIComponent(match[1]!)) : undefined;
    const count = found ? revealed(found) : 0;
    if (request.method !== 'GET' || !found || count === 0) {
      return reply(404, { 'content-type': 'text/html; charset=utf-8' }, '<html><body><h1>Страница не найдена</h1></body></html>');
    }
    const number = lapBillNumber(found.bill.page.number, found.lap);
    const etag = `"${number}-${count}"`;
    if (request.headers['if-none-match'] === etag) return reply(304, { etag });
    const dates = found.bill.history.slice(0, count).map((_, index) => moscowLocalOf(stepTime(lapStart(found.lap) + index + 1)));
    const page = pageAt(found.bill, count, dates);
    reply(200, { 'content-type': 'text/html; charset=utf-8', etag }, buildBillPage({ ...page, number }));
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve));

  return {
    url: `http://${options.host ?? '127.0.0.1'}:${(server.address() as AddressInfo).port}`,
    step: () => void manualStepTimes.push(now()),
    revealed: (number) => {
      const found = billOf(number);
      return found ? revealed(found) : 0;
    },
    lap: currentLap,
    upcomingLap,
    served,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Which lap of the bill numbered `base` the number `number` is, if any. */
function lapOf(base: string, number: string): number | undefined {
  const [baseDigits, baseConvocation] = base.split('-');
  const [digits, convocation] = number.split('-');
  const distance = Number(digits) - Number(baseDigits);
  return convocation === baseConvocation && distance >= 0 && distance % 100 === 0 ? distance / 100 : undefined;
}

/** The number of a bill in lap `lap` of a looping simulator: `900001-99` → `900101-99` in lap 1. */
export function lapBillNumber(number: string, lap: number): string {
  const [digits, convocation] = number.split('-') as [string, string];
  return `${Number(digits) + lap * 100}-${convocation}`;
}

/**
 * The page of a bill with its first `count` events out and the next one planned; `dates`, when given, replace the
 * history's dates of those events (the simulator dates each when it comes out).
 */
export function pageAt(bill: SimulatedBill, count: number, dates?: readonly string[]): BillPageSpec {
  const events = bill.history.slice(0, count).map((event, index) => (dates?.[index] ? { ...event, date: dates[index] } : event));
  const next = bill.history[count];
  const complete = count === bill.history.length;
  return {
    ...bill.page,
    events,
    archived: complete && bill.archivedAtEnd,
    currentStageId: events[events.length - 1]?.stageId,
    plannedEvents: next ? [{ stageId: next.stageId, eventNumber: next.eventNumber, name: next.name }] : [],
  };
}
