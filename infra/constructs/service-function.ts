import { join } from 'node:path';
import { Duration, Validations } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { METRICS_NAMESPACE } from '../../shared/metrics/poll-metrics.js';
import { tableAccessOf } from '../../shared/access/access.js';
import { SECRET_ARN_VARIABLES } from '../../shared/config/secrets.js';
import { GSI1, leadingKeysOf } from '../../shared/store/table-schema.js';
import { lambdaBundling } from '../bundling-options.js';
import type { FunctionSpec, QueueKey, SecretKey } from '../function-catalog.js';
import type { Parameters } from '../parameters.js';
import type { SecretReference } from './secrets.js';

/** The environment variable that carries each queue's URL (shared/config/config.ts reads them). */
const QUEUE_URL_VARIABLES: Record<QueueKey, string> = {
  fanOut: 'FAN_OUT_QUEUE_URL',
  email: 'EMAIL_QUEUE_URL',
  webhook: 'WEBHOOK_QUEUE_URL',
  slack: 'SLACK_QUEUE_URL',
  telegram: 'TELEGRAM_QUEUE_URL',
  pollTasks: 'POLL_TASKS_QUEUE_URL',
};

/** The environment variable that carries each dead-letter queue's URL. */
const DLQ_URL_VARIABLES: Record<QueueKey, string> = {
  fanOut: 'FAN_OUT_DLQ_URL',
  email: 'EMAIL_DLQ_URL',
  webhook: 'WEBHOOK_DLQ_URL',
  slack: 'SLACK_DLQ_URL',
  telegram: 'TELEGRAM_DLQ_URL',
  pollTasks: 'POLL_TASKS_DLQ_URL',
};

/** The Powertools service name of a function, which is also the `service` dimension of its metrics. */
export function serviceNameOf(functionName: string): string {
  return `duma-alerts.${functionName}`;
}

/** What any function may be given access to; what it gets is decided by its {@link FunctionSpec}. */
export interface ServiceResources {
  parameters: Parameters;
  /** The folder of the handlers, `functions/` of the repository. */
  functionsDir: string;
  projectRoot: string;
  table: ITable;
  /** Only the queues whose consumer exists. */
  queues: Partial<Record<QueueKey, IQueue>>;
  /** The dead-letter queue of each queue, for the function that operates them (the console). */
  deadLetterQueues?: Partial<Record<QueueKey, IQueue>>;
  secrets: Partial<Record<SecretKey, SecretReference>>;
  email: { senderEmail: string; identityArn: string; configurationSetName: string; configurationSetArn: string };
  publicBaseUrl: string;
}

/**
 * One Lambda function of the catalog: esbuild-bundled ESM on Node.js 22 arm64, its own log group with retention,
 * and its own role holding only the table actions, queues, secrets and SES rights its entry lists.
 */
export class ServiceFunction extends Construct {
  readonly function: NodejsFunction;

  constructor(
    scope: Construct,
    readonly spec: FunctionSpec,
    resources: ServiceResources,
    options: { retryAttempts?: number; maxEventAge?: Duration; reservedConcurrentExecutions?: number; deadLetterQueue?: IQueue } = {},
  ) {
    super(scope, spec.name);
    const logGroup = new LogGroup(this, 'Logs', { retention: resources.parameters.logRetentionDays });
    const role = new Role(this, 'Role', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: `duma-alerts ${spec.name}: only what this function uses`,
    });
    logGroup.grantWrite(role);
    this.function = new NodejsFunction(this, 'Function', {
      description: spec.description,
      entry: join(resources.functionsDir, `${spec.name}.ts`),
      handler: 'handler',
      projectRoot: resources.projectRoot,
      depsLockFilePath: join(resources.projectRoot, 'package-lock.json'),
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.ARM_64,
      memorySize: spec.memoryMb,
      timeout: Duration.seconds(spec.timeoutSeconds),
      role,
      logGroup,
      // X-Ray traces of every invocation; Powertools Tracer adds a subsegment per AWS call (docs/deploy.md, "Tracing").
      tracing: Tracing.ACTIVE,
      bundling: lambdaBundling,
      environment: environmentFor(spec, resources),
      ...options,
    });
    for (const statement of policyFor(spec, resources)) role.addToPolicy(statement);
    Validations.of(role).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'Active tracing: xray:PutTraceSegments and xray:PutTelemetryRecords support no resource-level permissions (X-Ray takes "*" only); nor does cloudwatch:GetMetricData (the console reads queue ages).',
    });
    Validations.of(this.function).acknowledge({
      id: 'AwsSolutions-L1',
      reason: 'Node.js 22 is the runtime the service is built and tested for (package.json engines, esbuild target node22); it moves with them.',
    });
  }
}

