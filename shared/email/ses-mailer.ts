import { SendEmailCommand, SESv2ServiceException, type SESv2Client } from '@aws-sdk/client-sesv2';
import * as z from 'zod';
import { MailerError, OutgoingEmailSchema, type Mailer, type OutgoingEmail } from './mailer.js';

export interface SesMailerOptions {
  /** The verified sender, e.g. `duma-alerts <alerts@example.org>`. */
  from: string;
  /** The SES configuration set that routes bounce and complaint events. */
  configurationSetName?: string;
}

// Throttling and sending-quota errors clear with time; so do server faults.
const RETRYABLE_SES_ERRORS = new Set(['TooManyRequestsException', 'LimitExceededException', 'InternalServiceErrorException']);

/**
 * A {@link Mailer} over SES v2 `SendEmail` with Simple content: SES builds the MIME, and the custom
 * headers (List-Unsubscribe) travel in `Content.Simple.Headers`. Every failure becomes a {@link MailerError}.
 */
export function createSesMailer(client: SESv2Client, options: SesMailerOptions): Mailer {
  return {
    async send(message: OutgoingEmail) {
      const valid = OutgoingEmailSchema.safeParse(message);
      if (!valid.success) throw new MailerError('InvalidMessage', false, z.prettifyError(valid.error));
      const email = valid.data;
      const utf8 = (data: string) => ({ Data: data, Charset: 'UTF-8' });
      let messageId: string | undefined;
      try {
        ({ MessageId: messageId } = await client.send(
          new SendEmailCommand({
            FromEmailAddress: options.from,
            Destination: { ToAddresses: [email.to] },
            Content: {
              Simple: {
                Subject: utf8(email.subject),
                Body: { Text: utf8(email.text), Html: utf8(email.html) },
                Headers: email.headers.map((header) => ({ Name: header.name, Value: header.value })),
              },
            },
            ConfigurationSetName: options.configurationSetName,
            EmailTags: email.tags?.map((tag) => ({ Name: tag.name, Value: tag.value })),
          }),
        ));
      } catch (error) {
        throw sesFailure(error);
      }
      // SES accepted the message, so sending again would duplicate it: not retryable.
      if (!messageId) throw new MailerError('MissingMessageId', false, 'SES accepted the email but returned no message id');
      return { messageId };
    },
  };
}

/** Classifies an SES SDK failure: retryable when waiting can help, final when the message or account is refused. */
function sesFailure(error: unknown): MailerError {
  if (error instanceof SESv2ServiceException) {
    const status = error.$metadata.httpStatusCode ?? 0;
    const retryable = RETRYABLE_SES_ERRORS.has(error.name) || error.$fault === 'server' || status >= 500;
    return new MailerError(error.name, retryable, `SES refused the email: ${error.name}: ${error.message}`, { cause: error });
  }
  // No SES answer at all (connection refused, timeout): the send may or may not have happened; trying again is the
  // only way forward, so callers dedupe on the change id rather than on this error.
  const name = error instanceof Error ? error.name : 'UnknownError';
  const detail = error instanceof Error ? error.message : String(error);
  return new MailerError(name, true, `SES did not answer: ${detail}`, { cause: error });
}
