import type { Logger } from '@aws-lambda-powertools/logger';
import type { Language } from '../bill/stages.js';
import type { Mailer } from '../email/mailer.js';
import type { TokenSecrets } from '../security/signed-token.js';
import type { BillSummaryReader } from '../store/bill-summaries.js';
import type { DynamoRateLimitStore, RateLimit } from '../store/rate-limit-store.js';
import type { DynamoAddressBook } from '../store/address-book.js';
import type { Subscriber } from '../store/subscriber-store.js';
import type { ConfirmOutcome, DynamoSubscriptionStore } from '../store/subscription-store.js';
import type { DynamoSuppressionStore } from '../store/suppression-store.js';
import { renderConfirmationEmail } from './confirmation-email.js';
import { renderManageLinkEmail } from './manage-link-email.js';
import { CONFIRM_LINK_TTL_SECONDS, confirmUrl, manageUrl, type ConfirmRequest } from './subscriber-links.js';
import { summarizeDropped, summarizeRequest, type DroppedFollows, type SummaryLine } from './request-summary.js';
import type { FollowLimits, Preferences } from './subscription-preferences.js';

/** Sign-up limits, all kept in DynamoDB so they hold across Lambda instances. */
export interface SignupLimits {
  perClientIp: RateLimit;
  /** At most one confirmation email per address within this many seconds, however often it is asked for. */
  confirmationCooldownSeconds: number;
  /** Sign-ups and link requests answer no sooner than this after they arrived, whatever the address's state. */
  settleMs: number;
}

export interface SubscriptionDependencies {
  /** Which subscriber an address is (random ids). */
  addresses: DynamoAddressBook;
  subscriptions: DynamoSubscriptionStore;
  suppressions: DynamoSuppressionStore;
  rateLimits: DynamoRateLimitStore;
  /** Titles and stages of bills, shown in confirmation emails and on the pages. */
  billSummaries: BillSummaryReader;
  mailer: Mailer;
  tokenSecrets: TokenSecrets;
  publicBaseUrl: string;
  signupLimits: SignupLimits;
  /** How much one subscriber may follow through the public doors. */
  followLimits: FollowLimits;
  now: () => Date;
  logger: Logger;
}

export type SignupResult = { kind: 'accepted' } | { kind: 'rate-limited'; retryAfterSeconds: number };

/**
 * A sign-up: records the request as its own pending request and sends one confirmation email showing exactly
 * what it follows, whose link confirms that request only. Within an address's cool-down a request is neither
 * stored nor mailed: nothing could confirm it, and the request already mailed stays exactly as it was shown.
 * The answer, and its timing, are the same for a new, pending, active, unsubscribed or suppressed address, and
 * however often the address was asked for (no per-address refusal that would lock its owner out); only the
 * per-client rate limit, which is about the asker, answers differently.
 */
export async function signUp(
  deps: SubscriptionDependencies,
  request: { email: string; preferences: Preferences; clientIp: string },
): Promise<SignupResult> {
  return settled(deps, () => recordSignup(deps, request));
}

async function recordSignup(
  deps: SubscriptionDependencies,
  request: { email: string; preferences: Preferences; clientIp: string },
): Promise<SignupResult> {
  const now = deps.now();
  const decision = await deps.rateLimits.hit('signup-ip', request.clientIp, deps.signupLimits.perClientIp, now);
  if (!decision.allowed) return { kind: 'rate-limited', retryAfterSeconds: decision.retryAfterSeconds };
  const subscriberId = await deps.addresses.idFor(request.email);
  if (await deps.suppressions.isSuppressed(subscriberId)) {
    deps.logger.info('sign-up for a suppressed address ignored', { subscriberId });
    return { kind: 'accepted' };
  }
  const mayEmail = await deps.rateLimits.startCooldown(
    'confirmation-email',
    subscriberId,
    deps.signupLimits.confirmationCooldownSeconds,
    now,
  );
  if (!mayEmail) return { kind: 'accepted' };
  const current = await deps.subscriptions.get(subscriberId, now);
  const pending = await deps.subscriptions.requestSignup({
    subscriberId,
    email: request.email,
    preferences: request.preferences,
    at: now,
    expiresAt: Math.floor(now.getTime() / 1000) + CONFIRM_LINK_TTL_SECONDS,
  });
  const { language } = request.preferences;
  const outline = await confirmationOutline(deps, current, request.preferences, language);
  const { messageId } = await deps.mailer.send(
    renderConfirmationEmail({ to: pending.email, language, confirmUrl: confirmUrl(deps.publicBaseUrl, pending, deps.tokenSecrets, now), ...outline }),
  );
  deps.logger.info('confirmation email sent', { subscriberId, messageId });
  return { kind: 'accepted' };
}

/**
 * What a confirmation (its email and its page) shows of one request: exactly what it asks for and, for an address
 * that is active already (confirming replaces what it follows), what it follows now that the request leaves out.
 */
export async function confirmationOutline(
  deps: Pick<SubscriptionDependencies, 'subscriptions' | 'billSummaries' | 'now'>,
  current: Subscriber | undefined,
  requested: Preferences,
  language: Language,
): Promise<{ summary: SummaryLine[]; replacesCurrent: boolean; dropped?: DroppedFollows }> {
  const following = current?.status === 'active' ? (await subscriptionView(deps, current)).preferences : undefined;
  const bills = await deps.billSummaries.summaries([...new Set([...requested.bills, ...(following?.bills ?? [])])]);
  const dropped = following && summarizeDropped(following, requested, bills, language);
  return { summary: summarizeRequest(requested, bills, language), replacesCurrent: following !== undefined, ...(dropped ? { dropped } : {}) };
}

