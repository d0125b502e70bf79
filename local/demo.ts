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

/** The demo subscribers' ids (each made, or kept, in its language). */
async function demoSubscriberIds(stores: DemoStores): Promise<string[]> {
  const at = new Date().toISOString();
  const ids: string[] = [];
  for (const { email, language } of DEMO_SUBSCRIBERS) ids.push((await stores.subscribers.upsertEmailSubscriber({ email, language, at })).id);
  return ids;
}

/**
 * Makes the demo subscribers unfollow the bills of `laps`, which takes them off the watch list (a bill a follower
 * has stays watched, so unwatching it would not).
 */
async function unfollowDemoLaps(stores: DemoStores, laps: readonly number[]): Promise<void> {
  for (const id of await demoSubscriberIds(stores)) {
    for (const number of laps.flatMap(demoBillNumbers)) await stores.subscribers.unfollow(id, number);
  }
}

/**
 * Makes the demo subscribers follow the bills of lap `lap` (which puts them on the watch list) and unfollow those of
 * the lap before the previous one. Following a lap before its bills exist is what keeps every event news: the
 * poller sees the bill missing first, then each event as it comes.
 */
export async function followDemoLap(stores: DemoStores, lap: number): Promise<void> {
  for (const id of await demoSubscriberIds(stores)) {
    for (const number of demoBillNumbers(lap)) await stores.subscribers.follow(id, number);
  }
  if (lap >= 2) await unfollowDemoLaps(stores, [lap - 2]);
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
 * Runs the demo's side of the loop: follows the simulator's lap at once, then each next lap in the quiet step before
 * its first event, notes in `lapFile` the last lap followed (see firstDemoLap), and prints a line for each alert
 * email the SES emulator accepts. Returns a function that stops both. The quiet step (12 s) is early enough for the
 * poller to see the new bills missing first, so every event of theirs is news, and short enough that it is still
 * asking every cycle when the first event comes: after three "no such bill" answers it waits an hour
 * (shared/pipeline/missing-backoff.ts), so a lap followed a whole lap ahead was never read.
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
  const firstLap = simulator.upcomingLap();
  // A run before this one followed up to the lap before this one's first (firstDemoLap) and left two laps followed.
  await unfollowDemoLaps(stores, [firstLap - 2, firstLap - 1].filter((lap) => lap >= 0));
  let followedUpTo = firstLap - 1;
  const followUpTo = async (lap: number) => {
    while (followedUpTo < lap) {
      await followDemoLap(stores, followedUpTo + 1);
      followedUpTo += 1;
    }
    writeFileSync(options.lapFile, `${followedUpTo}\n`);
  };
  await followUpTo(firstLap);
  const seen = new Set<string>();
  let since = Math.floor(Date.now() / 1000);
  const tick = async () => {
    const lap = simulator.upcomingLap();
    if (lap > followedUpTo) {
      await followUpTo(lap);
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
