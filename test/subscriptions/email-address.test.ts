import { describe, expect, it } from 'vitest';
import { EmailAddressSchema } from '../../shared/store/subscriber-store.js';

describe('EmailAddressSchema: the addresses a Russian audience uses', () => {
  it('accepts .рф and other non-Latin domains in Unicode or punycode, as one ASCII address SES can send to', () => {
    const given = [' Reader@Пример.РФ ', 'reader@xn--e1afmkfd.xn--p1ai', 'desk@почта.рус', 'news@münchen.de', 'plain@example.org'];

    expect(given.map((address) => EmailAddressSchema.parse(address))).toEqual([
      'reader@xn--e1afmkfd.xn--p1ai',
      'reader@xn--e1afmkfd.xn--p1ai',
      'desk@xn--80a1acny.xn--p1acf',
      'news@xn--mnchen-3ya.de',
      'plain@example.org',
    ]);
  });

  it('refuses a non-ASCII local part, a missing part, spaces and over-long addresses, with one message', () => {
    const refused = ['имя@пример.рф', 'a@', '@b.ru', 'a b@c.ru', 'x@exa mple.org', 'no-at-sign', `${'a'.repeat(250)}@b.ru`];

    const messages = refused.map((address) => EmailAddressSchema.safeParse(address).error?.issues.map((issue) => issue.message));

    expect(messages).toEqual(refused.map(() => ['not an email address']));
  });
});
