import type { BillChange } from '../bill/bill-change.js';
import type { Language } from '../bill/stages.js';
import { buildChangeEmailContent, type ChangeEmailContent, type ContentSection } from './change-email-content.js';
import { renderChangeEmailHtml } from './change-email-html.js';
import { renderChangeEmailText } from './change-email-text.js';
import { changeEmailStrings } from './email-strings.js';
import { ChangeEmailContextSchema, type ChangeEmailContext, type RenderedEmail } from './render-change-email.js';

/** Russian picks a noun form by the number's last digits: 1 изменение, 2 изменения, 5 изменений, 11 изменений. */
function russianPlural(count: number, one: string, few: string, many: string): string {
  const lastTwo = count % 100;
  const last = count % 10;
  if (lastTwo >= 11 && lastTwo <= 14) return many;
  if (last === 1) return one;
  return last >= 2 && last <= 4 ? few : many;
}

const DIGEST_WORDS: Record<Language, { title: string; subject(changes: number, bills: number): string }> = {
  en: {
    title: 'duma-alerts digest',
    subject: (changes, bills) => `duma-alerts: ${changes} change${changes === 1 ? '' : 's'} in ${bills} bill${bills === 1 ? '' : 's'}`,
  },
  ru: {
    title: 'Дайджест duma-alerts',
    subject: (changes, bills) =>
      `duma-alerts: ${changes} ${russianPlural(changes, 'изменение', 'изменения', 'изменений')} в ${bills} ${russianPlural(bills, 'законопроекте', 'законопроектах', 'законопроектах')}`,
  },
};

/**
 * The digest email: every change since the last digest, one section each, in the given order. Each section is the
 * change email's own content (same facts old → new, same wording, same links), without its documents list, which
 * would drown a digest; the bill link leads to them. The text and HTML parts come from the change email's renderers.
 * @throws RangeError for an empty list (a digest with nothing in it is never sent); ZodError for a bad context
 */
export function renderDigestEmail(changes: readonly BillChange[], ctx: ChangeEmailContext): RenderedEmail {
  if (changes.length === 0) throw new RangeError('a digest needs at least one change');
  const { language, ...links } = ChangeEmailContextSchema.parse(ctx);
  const words = DIGEST_WORDS[language];
  const documentsHeading = changeEmailStrings(language).heading.documents;
  const contents = changes.map((change) => buildChangeEmailContent(change, language, links));
  const sections: ContentSection[] = contents.map((content) => ({
    heading: content.subject,
    lines: [content.bill, ...content.sections.filter((section) => section.heading !== documentsHeading).flatMap((section) => section.lines)],
  }));
  const subject = words.subject(changes.length, new Set(changes.map((change) => change.billNumber)).size);
  const digest: ChangeEmailContent = {
    language,
    subject,
    billLabel: words.title,
    bill: { text: subject },
    sections,
    footer: contents[0]!.footer,
  };
  return { subject, text: renderChangeEmailText(digest), html: renderChangeEmailHtml(digest) };
}
