import { describe, expect, it } from 'vitest';
import { SecretRotationSchema, WebhookSecretSchema } from '../../shared/webhooks/webhook-signature.js';

const ofBytes = (n: number) => `whsec_${Buffer.alloc(n, 3).toString('base64')}`;
const messagesFor = (secret: string) => WebhookSecretSchema.safeParse(secret).error?.issues.map((issue) => issue.message) ?? [];

describe('webhook secret and rotation schemas', () => {
  it('accepts a secret whose base64 ends in two padding characters', () => {
    const padded = ofBytes(25);

    expect(padded.endsWith('==')).toBe(true);
    expect(WebhookSecretSchema.safeParse(padded).success).toBe(true);
  });

  it('tells the subscriber what a refused secret should look like', () => {
    expect(messagesFor('not-a-secret')).toContain('a webhook secret looks like whsec_ followed by base64');
    expect(messagesFor(`${ofBytes(24)}A`)).toEqual(['a webhook secret looks like whsec_ followed by base64']);
    expect(messagesFor(ofBytes(16))).toEqual(['a webhook secret holds 24 to 32 bytes']);
  });

  it('refuses base64 that only decodes loosely: base64url characters, padding inside, one = where two are due, stray low bits', () => {
    // Arrange: each of these decodes to 24 to 32 bytes in Node, which reads base64url and skips what it cannot use.
    const canonical = Buffer.alloc(25, 0xfb).toString('base64');
    const loose = [
      `whsec_${canonical.replaceAll('+', '-').replaceAll('/', '_')}`,
      `whsec_${canonical.slice(0, -4)}=${canonical.slice(-4)}`,
      `whsec_${canonical.slice(0, -1)}`,
      `whsec_${canonical.slice(0, -3)}B==`,
    ];

    // Act + Assert
    expect(canonical).toMatch(/[+/].*==$/);
    expect(loose.map(messagesFor)).toEqual(loose.map(() => ['a webhook secret looks like whsec_ followed by base64']));
  });

  it('refuses a secret under another six-character prefix, however good the base64 after it', () => {
    expect(messagesFor(ofBytes(24).replace('whsec_', 'whkey_'))).toEqual(['a webhook secret looks like whsec_ followed by base64']);
  });

  it('refuses the bare prefix as a secret of no bytes', () => {
    expect(messagesFor('whsec_')).toEqual(['a webhook secret holds 24 to 32 bytes']);
  });

  it('accepts a rotation whose previous secret expires at a time written with a UTC offset', () => {
    const rotation = { current: ofBytes(32), previous: ofBytes(24), previousExpiresAt: '2026-12-01T15:00:00+03:00' };

    expect(SecretRotationSchema.parse(rotation)).toEqual(rotation);
  });
});
