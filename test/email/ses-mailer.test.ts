import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SESv2Client } from '@aws-sdk/client-sesv2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalServices, type LocalServices } from '../../local/local-services.js';
import { listUnsubscribeHeaders } from '../../shared/email/list-unsubscribe-headers.js';
import { MailerError, type OutgoingEmail } from '../../shared/email/mailer.js';
import { renderChangeEmail } from '../../shared/email/render-change-email.js';
import { createSesMailer } from '../../shared/email/ses-mailer.js';
import { STAGE_CHANGE, billChange } from './change-fixtures.js';

const FROM = 'duma-alerts <alerts@duma-alerts.example.org>';
const UNSUBSCRIBE_URL = 'https://alerts.example.org/unsubscribe?token=abc.def';

function sesClient(endpoint: string): SESv2Client {
  // One attempt: the tests assert what a single SES answer becomes, not the SDK's own retries.
  return new SESv2Client({ endpoint, region: 'us-east-1', credentials: { accessKeyId: 'x', secretAccessKey: 'x' }, maxAttempts: 1 });
}

function outgoing(overrides: Partial<OutgoingEmail> = {}): OutgoingEmail {
  return {
    to: 'reader@example.org',
    subject: 'Bill 1075342-8: first reading → second reading',
    text: 'plain',
    html: '<p>html</p>',
    headers: listUnsubscribeHeaders(UNSUBSCRIBE_URL),
    ...overrides,
  };
}

async function failureOf(promise: Promise<unknown>): Promise<MailerError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  if (!(error instanceof MailerError)) throw new Error(`expected a MailerError, got ${String(error)}`);
  return error;
}

describe('listUnsubscribeHeaders', () => {
  it('gives the RFC 2369 link and the RFC 8058 one-click header', () => {
    expect(listUnsubscribeHeaders(UNSUBSCRIBE_URL)).toEqual([
      { name: 'List-Unsubscribe', value: `<${UNSUBSCRIBE_URL}>` },
      { name: 'List-Unsubscribe-Post', value: 'List-Unsubscribe=One-Click' },
    ]);
  });

  it('refuses a non-http URL', () => {
    expect(() => listUnsubscribeHeaders('mailto:unsubscribe@example.org')).toThrow(RangeError);
  });
});

describe('createSesMailer against the SES v2 emulator', () => {
  let services: LocalServices;

  beforeAll(async () => {
    services = await startLocalServices();
  });
  afterAll(async () => {
    await services?.stop();
  });

  it('sends one email with the exact subject, recipient, both parts and the unsubscribe headers', async () => {
    const rendered = renderChangeEmail(billChange(STAGE_CHANGE), { language: 'ru', unsubscribeUrl: UNSUBSCRIBE_URL });
    const mailer = createSesMailer(sesClient(services.sesEndpoint), { from: FROM, configurationSetName: 'duma-alerts' });

    const { messageId } = await mailer.send({
      to: 'reader@example.org',
      ...rendered,
      headers: listUnsubscribeHeaders(UNSUBSCRIBE_URL),
      tags: [{ name: 'subscriber', value: 'sub-1' }],
    });
    const store = (await (await fetch(`${services.sesEndpoint}/store`)).json()) as { emails: unknown[] };

    expect(store.emails).toHaveLength(1);
    expect(store.emails[0]).toMatchObject({
      messageId,
      from: FROM,
      destination: { to: ['reader@example.org'], cc: [], bcc: [] },
      subject: 'Законопроект № 1075342-8: первое чтение → второе чтение: Принять законопроект во втором чтении',
      body: { text: rendered.text, html: rendered.html },
      headers: [
        { name: 'List-Unsubscribe', value: `<${UNSUBSCRIBE_URL}>` },
        { name: 'List-Unsubscribe-Post', value: 'List-Unsubscribe=One-Click' },
      ],
    });
  });

  it('refuses an invalid message before calling SES, as not retryable', async () => {
    const mailer = createSesMailer(sesClient(services.sesEndpoint), { from: FROM });
    const before = ((await (await fetch(`${services.sesEndpoint}/store`)).json()) as { emails: unknown[] }).emails.length;

    const failures = await Promise.all([
      failureOf(mailer.send(outgoing({ to: 'not an address' }))),
      failureOf(mailer.send(outgoing({ subject: 'injected\r\nBcc: victim@example.org' }))),
      failureOf(mailer.send(outgoing({ headers: [{ name: 'X-Evil: 1\r\nBcc', value: 'x' }] }))),
    ]);
    const after = ((await (await fetch(`${services.sesEndpoint}/store`)).json()) as { emails: unknown[] }).emails.length;

    expect(failures.map((failure) => [failure.code, failure.retryable])).toEqual([
      ['InvalidMessage', false],
      ['InvalidMessage', false],
      ['InvalidMessage', false],
    ]);
    expect(after).toBe(before);
  });
});

describe('createSesMailer error mapping', () => {
  let server: Server;
  let endpoint: string;
  let reply: { status: number; errorType?: string } = { status: 200 };

  beforeAll(async () => {
    server = createServer((request, response) => {
      request.resume();
      request.on('end', () => {
        const headers: Record<string, string> = { 'content-type': 'application/json' };
        if (reply.errorType) headers['x-amzn-errortype'] = reply.errorType;
        response.writeHead(reply.status, headers).end(JSON.stringify({ message: 'scripted answer' }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it.each([
    [429, 'TooManyRequestsException', true],
    [400, 'LimitExceededException', true],
    [500, 'InternalServiceErrorException', true],
    [503, undefined, true],
    [400, 'MessageRejected', false],
    [400, 'AccountSuspendedException', false],
    [400, 'SendingPausedException', false],
    [400, 'BadRequestException', false],
    [400, 'MailFromDomainNotVerifiedException', false],
  ])('an HTTP %i %s answer is retryable: %s', async (status, errorType, retryable) => {
    reply = { status, errorType };
    const mailer = createSesMailer(sesClient(endpoint), { from: FROM });

    const failure = await failureOf(mailer.send(outgoing()));

    expect(failure.retryable).toBe(retryable);
    if (errorType) expect(failure.code).toBe(errorType);
  });

  it('treats a refused connection as retryable', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const mailer = createSesMailer(sesClient(`http://127.0.0.1:${port}`), { from: FROM });

    const failure = await failureOf(mailer.send(outgoing()));

    expect(failure.retryable).toBe(true);
  });
});
