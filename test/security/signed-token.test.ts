import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { TokenError, signToken, verifyToken } from '../../shared/security/signed-token.js';

const SECRET = 'test-secret-0123456789abcdef-0123456789';
const OLD_SECRET = 'old-secret-0123456789abcdef-0123456789';
const NOW = new Date('2025-03-01T12:00:00Z');
const NOW_SECONDS = NOW.getTime() / 1000;

function refusal(act: () => unknown): string {
  try {
    act();
  } catch (error) {
    if (error instanceof TokenError) return error.reason;
    throw error;
  }
  return 'accepted';
}

describe('signToken / verifyToken', () => {
  it('round-trips the payload, scope fields included', () => {
    const payload = { sub: 'sub-1', purpose: 'unsubscribe', exp: NOW_SECONDS + 60, subscriptionId: 'bill:1075342-8' };

    const token = signToken(payload, SECRET);

    expect(token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/);
    expect(verifyToken(token, SECRET, { purpose: 'unsubscribe', now: NOW })).toEqual(payload);
  });

  it('accepts a token without exp as never expiring', () => {
    const token = signToken({ sub: 'sub-1', purpose: 'unsubscribe' }, SECRET);

    expect(verifyToken(token, SECRET, { purpose: 'unsubscribe', now: new Date('2099-01-01T00:00:00Z') })).toEqual({
      sub: 'sub-1',
      purpose: 'unsubscribe',
    });
  });

  it('refuses a token whose any single character was changed', () => {
    const token = signToken({ sub: 'sub-1', purpose: 'manage', exp: NOW_SECONDS + 60 }, SECRET);
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.=+/ ';

    const accepted: string[] = [];
    for (let index = 0; index < token.length; index += 1) {
      for (const replacement of alphabet) {
        if (replacement === token[index]) continue;
        const tampered = token.slice(0, index) + replacement + token.slice(index + 1);
        const outcome = refusal(() => verifyToken(tampered, SECRET, { purpose: 'manage', now: NOW }));
        if (outcome === 'accepted') accepted.push(tampered);
      }
    }

    expect(accepted).toEqual([]);
  });

  it('refuses a token signed with another secret as a bad signature', () => {
    const token = signToken({ sub: 'sub-1', purpose: 'manage' }, 'attacker-secret-0123456789abcdef-0123');

    expect(refusal(() => verifyToken(token, SECRET, { purpose: 'manage', now: NOW }))).toBe('bad-signature');
  });

  it('refuses a token minted for another purpose', () => {
    const token = signToken({ sub: 'sub-1', purpose: 'confirm' }, SECRET);

    expect(refusal(() => verifyToken(token, SECRET, { purpose: 'unsubscribe', now: NOW }))).toBe('wrong-purpose');
  });

  it('refuses a token at and after its expiry second, accepts it one second before', () => {
    const token = signToken({ sub: 'sub-1', purpose: 'manage', exp: NOW_SECONDS }, SECRET);

    expect(refusal(() => verifyToken(token, SECRET, { purpose: 'manage', now: NOW }))).toBe('expired');
    expect(refusal(() => verifyToken(token, SECRET, { purpose: 'manage', now: new Date(NOW.getTime() + 3600_000) }))).toBe('expired');
    expect(refusal(() => verifyToken(token, SECRET, { purpose: 'manage', now: new Date(NOW.getTime() - 1000) }))).toBe('accepted');
  });

  it("binds the subscriber: another subscriber's payload under this signature is refused", () => {
    const alice = signToken({ sub: 'alice', purpose: 'unsubscribe' }, SECRET);
    const bob = signToken({ sub: 'bob', purpose: 'unsubscribe' }, SECRET);
    const [aliceBody, aliceMac] = alice.split('.');
    const [bobBody] = bob.split('.');
    const forgedSub = Buffer.from(JSON.stringify({ sub: 'bob', purpose: 'unsubscribe' })).toString('base64url');

    expect(refusal(() => verifyToken(`${bobBody}.${aliceMac}`, SECRET, { purpose: 'unsubscribe', now: NOW }))).toBe('bad-signature');
    expect(refusal(() => verifyToken(`${forgedSub}.${aliceMac}`, SECRET, { purpose: 'unsubscribe', now: NOW }))).toBe('bad-signature');
    expect(verifyToken(`${aliceBody}.${aliceMac}`, SECRET, { purpose: 'unsubscribe', now: NOW }).sub).toBe('alice');
  });

  it('verifies with any secret of a rotation list and signs with the first', () => {
    const issuedBeforeRotation = signToken({ sub: 'sub-1', purpose: 'manage' }, OLD_SECRET);
    const issuedAfterRotation = signToken({ sub: 'sub-2', purpose: 'manage' }, [SECRET, OLD_SECRET]);

    expect(verifyToken(issuedBeforeRotation, [SECRET, OLD_SECRET], { purpose: 'manage', now: NOW }).sub).toBe('sub-1');
    expect(verifyToken(issuedAfterRotation, SECRET, { purpose: 'manage', now: NOW }).sub).toBe('sub-2');
    expect(refusal(() => verifyToken(issuedAfterRotation, OLD_SECRET, { purpose: 'manage', now: NOW }))).toBe('bad-signature');
  });

  it('calls structurally broken tokens malformed', () => {
    const valid = signToken({ sub: 'sub-1', purpose: 'manage' }, SECRET);
    const reasons = ['', '.', 'abc', 'a.b.c', `${valid}.`, `.${valid}`, `${valid.replace('.', '.!')}`, 'x'.repeat(5000)].map((token) =>
      refusal(() => verifyToken(token, SECRET, { purpose: 'manage', now: NOW })),
    );

    expect(reasons).toEqual(['malformed', 'malformed', 'malformed', 'malformed', 'malformed', 'malformed', 'malformed', 'malformed']);
  });

  it('calls a correctly signed body that is not a payload malformed', () => {
    const signedBody = (text: string): string => {
      const body = Buffer.from(text).toString('base64url');
      return `${body}.${createHmac('sha256', SECRET).update(body).digest('base64url')}`;
    };

    const reasons = ['not json', '{"purpose":"manage"}', '{"sub":"a","purpose":"manage","exp":"soon"}'].map((text) =>
      refusal(() => verifyToken(signedBody(text), SECRET, { purpose: 'manage', now: NOW })),
    );

    expect(reasons).toEqual(['malformed', 'malformed', 'malformed']);
  });

  it('refuses weak secrets and invalid payloads at the call site', () => {
    expect(() => signToken({ sub: 'sub-1', purpose: 'manage' }, 'short')).toThrow(RangeError);
    expect(() => verifyToken('a.b', [] as unknown as [string], { purpose: 'manage' })).toThrow(RangeError);
    expect(() => signToken({ sub: '', purpose: 'manage' }, SECRET)).toThrow(TypeError);
    expect(() => signToken({ sub: 'sub-1', purpose: 'manage', exp: 1.5 }, SECRET)).toThrow(TypeError);
  });

  it('never throws anything but TokenError for arbitrary input (fuzz)', () => {
    const valid = signToken({ sub: 'sub-1', purpose: 'manage' }, SECRET);
    const arbitraryToken = fc.oneof(
      fc.string(),
      fc.string({ unit: 'binary' }),
      fc.tuple(fc.base64String(), fc.base64String()).map(([a, b]) => `${a}.${b}`),
      fc.tuple(fc.nat({ max: valid.length - 1 }), fc.string({ minLength: 1, maxLength: 3 })).map(
        ([at, text]) => valid.slice(0, at) + text + valid.slice(at + 1),
      ),
    );

    fc.assert(
      fc.property(arbitraryToken, (token) => {
        fc.pre(token !== valid);
        expect(() => verifyToken(token, SECRET, { purpose: 'manage', now: NOW })).toThrow(TokenError);
      }),
      { numRuns: 2000 },
    );
  });
});
