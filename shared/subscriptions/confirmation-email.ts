import type { Language } from '../bill/stages.js';
import { escapeHtml } from '../email/html-escape.js';
import type { OutgoingEmail } from '../email/mailer.js';

const STRINGS = {
  en: {
    subject: 'Confirm your duma-alerts subscription',
    greeting: 'Someone, hopefully you, asked to receive duma-alerts notifications at this address.',
    action: 'Confirm the subscription',
    expiry: 'The link works for 7 days. If you did not ask for this, ignore this email: nothing will be sent to you.',
  },
  ru: {
    subject: 'Подтвердите подписку на duma-alerts',
    greeting: 'Кто-то, надеемся, что вы, попросил присылать уведомления duma-alerts на этот адрес.',
    action: 'Подтвердить подписку',
    expiry: 'Ссылка действует 7 дней. Если вы ничего не запрашивали, просто проигнорируйте письмо: мы ничего вам не пришлём.',
  },
} as const;

/**
 * The one email an unconfirmed address ever gets. It carries no List-Unsubscribe header: there is nothing to
 * leave yet, and ignoring it is enough.
 */
export function renderConfirmationEmail(input: { to: string; language: Language; confirmUrl: string }): OutgoingEmail {
  const words = STRINGS[input.language];
  const link = escapeHtml(input.confirmUrl);
  return {
    to: input.to,
    subject: words.subject,
    text: `${words.greeting}\n\n${words.action}: ${input.confirmUrl}\n\n${words.expiry}\n`,
    html: [
      `<!doctype html><html lang="${input.language}"><body style="font-family:sans-serif;line-height:1.5;color:#111">`,
      `<p>${escapeHtml(words.greeting)}</p>`,
      `<p><a href="${link}" style="display:inline-block;padding:10px 16px;background:#1d4ed8;color:#fff;text-decoration:none;border-radius:4px">${escapeHtml(words.action)}</a></p>`,
      `<p style="font-size:90%">${link}</p>`,
      `<p style="color:#444">${escapeHtml(words.expiry)}</p>`,
      '</body></html>',
    ].join(''),
    headers: [],
    tags: [{ name: 'kind', value: 'confirmation' }],
  };
}
