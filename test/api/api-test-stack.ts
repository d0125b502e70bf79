import { randomBytes } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, DynamoDBDocumentClient, GetCommand, QueryCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { SQSClient } from '@aws-sdk/client-sqs';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { httpApiOf, startHttpApiServer, type HttpApiServer } from '../../local/http-api-server.js';
import { startLocalServices, type LocalServices } from '../../local/local-services.js';
import { ensureQueues, ensureTable, type ProvisionedQueue, type QueueName } from '../../local/provision.js';
import { DynamoAddressBook } from '../../shared/store/address-book.js';
import { sentEmails, type StoredEmail } from '../support/ses-store.js';

export const TABLE_NAME = 'duma-alerts-api-test';

/** The API function served on loopback over real local services, as `npm start` serves it. */
export interface ApiTestStack {
  services: LocalServices;
  server: HttpApiServer;
  /** The server's base URL, also the links' PUBLIC_BASE_URL. */
  url: string;
  adminApiKey: string;
  tokenSecret: string;
  /** The service's queues on fauxqs; the API sends endpoint test events and replays to the webhook and Slack ones. */
  queues: Record<QueueName, ProvisionedQueue>;
  handler: (event: APIGatewayProxyEventV2) => Promise<APIGatewayProxyStructuredResultV2>;
  db: DynamoDBDocumentClient;
  /** Every email the SES emulator accepted for an address. */
  emailsTo(address: string): Promise<StoredEmail[]>;
  /** The table item at a key, or undefined. */
  item(key: { PK: string; SK: string }): Promise<Record<string, unknown> | undefined>;
  /** Every item of a partition. */
  partition(pk: string): Promise<Record<string, unknown>[]>;
  /** The follower items of a bill (who fan-out would reach). */
  followers(billNumber: string): Promise<Record<string, unknown>[]>;
  /** The subscriber id of an address (ids are random: the address book is the only way from one to the other). */
  subscriberId(email: string): Promise<string>;
  /** The sign-up requests of a subscriber waiting for their links. */
  pendingRequests(subscriberId: string): Promise<Record<string, unknown>[]>;
  /** Ends every running cool-down, as if its time had passed. */
  endCooldowns(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Starts dynalite and the SES emulator, creates the table, sets the environment, loads functions/api.ts and
 * functions/console.ts (as local-stack loads the functions) and serves them with the local HTTP API server, routed as
 * API Gateway routes them.
 */
export async function startApiTestStack(env: Record<string, string> = {}): Promise<ApiTestStack> {
  const services = await startLocalServices();
  Object.assign(process.env, services.env);
  const raw = new DynamoDBClient({});
  await ensureTable(raw, TABLE_NAME);
  const db = DynamoDBDocumentClient.from(raw);
  const sqs = new SQSClient({ useQueueUrlAsEndpoint: false });
  const queues = await ensureQueues(sqs, { visibilityTimeoutSeconds: 30, maxReceiveCount: 3 });
  sqs.destroy();
  let loaded: ApiTestStack['handler'] | undefined;
  const handler: ApiTestStack['handler'] = (event) => loaded!(event);
  const server = await startHttpApiServer(handler, { host: '127.0.0.1', port: 0 });
  const adminApiKey = randomBytes(24).toString('base64url');
  const tokenSecret = randomBytes(32).toString('base64url');
  Object.assign(process.env, {
    TABLE_NAME,
    TOKEN_SECRETS: tokenSecret,
    ADMIN_API_KEY: adminApiKey,
    PUBLIC_BASE_URL: server.url,
    SENDER_EMAIL: 'alerts@duma-alerts.example.org',
    WEBHOOK_QUEUE_URL: queues.webhook.url,
    SLACK_QUEUE_URL: queues.slack.url,
    TELEGRAM_QUEUE_URL: queues.telegram.url,
    // The console shows every queue and redrives the dead-letter ones.
    FAN_OUT_QUEUE_URL: queues.fanOut.url,
    EMAIL_QUEUE_URL: queues.email.url,
    FAN_OUT_DLQ_URL: queues.fanOut.dlqUrl,
    EMAIL_DLQ_URL: queues.email.dlqUrl,
    WEBHOOK_DLQ_URL: queues.webhook.dlqUrl,
    SLACK_DLQ_URL: queues.slack.dlqUrl,
    TELEGRAM_DLQ_URL: queues.telegram.dlqUrl,
    // Tests that are not about sign-up timing need not wait for it.
    SIGNUP_SETTLE_MS: '0',
    ...env,
  });
  const [apiModule, consoleModule] = await Promise.all([import('../../functions/api.js'), import('../../functions/console.js')]);
  loaded = httpApiOf({ api: apiModule.handler, console: consoleModule.handler });
  const partition = async (pk: string): Promise<Record<string, unknown>[]> => {
    const { Items } = await db.send(
      new QueryCommand({ TableName: TABLE_NAME, KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': pk } }),
    );
    return Items ?? [];
  };
  return {
    services,
    server,
    url: server.url,
    adminApiKey,
    tokenSecret,
    queues,
    handler,
    db,
    async emailsTo(address) {
      return (await sentEmails(services.sesEndpoint)).filter((email) => email.destination.to.includes(address));
    },
    async item(key) {
      return (await db.send(new GetCommand({ TableName: TABLE_NAME, Key: key, ConsistentRead: true }))).Item;
    },
    partition,
    async followers(billNumber) {
      return (await partition(`BILL#${billNumber}`)).filter((item) => String(item.SK).startsWith('FOLLOWER#'));
    },
    async subscriberId(email) {
      const id = await new DynamoAddressBook(db, TABLE_NAME).idOf(email);
      if (!id) throw new Error(`no subscriber for ${email}`);
      return id;
    },
    async pendingRequests(subscriberId) {
      return (await partition(`SUBSCRIBER#${subscriberId}`)).filter((item) => String(item.SK).startsWith('PENDING'));
    },
    async endCooldowns() {
      let ExclusiveStartKey: Record<string, unknown> | undefined;
      do {
        const page = await db.send(
          new ScanCommand({
            TableName: TABLE_NAME,
            FilterExpression: 'begins_with(PK, :cooldown)',
            ExpressionAttributeValues: { ':cooldown': 'COOLDOWN#' },
            ExclusiveStartKey,
          }),
        );
        for (const item of page.Items ?? []) await db.send(new DeleteCommand({ TableName: TABLE_NAME, Key: { PK: item.PK, SK: item.SK } }));
        ExclusiveStartKey = page.LastEvaluatedKey;
      } while (ExclusiveStartKey);
    },
    async stop() {
      await server.stop();
      raw.destroy();
      await services.stop();
    },
  };
}

/** Signs an address up through the JSON API and follows its confirmation link: an active subscriber; its id. */
export async function activeSubscriber(stack: ApiTestStack, label: string, body: Record<string, unknown>): Promise<string> {
  const email = uniqueAddress(label);
  await fetch(`${stack.url}/api/subscriptions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, ...body }) });
  const link = linkIn((await stack.emailsTo(email))[0]!, '/confirm');
  const html = await (await fetch(link)).text();
  await fetch(link, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `csrf=${encodeURIComponent(csrfIn(html))}` });
  return stack.subscriberId(email);
}

/** Signs in to the console with the admin key: the session cookie, and the CSRF token of its forms. */
export async function consoleSession(stack: ApiTestStack): Promise<{ cookie: string; csrf: string }> {
  const form = { 'content-type': 'application/x-www-form-urlencoded' };
  const signInPage = await fetch(`${stack.url}/admin/sign-in?lang=en`);
  const nonce = signInPage.headers.getSetCookie()[0]!.split(';')[0]!;
  const signedIn = await fetch(`${stack.url}/admin/sign-in?lang=en`, {
    method: 'POST',
    redirect: 'manual',
    headers: { ...form, cookie: nonce },
    body: new URLSearchParams({ csrf: csrfIn(await signInPage.text()), key: stack.adminApiKey }).toString(),
  });
  const cookie = signedIn.headers.getSetCookie()[0]!.split(';')[0]!;
  const page = await fetch(`${stack.url}/admin/endpoints?lang=en`, { headers: { cookie } });
  return { cookie, csrf: csrfIn(await page.text()) };
}

/** The confirmation link in the text of the one confirmation email to an address. */
export function linkIn(email: StoredEmail, path: string): string {
  const match = new RegExp(`https?://\\S+${path}\\?token=[A-Za-z0-9_.-]+`).exec(email.body.text ?? '');
  if (!match) throw new Error(`no ${path} link in: ${email.body.text}`);
  return match[0];
}

/** The hidden CSRF token of a page's form. */
export function csrfIn(html: string): string {
  const match = /name="csrf" value="([^"]+)"/.exec(html);
  if (!match?.[1]) throw new Error('no csrf field in the page');
  return match[1];
}

/** The cookie pair a response set, ready for a Cookie header. */
export function cookieOf(response: Response): string {
  return response.headers.getSetCookie().map((cookie) => cookie.split(';')[0]).join('; ');
}

/** A unique address per test, so the emulator's shared store and the rate limits never mix tests. */
export function uniqueAddress(label: string): string {
  return `${label}.${randomBytes(5).toString('hex')}@example.org`;
}

/** A parsed JSON answer; each test asserts the exact shape it expects. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type JsonBody = any;
