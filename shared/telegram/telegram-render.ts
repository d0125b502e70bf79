import type { BillChange } from '../bill/bill-change.js';
import type { Language } from '../bill/stages.js';
import { buildChangeEmailContent } from '../email/change-email-content.js';
import { buildDigestContent } from '../email/render-digest-email.js';
import { buildAlertEmailContent } from '../email/render-topic-email.js';
import type { Alert } from '../topics/alert.js';
import { pingText } from '../webhooks/ping-text.js';
import { escapeTelegramHtml } from './telegram-html.js';
import { renderTelegramContent, type TelegramLink } from './telegram-message.js';

const MANAGE: Record<Language, string> = { en: 'Manage this chat’s alerts', ru: 'Настроить уведомления этого чата' };

/** The link to a Telegram endpoint's page in the operator console, under every message it gets. */
export function telegramManageLink(publicBaseUrl: string, endpointId: string, language: Language): TelegramLink {
  return { text: MANAGE[language], url: `${publicBaseUrl.replace(/\/+$/, '')}/admin/endpoints/${endpointId}?lang=${language}` };
}

/** A bill change as Telegram messages: the change email's content (facts old → new, event, decisions, documents). */
export function telegramChangeMessages(change: BillChange, language: Language, links: readonly TelegramLink[] = []): string[] {
  return renderTelegramContent(buildChangeEmailContent(change, language, {}), links);
}

/** A topic match or an "in the news" alert as Telegram messages: the alert email's content. */
export function telegramAlertMessages(alert: Alert, language: Language, links: readonly TelegramLink[] = []): string[] {
  return renderTelegramContent(buildAlertEmailContent(alert, language, {}), links);
}

/**
 * A daily or weekly digest as Telegram messages, in the digest email's order and words, split in order when long.
 * @throws RangeError for an empty digest
 */
export function telegramDigestMessages(changes: readonly BillChange[], alerts: readonly Alert[], language: Language, links: readonly TelegramLink[] = []): string[] {
  return renderTelegramContent(buildDigestContent(changes, alerts, language, {}), links);
}

/** The test message sent when a chat is registered and when an operator asks for one. */
export function telegramPingMessages(language: Language): string[] {
  return [escapeTelegramHtml(pingText(language))];
}
