import * as z from 'zod';
import { EmailAddressSchema } from './email-address.js';

const WITH_NAME = /^(.*?)\s*<([^<>]+)>$/;

/**
 * The sender of every email, as SES takes it: an address, or a display name and an address
 * (`duma-alerts <alerts@example.org>`, the form the mailer documents). A name with non-ASCII letters is written as
 * an RFC 2047 encoded word, which is what SES asks for; a line break anywhere is refused (header injection).
 */
export const SenderAddressSchema = z
  .string()
  .trim()
  .min(1)
  .max(320)
  .refine((sender) => !/[\r\n]/.test(sender), 'a sender is one line')
  .transform((sender, context) => {
    const [, rawName, rawAddress] = WITH_NAME.exec(sender) ?? [undefined, '', sender];
    const address = EmailAddressSchema.safeParse(rawAddress);
    if (!address.success) {
      context.addIssue({ code: 'custom', message: 'not an address, nor a name and an address like duma-alerts <alerts@example.org>' });
      return z.NEVER;
    }
    const name = (rawName ?? '').trim().replace(/^"(.*)"$/, '$1');
    if (name === '') return address.data;
    // eslint-disable-next-line no-control-regex
    const encoded = /^[\x20-\x7e]*$/.test(name) ? `"${name.replace(/["\\]/g, '\\$&')}"` : `=?UTF-8?B?${Buffer.from(name, 'utf8').toString('base64')}?=`;
    return `${encoded} <${address.data}>`;
  });
