import { existsSync, mkdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { GetQueueAttributesCommand, SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalStack, type LocalStack } from '../../local/local-stack.js';
import { lawBill } from '../../local/simulator/demo-bills.js';
import { startDumaSimulator, type DumaSimulator } from '../../local/simulator/duma-simulator.js';
import { loadConfig } from '../../shared/config/config.js';
import { createStores } from '../../shared/runtime/stores.js';
import { endpointServiceDependencies } from '../../shared/runtime/endpoint-service-dependencies.js';
import { registerEndpoint } from '../../shared/webhooks/endpoint-service.js';
import { startWebhookReceiver, type WebhookReceiver } from '../delivery/webhook-receiver.js';
import { buildFeed } from '../feeds/support/feed-builder.js';
import { sentEmails } from '../support/ses-store.js';

/*
 * The operator's console in headless Chromium, over the whole local stack (`npm start`'s services and handlers on
 * random ports): a bill polled from the Duma simulator through fan-out to email and a webhook, a topic that matched,
 * a news feed polled twice, and a message in a dead-letter queue. Every page is screenshotted into test-artifacts/.
 */

const CHROMIUM = '/usr/bin/chromium';
const ARTIFACTS = 'test-artifacts/console';
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.warn(`Skipping the console browser test: ${CHROMIUM} is missing (apt-get install -y chromium).`);

const BILL = lawBill.page.number;
const READER = 'reader.console@example.org';
const DIGEST_READER = 'digest.console@example.org';
const TOPIC = 'чтении';

let receiver: WebhookReceiver;
let simulator: DumaSimulator;
let feedServer: Server;
let feedBody = '';
let stack: LocalStack;
let browser: Browser;
let sqs: SQSClient;
let adminKey: string;
let endpointId: string;

async function startFeedServer(): Promise<string> {
  feedServer = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'application/rss+xml' });
    response.end(feedBody);
  });
  await new Promise<void>((resolve) => feedServer.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(feedServer.address() as AddressInfo).port}/rss`;
}

beforeAll(async () => {
  if (!hasChromium) return;
  mkdirSync(ARTIFACTS, { recursive: true });
  receiver = await startWebhookReceiver();
  simulator = await startDumaSimulator({ bills: [lawBill], pace: { kind: 'manual' } });
  const feedUrl = await startFeedServer();
  stack = await startLocalStack({
    env: {
      SOZD_BASE_URL: simulator.url,
      SOZD_MIN_GAP_MS: '0',
      FEED_MIN_GAP_MS: '0',
      // The refused sign-in is logged as a warning; a green run prints nothing.
      LOG_LEVEL: 'ERROR',
      WEBHOOK_ALLOW_HOSTS: receiver.hostPort,
      FEEDS: JSON.stringify([{ id: 'test-news', url: feedUrl, language: 'ru', label: 'Тестовые новости' }]),
    },
    visibilityTimeoutSeconds: 1,
  });
  adminKey = stack.env.ADMIN_API_KEY!;
  sqs = new SQSClient({ useQueueUrlAsEndpoint: false });

  // A reader of the bill and of a topic, and a daily-digest reader of the bill, signed up and confirmed through the public API.
  await signUp({ email: READER, bills: [BILL], topics: [TOPIC], language: 'en' });
  await signUp({ email: DIGEST_READER, bills: [BILL], language: 'en', frequency: 'daily' });
  const config = loadConfig();
  const { endpoint } = await registerEndpoint(endpointServiceDependencies(config), {
    kind: 'webhook',
    url: `${receiver.origin}/hook/secret-token`,
    ownerEmail: 'desk@example.org',
    bills: [BILL],
  });
  endpointId = endpoint.id;

  // The bill's history arrives an event at a time; the feed is read once (baseline), then brings one new item.
  await stack.pollBills();
  for (let step = 0; step < 5; step++) {
    simulator.step();
    await stack.pollBills();
  }
  feedBody = buildFeed('rss2', 'Тестовые новости', [{ title: 'Дума приняла бюджет', link: 'https://news.example/1', guid: 'n1', date: '2024-05-14T10:00:00Z' }]);
  await stack.pollFeeds();
  feedBody = buildFeed('rss2', 'Тестовые новости', [
    { title: 'Дума приняла бюджет', link: 'https://news.example/1', guid: 'n1', date: '2024-05-14T10:00:00Z' },
    { title: `Законопроект ${BILL} принят в первом чтении`, link: 'https://news.example/2', guid: 'n2', date: '2024-05-14T15:00:00Z' },
  ]);
  await stack.pollFeeds();
  await stack.drain();
  const stores = createStores(config);
  await stores.bills.watch('999003-8');
  // A status change that came without an event, as sozd shows when a bill is sent to the archive.
  const bill = (await stores.bills.get(BILL))!.bill!;
  await stores.changes.putIfAbsent({
    id: `${BILL}:0123456789abcdef:status`,
    kind: 'status',
    billNumber: BILL,
    billTitle: bill.title,
    billUrl: bill.url,
    detectedAt: new Date().toISOString(),
    facts: [{ type: 'status-changed', from: 'Рассмотрение', to: 'В архиве', archived: true }],
  });

  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-background-networking', '--disable-gpu', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  sqs?.destroy();
  await stack?.stop();
  await simulator?.stop();
  await receiver?.close();
  await new Promise((resolve) => feedServer?.close(resolve));
});

/** Signs a reader up through the public API and confirms the address from the email. */
async function signUp(body: Record<string, unknown>): Promise<void> {
  const email = body.email as string;
  await fetch(`${stack.api.url}/api/subscriptions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const confirmation = (await sentEmails(stack.services.sesEndpoint)).find((sent) => sent.destination.to.includes(email))!;
  const link = /https?:\/\/\S+\/confirm\?token=[A-Za-z0-9_.-]+/.exec(confirmation.body.text ?? '')![0];
  const csrf = /name="csrf" value="([^"]+)"/.exec(await (await fetch(link)).text())![1]!;
  await fetch(link, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `csrf=${encodeURIComponent(csrf)}` });
}

