import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { combineAccess, queueAccess, secretAccess, storeAccess, type Access, type QueueKey } from '../../shared/access/access.js';
import { createSqsClient } from '../../shared/aws/clients.js';
import { OPERATE_QUEUES_ACCESS } from '../../shared/cli/queue-depths.js';
import { loadConfig, type Config } from '../../shared/config/config.js';
import type { FanOutQueueDependencies } from '../../shared/pipeline/fan-out-message.js';
import { configuredMailer, MAILER_ACCESS } from '../../shared/runtime/mailer.js';
import { messageQueue } from '../../shared/runtime/queues.js';
import { createStores } from '../../shared/runtime/stores.js';
import { DynamoBillStore } from '../../shared/store/bill-store.js';
import { DynamoChangeStore } from '../../shared/store/change-store.js';
import { QUEUE_NAMES } from '../../local/provision.js';
import { accessByName, builtAccessOf } from '../support/built-access.js';

/*
 * The other half of test/support/check-aws-access.ts, which fails a call a builder's access does not allow: here each
 * `<name>Access` of shared/runtime/*-dependencies.ts must be exactly what `<name>Dependencies` builds — its stores, the
 * queues it sends to, the mailer, a queue operator's client and the secrets it reads — so no grant outlives the code.
 * Building makes no AWS call (clients connect on first use), so no local service is started: every queue and secret is
 * configured, as in AWS, and each builder builds all it can.
 */

const RUNTIME_DIR = new URL('../../shared/runtime/', import.meta.url);

const queueUrl = (key: QueueKey, suffix = '') => `http://127.0.0.1:4566/000000000000/${QUEUE_NAMES[key]}${suffix}`;

/** Every queue, dead-letter queue and secret configured, so that no builder leaves out a part it builds when configured. */
const CONFIG: Config = loadConfig({
  TABLE_NAME: 'duma-alerts-test',
  FAN_OUT_QUEUE_URL: queueUrl('fanOut'),
  EMAIL_QUEUE_URL: queueUrl('email'),
  WEBHOOK_QUEUE_URL: queueUrl('webhook'),
  SLACK_QUEUE_URL: queueUrl('slack'),
  TELEGRAM_QUEUE_URL: queueUrl('telegram'),
  POLL_TASKS_QUEUE_URL: queueUrl('pollTasks'),
  FAN_OUT_DLQ_URL: queueUrl('fanOut', '-dlq'),
  EMAIL_DLQ_URL: queueUrl('email', '-dlq'),
  WEBHOOK_DLQ_URL: queueUrl('webhook', '-dlq'),
  SLACK_DLQ_URL: queueUrl('slack', '-dlq'),
  TELEGRAM_DLQ_URL: queueUrl('telegram', '-dlq'),
  POLL_TASKS_DLQ_URL: queueUrl('pollTasks', '-dlq'),
  TOKEN_SECRETS: 't'.repeat(32),
  ADMIN_API_KEY: 'a'.repeat(32),
  DUMA_PROXY_URL: 'http://127.0.0.1:3128',
  TELEGRAM_BOT_TOKEN: `123456789:${'b'.repeat(35)}`,
  SENDER_EMAIL: 'alerts@example.org',
  PUBLIC_BASE_URL: 'https://alerts.example.org',
});

/** The parts a builder makes on first use, keyed by builder name: built here too, so that they count. */
const BUILT_ON_FIRST_USE: Record<string, (built: unknown) => unknown[]> = {
  fanOutQueue: (built) => {
    const { news, dropped, newBills } = built as FanOutQueueDependencies;
    return [news(), dropped(), newBills()];
  },
};

type Builder = { name: string; build: (config: Config) => unknown; access: Access };

/** Every `<name>Dependencies` of shared/runtime/*-dependencies.ts with its `<name>Access`. */
async function declaredBuilders(): Promise<Builder[]> {
  const files = readdirSync(RUNTIME_DIR).filter((file) => file.endsWith('-dependencies.ts'));
  const modules = await Promise.all(files.map(async (file) => (await import(new URL(file, RUNTIME_DIR).href)) as Record<string, unknown>));
  return modules.flatMap((module) =>
    Object.entries(module).flatMap(([exported, build]) => {
      const name = /^(\w+)Dependencies$/.exec(exported)?.[1];
      const access = module[`${name}Access`] as Access | undefined;
      return name && typeof build === 'function' && access ? [{ name, build: build as Builder['build'], access }] : [];
    }),
  );
}

const BUILDERS = await declaredBuilders();

describe('each dependency builder declares exactly what it builds', () => {
  it('finds the builders of every function and of the parts they share', () => {
    expect(BUILDERS.map((builder) => builder.name).sort()).toEqual([
      'api',
      'console',
      'deliverEndpoint',
      'endpointService',
      'fanOut',
      'fanOutQueue',
      'newBillAlert',
      'newsAlert',
      'poll',
      'pollFeeds',
      'pollTask',
      'redrive',
      'scheduledPoll',
      'sendDigests',
      'sendEmail',
      'sesEvents',
      'sweep',
      'topicAlert',
    ]);
  });

  for (const { name, build, access } of BUILDERS) {
    it(`${name}Access is what ${name}Dependencies builds`, () => {
      // Act
      const built = builtAccessOf(build, CONFIG, BUILT_ON_FIRST_USE[name]);

      // Assert
      expect(built).toEqual(accessByName(access));
    });
  }
});

describe('what a builder built, as the check sees it', () => {
  it('counts a store held only inside a closure, and not the stores made and dropped', () => {
    // Arrange: createStores makes six stores; this builder keeps two, one of them only inside a closure.
    const build = (config: Config) => {
      const { bills, changes } = createStores(config);
      return { bills, latestChanges: () => changes };
    };

    // Act
    const built = builtAccessOf(build, CONFIG);

    // Assert
    expect(built).toEqual(accessByName(combineAccess(storeAccess(DynamoBillStore, DynamoChangeStore))));
  });

  it('counts each secret read from the configuration while building, nested ones too, and no other setting', () => {
    // Arrange
    const build = (config: Config) => ({ key: config.adminApiKey, proxy: config.sozd.proxyUrl, base: config.sozd.baseUrl, table: config.tableName });

    // Act
    const built = builtAccessOf(build, CONFIG);

    // Assert: a declaration without them fails the tests above, as in AWS the values would be missing.
    expect(built).toEqual(accessByName(combineAccess(secretAccess('adminApiKey', 'dumaProxy'))));
  });

  it('counts the queues of the message queues held, not queue URLs among the settings held', () => {
    // Arrange: the polling settings name the poll-tasks queue, which this builder never sends to.
    const build = (config: Config) => ({ polling: config.polling, fanOut: messageQueue(config.queues.fanOutUrl, 'queues.fanOutUrl') });

    // Act
    const built = builtAccessOf(build, CONFIG);

    // Assert
    expect(built).toEqual(accessByName(combineAccess(queueAccess('fanOut'))));
  });

  it('counts a mailer as sending email, and a bare SQS client as operating queues', () => {
    // Arrange
    const build = (config: Config) => ({ mailer: configuredMailer(config), sqs: createSqsClient() });

    // Act
    const built = builtAccessOf(build, CONFIG);

    // Assert
    expect(built).toEqual(accessByName(combineAccess(MAILER_ACCESS, OPERATE_QUEUES_ACCESS)));
  });
});
