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

  it('accepts a rotation whose previous secret expires at a time written with a UTC offset', () => {
    const rotation = { current: ofBytes(32), previous: ofBytes(24), previousExpiresAt: '2026-12-01T15:00:00+03:00' };

    expect(SecretRotationSchema.parse(rotation)).toEqual(rotation);
  });
});
