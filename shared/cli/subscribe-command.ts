import { parseBillNumberArg, parseCommandArgs, parseEmailArg, parseLanguageArg } from './cli-args.js';
import type { CliIo } from './cli-io.js';
import { UsageError } from './usage-error.js';
import { withStores } from './with-stores.js';

export const usage = `duma-alerts subscribe --email <address> --bill <number> [--bill <number> …] [--lang ru|en]
  Subscribes an address to the bills' changes (the same address is always the same subscriber), puts each bill on
  the watch list, and prints what it did. The subscriber is active at once, with no confirmation email: this is an
  operator's command (people signing up themselves get the double opt-in of the sign-up page).
  --lang   the language of the alerts: ru or en (a new subscriber gets ru; an existing one keeps theirs unless given)`;

const LANGUAGE_NAMES = { ru: 'Russian', en: 'English' } as const;

/** `subscribe`: creates or updates the email subscriber, follows and watches each bill, prints what was done. */
export async function run(args: readonly string[], io: CliIo): Promise<number> {
  const { values } = parseCommandArgs('subscribe', args, {
    email: { type: 'string' },
    bill: { type: 'string', multiple: true },
    lang: { type: 'string' },
  });
  if (values.email === undefined) throw new UsageError('subscribe: --email <address> is required');
  if (!values.bill?.length) throw new UsageError('subscribe: at least one --bill <number> is required');
  // Everything is validated before the first write, so bad input never leaves a half-made subscription.
  const email = parseEmailArg(values.email);
  const numbers = [...new Set(values.bill.map(parseBillNumberArg))];
  const language = values.lang === undefined ? undefined : parseLanguageArg(values.lang);

  // Following a bill puts it on the watch list too (the store does it, whichever door the follow comes through).
  const at = new Date().toISOString();
  const subscriber = await withStores(async ({ subscribers }) => {
    const created = await subscribers.upsertEmailSubscriber({ email, language, at });
    for (const number of numbers) await subscribers.follow(created.id, number);
    return created;
  });
  io.stdout.write(
    [
      `subscribed ${subscriber.email} (${subscriber.id})`,
      `  bills:     ${numbers.join(', ')} (on the watch list)`,
      `  language:  ${subscriber.language} (${LANGUAGE_NAMES[subscriber.language]}${language ? '' : subscriber.createdAt === at ? ', the default: --lang changes it' : ', kept: --lang changes it'})`,
      '  status:    active now, no confirmation email (an operator\'s command)',
      '',
    ].join('\n'),
  );
  return 0;
}
