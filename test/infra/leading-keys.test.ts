import type { CfnResource, Stack } from 'aws-cdk-lib';
import type { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { ServiceFunction } from '../../infra/constructs/service-function.js';
import { keys } from '../../shared/store/table-schema.js';
import { allFunctionsDir, synthStack } from './synth-stack.js';

interface Statement {
  Action: string | string[];
  Resource: unknown;
  Condition?: { 'ForAllValues:StringLike'?: { 'dynamodb:LeadingKeys': string[] } };
}

let stack: Stack;
let template: Template;
beforeAll(() => {
  ({ stack, template } = synthStack({ functionsDir: allFunctionsDir() }));
});

/** The DynamoDB statements of a function's role: actions → partitions, split into the table and GSI1. */
function partitionsOf(name: string): Record<string, { table?: string[]; index?: string[] }> {
  const serviceFunction = stack.node.findAll().find((c): c is ServiceFunction => c instanceof ServiceFunction && c.spec.name === name)!;
  const roleId = stack.resolve(stack.getLogicalId(serviceFunction.function.role!.node.defaultChild as CfnResource)) as string;
  const statements = Object.values(template.findResources('AWS::IAM::Policy'))
    .filter((policy) => JSON.stringify(policy.Properties.Roles).includes(`"${roleId}"`))
    .flatMap((policy) => policy.Properties.PolicyDocument.Statement as Statement[]);
  const found: Record<string, { table?: string[]; index?: string[] }> = {};
  for (const statement of statements) {
    for (const action of [statement.Action].flat().filter((a) => a.startsWith('dynamodb:'))) {
      const where = JSON.stringify(statement.Resource).includes('/index/') ? 'index' : 'table';
      found[action] = { ...found[action], [where]: statement.Condition?.['ForAllValues:StringLike']?.['dynamodb:LeadingKeys'] ?? ['(any)'] };
    }
  }
  return found;
}

/** Whether a LeadingKeys pattern list admits a partition key (IAM StringLike: `*` matches any run of characters). */
const admits = (patterns: readonly string[] | undefined, partition: string) =>
  (patterns ?? []).some((pattern) => new RegExp(`^${pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`).test(partition));

describe('each role touches only the partitions of the stores its function uses (dynamodb:LeadingKeys)', () => {
  it('lets redrive-webhooks write and batch-delete parked retries (its store\'s actions) and query their index, and nothing else: no subscriber, no bill', () => {
    // Act
    const grants = partitionsOf('redrive-webhooks');

    // Assert
    expect(grants).toEqual({
      'dynamodb:BatchWriteItem': { table: ['RETRY#*'] },
      'dynamodb:PutItem': { table: ['RETRY#*'] },
      'dynamodb:Query': { index: ['RETRY_DUE'] },
    });
    expect(admits(grants['dynamodb:BatchWriteItem']!.table, keys.subscriber('s1').PK)).toBe(false);
    expect(admits(grants['dynamodb:BatchWriteItem']!.table, keys.retryDue('webhook:e1:c1').PK)).toBe(true);
  });

  it('states which functions reach subscribers, endpoints, suppressions and bills: never the redrive', () => {
    // Act
    const reach = (name: string, partition: string) =>
      Object.values(partitionsOf(name)).some((grant) => admits(grant.table, partition) || admits(grant.index, partition));

    // Assert
    const who = (partition: string) =>
      ['poll-bills', 'poll-feeds', 'sweeper', 'redrive-webhooks', 'ses-events', 'send-email', 'api'].filter((name) => reach(name, partition));
    // poll-feeds through the news store, which reads a subscriber's news setting for send-email (store granularity).
    expect(who(keys.subscriber('s1').PK)).toEqual(['poll-feeds', 'ses-events', 'send-email', 'api']);
    expect(who(keys.endpoint('e1').PK)).toEqual(['api']);
    expect(who(keys.suppression('s1').PK)).toEqual(['ses-events', 'send-email', 'api']);
    // Changes and followers live in their bill's partition: the sweeper and send-email read changes, ses-events drops follows.
    expect(who(keys.bill('1-8').PK)).toEqual(['poll-bills', 'poll-feeds', 'sweeper', 'ses-events', 'send-email', 'api']);
  });

  it('conditions every DynamoDB grant of every function on its partitions', () => {
    // Act
    const unconditioned = Object.values(template.findResources('AWS::IAM::Policy'))
      .flatMap((policy) => policy.Properties.PolicyDocument.Statement as Statement[])
      .filter((statement) => [statement.Action].flat().some((action) => action.startsWith('dynamodb:')))
      .filter((statement) => !statement.Condition?.['ForAllValues:StringLike']?.['dynamodb:LeadingKeys']?.length);

    // Assert
    expect(unconditioned).toEqual([]);
  });
});
