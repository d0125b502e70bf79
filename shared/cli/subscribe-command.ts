import { parseBillNumberArg, parseCommandArgs, parseEmailArg, parseLanguageArg } from './cli-args.js';
import type { CliIo } from './cli-io.js';
import { UsageError } from './usage-error.js';
import { withStores } from './with-stores.js';

export const usage = `duma-alerts subscribe --email <address> --bill <number> [--bill <number> …] [--lang ru|en]
  Subscribes an address to the bills' changes (the same address is always the same subscriber), and puts each
  bill on the watch list. Prints the subscriber id.
  --lang   the language of the alerts (default ru)`;

/** `subscribe`: creates or updates the email subscriber, follows and watches each bill, prints the subscriber id. */
export async function run(args: readonly string[], io: CliIo): Promise<number> {
  const { values } = parseCommandArgs('subscribe', args, {
    email: { type: 'string' },
    bill: { type: 'string', multiple: true },
    lang: { type: 'string', default: 'ru' },
  });
  if (values.email === undefined) throw new UsageError('subscribe: --email <address> is required');
  if (!values.bill?.length) throw new UsageError('subscribe: at least one --bill <number> is required');
  // Everything is validated before the first write, so bad input never leaves a half-made subscription.
  const email = parseEmailArg(values.email);
  const numbers = [...new Set(values.bill.map(parseBillNumberArg))];
  const language = parseLanguageArg(values.lang);

  // Following a bill puts it on the watch list too (the store does it, whichever door the follow comes through).
  const subscriber = await withStores(async ({ subscribers }) => {
    const created = await subscribers.upsertEmailSubscriber({ email, language, at: new Date().toISOString() });
    for (const number of numbers) await subscribers.follow(created.id, number);
    return created;
  });
  io.stdout.write(`${subscriber.id}\n`);
  return 0;
}
