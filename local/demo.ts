import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { Language } from '../shared/bill/stages.js';
import type { SubscriberStore } from '../shared/store/subscriber-store.js';
import { sentEmails } from './ses-mailbox.js';
import { DEMO_BILLS } from './simulator/demo-bills.js';
import { lapBillNumber, type DumaSimulator } from './simulator/duma-simulator.js';

/*
 * `npm run demo`: the simulator's bills, followed by two subscribers, in a data folder, table and ports of the demo's
 * own (local/start-modes.ts), so nothing of it ever reaches what `npm start` keeps. The bills' numbers end in -99, a
 * convocation that does not exist, so no demo bill can ever be confused with one on sozd.
 */

/** What the demo writes to: its own table's subscribers (following a bill watches it, the last unfollow releases it). */
type DemoStores = { subscribers: Pick<SubscriberStore, 'upsertEmailSubscriber' | 'follow' | 'unfollow'> };

/** Who follows the demo's bills: one Russian and one English subscriber. */
export const DEMO_SUBSCRIBERS: readonly { email: string; language: Language }[] = [
  { email: 'redaktor@example.org', language: 'ru' },
  { email: 'editor@example.org', language: 'en' },
];

/** The demo's bills in lap `lap` of the simulator's loop. */
export function demoBillNumbers(lap: number): string[] {
  return DEMO_BILLS.map((bill) => lapBillNumber(bill.page.number, lap));
}

/**
 * Makes the demo subscribers follow the bills of lap `lap` (which puts them on the watch list) and unfollow those of
 * the lap before the previous one, which takes them off it (a bill a follower has stays watched, so unwatching them
 * would not). Following a lap before its bills exist is what keeps every event news: the poller sees the bill
 * missing first, then each event as it comes.
 */
export async function followDemoLap(stores: DemoStores, lap: number): Promise<void> {
  const at = new Date().toISOString();
  for (const { email, language } of DEMO_SUBSCRIBERS) {
    const subscriber = await stores.subscribers.upsertEmailSubscriber({ email, language, at });
    for (const number of demoBillNumbers(lap)) await stores.subscribers.follow(subscriber.id, number);
    if (lap >= 2) for (const number of demoBillNumbers(lap - 2)) await stores.subscribers.unfollow(subscriber.id, number);
  }
}

/**
 * The lap a demo starts at, from the file where runDemo keeps the last lap it followed: the lap after it, else 0.
 * The bills of the laps followed before are in the demo's table with their histories: the same numbers served again
 * from their first event would look to the poller like pages that lost events (source errors, no alerts).
 */
export function firstDemoLap(lapFile: string): number {
  const last = existsSync(lapFile) ? Number(readFileSync(lapFile, 'utf8').trim()) : Number.NaN;
  return Number.isSafeInteger(last) && last >= 0 ? last + 1 : 0;
}

/**
 * Runs the demo's side of the loop: follows the simulator's lap and the next at once, then the next lap whenever the
 * simulator starts a new one, noting in `lapFile` the last lap followed (see firstDemoLap), and prints a line for
 * each alert email the SES emulator accepts. Returns a function that stops both.
 */
export async function runDemo(options: {
  stores: DemoStores;
  simulator: DumaSimulator;
  lapFile: string;
  sesEndpoint: string;
  print: (line: string) => void;
  onError: (source: string, error: unknown) => void;
}): Promise<() => void> {
  const { stores, simulator, print, onError } = options;
  let followedUpTo = simulator.lap() - 1;
  const followUpTo = async (lap: number) => {
    while (followedUpTo < lap) {
      await followDemoLap(stores, followedUpTo + 1);
      followedUpTo += 1;
    }
    writeFileSync(options.lapFile, `${followedUpTo}\n`);
  };
  await followUpTo(simulator.lap() + 1);
  const seen = new Set<string>();
  let since = Math.floor(Date.now() / 1000);
  const tick = async () => {
    const lap = simulator.lap();
    if (lap + 1 > followedUpTo) {
      await followUpTo(lap + 1);
      print(`demo: lap ${lap + 1}, now bills ${demoBillNumbers(lap).join(' and ')} (their histories start again)`);
    }
    for (const email of await sentEmails(options.sesEndpoint, since)) {
      if (seen.has(email.messageId)) continue;
      seen.add(email.messageId);
      since = Math.max(since, email.at);
      print(`alert sent → ${email.destination.to.join(', ')}: ${email.subject}`);
    }
  };
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    tick()
      .catch((error: unknown) => onError('demo', error))
      .finally(() => (running = false));
  }, 1000);
  return () => clearInterval(timer);
}
