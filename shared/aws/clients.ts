import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { SESv2Client } from '@aws-sdk/client-sesv2';
import { SQSClient } from '@aws-sdk/client-sqs';

/*
 * The SDK reads AWS_ENDPOINT_URL_DYNAMODB / _SESV2 / _SQS itself, so the same clients reach the local
 * emulators under `npm start` and the real services in Lambda, with no branch here.
 */

/** A DynamoDB document client that drops undefined attributes (optional fields of our models). */
export function createDocumentClient(): DynamoDBDocumentClient {
  return DynamoDBDocumentClient.from(new DynamoDBClient({}), {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
  });
}

/** An SQS client that sends to the configured endpoint rather than the host inside a queue URL (fauxqs, VPC endpoints). */
export function createSqsClient(): SQSClient {
  return new SQSClient({ useQueueUrlAsEndpoint: false });
}

/** An SES v2 client. */
export function createSesClient(): SESv2Client {
  return new SESv2Client({});
}
