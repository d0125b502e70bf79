import type { Logger } from '@aws-lambda-powertools/logger';
import type { BillChange } from '../bill/bill-change.js';
import type { Language } from '../bill/stages.js';
import { listUnsubscribeHeaders } from '../email/list-unsubscribe-headers.js';
import type { Mailer } from '../email/mailer.js';
import { renderDigestEmail } from '../email/render-digest-email.js';
import type { SafeHttpClient } from '../net/safe-http-client.js';
import type { TokenSecrets } from '../security/signed-token.js';
import { buildSlackDigestMessage } from '../slack/slack-digest.js';
import type { AlertStore } from '../store/alert-store.js';
import type { ChangeStore } from '../store/change-store.js';
import type { DigestRecipientMarker, DigestStore, PendingDigestItem } from '../store/digest-store.js';
import type { EndpointStore } from '../store/endpoint-store.js';
import type { TelegramBotApi } from '../telegram/telegram-bot-api.js';
import { telegramDigestMessages, telegramManageLink } from '../telegram/telegram-render.js';
import type { Endpoint } from '../webhooks/endpoint.js';
import type { NewsStore } from '../store/news-store.js';
import type { SubscriberStore } from '../store/subscriber-store.js';
import { DEFAULT_TIME_ZONE } from '../subscriptions/subscription-preferences.js';
import { unsubscribeUrl } from '../subscriptions/subscriber-links.js';
import type { Alert } from '../topics/alert.js';
import { postToSlack, postToTelegram } from './channel-posts.js';
import { parseDigestRecipientKey } from './digest-recipient.js';
import { isDigestDue, type DigestTiming } from './digest-schedule.js';

export interface SendDigestsDependencies {
  digests: DigestStore;
  changes: ChangeStore;
  /** Topic matches and "in the news" alerts waiting in digests. */
  alerts: Pick<AlertStore, 'get'>;
  /** Whether an email subscriber still wants "in the news" alerts. */
  news: Pick<NewsStore, 'newsAlertsOn'>;
  subscribers: SubscriberStore;
  endpoints: EndpointStore;
  mailer: Mailer;
  /** Posts Slack digests under the SSRF policy. */
  http: SafeHttpClient;
  /** The service's Telegram bot, for Telegram chats' digests. */
  telegram?: TelegramBotApi;
  now: () => Date;
  logger: Logger;
  publicBaseUrl: string;
  tokenSecrets: TokenSecrets;
  /** Local hour digests go out at. */
  digestHour: number;
}

export interface DigestRunSummary {
  digestsSent: number;
  /** Changes and alerts the digests carried. */
  changesSent: number;
  /** Recipients whose digest could not be sent this run; their changes wait for the next run. */
  failed: number;
}

/** Where one recipient's digest goes, and when. */
type DigestTarget =
  | { kind: 'email'; subscriberId: string; email: string; language: Language; timing: DigestTiming }
  | { kind: 'slack'; url: string; language: Language; timing: DigestTiming }
  | { kind: 'telegram'; endpoint: Endpoint; chatId: string; timing: DigestTiming }
  | { kind: 'gone' }
  | { kind: 'paused' };

/**
 * Scheduled (hourly): sends every recipient whose digest slot (08:00 local by default, Mondays for weekly) has come
 * since their oldest waiting entry one email, Slack message or Telegram post with all their waiting changes and alerts (topic
 * matches, "in the news"), then records them as sent, so each is in exactly one digest. Nothing is sent to a recipient with nothing waiting. A failed send
 * leaves the changes waiting for the next run; a crash after a send and before the record repeats that digest once.
 */
export async function sendDueDigests(deps: SendDigestsDependencies): Promise<DigestRunSummary> {
  const summary: DigestRunSummary = { digestsSent: 0, changesSent: 0, failed: 0 };
  for await (const markers of deps.digests.listRecipients()) {
    for (const marker of markers) {
      try {
        const sent = await sendDigestIfDue(deps, marker);
        if (sent > 0) {
          summary.digestsSent++;
          summary.changesSent += sent;
        }
      } catch (error) {
        summary.failed++;
        deps.logger.error('digest not sent', { recipient: marker.recipient, error: error as Error });
      }
    }
  }
  return summary;
}

/** @returns how many changes and alerts the digest carried; 0 when nothing was sent. */
async function sendDigestIfDue(deps: SendDigestsDependencies, marker: DigestRecipientMarker): Promise<number> {
  const now = deps.now();
  const target = await resolveTarget(deps, marker);
  if (target.kind === 'paused') return 0;
  const pending = await deps.digests.readPending(marker.recipient, now);
  if (target.kind === 'gone' || pending.length === 0) {
    await deps.digests.dropPending(marker.recipient, pending.map((item) => item.changeId));
    await deps.digests.clearMarker(marker);
    return 0;
  }
  const oldest = new Date(Math.min(...pending.map((item) => Date.parse(item.queuedAt))));
  if (!isDigestDue(oldest, now, target.timing)) return 0;

  const changes = await readChanges(deps, pending);
  const alerts = await readAlerts(deps, target, pending);
  if (changes.length > 0 || alerts.length > 0) {
    if (target.kind === 'email') await sendEmailDigest(deps, target, changes, alerts);
    else if (target.kind === 'telegram') await sendTelegramDigest(deps, target, changes, alerts);
    else await sendSlackDigest(deps, target, changes, alerts);
  }
  await deps.digests.completeDigest(marker.recipient, pending.map((item) => item.changeId), now);
  await deps.digests.clearMarker(marker);
  deps.logger.info('digest sent', { recipient: marker.recipient, changes: changes.length, alerts: alerts.length });
  return changes.length + alerts.length;
}

