/**
 * Some subscribers of an email-queue message were not emailed. The queue retries the whole message; the delivery
 * records of those already emailed make the retry send only to the rest.
 */
export class RecipientsNotEmailedError extends AggregateError {
  override readonly name = 'RecipientsNotEmailedError';

  constructor(
    readonly subscriberIds: readonly string[],
    errors: readonly unknown[],
  ) {
    super(errors, `${subscriberIds.length} subscriber(s) not emailed yet (${subscriberIds.join(', ')}): ${(errors[0] as Error).message}`);
  }
}

/**
 * Runs `send` for each subscriber of a message, in order. One subscriber's failure does not hold back the others:
 * they are all tried, then the failures are thrown together.
 * @returns the sum of what `send` returned (the emails sent).
 * @throws RecipientsNotEmailedError naming the subscribers whose `send` threw.
 */
export async function emailEachRecipient(subscriberIds: readonly string[], send: (subscriberId: string) => Promise<number>): Promise<number> {
  let sent = 0;
  const failed: string[] = [];
  const errors: unknown[] = [];
  for (const subscriberId of subscriberIds) {
    try {
      sent += await send(subscriberId);
    } catch (error) {
      failed.push(subscriberId);
      errors.push(error);
    }
  }
  if (failed.length > 0) throw new RecipientsNotEmailedError(failed, errors);
  return sent;
}

/** Loads each item once per message, however many of its subscribers need it. */
export function loadOncePerMessage<T>(load: (id: string) => Promise<T>): (id: string) => Promise<T> {
  const loaded = new Map<string, Promise<T>>();
  return (id) => {
    let item = loaded.get(id);
    if (!item) loaded.set(id, (item = load(id)));
    return item;
  };
}
