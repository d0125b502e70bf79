import type { Bill } from '../bill/bill.js';
import type { Language } from '../bill/stages.js';
import { escapeHtml } from '../email/html-escape.js';
import type { AtomEntry, AtomFeed, AtomLink } from './atom-feed.js';
import { billStrings, type BillStrings } from './bill-strings.js';
import { billTimeline, type TimelineItem } from './bill-timeline.js';
import { billPagePath, eventAnchor, publicUrl } from './public-urls.js';

/** Entries of a feed that merges many bills: the newest this many. */
export const MAX_MERGED_ENTRIES = 200;

/** The tag URI (RFC 4151) under which every id of the service's feeds lives: it never depends on where it is served. */
const TAG = 'tag:duma-alerts,2026:';

/** A bill as the feeds read it: the snapshot and when it was saved. */
export interface FeedBill {
  bill: Bill;
  snapshotAt?: string;
}

/**
 * The entries of a bill: one per dated event, the stage change it made in its title. An entry's id depends only on
 * the bill and the event's sozd id, so it stays the same in every poll, in both languages and in every feed it is in.
 */
export function billEntries(bill: Bill, language: Language, publicBaseUrl: string): AtomEntry[] {
  const words = billStrings(language);
  const page = publicUrl(publicBaseUrl, billPagePath(bill.number), { lang: language });
  return billTimeline(bill, language).map((item) => ({
    id: `${TAG}bill/${bill.number}/event/${encodeURIComponent(item.event.id)}`,
    title: entryTitle(bill.number, item, words),
    updated: item.event.date,
    links: [{ rel: 'alternate', href: `${page}#${eventAnchor(item.event.id)}`, type: 'text/html' }, ...sozdLink(bill)],
    html: entryHtml(item, words),
    ...(item.stageChange ? { categories: [item.stageChange.to] } : {}),
  }));
}

/** The public Atom feed of one bill. */
export function billFeed(feedBill: FeedBill, language: Language, publicBaseUrl: string): AtomFeed {
  const { bill } = feedBill;
  const words = billStrings(language);
  const entries = billEntries(bill, language, publicBaseUrl).reverse();
  const path = billPagePath(bill.number);
  return {
    id: `${TAG}bill/${bill.number}/feed/${language}`,
    title: words.feedTitle(bill.number),
    subtitle: bill.title,
    updated: newest(entries, feedBill.snapshotAt),
    language,
    author: 'duma-alerts',
    links: [
      { rel: 'self', href: publicUrl(publicBaseUrl, `${path}/feed.atom`, { lang: language }), type: 'application/atom+xml' },
      { rel: 'alternate', href: publicUrl(publicBaseUrl, path, { lang: language }), type: 'text/html' },
      ...sozdLink(bill),
    ],
    entries,
  };
}

/** A feed of several bills (a subscriber's private feed): every entry of each, the newest {@link MAX_MERGED_ENTRIES}. */
export function mergedFeed(
  feed: { id: string; title: string; selfUrl: string; fallbackUpdated: string },
  bills: readonly FeedBill[],
  language: Language,
  publicBaseUrl: string,
): AtomFeed {
  const entries = bills
    .flatMap(({ bill }) => billEntries(bill, language, publicBaseUrl))
    .sort((a, b) => Date.parse(b.updated) - Date.parse(a.updated) || a.id.localeCompare(b.id))
    .slice(0, MAX_MERGED_ENTRIES);
  const snapshots = bills.map((bill) => bill.snapshotAt).filter((at): at is string => at !== undefined).sort();
  return {
    id: `${TAG}${feed.id}`,
    title: feed.title,
    updated: newest(entries, snapshots.at(-1) ?? feed.fallbackUpdated),
    language,
    author: 'duma-alerts',
    links: [{ rel: 'self', href: feed.selfUrl, type: 'application/atom+xml' }],
    entries,
  };
}

function newest(entries: readonly AtomEntry[], fallback: string | undefined): string {
  const dates = entries.map((entry) => entry.updated).sort((a, b) => Date.parse(b) - Date.parse(a));
  return dates[0] ?? fallback ?? new Date(0).toISOString();
}

function sozdLink(bill: Bill): AtomLink[] {
  return /^https?:\/\//.test(bill.url) ? [{ rel: 'related', href: bill.url, type: 'text/html' }] : [];
}

function entryTitle(number: string, item: TimelineItem, words: BillStrings): string {
  const change = item.stageChange ? ` — ${words.stageChange(item.stageChange.from, item.stageChange.to)}` : '';
  return `${words.billLabel(number)}: ${item.name}${change}`;
}

/** The entry's body: the same facts as the page's timeline item, as HTML (escaped again by the Atom writer). */
export function entryHtml(item: TimelineItem, words: BillStrings): string {
  const list = (items: string[]) => `<ul>${items.join('')}</ul>`;
  return [
    item.stageChange ? `<p>${escapeHtml(words.stageChange(item.stageChange.from, item.stageChange.to))}</p>` : '',
    item.decisions.length > 0 ? `<p>${escapeHtml(words.decisions)}:</p>${list(item.decisions.map((text) => `<li>${escapeHtml(text)}</li>`))}` : '',
    item.lawNumber ? `<p>${escapeHtml(words.lawNumber)}: ${escapeHtml(item.lawNumber)}</p>` : '',
    item.protocol ? `<p>${escapeHtml(words.protocol)}: ${escapeHtml(item.protocol)}</p>` : '',
    item.documents.length > 0
      ? `<p>${escapeHtml(words.documents)}:</p>${list(
          item.documents.map((document) =>
            document.url ? `<li><a href="${escapeHtml(document.url)}">${escapeHtml(document.title)}</a></li>` : `<li>${escapeHtml(document.title)}</li>`,
          ),
        )}`
      : '',
  ].join('');
}