function environmentFor(spec: FunctionSpec, resources: ServiceResources): Record<string, string> {
  const { access } = spec;
  const environment: Record<string, string> = {
    TABLE_NAME: resources.table.tableName,
    PUBLIC_BASE_URL: resources.publicBaseUrl,
    POWERTOOLS_SERVICE_NAME: serviceNameOf(spec.name),
    POWERTOOLS_METRICS_NAMESPACE: METRICS_NAMESPACE,
    LOG_LEVEL: resources.parameters.logLevel,
    // Stack traces in CloudWatch point at the TypeScript sources.
    NODE_OPTIONS: '--enable-source-maps',
  };
  for (const key of access.sendsTo) {
    const queue = resources.queues[key];
    if (queue) environment[QUEUE_URL_VARIABLES[key]] = queue.queueUrl;
  }
  if (access.operatesQueues) {
    for (const [key, queue] of queueEntries(resources.queues)) environment[QUEUE_URL_VARIABLES[key]] = queue.queueUrl;
    for (const [key, queue] of queueEntries(resources.deadLetterQueues ?? {})) environment[DLQ_URL_VARIABLES[key]] = queue.queueUrl;
  }
  for (const key of access.secrets) {
    const secret = resources.secrets[key];
    if (secret) environment[SECRET_ARN_VARIABLES[key]] = secret.id;
  }
  if (access.sendsEmail) {
    environment.SENDER_EMAIL = resources.email.senderEmail;
    environment.SES_CONFIGURATION_SET = resources.email.configurationSetName;
  }
  return { ...environment, ...spec.environment?.(resources.parameters) };
}

function queueEntries(queues: Partial<Record<QueueKey, IQueue>>): [QueueKey, IQueue][] {
  return (Object.entries(queues) as [QueueKey, IQueue | undefined][]).filter((entry): entry is [QueueKey, IQueue] => entry[1] !== undefined);
}

function policyFor(spec: FunctionSpec, resources: ServiceResources): PolicyStatement[] {
  const { access } = spec;
  const statements: PolicyStatement[] = [];
  // Its stores' actions, on their partitions only: LeadingKeys is the partition key of the table or of the index
  // queried (GSI1PK), so redrive-webhooks, say, can batch-delete its parked retries but never a subscriber. Grants are
  // per store, not per method: a function that uses one method of a store may do what the store's other methods do.
  const table = tableAccessOf(access);
  const leadingKeys = leadingKeysOf([table]);
  const onlyPartitions = (patterns: string[]) => ({ 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': patterns } });
  if (table.actions.length > 0) {
    statements.push(
      new PolicyStatement({
        actions: table.actions.map((action) => `dynamodb:${action}`),
        resources: [resources.table.tableArn],
        conditions: onlyPartitions(leadingKeys.table),
      }),
    );
  }
  if (table.index.length > 0) {
    statements.push(
      new PolicyStatement({
        actions: ['dynamodb:Query'],
        resources: [`${resources.table.tableArn}/index/${GSI1}`],
        conditions: onlyPartitions(leadingKeys.index),
      }),
    );
  }
  // A redrive sends dead letters back to the queue they came from: every queue, for the function that operates them.
  const sendKeys = access.operatesQueues ? queueEntries(resources.queues).map(([key]) => key) : access.sendsTo;
  const queueArns = sendKeys.flatMap((key) => resources.queues[key]?.queueArn ?? []);
  // SendMessageBatch is authorised as sqs:SendMessage.
  if (queueArns.length > 0) statements.push(new PolicyStatement({ actions: ['sqs:SendMessage'], resources: queueArns }));
  if (access.operatesQueues) {
    const deadLetterArns = queueEntries(resources.deadLetterQueues ?? {}).map(([, queue]) => queue.queueArn);
    const allArns = [...queueEntries(resources.queues).map(([, queue]) => queue.queueArn), ...deadLetterArns];
    statements.push(new PolicyStatement({ actions: ['sqs:GetQueueAttributes'], resources: allArns }));
    // Peek (receive, then visibility 0) and redrive (receive, delete) on the dead-letter queues only: a receive on a
    // working queue would count towards its messages' redrive policy.
    if (deadLetterArns.length > 0) {
      statements.push(
        new PolicyStatement({ actions: ['sqs:ChangeMessageVisibility', 'sqs:DeleteMessage', 'sqs:ReceiveMessage'], resources: deadLetterArns }),
      );
    }
    // Each queue's oldest message, from its ApproximateAgeOfOldestMessage metric; GetMetricData takes no resource.
    statements.push(new PolicyStatement({ actions: ['cloudwatch:GetMetricData'], resources: ['*'] }));
  }
  const secretArns = access.secrets.flatMap((key) => resources.secrets[key]?.policyArn ?? []);
  if (secretArns.length > 0) statements.push(new PolicyStatement({ actions: ['secretsmanager:GetSecretValue'], resources: secretArns }));
  if (access.sendsEmail) {
    // SES v2 authorises SendEmail against both the sending identity and the configuration set.
    statements.push(
      new PolicyStatement({
        actions: ['ses:SendEmail'],
        resources: [resources.email.identityArn, resources.email.configurationSetArn],
      }),
    );
  }
  return statements;
}
