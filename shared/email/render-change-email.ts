import * as z from 'zod';
import type { BillChange } from '../bill/bill-change.js';
import { buildChangeEmailContent } from './change-email-content.js';
import { renderChangeEmailHtml } from './change-email-html.js';
import { renderChangeEmailText } from './change-email-text.js';

const WebUrlSchema = z.url({ protocol: /^https?$/ });

export const ChangeEmailContextSchema = z.object({
  language: z.enum(['ru', 'en']),
  unsubscribeUrl: WebUrlSchema,
  manageUrl: WebUrlSchema.optional(),
});
export type ChangeEmailContext = z.infer<typeof ChangeEmailContextSchema>;

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

/**
 * The alert email for one bill change in the subscriber's language: a subject naming the most significant
 * fact old → new, and matching plain-text and HTML bodies with every fact, the event, decisions, documents
 * and the unsubscribe footer. Throws a ZodError for a context that is not valid (e.g. a non-http unsubscribe link).
 */
export function renderChangeEmail(change: BillChange, ctx: ChangeEmailContext): RenderedEmail {
  const { language, ...links } = ChangeEmailContextSchema.parse(ctx);
  const content = buildChangeEmailContent(change, language, links);
  return { subject: content.subject, text: renderChangeEmailText(content), html: renderChangeEmailHtml(content) };
}