async function resolveTarget(deps: SendDigestsDependencies, marker: DigestRecipientMarker): Promise<DigestTarget> {
  const recipient = parseDigestRecipientKey(marker.recipient);
  if (!recipient) return { kind: 'gone' };
  const timing = (timeZone: string | undefined, frequency: string | undefined): DigestTiming => ({
    timeZone: timeZone ?? DEFAULT_TIME_ZONE,
    hour: deps.digestHour,
    // The profile is the newest word on frequency; the marker keeps what fan-out saw if the profile says instant now.
    frequency: frequency === 'daily' || frequency === 'weekly' ? frequency : marker.frequency,
  });
  if (recipient.channel === 'email') {
    const subscriber = await deps.subscribers.get(recipient.id);
    if (!subscriber || subscriber.status !== 'active') return { kind: 'gone' };
    return {
      kind: 'email',
      subscriberId: subscriber.id,
      email: subscriber.email,
      language: subscriber.language,
      timing: timing(subscriber.timeZone, subscriber.frequency),
    };
  }
  const endpoint = await deps.endpoints.get(recipient.id);
  if (!endpoint) return { kind: 'gone' };
  // A disabled channel keeps its changes; they go out in the first digest after it is enabled again.
  if (endpoint.status !== 'active') return { kind: 'paused' };
  if (recipient.channel === 'telegram') {
    return endpoint.chatId ? { kind: 'telegram', endpoint, chatId: endpoint.chatId, timing: timing(endpoint.timeZone, endpoint.frequency) } : { kind: 'gone' };
  }
  return { kind: 'slack', url: endpoint.url, language: endpoint.language, timing: timing(endpoint.timeZone, endpoint.frequency) };
}

/** The changes that still exist, oldest first (by detection, then bill), so the digest reads in the order things happened. */
async function readChanges(deps: SendDigestsDependencies, pending: readonly PendingDigestItem[]): Promise<BillChange[]> {
  const changes = await Promise.all(pending.map((item) => (item.kind === 'alert' ? undefined : deps.changes.get(item.billNumber, item.changeId))));
  return changes
    .filter((change): change is BillChange => change !== undefined)
    .sort((a, b) => a.detectedAt.localeCompare(b.detectedAt) || a.billNumber.localeCompare(b.billNumber) || a.id.localeCompare(b.id));
}

/**
 * The alerts that still exist, oldest first. "In the news" is left out for an email subscriber who turned it off
 * since fan-out; it is still recorded as sent with the rest, so it never turns up later.
 */
async function readAlerts(deps: SendDigestsDependencies, target: DigestTarget, pending: readonly PendingDigestItem[]): Promise<Alert[]> {
  const ids = pending.flatMap((item) => (item.kind === 'alert' ? [item.changeId] : []));
  if (ids.length === 0) return [];
  const alerts = (await Promise.all(ids.map((id) => deps.alerts.get(id)))).filter((alert): alert is Alert => alert !== undefined);
  const newsOff = target.kind === 'email' && alerts.some((alert) => alert.kind === 'bill-news') && !(await deps.news.newsAlertsOn(target.subscriberId));
  return alerts
    .filter((alert) => !(newsOff && alert.kind === 'bill-news'))
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
}

async function sendEmailDigest(
  deps: SendDigestsDependencies,
  target: Extract<DigestTarget, { kind: 'email' }>,
  changes: BillChange[],
  alerts: Alert[],
): Promise<void> {
  const unsubscribe = unsubscribeUrl(deps.publicBaseUrl, target.subscriberId, deps.tokenSecrets);
  const email = renderDigestEmail(changes, { language: target.language, unsubscribeUrl: unsubscribe }, alerts);
  await deps.mailer.send({
    to: target.email,
    ...email,
    headers: listUnsubscribeHeaders(unsubscribe),
    tags: [{ name: 'kind', value: 'digest' }],
  });
}

async function sendSlackDigest(
  deps: SendDigestsDependencies,
  target: Extract<DigestTarget, { kind: 'slack' }>,
  changes: BillChange[],
  alerts: Alert[],
): Promise<void> {
  await postToSlack(deps, target.url, buildSlackDigestMessage(changes, target.language, alerts));
}

/**
 * Posts a digest to a Telegram chat, split in order into messages of at most 4,096 characters; any failure leaves the
 * digest waiting for the next run (see {@link postToTelegram}).
 */
async function sendTelegramDigest(
  deps: SendDigestsDependencies,
  target: Extract<DigestTarget, { kind: 'telegram' }>,
  changes: BillChange[],
  alerts: Alert[],
): Promise<void> {
  const { endpoint } = target;
  const messages = telegramDigestMessages(changes, alerts, endpoint.language, [telegramManageLink(deps.publicBaseUrl, endpoint.id, endpoint.language)]);
  await postToTelegram(deps, endpoint, target.chatId, messages);
}
