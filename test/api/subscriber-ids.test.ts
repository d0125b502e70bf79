import { createHash, createHmac } from 'node:crypto';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keys } from '../../shared/store/table-schema.js';
import { startApiTestStack, TABLE_NAME, uniqueAddress, linkIn, type ApiTestStack } from './api-test-stack.js';

let stack: ApiTestStack;

beforeAll(async () => {
  stack = await startApiTestStack();
});
afterAll(async () => {
  await stack?.stop();
});

/** The id every subscriber had before ids were random: guessable from the address by anyone. */
const legacyId = (email: string) => `s${createHash('sha256').update(email).digest('hex').slice(0, 24)}`;

async function signUp(email: string, bills: string[]): Promise<void> {
  await fetch(`${stack.url}/api/subscriptions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, bills, language: 'en' }),
  });
}

describe('subscriber ids and link tokens reveal nothing of the address', () => {
  it('a new subscriber gets a random id, not one derived from its address, and its link carries neither', async () => {
    const email = uniqueAddress('random-id');
    await signUp(email, ['81-8']);
    const id = await stack.subscriberId(email);
    const link = linkIn((await stack.emailsTo(email))[0]!, '/confirm');
    const token = new URL(link).searchParams.get('token')!;

    const decoded = Buffer.from(token, 'base64url').toString('latin1');

    expect(id).toMatch(/^s[0-9a-f]{24}$/);
    expect(id).not.toBe(legacyId(email));
    expect(decoded).not.toContain(id);
    expect(decoded).not.toContain('confirm');
    expect(token).not.toContain('.');
  });

  it('a subscriber made before ids were random keeps its id: its old one-click link still works, and a new sign-up finds it', async () => {
    const email = uniqueAddress('legacy');
    const id = legacyId(email);
    await stack.db.send(
      new PutCommand({
        TableName: TABLE_NAME,
        Item: { ...keys.subscriber(id), id, email, language: 'en', status: 'active', createdAt: '2025-01-01T00:00:00.000Z', bills: ['82-8'] },
      }),
    );
    // The link an email of that time carried: signed, not sealed, never expiring.
    const body = Buffer.from(JSON.stringify({ sub: id, purpose: 'unsubscribe' })).toString('base64url');
    const oldLink = `${stack.url}/unsubscribe?token=${body}.${createHmac('sha256', stack.tokenSecret).update(body).digest('base64url')}`;

    await signUp(email, ['83-8']);
    const found = await stack.subscriberId(email);
    const response = await fetch(oldLink, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });

    expect(found).toBe(id);
    expect(response.status).toBe(200);
    expect(await stack.item(keys.subscriber(id))).toMatchObject({ status: 'unsubscribed', email });
  });
});
