import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CfnResource, Stack } from 'aws-cdk-lib';
import type { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Delivery } from '../../infra/constructs/delivery.js';
import { ServiceFunction } from '../../infra/constructs/service-function.js';
import type { Storage } from '../../infra/constructs/storage.js';
import { FUNCTION_CATALOG } from '../../infra/function-catalog.js';
import { allFunctionsDir, synthStack } from './synth-stack.js';

/** The real handlers, read to check the catalog against what they do. */
const FUNCTIONS_DIR = fileURLToPath(new URL('../../functions/', import.meta.url));

interface Statement {
  Action: string | string[];
  Resource: unknown;
  Effect: string;
}

let stack: Stack;
let template: Template;
beforeAll(() => {
  ({ stack, template } = synthStack({ functionsDir: allFunctionsDir(), context: { dumaProxySecretName: 'duma-alerts/duma-proxy-url', telegramBotTokenSecretName: 'duma-alerts/telegram-bot-token' } }));
});

const logicalId = (construct: { node: { defaultChild?: unknown } }) => stack.resolve(stack.getLogicalId(construct.node.defaultChild as CfnResource)) as string;

/** Every statement of the policies attached to the role of function `name`. */
function statementsOf(name: string): Statement[] {
  const serviceFunction = stack.node.findAll().find((c): c is ServiceFunction => c instanceof ServiceFunction && c.spec.name === name)!;
  const roleId = logicalId(serviceFunction.function.role as never);
  return Object.values(template.findResources('AWS::IAM::Policy'))
    .filter((policy) => (policy.Properties.Roles as unknown[]).some((role) => JSON.stringify(role) === JSON.stringify({ Ref: roleId })))
    .flatMap((policy) => policy.Properties.PolicyDocument.Statement as Statement[]);
}

/** action → what it applies to, with logical ids for readability. */
function grantsOf(name: string): Record<string, string[]> {
  const grants: Record<string, string[]> = {};
  for (const statement of statementsOf(name)) {
    expect(statement.Effect).toBe('Allow');
    const resources = (Array.isArray(statement.Resource) ? statement.Resource : [statement.Resource]).map(describeResource);
    for (const action of [statement.Action].flat()) grants[action] = [...(grants[action] ?? []), ...resources].sort();
  }
  return grants;
}

