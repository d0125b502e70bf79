import type { Language } from '../bill/stages.js';
import { buildWeekAheadContent, renderWeekAheadEmail } from '../email/render-week-ahead-email.js';
import { listUnsubscribeHeaders } from '../email/list-unsubscribe-headers.js';
import type { TokenSecrets } from '../security/signed-token.js';
import { buildSlackContentMessage } from '../slack/slack-content.js';
import type { Subscriber } from '../store/subscriber-store.js';
import type { WeekAheadStore } from '../store/week-ahead-store.js';
import { DEFAULT_TIME_ZONE } from '../subscriptions/subscription-preferences.js';
import { manageUrl, unsubscribeUrl } from '../subscriptions/subscriber-links.js';
import { renderTelegramContent } from '../telegram/telegram-message.js';
import { telegramManageLink } from '../telegram/telegram-render.js';
import type { Endpoint } from '../webhooks/endpoint.js';
import { postToSlack, postToTelegram, type ChannelPostDependencies } from './channel-posts.js';
import { zonedDate } from './digest-schedule.js';
import { digestRecipientKey } from './digest-recipient.js';
import { weekAheadAgenda, type AgendaDay, type WeekAheadBill } from './week-ahead-agenda.js';
import { currentWeekAhead } from './week-ahead-week.js';

export interface SendWeekAheadDependencies extends ChannelPostDependencies {
  weekAhead: WeekAheadStore;
  publicBaseUrl: string;
  tokenSecrets: TokenSecrets;
  /** Local hour on Mondays (the digests' hour). */
  digestHour: number;
  /** How long a claimed week is kept from other runs: longer than a run may last. */
  leaseMs?: number;
}

export interface WeekAheadRunSummary {
  /** Emails and posts sent. */
  sent: number;
  /** Recipients whose week has nothing planned: nothing sent, and the week is done. */
  empty: number;
  /** Recipients whose send failed this run; their week is tried again next run. */
  failed: number;
}

/** Longer than send-digests' 10-minute timeout, so a run still sending is never overtaken by the next one. */
const DEFAULT_LEASE_MS = 15 * 60_000;

/** One recipient of the week ahead, with what it follows and where its week is. */
type Recipient =
  | { kind: 'email'; key: string; bills: string[]; timeZone: string; language: Language; subscriber: Subscriber }
  | { kind: 'slack' | 'telegram'; key: string; bills: string[]; timeZone: string; language: Language; endpoint: Endpoint };

/**
 * Scheduled with the digests (hourly): sends every subscriber and Slack or Telegram endpoint that asked for the week
 * ahead one email or post per ISO week, from Monday 08:00 in its own time zone (the digests' slot, DST included), with
 * the planned events of the bills it follows from that day to Sunday, by day; nothing when nothing is planned. Each
 * (recipient, week) is claimed before the send and marked after, so a re-run sends nothing again, and a run that comes
 * late in the week still sends that week's once. A failed send gives the week back for the next run.
 */
export async function sendDueWeekAheads(deps: SendWeekAheadDependencies): Promise<WeekAheadRunSummary> {
  const summary: WeekAheadRunSummary = { sent: 0, empty: 0, failed: 0 };
  const bills = billCache(deps.weekAhead);
  const run = async (recipients: Recipient[]) => {
    for (const recipient of recipients) {
      try {
        const outcome = await sendIfDue(deps, recipient, bills);
        if (outcome !== 'not-due') summary[outcome]++;
      } catch (error) {
        summary.failed++;
        deps.logger.error('week ahead not sent', { recipient: recipient.key, error: error as Error });
      }
    }
  };
  for await (const page of deps.weekAhead.subscribers()) await run(page.map(emailRecipient));
  for await (const page of deps.weekAhead.endpoints()) await run(page.flatMap(endpointRecipient));
  return summary;
}

