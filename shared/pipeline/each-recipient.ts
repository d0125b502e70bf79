import { runConcurrently } from './run-concurrently.js';

/**
 * Some recipients of a shared queue message (subscribers of an email message, endpoints of a delivery message) were
 * not served. The queue retries the whole message; the delivery records of those already served make the retry
 * reach only the rest.
 */
export class RecipientsNotServedError extends AggregateError {
  override readonly name = 'RecipientsNotServedError';

  constructor(
    readonly recipientIds: readonly string[],
    errors: readonly unknown[],
    /** What was not done to them, e.g. "subscriber(s) not emailed yet". */
    notDone: string,
  ) {
    super(errors, `${recipientIds.length} ${notDone} (${recipientIds.join(', ')}): ${(errors[0] as Error).message}`);
  }
}

/**
 * Runs `serve` for each recipient of a message, at most `concurrency` at once (in order when 1). One recipient's
 * failure does not hold back the others: they are all tried, then the failures are thrown together.
 * @returns what `serve` returned, in the recipients' order.
 * @throws RecipientsNotServedError naming the recipients whose `serve` threw.
 */
export async function serveEachRecipient<T>(
  recipientIds: readonly string[],
  serve: (recipientId: string) => Promise<T>,
  options: { concurrency: number; notDone: string },
): Promise<T[]> {
  const results: T[] = [];
  const failures = new Map<string, unknown>();
  await runConcurrently([...recipientIds.keys()], options.concurrency, async (index) => {
    const recipientId = recipientIds[index]!;
    try {
      results[index] = await serve(recipientId);
    } catch (error) {
      failures.set(recipientId, error);
    }
  });
  if (failures.size > 0) {
    const failed = recipientIds.filter((id) => failures.has(id));
    throw new RecipientsNotServedError(failed, failed.map((id) => failures.get(id)), options.notDone);
  }
  return results;
}

/**
 * Emails each subscriber of an email-queue message in turn (send-email's share of the SES rate is paced per email).
 * @returns the emails sent.
 * @throws RecipientsNotServedError naming the subscribers whose `send` threw.
 */
export async function emailEachRecipient(subscriberIds: readonly string[], send: (subscriberId: string) => Promise<number>): Promise<number> {
  const sent = await serveEachRecipient(subscriberIds, send, { concurrency: 1, notDone: 'subscriber(s) not emailed yet' });
  return sent.reduce((sum, count) => sum + count, 0);
}

/** Loads each item once per message, however many of its recipients need it. */
export function loadOncePerMessage<T>(load: (id: string) => Promise<T>): (id: string) => Promise<T> {
  const loaded = new Map<string, Promise<T>>();
  return (id) => {
    let item = loaded.get(id);
    if (!item) loaded.set(id, (item = load(id)));
    return item;
  };
}
