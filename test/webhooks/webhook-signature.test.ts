import { Webhook, WebhookVerificationError } from 'standardwebhooks';
import { describe, expect, it } from 'vitest';
import {
  generateWebhookSecret,
  signingSecretsAt,
  signWebhook,
  WebhookSecretSchema,
  webhookMessageId,
} from '../../shared/webhooks/webhook-signature.js';

const body = JSON.stringify({ type: 'ping', timestamp: '2025-03-01T12:00:00.000Z', data: { schemaVersion: 1 } });

describe('generateWebhookSecret', () => {
  it('makes whsec_ + base64 of 32 random bytes, different every time, that the schema accepts', () => {
    const secrets = [generateWebhookSecret(), generateWebhookSecret()];
    expect(secrets.map((secret) => Buffer.from(secret.slice('whsec_'.length), 'base64').length)).toEqual([32, 32]);
    expect(secrets.map((secret) => WebhookSecretSchema.safeParse(secret).success)).toEqual([true, true]);
    expect(secrets[0]).not.toBe(secrets[1]);
  });

  it('refuses secrets without the prefix or with too few bytes', () => {
    const tooShort = `whsec_${Buffer.alloc(16).toString('base64')}`;
    const unprefixed = Buffer.alloc(32).toString('base64');
    expect([tooShort, unprefixed].map((secret) => WebhookSecretSchema.safeParse(secret).success)).toEqual([false, false]);
  });

  it('accepts 24 to 32 bytes and refuses 23 and 33, the bounds of a user-supplied secret', () => {
    const ofBytes = (n: number) => `whsec_${Buffer.alloc(n, 7).toString('base64')}`;
    expect([23, 24, 32, 33].map((n) => WebhookSecretSchema.safeParse(ofBytes(n)).success)).toEqual([false, true, true, false]);
  });

  it('accepts an unpadded secret, which signs exactly as its padded form does', () => {
    // Arrange: 25 bytes take two padding characters.
    const padded = `whsec_${Buffer.alloc(25, 9).toString('base64')}`;
    const unpadded = padded.replace(/=+$/, '');
    const input = { deliveryId: 'd1', body, timestamp: new Date('2025-03-01T12:00:00Z') };

    // Act + Assert
    expect(padded.endsWith('==')).toBe(true);
    expect(WebhookSecretSchema.safeParse(unpadded).success).toBe(true);
    expect(signWebhook({ ...input, secrets: [unpadded] })).toEqual(signWebhook({ ...input, secrets: [padded] }));
  });

  it('refuses junk around the secret: spaces, a newline, a stray character that base64 decoding would silently drop', () => {
    const base64 = Buffer.alloc(24, 5).toString('base64');
    const junk = [` whsec_${base64}`, `whsec_${base64} `, `whsec_${base64}\n`, `whsec_${base64}A`, `whsec_${base64}==`, `whsec_ ${base64}`];
    expect(junk.map((secret) => WebhookSecretSchema.safeParse(secret).success)).toEqual(junk.map(() => false));
  });
});

describe('signWebhook', () => {
  it('produces headers that the standardwebhooks library verifies, with a webhook-id stable across retries', () => {
    // Arrange
    const secret = generateWebhookSecret();
    const now = new Date();

    // Act
    const first = signWebhook({ deliveryId: 'delivery-1', body, timestamp: now, secrets: [secret] });
    const retry = signWebhook({ deliveryId: 'delivery-1', body, timestamp: new Date(now.getTime() + 5_000), secrets: [secret] });

    // Assert
    expect(new Webhook(secret).verify(body, { ...first })).toEqual(JSON.parse(body));
    expect(first['webhook-id']).toBe(retry['webhook-id']);
    expect(first['webhook-id']).toBe(webhookMessageId('delivery-1'));
    expect(first['webhook-id']).toMatch(/^msg_[A-Za-z0-9_-]{32}$/);
    expect(first['webhook-timestamp']).toBe(String(Math.floor(now.getTime() / 1000)));
    expect(first['webhook-signature']).toMatch(/^v1,[A-Za-z0-9+/]{43}=$/);
  });

  it('signs with both secrets during a rotation, so a receiver holding either one verifies', () => {
    // Arrange
    const [oldSecret, newSecret] = [generateWebhookSecret(), generateWebhookSecret()];

    // Act
    const headers = signWebhook({ deliveryId: 'd-2', body, timestamp: new Date(), secrets: [newSecret, oldSecret] });

    // Assert
    expect(headers['webhook-signature'].split(' ')).toHaveLength(2);
    expect(new Webhook(oldSecret).verify(body, { ...headers })).toEqual(JSON.parse(body));
    expect(new Webhook(newSecret).verify(body, { ...headers })).toEqual(JSON.parse(body));
    expect(() => new Webhook(generateWebhookSecret()).verify(body, { ...headers })).toThrow('No matching signature found');
  });

  it('fails verification when one byte of the body is changed', () => {
    const secret = generateWebhookSecret();
    const headers = signWebhook({ deliveryId: 'd-3', body, timestamp: new Date(), secrets: [secret] });
    expect(() => new Webhook(secret).verify(body.replace('ping', 'pong'), { ...headers })).toThrow(WebhookVerificationError);
  });

  it('fails verification when the timestamp is more than 5 minutes old', () => {
    const secret = generateWebhookSecret();
    const headers = signWebhook({ deliveryId: 'd-4', body, timestamp: new Date(Date.now() - 301_000), secrets: [secret] });
    expect(() => new Webhook(secret).verify(body, { ...headers })).toThrow('Message timestamp too old');
  });
});

describe('signingSecretsAt', () => {
  const current = generateWebhookSecret();
  const previous = generateWebhookSecret();
  const rotation = { current, previous, previousExpiresAt: '2025-03-02T12:00:00Z' };

  it('signs with current and previous until the overlap ends, then with current only', () => {
    expect(signingSecretsAt(rotation, new Date('2025-03-02T11:59:59Z'))).toEqual([current, previous]);
    expect(signingSecretsAt(rotation, new Date('2025-03-02T12:00:00Z'))).toEqual([current]);
    expect(signingSecretsAt({ current }, new Date('2025-03-01T00:00:00Z'))).toEqual([current]);
  });

  it('reads an expiry written with a UTC offset as the instant it names', () => {
    // Arrange: 15:00 in Moscow is 12:00 UTC.
    const moscow = { current, previous, previousExpiresAt: '2025-03-02T15:00:00+03:00' };

    // Act + Assert
    expect(signingSecretsAt(moscow, new Date('2025-03-02T11:59:59Z'))).toEqual([current, previous]);
    expect(signingSecretsAt(moscow, new Date('2025-03-02T12:00:00Z'))).toEqual([current]);
  });
});
