import type { Language } from '../bill/stages.js';
import { escapeHtml } from '../email/html-escape.js';
import type { OutgoingEmail } from '../email/mailer.js';

const STRINGS = {
  en: {
    subject: 'Your duma-alerts preferences link',
    body: 'Someone, hopefully you, asked for a new link to the duma-alerts preferences of this address.',
    action: 'Change your preferences',
    expiry: 'The link works for 30 days. If you did not ask for it, ignore this email: nothing changes.',
  },
  ru: {
    subject: 'Ссылка на ваши настройки duma-alerts',
    body: 'Кто-то, надеемся, что вы, попросил новую ссылку на настройки duma-alerts для этого адреса.',
    action: 'Изменить настройки',
    expiry: 'Ссылка действует 30 дней. Если вы ничего не запрашивали, просто проигнорируйте письмо: ничего не изменится.',
  },
} as const;

/** The email that carries a fresh preferences link to a subscriber who asked for one. */
export function renderManageLinkEmail(input: { to: string; language: Language; manageUrl: string }): OutgoingEmail {
  const words = STRINGS[input.language];
  const link = escapeHtml(input.manageUrl);
  return {
    to: input.to,
    subject: words.subject,
    text: `${words.body}\n\n${words.action}: ${input.manageUrl}\n\n${words.expiry}\n`,
    html: [
      `<!doctype html><html lang="${input.language}"><body style="font-family:sans-serif;line-height:1.5;color:#111">`,
      `<p>${escapeHtml(words.body)}</p>`,
      `<p><a href="${link}">${escapeHtml(words.action)}</a></p>`,
      `<p style="color:#444">${escapeHtml(words.expiry)}</p>`,
      '</body></html>',
    ].join(''),
    headers: [],
    tags: [{ name: 'kind', value: 'manage-link' }],
  };
}
