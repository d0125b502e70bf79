import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { TokenError, signToken, verifyToken } from '../../shared/security/signed-token.js';

const SECRET = 'test-secret-0123456789abcdef-0123456789';
const OLD_SECRET = 'old-secret-0123456789abcdef-0123456789';
const NOW = new Date('2025-03-01T12:00:00Z');
const NOW_SECONDS = NOW.getTime() / 1000;

/** A token of the earlier signed-only form, `base64url(text).base64url(HMAC-SHA256)`, as links already mailed carry. */
function legacyToken(text: string, secret: string): string {
  const body = Buffer.from(text).toString('base64url');
  return `${body}.${createHmac('sha256', secret).update(body).digest('base64url')}`;
}

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

    expect(token).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(verifyToken(token, SECRET, { purpose: 'unsubscribe', now: NOW })).toEqual(payload);
  });

  it('shows nothing of its payload to a reader, and never mints the same token twice', () => {
    const payload = { sub: 's0123456789abcdef01234567', purpose: 'unsubscribe' };

    const first = signToken(payload, SECRET);
    const second = signToken(payload, SECRET);
    const decoded = [first, second].map((token) => Buffer.from(token, 'base64url').toString('latin1'));

    expect(first).not.toBe(second);
    expect(decoded.filter((text) => text.includes('s0123456789') || text.includes('unsubscribe') || text.includes('sub'))).toEqual([]);
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

  it('still verifies a token of the earlier signed-only form, binding its subscriber', () => {
    const alice = legacyToken(JSON.stringify({ sub: 'alice', purpose: 'unsubscribe' }), SECRET);
    const bob = legacyToken(JSON.stringify({ sub: 'bob', purpose: 'unsubscribe' }), SECRET);
    const [, aliceMac] = alice.split('.');
    const [bobBody] = bob.split('.');

    expect(verifyToken(alice, SECRET, { purpose: 'unsubscribe', now: NOW }).sub).toBe('alice');
    expect(refusal(() => verifyToken(`${bobBody}.${aliceMac}`, SECRET, { purpose: 'unsubscribe', now: NOW }))).toBe('bad-signature');
    expect(refusal(() => verifyToken(legacyToken(JSON.stringify({ sub: 'bob', purpose: 'unsubscribe' }), OLD_SECRET), SECRET, { purpose: 'unsubscribe', now: NOW }))).toBe('bad-signature');
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
    const otherVersion = Buffer.from(valid, 'base64url');
    otherVersion[0] = 1;
    const tokens = ['', '.', 'abc', 'a.b.c', `${valid}.`, `.${valid}`, `${valid}!`, 'x'.repeat(5000), otherVersion.toString('base64url'), 'AAAA'];

    const reasons = tokens.map((token) => refusal(() => verifyToken(token, SECRET, { purpose: 'manage', now: NOW })));

    expect(reasons).toEqual(tokens.map(() => 'malformed'));
  });

  it('calls a correctly signed body that is not a payload malformed', () => {
    const reasons = ['not json', '{"purpose":"manage"}', '{"sub":"a","purpose":"manage","exp":"soon"}'].map((text) =>
      refusal(() => verifyToken(legacyToken(text, SECRET), SECRET, { purpose: 'manage', now: NOW })),
    );

    expect(reasons).toEqual(['malformed', 'malformed', 'malformed']);
  });

  it('refuses weak secrets and invalid payloads at the call site', () => {
    expect(() => signToken({ sub: 'sub-1', purpose: 'manage' }, 'short')).toThrow(RangeError);
    expect(() => verifyToken('a.b', [] as unknown as [string], { purpose: 'manage' })).toThrow(RangeError);
    expect(() => signToken({ sub: '', purpose: 'manage' }, SECRET)).toThrow(TypeError);
    expect(() => signToken({ sub: 'sub-1', purpose: 'manage', exp: 1.5 }, SECRET)).toThrow(TypeError);
  });

  it('refuses a rotation list holding one short secret, whichever position it takes', () => {
    const short = 'x'.repeat(31);

    expect(() => signToken({ sub: 'sub-1', purpose: 'manage' }, [SECRET, short])).toThrow(RangeError);
    expect(() => verifyToken(signToken({ sub: 'sub-1', purpose: 'manage' }, SECRET), [SECRET, short], { purpose: 'manage' })).toThrow(RangeError);
    expect(() => verifyToken('a.b', [short, SECRET], { purpose: 'manage' })).toThrow(RangeError);
  });

  it('accepts a secret of exactly 32 characters and refuses one of 31', () => {
    const token = signToken({ sub: 'sub-1', purpose: 'manage' }, 'k'.repeat(32));

    expect(verifyToken(token, 'k'.repeat(32), { purpose: 'manage', now: NOW }).sub).toBe('sub-1');
    expect(() => signToken({ sub: 'sub-1', purpose: 'manage' }, 'k'.repeat(31))).toThrow(RangeError);
  });

  it('verifies a well-formed token of exactly 4,096 characters and calls a longer one malformed', () => {
    const tokenWithPadding = (length: number) => signToken({ sub: 'sub-1', purpose: 'manage', pad: 'p'.repeat(length) }, SECRET);
    const base = tokenWithPadding(0).length;
    // A sealed token is base64url of 29 bytes plus the JSON: 3 more JSON bytes are 4 more characters.
    const atLimit = tokenWithPadding(((4096 - base) / 4) * 3);
    const overLimit = tokenWithPadding(((4096 - base) / 4) * 3 + 1);

    expect([atLimit.length, overLimit.length]).toEqual([4096, 4098]);
    expect(verifyToken(atLimit, SECRET, { purpose: 'manage', now: NOW }).sub).toBe('sub-1');
    expect(refusal(() => verifyToken(overLimit, SECRET, { purpose: 'manage', now: NOW }))).toBe('malformed');
  });

  it('calls input that is not a string malformed', () => {
    const inputs: unknown[] = [undefined, null, 42, { sub: 'sub-1' }, ['a', 'b'], Buffer.from('abc')];

    const reasons = inputs.map((input) => refusal(() => verifyToken(input as string, SECRET, { purpose: 'manage', now: NOW })));

    expect(reasons).toEqual(inputs.map(() => 'malformed'));
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
