import { serveEachRecipient } from '../pipeline/each-recipient.js';
import { deliverToEndpoint, type AttemptResult, type EndpointDeliveryDependencies } from './deliver-to-endpoint.js';
import { attemptsOf, type EndpointQueueMessage } from './endpoint-delivery-message.js';

/**
 * Makes the attempts of a webhook, Slack or Telegram queue message: one, or the first attempt for each endpoint of a
 * shared message, side by side (each under its own deadline, so a slow receiver does not hold back the others).
 * @returns each attempt's result, in the message's order.
 * @throws RecipientsNotServedError naming the endpoints whose attempt threw (our fault or a busy claim); the queue
 * retries the message, and the claims of the attempts already made turn their repeats into no-ops.
 */
export async function deliverEndpointMessage(deps: EndpointDeliveryDependencies, message: EndpointQueueMessage): Promise<AttemptResult[]> {
  const attempts = new Map(attemptsOf(message).map((attempt) => [attempt.endpointId, attempt]));
  return serveEachRecipient([...attempts.keys()], (endpointId) => deliverToEndpoint(deps, attempts.get(endpointId)!), {
    concurrency: attempts.size,
    notDone: 'endpoint(s) not delivered to yet',
  });
}
