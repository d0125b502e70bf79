import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Webhook } from 'standardwebhooks';
import { startLocalStack, type LocalStack } from '../../local/local-stack.js';
import { lawBill } from '../../local/simulator/demo-bills.js';
import { startDumaSimulator, type DumaSimulator } from '../../local/simulator/duma-simulator.js';
import { loadConfig } from '../../shared/config/config.js';
import { createStores } from '../../shared/runtime/stores.js';
import { endpointServiceDependencies } from '../../shared/runtime/endpoint-service-dependencies.js';
import { registerEndpoint } from '../../shared/webhooks/endpoint-service.js';
import { startWebhookReceiver, type WebhookReceiver } from './webhook-receiver.js';

/*
 * The real handlers on the local stack: poll-bills → fan-out → deliver-webhook, with the endpoint registered
 * through the service API and the receivers allowed by WEBHOOK_ALLOW_HOSTS, as `npm start` runs them.
 */

describe('webhook and Slack endpoints on the local stack', () => {
  let receiver: WebhookReceiver;
  let simulator: DumaSimulator;
  let stack: LocalStack;

  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    simulator = await startDumaSimulator({ bills: [lawBill], pace: { kind: 'manual' } });
    stack = await startLocalStack({
      env: { SOZD_BASE_URL: simulator.url, SOZD_MIN_GAP_MS: '0', WEBHOOK_ALLOW_HOSTS: receiver.hostPort },
      visibilityTimeoutSeconds: 1,
    });
  });
  afterAll(async () => {
    await stack?.stop();
    await simulator?.stop();
    await receiver?.close();
  });

  it('delivers the test events and each new event of a followed bill, signed, to a webhook and a Slack channel', async () => {
    // Arrange
    const config = loadConfig();
    await createStores(config).bills.watch(lawBill.page.number);
    const service = endpointServiceDependencies(config);
    const common = { ownerEmail: 'desk@example.org', bills: [lawBill.page.number], language: 'ru' as const };
    const { secret } = await registerEndpoint(service, { ...common, kind: 'webhook', url: `${receiver.origin}/hook` });
    await registerEndpoint(service, { ...common, kind: 'slack', url: `${receiver.origin}/slack` });
    await stack.pollBills(); // not registered yet: the first event will be news

    // Act
    simulator.step();
    await stack.pollBills();
    await stack.drain();

    // Assert
    const hooks = receiver.hitsTo('/hook');
    expect(hooks.map((hit) => (JSON.parse(hit.body) as { type: string }).type)).toEqual(['ping', 'bill.changed']);
    for (const hit of hooks) {
      expect(() => new Webhook(secret!).verify(hit.body, hit.headers as Record<string, string>)).not.toThrow();
    }
    const slack = receiver.hitsTo('/slack').map((hit) => JSON.parse(hit.body) as { blocks: unknown[] });
    expect(slack.map((message) => message.blocks.length > 0)).toEqual([true, true]);
  });
});