function describeResource(resource: unknown): string {
  const json = JSON.stringify(resource);
  const table = logicalId((stack.node.findChild('Storage') as Storage).table as never);
  const delivery = stack.node.findChild('Delivery') as Delivery;
  const names: Array<[string, string]> = [
    [`{"Fn::GetAtt":["${table}","Arn"]}`, 'table'],
    [`{"Fn::Join":["",[{"Fn::GetAtt":["${table}","Arn"]},"/index/GSI1"]]}`, 'table/index/GSI1'],
    ...Object.entries(delivery.queues).map(([key, queue]): [string, string] => [`{"Fn::GetAtt":["${logicalId(queue as never)}","Arn"]}`, `queue:${key}`]),
    ...Object.entries(delivery.deadLetterQueues).map(([key, queue]): [string, string] => [`{"Fn::GetAtt":["${logicalId(queue as never)}","Arn"]}`, `queue:${key}`]),
  ];
  const known = names.find(([pattern]) => pattern === json);
  if (known) return known[1];
  if (json === '"*"') return '*';
  if (/"Ref":"SecretsTokenSigningKey/.test(json)) return 'secret:token-signing-key';
  if (/"Ref":"SecretsAdminApiKey/.test(json)) return 'secret:admin-api-key';
  if (json.includes(':secret:duma-alerts/duma-proxy-url-??????')) return 'secret:duma-proxy-url';
  if (json.includes(':secret:duma-alerts/telegram-bot-token-??????')) return 'secret:telegram-bot-token';
  if (json.includes(':identity/')) return 'ses:identity';
  if (json.includes(':configuration-set/')) return 'ses:configuration-set';
  if (/"Fn::GetAtt":\["\w+Logs\w+","Arn"\]/.test(json)) return 'own-log-group';
  return json;
}

/** Every table action the single-table stores send, on the table and its index (the partitions each may touch are narrowed by `dynamodb:LeadingKeys`: leading-keys.test.ts). */
const EVERY_TABLE_ACTION = {
  'dynamodb:BatchGetItem': ['table'],
  'dynamodb:BatchWriteItem': ['table'],
  'dynamodb:DeleteItem': ['table'],
  'dynamodb:GetItem': ['table'],
  'dynamodb:PutItem': ['table'],
  'dynamodb:Query': ['table', 'table/index/GSI1'],
  'dynamodb:UpdateItem': ['table'],
};
/** Every function writes its own logs and its X-Ray traces (X-Ray has no resource-level permissions). */
const LOGS = {
  'logs:CreateLogStream': ['own-log-group'],
  'logs:PutLogEvents': ['own-log-group'],
  'xray:PutTelemetryRecords': ['*'],
  'xray:PutTraceSegments': ['*'],
};
const CONSUME = ['sqs:ChangeMessageVisibility', 'sqs:DeleteMessage', 'sqs:GetQueueAttributes', 'sqs:GetQueueUrl', 'sqs:ReceiveMessage'];
const consumes = (queue: string) => Object.fromEntries(CONSUME.map((action) => [action, [queue]]));
/** The dead-letter queues of the four queues, as describeResource names them. */
const DEAD_LETTERS = ['queue:email-dlq', 'queue:fanOut-dlq', 'queue:pollTasks-dlq', 'queue:slack-dlq', 'queue:telegram-dlq', 'queue:webhook-dlq'];
const SEND_EMAIL = { 'ses:SendEmail': ['ses:configuration-set', 'ses:identity'] };

// Grants are per store: a function may do whatever the stores its dependency builder makes declare (store-access.test.ts),
// on their partitions only (leading-keys.test.ts).
describe('least privilege, function by function', () => {
  it('poll-bills reads and writes bills and changes (a batch\'s changes marked queued in one batch write), queues them to fan-out (no channel of its own), reads the proxy secret, and nothing else', () => {
    expect(grantsOf('poll-bills')).toEqual({
      ...LOGS,
      'dynamodb:GetItem': ['table'],
      'dynamodb:PutItem': ['table'],
      'dynamodb:BatchWriteItem': ['table'],
      'dynamodb:UpdateItem': ['table'],
      'dynamodb:Query': ['table', 'table/index/GSI1'],
      'sqs:SendMessage': ['queue:fanOut', 'queue:pollTasks'],
      'secretsmanager:GetSecretValue': ['secret:duma-proxy-url'],
    });
  });

  it('poll-bill-tasks consumes poll tasks and polls as poll-bills does, but hands no task on', () => {
    expect(grantsOf('poll-bill-tasks')).toEqual({
      ...LOGS,
      ...consumes('queue:pollTasks'),
      'dynamodb:GetItem': ['table'],
      'dynamodb:PutItem': ['table'],
      'dynamodb:BatchWriteItem': ['table'],
      'dynamodb:UpdateItem': ['table'],
      'dynamodb:Query': ['table', 'table/index/GSI1'],
      'sqs:SendMessage': ['queue:fanOut'],
      'secretsmanager:GetSecretValue': ['secret:duma-proxy-url'],
    });
  });

  it('sweeper re-queues the change and dropped-bill outboxes to fan-out and nowhere else: its stores\' actions (changes leave the outbox in batch writes), no delete or secret', () => {
    expect(grantsOf('sweeper')).toEqual({
      ...LOGS,
      'dynamodb:GetItem': ['table'],
      'dynamodb:PutItem': ['table'],
      'dynamodb:BatchWriteItem': ['table'],
      'dynamodb:UpdateItem': ['table'],
      'dynamodb:Query': ['table', 'table/index/GSI1'],
      'sqs:SendMessage': ['queue:fanOut'],
    });
  });

  it('poll-feeds writes feed state and news, queues new items only to fan-out (one road for every alert), and reads the proxy secret', () => {
    const grants = grantsOf('poll-feeds');
    expect(grants).toEqual({
      ...LOGS,
      'dynamodb:GetItem': ['table'],
      'dynamodb:PutItem': ['table'],
      'dynamodb:UpdateItem': ['table'],
      'dynamodb:BatchGetItem': ['table'],
      'dynamodb:Query': ['table', 'table/index/GSI1'],
      'sqs:SendMessage': ['queue:fanOut'],
      'secretsmanager:GetSecretValue': ['secret:duma-proxy-url'],
    });
  });

  it('fan-out reads followers, changes and news items, matches topics, writes alerts, bill links and digest entries, watches bills, removes a dropped bill\'s follows, and queues to email, webhook, Slack and Telegram', () => {
    expect(grantsOf('fan-out')).toEqual({
      ...LOGS,
      ...consumes('queue:fanOut'),
      ...EVERY_TABLE_ACTION,
      'sqs:SendMessage': ['queue:email', 'queue:slack', 'queue:telegram', 'queue:webhook'],
    });
  });

  it('send-email consumes the email queue, sends through SES from the sender identity, and cannot queue anything', () => {
    const grants = grantsOf('send-email');
    expect(grants).toEqual({
      ...LOGS,
      ...consumes('queue:email'),
      'dynamodb:BatchGetItem': ['table'],
      'dynamodb:DeleteItem': ['table'],
      'dynamodb:GetItem': ['table'],
      'dynamodb:PutItem': ['table'],
      'dynamodb:BatchWriteItem': ['table'],
      'dynamodb:Query': ['table', 'table/index/GSI1'],
      'dynamodb:UpdateItem': ['table'],
      'secretsmanager:GetSecretValue': ['secret:token-signing-key'],
      ...SEND_EMAIL,
    });
    expect(grants['sqs:SendMessage']).toBeUndefined();
  });

  it('deliver-webhook consumes and re-queues webhook, Slack and Telegram deliveries, posts as the Telegram bot, and may email an endpoint owner', () => {
    const consumesBoth = Object.fromEntries(CONSUME.map((action) => [action, ['queue:slack', 'queue:telegram', 'queue:webhook']]));
    expect(grantsOf('deliver-webhook')).toEqual({
      ...LOGS,
      ...consumesBoth,
      'dynamodb:BatchWriteItem': ['table'],
      'dynamodb:GetItem': ['table'],
      'dynamodb:PutItem': ['table'],
      'dynamodb:Query': ['table', 'table/index/GSI1'],
      'dynamodb:UpdateItem': ['table'],
      'sqs:SendMessage': ['queue:slack', 'queue:telegram', 'queue:webhook'],
      'secretsmanager:GetSecretValue': ['secret:telegram-bot-token'],
      ...SEND_EMAIL,
    });
  });

  it('redrive-webhooks lists due retries on the index, deletes them in batches (its store parks them too) and re-queues them, and nothing else', () => {
    expect(grantsOf('redrive-webhooks')).toEqual({
      ...LOGS,
      'dynamodb:BatchWriteItem': ['table'],
      'dynamodb:PutItem': ['table'],
      'dynamodb:Query': ['table/index/GSI1'],
      'sqs:SendMessage': ['queue:slack', 'queue:telegram', 'queue:webhook'],
    });
  });

  it('ses-events suppresses addresses and drops their follows, parks failed events in its own DLQ, with no SES or secret access', () => {
    expect(grantsOf('ses-events')).toEqual({
      ...LOGS,
      'dynamodb:BatchWriteItem': ['table'],
      'dynamodb:DeleteItem': ['table'],
      'dynamodb:GetItem': ['table'],
      'dynamodb:PutItem': ['table'],
      'dynamodb:Query': ['table', 'table/index/GSI1'],
      'dynamodb:UpdateItem': ['table'],
      'sqs:SendMessage': ['queue:ses-events-dlq'],
    });
  });

  it('the api manages subscriptions and endpoints, signs links, sends confirmations, but never reads the proxy secret nor touches a dead letter', () => {
    const grants = grantsOf('api');
    expect(grants).toEqual({
      ...LOGS,
      ...EVERY_TABLE_ACTION,
      // The endpoint service's test events and replays.
      'sqs:SendMessage': ['queue:slack', 'queue:telegram', 'queue:webhook'],
      'secretsmanager:GetSecretValue': ['secret:admin-api-key', 'secret:telegram-bot-token', 'secret:token-signing-key'],
      ...SEND_EMAIL,
    });
    // The console's rights are its own function's.
    expect(Object.keys(grants).filter((action) => /^(sqs:(Receive|Delete|ChangeMessage|GetQueue)|cloudwatch:)/.test(action))).toEqual([]);
  });

  it('the console operates every queue (depths, dead letters peeked and redriven) and manages endpoints, but sends no email', () => {
    expect(grantsOf('console')).toEqual({
      ...LOGS,
      ...EVERY_TABLE_ACTION,
      // Every queue's depth, dead letters peeked (receive, visibility 0) and redriven (send back, delete).
      'sqs:SendMessage': ['queue:email', 'queue:fanOut', 'queue:pollTasks', 'queue:slack', 'queue:telegram', 'queue:webhook'],
      'sqs:GetQueueAttributes': [...DEAD_LETTERS, 'queue:email', 'queue:fanOut', 'queue:pollTasks', 'queue:slack', 'queue:telegram', 'queue:webhook'].sort(),
      'sqs:ReceiveMessage': DEAD_LETTERS,
      'sqs:ChangeMessageVisibility': DEAD_LETTERS,
      'sqs:DeleteMessage': DEAD_LETTERS,
      // Each queue's oldest message (ApproximateAgeOfOldestMessage); GetMetricData has no resource-level permissions.
      'cloudwatch:GetMetricData': ['*'],
      'secretsmanager:GetSecretValue': ['secret:admin-api-key', 'secret:telegram-bot-token', 'secret:token-signing-key'],
    });
  });

  it('send-digests reads what is due, batch-reads planned events, batch-writes sent proofs, deletes markers, disables a chat its bot left, emails, and queues nothing', () => {
    const grants = grantsOf('send-digests');
    expect(grants).toEqual({
      ...LOGS,
      ...EVERY_TABLE_ACTION,
      'secretsmanager:GetSecretValue': ['secret:telegram-bot-token', 'secret:token-signing-key'],
      ...SEND_EMAIL,
    });
    expect(grants['sqs:SendMessage']).toBeUndefined();
  });

  it('grants secrets exactly to the handlers that resolve them (loadConfigWithSecrets, withFreshSecrets), so no ARN is set where it is never read', () => {
    // Act
    const handlers = FUNCTION_CATALOG.map((spec) => [spec.name, readFileSync(join(FUNCTIONS_DIR, `${spec.name}.ts`), 'utf8')] as const);
    const resolving = handlers
      .filter(([, source]) => source.includes('loadConfigWithSecrets()') || source.includes('withFreshSecrets('))
      .map(([name]) => name);
    const granted = FUNCTION_CATALOG.filter((spec) => spec.access.secrets.length > 0).map((spec) => spec.name);

    // Assert
    expect(granted).toEqual(resolving);
    expect(granted).toEqual(['poll-bills', 'poll-bill-tasks', 'poll-feeds', 'send-email', 'deliver-webhook', 'send-digests', 'api', 'console']);
  });

  it('takes each function\'s access from the dependency builder its handler calls (shared/runtime/*-dependencies.ts)', async () => {
    // Arrange
    const runtime = new URL('../../shared/runtime/', import.meta.url);
    const declared = new Map<unknown, string>();
    for (const file of readdirSync(runtime).filter((name) => name.endsWith('-dependencies.ts'))) {
      for (const [name, value] of Object.entries((await import(new URL(file, runtime).href)) as Record<string, unknown>)) {
        if (name.endsWith('Access')) declared.set(value, name.replace(/Access$/, 'Dependencies'));
      }
    }

    // Act
    const mismatches = FUNCTION_CATALOG.flatMap((spec) => {
      const builder = /\b(\w+Dependencies)\(/.exec(readFileSync(join(FUNCTIONS_DIR, `${spec.name}.ts`), 'utf8'))?.[1];
      return declared.get(spec.access) === builder ? [] : [`${spec.name}: its handler calls ${builder}, its access is ${declared.get(spec.access)}'s`];
    });

    // Assert
    expect(mismatches).toEqual([]);
  });

  it('no policy anywhere grants a wildcard action or scans the table', () => {
    const actions = Object.values(template.findResources('AWS::IAM::Policy')).flatMap((policy) =>
      (policy.Properties.PolicyDocument.Statement as Statement[]).flatMap((statement) => [statement.Action].flat()),
    );
    expect(actions.filter((action) => action.includes('*') || action === 'dynamodb:Scan')).toEqual([]);
  });

  it('passes secrets by ARN: no function environment holds a secret value', () => {
    const variables = Object.values(template.findResources('AWS::Lambda::Function')).map(
      (fn) => fn.Properties.Environment.Variables as Record<string, unknown>,
    );
    expect(variables.filter((v) => 'TOKEN_SECRETS' in v || 'DUMA_PROXY_URL' in v || 'ADMIN_API_KEY' in v)).toEqual([]);
    expect(variables.filter((v) => 'TOKEN_SECRETS_ARN' in v).length).toBe(4);
    expect(variables.filter((v) => 'ADMIN_API_KEY_ARN' in v).length).toBe(2);
    expect(variables.filter((v) => v.DUMA_PROXY_SECRET_ARN === 'duma-alerts/duma-proxy-url').length).toBe(3);
  });
});
