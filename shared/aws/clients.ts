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
 *
 * The plain clients resolve their middleware chain once per command type (`cacheMiddleware`) rather than on every
 * request: ~0.1 ms of CPU a request, measured on SQS sends. Nothing here adds middleware after a client's first
 * request, which is the option's one condition; the document client cannot take it (lib-dynamodb refuses it).
 */
const CACHED_MIDDLEWARE = { cacheMiddleware: true } as const;

/** A DynamoDB document client that drops undefined attributes (optional fields of our models). */
export function createDocumentClient(): DynamoDBDocumentClient {
  return DynamoDBDocumentClient.from(traced(new DynamoDBClient({})), {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
  });
}

/** An SQS client that sends to the configured endpoint rather than the host inside a queue URL (fauxqs, VPC endpoints). */
export function createSqsClient(): SQSClient {
  return traced(new SQSClient({ useQueueUrlAsEndpoint: false, ...CACHED_MIDDLEWARE }));
}

/** An SES v2 client. */
export function createSesClient(): SESv2Client {
  return traced(new SESv2Client(CACHED_MIDDLEWARE));
}

/** A Secrets Manager client (shared/config/secrets.ts: secrets read at cold start and every few minutes after). */
export function createSecretsClient(): SecretsManagerClient {
  return traced(new SecretsManagerClient(CACHED_MIDDLEWARE));
}
