import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import type { SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import type * as z from 'zod';

/**
 * An SQS consumer that validates each message body with `schema` and reports the messages that failed
 * (partial batch response), so one poison message is retried alone and ends in the dead-letter queue
 * without holding back the rest of its batch.
 */
export function sqsBatchConsumer<S extends z.ZodType>(
  schema: S,
  handle: (message: z.infer<S>, record: SQSRecord) => Promise<unknown>,
): (event: SQSEvent) => Promise<SQSBatchResponse> {
  return (event) =>
    processPartialResponse(
      event,
      async (record: SQSRecord) => handle(schema.parse(JSON.parse(record.body)), record),
      // A processor holds the batch's state: one per batch keeps concurrent local invocations apart.
      new BatchProcessor(EventType.SQS),
      { throwOnFullBatchFailure: false },
    );
}
