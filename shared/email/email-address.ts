import { domainToASCII } from 'node:url';
import * as z from 'zod';

// zod's own pattern, with a punycode top-level domain (`xn--p1ai` is .рф) allowed beside letters-only ones.
const ASCII_ADDRESS = /^(?!\.)(?!.*\.\.)[a-z0-9_'+\-.]*[a-z0-9_+-]@([a-z0-9][a-z0-9-]*\.)+([a-z]{2,}|xn--[a-z0-9-]+)$/;

/**
 * An email address as the service stores and mails it: lower-cased, its domain in ASCII. A domain in Unicode
 * (`пример.рф`) is converted to punycode (`xn--e1afmkfd.xn--p1ai`), which is what SES accepts, so both spellings are
 * one subscriber. The local part must be ASCII: SES sends to no other.
 */
export const EmailAddressSchema = z
  .string()
  .trim()
  .max(1000)
  .transform((address, context) => {
    const at = address.lastIndexOf('@');
    const domain = at > 0 ? domainToASCII(address.slice(at + 1)) : '';
    const ascii = `${address.slice(0, at)}@${domain}`.toLowerCase();
    if (!domain || ascii.length > 254 || !ASCII_ADDRESS.test(ascii)) {
      context.addIssue({ code: 'custom', message: 'not an email address' });
      return z.NEVER;
    }
    return ascii;
  });
