import * as z from 'zod';
import { EmailAddressSchema } from './email-address.js';

// RFC 5322 field-name characters; anything else would let a header name smuggle in another header.
const HEADER_NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const NO_LINE_BREAKS = /^[^\r\n]*$/;
// What SES accepts in a message tag name or value.
const TAG_TEXT = /^[A-Za-z0-9_-]{1,256}$/;

export const EmailHeaderSchema = z.object({
  name: z.string().regex(HEADER_NAME, 'a header name is printable ASCII without ":" or spaces'),
  value: z.string().regex(NO_LINE_BREAKS, 'a header value is one line'),
});
export type EmailHeader = z.infer<typeof EmailHeaderSchema>;

/** One email to one recipient, already rendered. */
export const OutgoingEmailSchema = z.object({
  to: EmailAddressSchema,
  subject: z.string().min(1).regex(NO_LINE_BREAKS, 'a subject is one line'),
  text: z.string().min(1),
  html: z.string().min(1),
  headers: z.array(EmailHeaderSchema),
  /** Tags SES attaches to delivery events (bounces, complaints), e.g. the subscriber id. */
  tags: z.array(z.object({ name: z.string().regex(TAG_TEXT), value: z.string().regex(TAG_TEXT) })).optional(),
});
export type OutgoingEmail = z.infer<typeof OutgoingEmailSchema>;

/** Sends email. The port alert delivery depends on; SES is one adapter. */
export interface Mailer {
  /** Resolves with the provider's message id; rejects with a {@link MailerError} only. */
  send(message: OutgoingEmail): Promise<{ messageId: string }>;
}

/**
 * Why a send failed, and whether sending the same message again later may succeed
 * (throttling, provider outage) or never will (rejected content, suspended account, bad address).
 */
export class MailerError extends Error {
  override readonly name = 'MailerError';
  constructor(
    /** The provider's error name (e.g. `MessageRejected`), or `InvalidMessage` when the message never left. */
    readonly code: string,
    readonly retryable: boolean,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
