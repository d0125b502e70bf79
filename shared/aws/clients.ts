import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { SESv2Client } from '@aws-sdk/client-sesv2';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { SQSClient } from '@aws-sdk/client-sqs';
import { traced } from './tracer.js';

/*
 * The SDK reads AWS_ENDPOINT_URL_DYNAMODB / _SESV2 / _SQS itself, so the same clients reach the local
 * emulators under `npm start` and the real services in Lambda, with no branch here. In Lambda each call is an X-Ray
 * subsegment of the invocation (./tracer.ts).
 */

/** A DynamoDB document client that drops undefined attributes (optional fields of our models). */
export function createDocumentClient(): DynamoDBDocumentClient {
  return DynamoDBDocumentClient.from(traced(new DynamoDBClient({})), {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
  });
}

/** An SQS client that sends to the configured endpoint rather than the host inside a queue URL (fauxqs, VPC endpoints). */
export function createSqsClient(): SQSClient {
  return traced(new SQSClient({ useQueueUrlAsEndpoint: false }));
}

/** An SES v2 client. */
export function createSesClient(): SESv2Client {
  return traced(new SESv2Client({}));
}

/** A Secrets Manager client (shared/config/secrets.ts: secrets read at cold start and every few minutes after). */
export function createSecretsClient(): SecretsManagerClient {
  return traced(new SecretsManagerClient({}));
}