async function signIn(page: Page, key: string): Promise<void> {
  await page.goto(`${stack.api.url}/admin?lang=en`);
  await page.getByLabel('Admin key').fill(key);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `${ARTIFACTS}/${name}.png`, fullPage: true });
}

async function depth(url: string): Promise<number> {
  const { Attributes } = await sqs.send(
    new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible'] }),
  );
  return Number(Attributes?.ApproximateNumberOfMessages ?? 0) + Number(Attributes?.ApproximateNumberOfMessagesNotVisible ?? 0);
}

describe.skipIf(!hasChromium)('the operator console in headless Chromium', () => {
  it('refuses a wrong key, then signs in with the right one into a short, HttpOnly, SameSite=Strict session', async () => {
    const context = await browser.newContext({ locale: 'en-US' });
    const page = await context.newPage();

    await page.goto(`${stack.api.url}/admin/bills?lang=en`);
    expect(new URL(page.url()).pathname).toBe('/admin/sign-in');
    await shot(page, '01-sign-in');
    await signIn(page, `${adminKey}-wrong`);
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('That is not the admin key.');
    await shot(page, '02-wrong-key');
    expect(await context.cookies()).not.toContainEqual(expect.objectContaining({ name: 'console_session' }));

    await signIn(page, adminKey);

    await expect.poll(() => page.locator('h1').textContent()).toBe('Bills');
    const session = (await context.cookies()).find((cookie) => cookie.name === 'console_session')!;
    expect([session.httpOnly, session.sameSite, session.path]).toEqual([true, 'Strict', '/admin']);
    expect(session.expires * 1000 - Date.now()).toBeGreaterThan(29 * 60_000);
    expect(session.expires * 1000 - Date.now()).toBeLessThanOrEqual(30 * 60_000);
    expect(page.url()).not.toContain(adminKey);
    await context.close();
  });

  it('shows the watch list, watches a bill, and opens a bill with its timeline and the alerts of each event', async () => {
    const page = await browser.newPage({ locale: 'en-US' });
    await signIn(page, adminKey);

    expect(await page.locator('dl.facts').first().textContent()).toMatch(/Last poll run.*\d+ bills? polled, \d+ changes?/);
    const row = page.getByRole('row').filter({ hasText: BILL });
    await expect.poll(() => row.textContent()).toContain(lawBill.page.title);
    expect(await row.textContent()).toContain('First reading');
    expect(await row.textContent()).toContain('OK');
    expect(await row.textContent()).toMatch(/(next run,|from) \d/);
    await page.getByLabel('Watch a bill').fill('999004-8');
    await page.getByRole('button', { name: 'Watch', exact: true }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toContain('999004-8 is on the watch list');
    const watched = await page.getByRole('row').filter({ hasText: '999004-8' }).textContent();
    expect(watched).toContain('not polled yet');
    expect(watched).toContain('next run,');
    await shot(page, '03-bills');

    await page.getByRole('link', { name: BILL }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe(`Bill ${BILL}`);
    const firstReading = page.getByRole('row').filter({ hasText: 'Прохождение законопроекта у Председателя' });
    expect(await firstReading.textContent()).toMatch(/email\s*1\s*sent/);
    expect(await firstReading.textContent()).toMatch(/webhook\s*1\s*delivered/);
    expect(await page.getByRole('row').filter({ hasText: 'Назначение ответственного комитета' }).textContent()).toContain('stage: Submitted to the State Duma → Preliminary consideration');
    const statusRow = page.getByRole('row').filter({ hasText: 'status change, no new event' });
    expect(await statusRow.textContent()).toContain('status: Рассмотрение → В архиве');
    expect(await page.locator('dl.facts').nth(2).textContent()).toMatch(/Next poll(next run,|from) \d/);
    await shot(page, '04-bill');

    await firstReading.getByRole('link', { name: 'every delivery' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe(`Alerts of event 1.2 of bill ${BILL}`);
    expect(await page.getByRole('row').filter({ hasText: READER }).textContent()).toContain('sent');
    expect(await page.getByRole('row').filter({ hasText: endpointId }).textContent()).toContain('delivered');
    expect(await page.getByRole('table', { name: 'In digests' }).getByRole('row').filter({ hasText: DIGEST_READER }).textContent()).toMatch(
      /email.*daily digest.*waiting for the next digest/,
    );
    await shot(page, '05-change-deliveries');
    await page.goBack();
    await statusRow.getByRole('link', { name: 'every delivery' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe(`Alerts of a status change of bill ${BILL}`);
    await shot(page, '05b-status-change');
    await page.close();
  });

  it('finds subscribers by address and shows their preferences; lists topics, tries a query on a headline, and opens a topic', async () => {
    const page = await browser.newPage({ locale: 'en-US' });
    await signIn(page, adminKey);

    await page.getByRole('link', { name: 'Subscribers' }).click();
    await page.getByLabel('Address starts with').fill('reader.console');
    await page.getByRole('button', { name: 'Search' }).click();
    const reader = page.getByRole('row').filter({ hasText: READER });
    await expect.poll(() => reader.textContent()).toContain('active');
    expect(await reader.textContent()).toContain(BILL);
    expect(await reader.textContent()).toContain(TOPIC);
    expect(await page.getByRole('row').count()).toBe(2);
    await shot(page, '06-subscribers');

    await page.getByRole('link', { name: 'Topics' }).click();
    expect(await page.getByRole('row').filter({ hasText: TOPIC }).textContent()).toContain('1');
    await page.getByLabel('Query', { exact: true }).fill('бюджет AND Дума');
    await page.getByLabel('Headline', { exact: true }).fill('Дума приняла бюджет на три года');
    await page.getByRole('button', { name: 'Try' }).click();
    await expect.poll(() => page.locator('.result').textContent()).toContain('Matches.');
    expect(await page.locator('.result').textContent()).toContain('бюджет — in the title: бюджет');
    await shot(page, '07-topics-try');
    await page.getByLabel('Query', { exact: true }).fill('бюджет AND пенсии');
    await page.getByRole('button', { name: 'Try' }).click();
    await expect.poll(() => page.locator('.result').textContent()).toContain('Does not match.');
    expect(await page.locator('.result').textContent()).toContain('Found nowhere: пенсии');

    await page.getByRole('link', { name: TOPIC }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe(TOPIC);
    expect(await page.getByRole('table', { name: 'Recent matches' }).textContent()).toContain('чтении');
    expect(await page.getByRole('table', { name: 'Followers' }).textContent()).toContain('email');
    await shot(page, '08-topic');
    await page.close();
  });

  it('shows an endpoint with its deliveries, pings it, and shows the feed with its last items', async () => {
    const page = await browser.newPage({ locale: 'en-US' });
    await signIn(page, adminKey);

    await page.getByRole('link', { name: 'Endpoints' }).click();
    const row = page.getByRole('row').filter({ hasText: endpointId });
    expect(await row.textContent()).toContain('delivering');
    expect(await row.textContent()).not.toContain('secret-token');
    await shot(page, '09-endpoints');
    await page.getByText('Register an endpoint').click();
    await page.getByLabel('URL (webhook, Slack)').fill('http://127.0.0.1:1/hook');
    await page.getByLabel('Owner’s email').fill('desk@example.org');
    await page.getByRole('button', { name: 'Register' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('Not registered: url:');
    await page.getByLabel('URL (webhook, Slack)').fill(`${receiver.origin}/hook/console-added`);
    await page.getByLabel('Bills').fill(BILL);
    await page.getByRole('button', { name: 'Register' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Endpoint registered');
    expect(await page.locator('code.secret').textContent()).toMatch(/^whsec_/);
    await shot(page, '09b-endpoint-registered');
    await page.getByRole('link', { name: 'Endpoints' }).click();
    expect(await page.getByRole('row').filter({ hasText: 'desk@example.org' }).count()).toBe(2);
    await row.getByRole('link').first().click();
    await page.getByRole('button', { name: 'Send a test event' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toContain('A test event is queued');
    expect(await page.getByRole('table', { name: 'Last deliveries' }).textContent()).toContain('bill.changed');
    await shot(page, '10-endpoint');

    await page.getByRole('link', { name: 'Feeds' }).click();
    expect(await page.getByRole('heading', { name: /Тестовые новости/ }).textContent()).toContain('OK');
    expect(await page.getByRole('table').first().textContent()).toContain(`Законопроект ${BILL} принят в первом чтении`);
    await shot(page, '11-feeds');
    await page.close();
  });

  it('shows a dead letter without taking it, and its redrive moves it back to its queue and out of the DLQ', async () => {
    const body = JSON.stringify({ billNumber: BILL, changeIds: ['dead-letter-test'], subscriberId: 's0' });
    await sqs.send(new SendMessageCommand({ QueueUrl: stack.queues.email.dlqUrl, MessageBody: body }));
    const emailDepthBefore = await depth(stack.queues.email.url);
    const page = await browser.newPage({ locale: 'en-US' });
    await signIn(page, adminKey);

    await page.getByRole('link', { name: 'Queues' }).click();
    expect(await page.getByRole('table', { name: 'email DLQ' }).textContent()).toContain('dead-letter-test');
    const dlqRow = await page.getByRole('row').filter({ hasText: /^email DLQ/ }).first().textContent();
    expect(dlqRow).toMatch(/email DLQ\s*1/);
    expect(dlqRow).toContain('less than a minute ago');
    expect(await page.getByRole('row').filter({ hasText: /^fan-out DLQ/ }).first().textContent()).toContain('no messages');
    await shot(page, '12-queues');
    expect(await depth(stack.queues.email.dlqUrl)).toBe(1);

    await page.getByRole('button', { name: 'Move all back to email' }).click();

    await expect.poll(() => page.getByRole('status').textContent()).toContain('1 messages were moved back');
    expect(await depth(stack.queues.email.dlqUrl)).toBe(0);
    expect(await depth(stack.queues.email.url)).toBe(emailDepthBefore + 1);
    await shot(page, '13-queues-redriven');
    await page.close();
  });

  it('refuses a form posted from another site, changing nothing, and signs out', async () => {
    const attacker = createServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html' });
      response.end(`<form method="post" action="${stack.api.url}/admin/bills"><input name="number" value="999005-8"><button>Win a prize</button></form>`);
    });
    await new Promise<void>((resolve) => attacker.listen(0, '127.0.0.1', resolve));
    const page = await browser.newPage({ locale: 'en-US' });
    await signIn(page, adminKey);

    // localhost and 127.0.0.1 are different sites: the browser keeps the SameSite=Strict session to itself.
    await page.goto(`http://localhost:${(attacker.address() as AddressInfo).port}/`);
    await page.getByRole('button', { name: 'Win a prize' }).click();

    await expect.poll(() => page.locator('h1').textContent()).toBe('Something is not right');
    expect(await createStores(loadConfig()).bills.get('999005-8')).toBeUndefined();
    await shot(page, '14-cross-site-refused');
    await new Promise((resolve) => attacker.close(resolve));

    await page.goto(`${stack.api.url}/admin/queues?lang=ru`);
    await expect.poll(() => page.locator('h1').textContent()).toBe('Очереди');
    await shot(page, '15-queues-ru');
    await page.getByRole('button', { name: 'Выйти' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toContain('Вы вышли.');
    await page.goto(`${stack.api.url}/admin/bills`);
    expect(new URL(page.url()).pathname).toBe('/admin/sign-in');
    await page.close();
  });
});
