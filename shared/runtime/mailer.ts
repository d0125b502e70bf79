import type { Access } from '../access/access.js';
import { createSesClient } from '../aws/clients.js';
import type { Config } from '../config/config.js';
import type { Mailer } from '../email/mailer.js';
import { createSesMailer } from '../email/ses-mailer.js';

/** What {@link configuredMailer} does: send email from the sender identity. */
export const MAILER_ACCESS: Partial<Access> = { sendsEmail: true };

/** The SES mailer with the configured sender and configuration set. */
export function configuredMailer(config: Config): Mailer {
  return createSesMailer(createSesClient(), { from: config.email.from, configurationSetName: config.email.configurationSet });
}
