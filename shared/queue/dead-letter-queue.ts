import {
  ChangeMessageVisibilityBatchCommand,
  DeleteMessageBatchCommand,
  ReceiveMessageCommand,
  SendMessageBatchCommand,
  type Message,
  type SQSClient,
} from '@aws-sdk/client-sqs';

/** A message of a dead-letter queue as an operator reads it. */
export interface DeadLetter {
  messageId: string;
  body: string;
  /** When it was first sent to its queue (ISO), if SQS says. */
  sentAt?: string;
  /** How many times it has been received, this look included. */
  receiveCount: number;
}

/** Long enough to read a batch and give it back; short enough that a crash between the two hides nothing for long. */
const PEEK_VISIBILITY_SECONDS = 5;
/** Long enough to send a batch on and delete it from the DLQ. */
const MOVE_VISIBILITY_SECONDS = 30;
const SQS_BATCH = 10;

/**
 * Reads up to `max` messages of a dead-letter queue without consuming them: each is received with a short
 * visibility timeout and made visible again at once. Only for dead-letter queues: a receive counts towards a
 * message's redrive policy, so peeking a working queue could push its messages into the DLQ.
 */
export async function peekDeadLetters(sqs: SQSClient, dlqUrl: string, max: number): Promise<DeadLetter[]> {
  const received: Message[] = [];
  try {
    // Messages stay hidden while the look goes on, so each receive brings new ones until the queue has no more.
    while (received.length < max) {
      const messages = await receive(sqs, dlqUrl, Math.min(SQS_BATCH, max - received.length), PEEK_VISIBILITY_SECONDS);
      if (messages.length === 0) break;
      received.push(...messages);
    }
  } finally {
    for (let start = 0; start < received.length; start += SQS_BATCH) await release(sqs, dlqUrl, received.slice(start, start + SQS_BATCH));
  }
  return received.map(deadLetterOf).sort((a, b) => (a.sentAt ?? '').localeCompare(b.sentAt ?? ''));
}

/**
 * Moves up to `max` messages from a dead-letter queue back to the queue they came from: receive, send the same
 * body on, then delete from the DLQ. A crash between the send and the delete leaves the message in both, so it
 * may be handled twice; every consumer is idempotent (delivery records, attempt claims), so that is harmless.
 * Works the same on SQS and on fauxqs (which has no StartMessageMoveTask).
 * @returns how many messages were moved
 */
export async function redriveDeadLetters(sqs: SQSClient, dlqUrl: string, targetUrl: string, max: number): Promise<number> {
  let moved = 0;
  while (moved < max) {
    const messages = await receive(sqs, dlqUrl, Math.min(SQS_BATCH, max - moved), MOVE_VISIBILITY_SECONDS);
    if (messages.length === 0) break;
    const entries = messages.map((message, index) => ({ Id: String(index), MessageBody: message.Body ?? '' }));
    const { Failed = [] } = await sqs.send(new SendMessageBatchCommand({ QueueUrl: targetUrl, Entries: entries }));
    const failed = new Set(Failed.map((failure) => failure.Id));
    // What could not be sent stays in the DLQ, visible again once its timeout ends.
    const sent = messages.filter((_, index) => !failed.has(String(index)));
    if (sent.length > 0) {
      await sqs.send(
        new DeleteMessageBatchCommand({
          QueueUrl: dlqUrl,
          Entries: sent.map((message, index) => ({ Id: String(index), ReceiptHandle: message.ReceiptHandle! })),
        }),
      );
    }
    moved += sent.length;
    if (failed.size > 0) break;
  }
  return moved;
}

async function receive(sqs: SQSClient, queueUrl: string, count: number, visibilitySeconds: number): Promise<Message[]> {
  const { Messages = [] } = await sqs.send(
    new ReceiveMessageCommand({
      QueueUrl: queueUrl,
      MaxNumberOfMessages: count,
      VisibilityTimeout: visibilitySeconds,
      WaitTimeSeconds: 0,
      MessageSystemAttributeNames: ['SentTimestamp', 'ApproximateReceiveCount'],
    }),
  );
  return Messages;
}

async function release(sqs: SQSClient, queueUrl: string, messages: Message[]): Promise<void> {
  if (messages.length === 0) return;
  await sqs.send(
    new ChangeMessageVisibilityBatchCommand({
      QueueUrl: queueUrl,
      Entries: messages.map((message, index) => ({ Id: String(index), ReceiptHandle: message.ReceiptHandle!, VisibilityTimeout: 0 })),
    }),
  );
}

function deadLetterOf(message: Message): DeadLetter {
  const sent = Number(message.Attributes?.SentTimestamp);
  return {
    messageId: message.MessageId!,
    body: message.Body ?? '',
    ...(Number.isFinite(sent) && sent > 0 ? { sentAt: new Date(sent).toISOString() } : {}),
    receiveCount: Number(message.Attributes?.ApproximateReceiveCount ?? 1),
  };
}
