import { Duration, Stack } from 'aws-cdk-lib';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import {
  ConfigurationSet,
  EmailIdentity,
  EmailSendingEvent,
  EventDestination,
  Identity,
  SuppressionReasons,
} from 'aws-cdk-lib/aws-ses';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { LambdaSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import { Queue, QueueEncryption, type IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { FunctionSpec, QueueKey } from '../function-catalog.js';
import type { Parameters } from '../parameters.js';
import { scheduledServiceFunction } from './schedule-function.js';
import { ServiceFunction, type ServiceResources } from './service-function.js';

/** SQS visibility must outlast every retry of a consumer's batch, as Lambda recommends. */
export const VISIBILITY_TIMEOUT_FACTOR = 6;
/** Receives before a message is parked in its dead-letter queue. */
export const MAX_RECEIVE_COUNT = 5;

export interface DeliveryProps {
  /** The delivery functions whose handlers exist. */
  specs: readonly FunctionSpec[];
  /** Everything but the queues and SES, which this construct makes. */
  resources: Omit<ServiceResources, 'queues' | 'email'>;
}

/**
 * Getting alerts out: a queue with its dead-letter queue per consumer, the consumers (fan-out, send-email,
 * deliver-webhook), the scheduled sweeper and digests, and SES — sender identity, configuration set, and the
 * bounce/complaint topic that feeds ses-events.
 */
export class Delivery extends Construct {
  readonly queues: Partial<Record<QueueKey, IQueue>> = {};
  readonly deadLetterQueues: Record<string, IQueue> = {};
  /** The dead-letter queue of each queue, by the queue's key. */
  readonly queueDeadLetters: Partial<Record<QueueKey, IQueue>> = {};
  readonly email: ServiceResources['email'];
  readonly sesEventsTopic: Topic;
  readonly functions: ServiceFunction[];

  constructor(scope: Construct, id: string, props: DeliveryProps) {
    super(scope, id);
    const { parameters } = props.resources;
    for (const spec of props.specs) {
      if (spec.trigger.kind !== 'queue') continue;
      for (const key of spec.trigger.queues) this.queues[key] = this.queueWithDeadLetters(key, spec.timeoutSeconds);
    }
    const configurationSet = new ConfigurationSet(this, 'ConfigurationSet', {
      reputationMetrics: true,
      suppressionReasons: SuppressionReasons.BOUNCES_AND_COMPLAINTS,
    });
    this.sesEventsTopic = new Topic(this, 'SesEventsTopic', { displayName: 'duma-alerts SES bounces and complaints', enforceSSL: true });
    configurationSet.addEventDestination('BouncesAndComplaints', {
      destination: EventDestination.snsTopic(this.sesEventsTopic),
      events: [EmailSendingEvent.BOUNCE, EmailSendingEvent.COMPLAINT],
    });
    const identity = new EmailIdentity(this, 'SenderIdentity', {
      identity: senderIdentity(parameters),
      configurationSet,
    });
    this.email = {
      senderEmail: parameters.senderEmail,
      identityArn: identity.emailIdentityArn,
      configurationSetName: configurationSet.configurationSetName,
      configurationSetArn: Stack.of(this).formatArn({
        service: 'ses',
        resource: 'configuration-set',
        resourceName: configurationSet.configurationSetName,
      }),
    };
    const resources: ServiceResources = { ...props.resources, queues: this.queues, email: this.email };
    this.functions = props.specs.map((spec) => this.addFunction(spec, resources));
  }

  private addFunction(spec: FunctionSpec, resources: ServiceResources): ServiceFunction {
    const { trigger } = spec;
    switch (trigger.kind) {
      case 'schedule':
        return scheduledServiceFunction(this, spec, resources);
      case 'queue': {
        const serviceFunction = new ServiceFunction(this, spec, resources);
        for (const key of trigger.queues) {
          serviceFunction.function.addEventSource(
            new SqsEventSource(this.queues[key]!, {
              batchSize: trigger.batchSize,
              reportBatchItemFailures: true,
              maxConcurrency: trigger.maxConcurrency === 'sesRate' ? resources.parameters.emailMaxConcurrency : trigger.maxConcurrency,
            }),
          );
        }
        return serviceFunction;
      }
      case 'ses-events': {
        // SNS invokes asynchronously; an event that still fails after Lambda's retries is kept, not dropped.
        const deadLetters = this.deadLetterQueue(`${spec.name}-dlq`);
        const serviceFunction = new ServiceFunction(this, spec, resources, { deadLetterQueue: deadLetters });
        this.sesEventsTopic.addSubscription(new LambdaSubscription(serviceFunction.function));
        return serviceFunction;
      }
      case 'http':
        throw new Error(`${spec.name}: an HTTP function belongs to the Api construct, not Delivery`);
    }
  }

  private queueWithDeadLetters(key: QueueKey, consumerTimeoutSeconds: number): IQueue {
    return new Queue(this, `${key}Queue`, {
      visibilityTimeout: Duration.seconds(VISIBILITY_TIMEOUT_FACTOR * consumerTimeoutSeconds),
      deadLetterQueue: { queue: (this.queueDeadLetters[key] = this.deadLetterQueue(`${key}-dlq`)), maxReceiveCount: MAX_RECEIVE_COUNT },
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
    });
  }

  private deadLetterQueue(name: string): IQueue {
    const queue = new Queue(this, name, {
      retentionPeriod: Duration.days(14),
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
    });
    this.deadLetterQueues[name] = queue;
    return queue;
  }
}

function senderIdentity(parameters: Parameters): Identity {
  const identity = parameters.senderIdentity ?? parameters.senderEmail;
  return identity.includes('@') ? Identity.email(identity) : Identity.domain(identity);
}
