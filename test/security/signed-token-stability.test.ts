import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { TokenError, signToken, verifyToken } from '../../shared/security/signed-token.js';

const SECRET = 'test-secret-0123456789abcdef-0123456789';

/** Minted by this release with SECRET for { sub: 'subscriber-1', purpose: 'unsubscribe' }: a link already mailed. */
const MAILED_TOKEN = 'AsD8rFFeHZlJ-_PyGYBYAh3BIbdrij35FV6FMhb7CvK8jXBzl631CTNwJ0b7IwG2Y2ttJCYF6U5922a88xTcxQuh1dUa5yYvOs0S';

function thrown(act: () => unknown): unknown {
  try {
    act();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}

describe('signed tokens across releases and at the edges', () => {
  it('still opens a sealed token minted earlier: the key derivation from a secret never changes', () => {
    expect(verifyToken(MAILED_TOKEN, SECRET, { purpose: 'unsubscribe' })).toEqual({ sub: 'subscriber-1', purpose: 'unsubscribe' });
  });

  it('calls a sealed token too short to hold any payload malformed, not a bad signature', () => {
    const versionIvAndTagOnly = Buffer.concat([Buffer.from([2]), Buffer.alloc(12 + 16, 7)]).toString('base64url');

    const error = thrown(() => verifyToken(versionIvAndTagOnly, SECRET, { purpose: 'unsubscribe' }));

    expect(error).toBeInstanceOf(TokenError);
    expect(error).toMatchObject({ name: 'TokenError', reason: 'malformed', message: 'token refused: malformed' });
  });

  it('says what is wrong at the call site: a weak secret, an empty subject or purpose', () => {
    const weak = thrown(() => signToken({ sub: 'subscriber-1', purpose: 'unsubscribe' }, 'short'));
    const noSubject = thrown(() => signToken({ sub: '', purpose: 'unsubscribe' }, SECRET));
    const noPurpose = thrown(() => signToken({ sub: 'subscriber-1', purpose: '' }, SECRET));

    expect(weak).toMatchObject({ name: 'RangeError', message: 'token secrets must be at least 32 characters' });
    expect(noSubject).toBeInstanceOf(TypeError);
    expect((noSubject as Error).message).toMatch(/^cannot sign token payload: .*sub/s);
    expect((noPurpose as Error).message).toMatch(/^cannot sign token payload: .*purpose/s);
  });

  it('refuses a signed-only token whose body carries base64 padding, even when its MAC matches', () => {
    const json = JSON.stringify({ sub: 'subscriber-1', purpose: 'unsubscribe' });
    const padded = Buffer.from(json).toString('base64url') + '='.repeat((3 - (json.length % 3)) % 3);
    const token = `${padded}.${createHmac('sha256', SECRET).update(padded).digest('base64url')}`;

    expect(padded.endsWith('=')).toBe(true);
    expect(thrown(() => verifyToken(token, SECRET, { purpose: 'unsubscribe' }))).toMatchObject({ reason: 'malformed' });
  });
});