async function sendIfDue(
  deps: SendWeekAheadDependencies,
  recipient: Recipient,
  bills: (numbers: readonly string[]) => Promise<WeekAheadBill[]>,
): Promise<'sent' | 'empty' | 'not-due'> {
  const now = deps.now();
  const { week, days } = currentWeekAhead(now, recipient.timeZone, deps.digestHour);
  if (!(await deps.weekAhead.claim(recipient.key, week, now, deps.leaseMs ?? DEFAULT_LEASE_MS))) return 'not-due';
  try {
    // A late run (the service was down on Monday) lists what still lies ahead, not days gone by.
    const today = zonedDate(now, recipient.timeZone);
    const agenda = weekAheadAgenda(await bills(await followedBills(deps, recipient)), days.filter((day) => day >= today));
    if (agenda.length > 0) await send(deps, recipient, agenda, days);
    const outcome = agenda.length > 0 ? 'sent' : 'empty';
    await deps.weekAhead.complete(recipient.key, week, outcome, now);
    deps.logger.info('week ahead', { recipient: recipient.key, week, outcome });
    return outcome;
  } catch (error) {
    await deps.weekAhead.release(recipient.key, week);
    throw error;
  }
}

/** A subscriber's bills are their list and their follows (a committee's new bills are not on the list); an endpoint's, its list. */
async function followedBills(deps: SendWeekAheadDependencies, recipient: Recipient): Promise<string[]> {
  if (recipient.kind !== 'email') return recipient.bills;
  return [...new Set([...recipient.bills, ...(await deps.weekAhead.followedBills(recipient.subscriber.id))])];
}

async function send(deps: SendWeekAheadDependencies, recipient: Recipient, agenda: AgendaDay[], days: readonly string[]): Promise<void> {
  const base = { publicBaseUrl: deps.publicBaseUrl };
  if (recipient.kind === 'email') {
    const { subscriber } = recipient;
    const unsubscribe = unsubscribeUrl(deps.publicBaseUrl, subscriber.id, deps.tokenSecrets);
    const links = { ...base, unsubscribeUrl: unsubscribe, manageUrl: manageUrl(deps.publicBaseUrl, subscriber.id, deps.tokenSecrets, deps.now()) };
    const email = renderWeekAheadEmail(buildWeekAheadContent(agenda, { days }, recipient.language, links));
    await deps.mailer.send({ to: subscriber.email, ...email, headers: listUnsubscribeHeaders(unsubscribe), tags: [{ name: 'kind', value: 'week-ahead' }] });
    return;
  }
  const content = buildWeekAheadContent(agenda, { days }, recipient.language, base);
  const { endpoint } = recipient;
  if (recipient.kind === 'slack') return postToSlack(deps, endpoint.url, buildSlackContentMessage(content));
  const messages = renderTelegramContent(content, [telegramManageLink(deps.publicBaseUrl, endpoint.id, endpoint.language)]);
  await postToTelegram(deps, endpoint, endpoint.chatId!, messages);
}

function emailRecipient(subscriber: Subscriber): Recipient {
  return {
    kind: 'email',
    key: digestRecipientKey('email', subscriber.id),
    bills: subscriber.bills ?? [],
    timeZone: subscriber.timeZone ?? DEFAULT_TIME_ZONE,
    language: subscriber.language,
    subscriber,
  };
}

/** A Slack channel or a Telegram chat; a webhook has no week ahead (its payloads are changes), whatever its item says. */
function endpointRecipient(endpoint: Endpoint): Recipient[] {
  if (endpoint.kind === 'webhook' || (endpoint.kind === 'telegram' && !endpoint.chatId)) return [];
  const { kind } = endpoint;
  return [{ kind, key: digestRecipientKey(kind, endpoint.id), bills: endpoint.bills, timeZone: endpoint.timeZone, language: endpoint.language, endpoint }];
}

/** Reads each bill's snapshot once a run, however many recipients follow it. */
function billCache(store: WeekAheadStore): (numbers: readonly string[]) => Promise<WeekAheadBill[]> {
  const known = new Map<string, WeekAheadBill | undefined>();
  return async (numbers) => {
    const missing = numbers.filter((number) => !known.has(number));
    if (missing.length > 0) {
      const read = new Map((await store.bills(missing)).map((bill) => [bill.number, bill]));
      for (const number of missing) known.set(number, read.get(number));
    }
    return numbers.flatMap((number) => known.get(number) ?? []);
  };
}