/**
 * Mails a fresh preferences link to an address that has a confirmed subscription (active or unsubscribed), at
 * most once per cool-down. The caller answers the same whatever happened, so the form tells nobody whether an
 * address is subscribed; only the per-client rate limit, which is about the asker, answers differently.
 */
export async function sendManageLink(deps: SubscriptionDependencies, request: { email: string; clientIp: string }): Promise<SignupResult> {
  return settled(deps, () => mailManageLink(deps, request));
}

async function mailManageLink(deps: SubscriptionDependencies, request: { email: string; clientIp: string }): Promise<SignupResult> {
  const now = deps.now();
  const decision = await deps.rateLimits.hit('manage-link-ip', request.clientIp, deps.signupLimits.perClientIp, now);
  if (!decision.allowed) return { kind: 'rate-limited', retryAfterSeconds: decision.retryAfterSeconds };
  const subscriberId = await deps.addresses.idOf(request.email);
  const subscriber = subscriberId ? await deps.subscriptions.get(subscriberId, now) : undefined;
  if (!subscriber || (subscriber.status !== 'active' && subscriber.status !== 'unsubscribed')) return { kind: 'accepted' };
  if (await deps.suppressions.isSuppressed(subscriber.id)) return { kind: 'accepted' };
  const cooldown = deps.signupLimits.confirmationCooldownSeconds;
  if (!(await deps.rateLimits.startCooldown('manage-link', subscriber.id, cooldown, now))) return { kind: 'accepted' };
  const { messageId } = await deps.mailer.send(
    renderManageLinkEmail({
      to: subscriber.email,
      language: subscriber.language,
      manageUrl: manageUrl(deps.publicBaseUrl, subscriber.id, deps.tokenSecrets, now),
    }),
  );
  deps.logger.info('preferences link sent', { subscriberId: subscriber.id, messageId });
  return { kind: 'accepted' };
}

/**
 * Runs `work` and answers no sooner than `settleMs` after it began: a suppressed or unknown address does less
 * (no email is sent) and would otherwise answer measurably sooner than a pending or active one.
 */
async function settled<T>(deps: SubscriptionDependencies, work: () => Promise<T>): Promise<T> {
  const deadline = performance.now() + deps.signupLimits.settleMs;
  try {
    return await work();
  } finally {
    const wait = deadline - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  }
}

/** Follows a confirmation link whose token has already been verified: applies that one request. */
export async function confirmSignup(deps: SubscriptionDependencies, request: ConfirmRequest): Promise<ConfirmOutcome> {
  return deps.subscriptions.confirm(request.subscriberId, request.requestId, deps.now(), (id) => deps.suppressions.isSuppressed(id));
}

/** Everything a subscriber's preferences page or the admin API shows. */
export interface SubscriptionView {
  subscriber: Subscriber;
  preferences: Preferences;
}

/** The subscriber with their preferences, filling the defaults of subscribers made before preferences existed. */
export async function readSubscription(deps: SubscriptionDependencies, subscriberId: string): Promise<SubscriptionView | undefined> {
  const subscriber = await deps.subscriptions.get(subscriberId, deps.now());
  return subscriber ? subscriptionView(deps, subscriber) : undefined;
}

/**
 * What a subscriber asked for, wherever it is kept: a pending sign-up's preferences wait on its request, a
 * CLI-made subscriber's bills are its follows. Every view of a subscriber (admin list, admin detail, their own
 * preferences page) goes through here so that they agree.
 */
export async function subscriptionView(deps: Pick<SubscriptionDependencies, 'subscriptions' | 'now'>, subscriber: Subscriber): Promise<SubscriptionView> {
  const subscriberId = subscriber.id;
  if (subscriber.status === 'pending') {
    const pending = await deps.subscriptions.latestPendingSignup(subscriberId, deps.now());
    if (pending) return { subscriber, preferences: pending.preferences };
  }
  // A subscriber made by the CLI has follows but no bill list on the profile: the follows are the truth then.
  const bills = subscriber.bills ?? (await deps.subscriptions.listFollowedBills(subscriberId));
  return { subscriber, preferences: { ...preferencesOf(subscriber), bills } };
}

/** The preferences stored on a profile, with defaults for what a CLI-made subscriber lacks. */
export function preferencesOf(subscriber: Subscriber): Preferences {
  return {
    bills: subscriber.bills ?? [],
    topics: subscriber.topics ?? [],
    committees: subscriber.committees ?? [],
    initiators: subscriber.initiators ?? [],
    language: subscriber.language,
    timeZone: subscriber.timeZone ?? 'Europe/Moscow',
    frequency: subscriber.frequency ?? 'instant',
    stages: subscriber.stages ?? 'all',
    newsAlerts: subscriber.newsAlerts ?? true,
    weekAhead: subscriber.weekAhead ?? false,
  };
}

/**
 * Saves a confirmed subscriber's preferences; with `reactivate`, an unsubscribed one is subscribed again.
 * Returns undefined, changing nothing, for an absent, unconfirmed or suppressed subscriber: the suppression
 * list is checked too, since an unsubscribe after a bounce leaves the profile 'unsubscribed'.
 */
export async function savePreferences(
  deps: SubscriptionDependencies,
  subscriberId: string,
  preferences: Preferences,
  options: { reactivate: boolean },
): Promise<Subscriber | undefined> {
  if (await deps.suppressions.isSuppressed(subscriberId)) return undefined;
  return deps.subscriptions.updatePreferences(subscriberId, preferences, deps.now(), options);
}
