import type { BillChange } from '../bill/bill-change.js';
import type { Language } from '../bill/stages.js';
import { orderDigestEntries } from '../digests/digest-entries.js';
import type { Alert } from '../topics/alert.js';
import { buildChangeEmailContent, type ChangeEmailContent, type ChangeEmailLinks, type ContentSection } from './change-email-content.js';
import { renderChangeEmailHtml } from './change-email-html.js';
import { renderChangeEmailText } from './change-email-text.js';
import { changeEmailStrings } from './email-strings.js';
import { ChangeEmailContextSchema, type ChangeEmailContext, type RenderedEmail } from './render-change-email.js';
import { buildAlertEmailContent } from './render-topic-email.js';

/** Russian picks a noun form by the number's last digits: 1 изменение, 2 изменения, 5 изменений, 11 изменений. */
export function russianPlural(count: number, one: string, few: string, many: string): string {
  const lastTwo = count % 100;
  const last = count % 10;
  if (lastTwo >= 11 && lastTwo <= 14) return many;
  if (last === 1) return one;
  return last >= 2 && last <= 4 ? few : many;
}

const DIGEST_WORDS: Record<Language, { title: string; changes(changes: number, bills: number): string; alerts(alerts: number): string; and: string }> = {
  en: {
    title: 'duma-alerts digest',
    changes: (changes, bills) => `${changes} change${changes === 1 ? '' : 's'} in ${bills} bill${bills === 1 ? '' : 's'}`,
    alerts: (alerts) => `${alerts} alert${alerts === 1 ? '' : 's'}`,
    and: 'and',
  },
  ru: {
    title: 'Дайджест duma-alerts',
    changes: (changes, bills) =>
      `${changes} ${russianPlural(changes, 'изменение', 'изменения', 'изменений')} в ${bills} ${russianPlural(bills, 'законопроекте', 'законопроектах', 'законопроектах')}`,
    alerts: (alerts) => `${alerts} ${russianPlural(alerts, 'уведомление', 'уведомления', 'уведомлений')}`,
    and: 'и',
  },
};

/**
 * The digest email: every change and alert since the last digest, one section each. Each change section is the change
 * email's own content (same facts old → new, same wording, same links), without its documents list, which would
 * drown a digest; the bill link leads to them. Each alert section is its alert email's content; a bill's news sits
 * right under that bill's changes, topic matches come last. The text and HTML parts come from the change email's
 * renderers.
 * @throws RangeError for an empty digest (one with nothing in it is never sent); ZodError for a bad context
 */
export function renderDigestEmail(changes: readonly BillChange[], ctx: ChangeEmailContext, alerts: readonly Alert[] = []): RenderedEmail {
  const { language, ...links } = ChangeEmailContextSchema.parse(ctx);
  const digest = buildDigestContent(changes, alerts, language, links);
  return { subject: digest.subject, text: renderChangeEmailText(digest), html: renderChangeEmailHtml(digest) };
}

/**
 * The channel-neutral content of a digest (see {@link renderDigestEmail}): its subject counts what it carries, its
 * title line is the subject again, and each section is one change or alert. Telegram renders the same content.
 * @throws RangeError for an empty digest
 */
export function buildDigestContent(changes: readonly BillChange[], alerts: readonly Alert[], language: Language, links: ChangeEmailLinks): ChangeEmailContent {
  if (changes.length === 0 && alerts.length === 0) throw new RangeError('a digest needs at least one change');
  const words = DIGEST_WORDS[language];
  const documentsHeading = changeEmailStrings(language).heading.documents;
  const sections: ContentSection[] = orderDigestEntries(changes, alerts).map((entry) => {
    if (entry.kind === 'alert') {
      const content = buildAlertEmailContent(entry.alert, language, links);
      return { heading: content.billLabel, lines: [content.bill, ...content.sections.flatMap((section) => section.lines)] };
    }
    const content = buildChangeEmailContent(entry.change, language, links);
    return {
      heading: content.subject,
      lines: [content.bill, ...content.sections.filter((section) => section.heading !== documentsHeading).flatMap((section) => section.lines)],
    };
  });
  const counts = [
    ...(changes.length > 0 ? [words.changes(changes.length, new Set(changes.map((change) => change.billNumber)).size)] : []),
    ...(alerts.length > 0 ? [words.alerts(alerts.length)] : []),
  ];
  const subject = `duma-alerts: ${counts.join(` ${words.and} `)}`;
  // The first entry's footer says why the subscriber gets mail; every entry's links are the same.
  const footer = changes[0] ? buildChangeEmailContent(changes[0], language, links).footer : buildAlertEmailContent(alerts[0]!, language, links).footer;
  return { language, subject, billLabel: words.title, bill: { text: subject }, sections, footer };
}
