import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { SimulatedBill } from './demo-bills.js';
import { buildBillPage, type BillPageSpec } from './sozd-page-builder.js';

export interface DumaSimulatorOptions {
  bills: readonly SimulatedBill[];
  /**
   * `timed`: one more event of every bill each `stepMs`, the first after `firstAfterMs` (the demo).
   * `manual`: nothing moves until `step()` (tests).
   */
  pace: { kind: 'timed'; stepMs: number; firstAfterMs: number } | { kind: 'manual' };
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
  let manualSteps = 0;
  const served: Record<number, number> = {};
  const byNumber = new Map(options.bills.map((bill) => [bill.page.number, bill]));

  const revealed = (bill: SimulatedBill): number => {
    const { pace } = options;
    const steps =
      pace.kind === 'manual' ? manualSteps : Math.floor((now() - startedAt - pace.firstAfterMs) / pace.stepMs) + 1;
    return Math.max(0, Math.min(bill.history.length, steps));
  };

  const server: Server = createServer((request, response) => {
    const reply = (status: number, headers: Record<string, string> = {}, body = '') => {
      served[status] = (served[status] ?? 0) + 1;
      response.writeHead(status, headers).end(body);
    };
    const match = /^\/bill\/([^/?#]+)\/?$/.exec(request.url ?? '');
    const bill = match ? byNumber.get(decodeURIComponent(match[1]!)) : undefined;
    const count = bill ? revealed(bill) : 0;
    if (request.method !== 'GET' || !bill || count === 0) {
      return reply(404, { 'content-type': 'text/html; charset=utf-8' }, '<html><body><h1>Страница не найдена</h1></body></html>');
    }
    const etag = `"${bill.page.number}-${count}"`;
    if (request.headers['if-none-match'] === etag) return reply(304, { etag });
    reply(200, { 'content-type': 'text/html; charset=utf-8', etag }, buildBillPage(pageAt(bill, count)));
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve));

  return {
    url: `http://${options.host ?? '127.0.0.1'}:${(server.address() as AddressInfo).port}`,
    step: () => void manualSteps++,
    revealed: (number) => {
      const bill = byNumber.get(number);
      return bill ? revealed(bill) : 0;
    },
    served,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The page of a bill with its first `count` events out and the next one planned. */
export function pageAt(bill: SimulatedBill, count: number): BillPageSpec {
  const events = bill.history.slice(0, count);
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
