import type { Language } from '../bill/stages.js';
import { escapeHtml } from '../email/html-escape.js';
import type { OutgoingEmail } from '../email/mailer.js';
import { summaryHtml, summaryText, type DroppedFollows, type SummaryLine } from './request-summary.js';

const STRINGS = {
  en: {
    subject: 'Confirm your duma-alerts subscription',
    greeting: 'Someone, hopefully you, asked to receive duma-alerts notifications at this address. This is what they asked for:',
    replaces: 'This address is already subscribed: confirming replaces what it follows now with the list above.',
    action: 'Confirm exactly this',
    expiry: 'The link works for 7 days and confirms this request only. If you did not ask for this, ignore this email: nothing changes.',
  },
  ru: {
    subject: 'Подтвердите подписку на duma-alerts',
    greeting: 'Кто-то, надеемся, что вы, попросил присылать уведомления duma-alerts на этот адрес. Вот что было запрошено:',
    replaces: 'Этот адрес уже подписан: подтверждение заменит то, за чем он следит сейчас, списком выше.',
    action: 'Подтвердить именно это',
    expiry: 'Ссылка действует 7 дней и подтверждает только эту заявку. Если вы ничего не запрашивали, просто проигнорируйте письмо: ничего не изменится.',
  },
} as const;

/**
 * The confirmation email of one sign-up request: exactly what the request follows, and the link that confirms
 * that request and no other. It carries no List-Unsubscribe header: there is nothing to leave yet, and ignoring
 * it is enough.
 */
export function renderConfirmationEmail(input: {
  to: string;
  language: Language;
  confirmUrl: string;
  summary: readonly SummaryLine[];
  /** The address is active already, so confirming replaces its preferences. */
  replacesCurrent: boolean;
  /** What it follows now that the request leaves out (summarizeDropped), when it is active and anything would stop. */
  dropped?: DroppedFollows;
}): OutgoingEmail {
  const words = STRINGS[input.language];
  const link = escapeHtml(input.confirmUrl);
  const replaces = input.replacesCurrent ? [words.replaces] : [];
  const { dropped } = input;
  return {
    to: input.to,
    subject: words.subject,
    text:
      [
        words.greeting,
        summaryText(input.summary),
        ...replaces,
        ...(dropped ? [`${dropped.heading}\n${summaryText(dropped.lines)}`] : []),
        `${words.action}: ${input.confirmUrl}`,
        words.expiry,
      ].join('\n\n') + '\n',
    html: [
      `<!doctype html><html lang="${input.language}"><body style="font-family:sans-serif;line-height:1.5;color:#111">`,
      `<p>${escapeHtml(words.greeting)}</p>`,
      summaryHtml(input.summary),
      ...replaces.map((text) => `<p><strong>${escapeHtml(text)}</strong></p>`),
      ...(dropped ? [`<p>${escapeHtml(dropped.heading)}</p>`, summaryHtml(dropped.lines)] : []),
      `<p><a href="${link}" style="display:inline-block;padding:10px 16px;background:#1d4ed8;color:#fff;text-decoration:none;border-radius:4px">${escapeHtml(words.action)}</a></p>`,
      `<p style="font-size:90%">${link}</p>`,
      `<p style="color:#444">${escapeHtml(words.expiry)}</p>`,
      '</body></html>',
    ].join(''),
    headers: [],
    tags: [{ name: 'kind', value: 'confirmation' }],
  };
}
