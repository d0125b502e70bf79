import { CfnOutput, Duration, Stack } from 'aws-cdk-lib';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import {
  ConfigurationSet,
  EmailIdentity,
  EmailSendingEvent,
  EventDestination,
  Identity,
  MailFromBehaviorOnMxFailure,
  SuppressionReasons,
} from 'aws-cdk-lib/aws-ses';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { LambdaSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import { Queue, QueueEncryption, type IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { FunctionSpec, QueueKey } from '../function-catalog.js';
import { senderIdentityOf, type Parameters } from '../parameters.js';
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
 * topic of its sending events (bounces, complaints, rejects, rendering failures, delays) that feeds ses-events.
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
    this.sesEventsTopic = new Topic(this, 'SesEventsTopic', { displayName: 'duma-alerts SES events', enforceSSL: true });
    // Bounces and complaints suppress the address; rejects, rendering failures and delivery delays are logged and
    // counted by ses-events (a send failure is an alarm: the email never left).
    configurationSet.addEventDestination('SendingEvents', {
      destination: EventDestination.snsTopic(this.sesEventsTopic),
      events: [
        EmailSendingEvent.BOUNCE,
        EmailSendingEvent.COMPLAINT,
        EmailSendingEvent.REJECT,
        EmailSendingEvent.RENDERING_FAILURE,
        EmailSendingEvent.DELIVERY_DELAY,
      ],
    });
    const identity = this.senderIdentity(parameters, configurationSet);
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

  /**
   * The sender's SES identity. A domain (the default) gets Easy DKIM (2048-bit) and a custom MAIL FROM subdomain, so
   * DKIM and SPF both align with the From domain as Gmail's and Yahoo's bulk-sender rules require; the DNS records to
   * publish are stack outputs. An address identity (`senderIdentity` = the address) is for trials only.
   */
  private senderIdentity(parameters: Parameters, configurationSet: ConfigurationSet): EmailIdentity {
    const name = senderIdentityOf(parameters);
    if (name.includes('@')) return new EmailIdentity(this, 'SenderIdentity', { identity: Identity.email(name), configurationSet });
    const mailFrom = `${parameters.mailFromSubdomain}.${name}`;
    const identity = new EmailIdentity(this, 'SenderIdentity', {
      identity: Identity.domain(name),
      configurationSet,
      mailFromDomain: mailFrom,
      // Until the MX record is published, mail still goes out with SES's own MAIL FROM rather than bouncing.
      mailFromBehaviorOnMxFailure: MailFromBehaviorOnMxFailure.USE_DEFAULT_VALUE,
    });
    const stack = Stack.of(this);
    identity.dkimRecords.forEach((record, index) => {
      new CfnOutput(stack, `DkimRecord${index + 1}`, { value: `${record.name} CNAME ${record.value}`, description: 'Publish: Easy DKIM' });
    });
    new CfnOutput(stack, 'MailFromMxRecord', {
      value: `${mailFrom} MX 10 feedback-smtp.${stack.region}.amazonses.com`,
      description: 'Publish: custom MAIL FROM (bounces)',
    });
    new CfnOutput(stack, 'MailFromSpfRecord', { value: `${mailFrom} TXT "v=spf1 include:amazonses.com ~all"`, description: 'Publish: SPF of the MAIL FROM domain' });
    return identity;
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
