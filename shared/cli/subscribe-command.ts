import { loadConfig } from '../config/config.js';
import type { Language } from '../bill/stages.js';
import type { Subscriber } from '../store/subscriber-store.js';
import { overLimits, PreferencesSchema, type Preferences } from '../subscriptions/subscription-preferences.js';
import { preferencesOf } from '../subscriptions/subscription-service.js';
import { parseBillNumberArg, parseCommandArgs, parseEmailArg, parseLanguageArg, parseOriginNameArg } from './cli-args.js';
import type { CliIo } from './cli-io.js';
import { UsageError } from './usage-error.js';
import { withStores, type CliStores } from './with-stores.js';

const LANGUAGE_NAMES = { ru: 'Russian', en: 'English' } as const;

/** `subscribe`: creates or updates the email subscriber, follows and watches each bill, follows each committee and initiator, prints what was done. */
export async function run(args: readonly string[], io: CliIo): Promise<number> {
  const { values } = parseCommandArgs('subscribe', args, {
    email: { type: 'string' },
    bill: { type: 'string', multiple: true },
    committee: { type: 'string', multiple: true },
    initiator: { type: 'string', multiple: true },
    lang: { type: 'string' },
  });
  if (values.email === undefined) throw new UsageError('subscribe: --email <address> is required');
  if (!values.bill?.length && !values.committee?.length && !values.initiator?.length) {
    throw new UsageError('subscribe: at least one --bill <number>, --committee <name> or --initiator <name> is required');
  }
  // Everything is validated before the first write, so bad input never leaves a half-made subscription.
  const email = parseEmailArg(values.email);
  const committees = (values.committee ?? []).map((name) => parseOriginNameArg('committee', name));
  const initiators = (values.initiator ?? []).map((name) => parseOriginNameArg('initiator', name));
  const numbers = [...new Set((values.bill ?? []).map(parseBillNumberArg))];
  const language = values.lang === undefined ? undefined : parseLanguageArg(values.lang);
  // Following a bill puts it on the watch list too (the store does it, whichever door the follow comes through).
  const at = new Date().toISOString();
  const { subscriber, preferences } = await withStores(async (stores) => {
    const merged = await mergedPreferences(stores, email, { numbers, committees, initiators, language });
    const created = await stores.subscribers.upsertEmailSubscriber({ email, language, at });
    // Through the preferences, as the API saves them: the profile's bill list and the follower items agree, so the
    // subscriber's own preferences page shows these bills and saving it keeps them.
    await stores.subscriptions.updatePreferences(created.id, merged, new Date(at), { reactivate: true });
    return { subscriber: created, preferences: merged };
  });
  io.stdout.write(
    [
      `subscribed ${subscriber.email} (${subscriber.id})`,
      ...(numbers.length > 0 ? [`  bills:     ${numbers.join(', ')} (on the watch list)`] : []),
      ...originLines(preferences),
      `  language:  ${subscriber.language} (${LANGUAGE_NAMES[subscriber.language]}${language ? '' : subscriber.createdAt === at ? ', the default: --lang changes it' : ', kept: --lang changes it'})`,
      '  status:    active now, no confirmation email (an operator\'s command)',
      '',
    ].join('\n'),
  );
  return 0;
}

/**
 * The subscriber's preferences with the bills, committees and initiators added, checked as the API checks a
 * subscription (its limits; each value was checked already), before anything is written. The bills are every bill they
 * follow by their own choice (the profile's, and those an older `subscribe --bill` followed without the profile
 * knowing), so saving these preferences unfollows nothing.
 * @throws UsageError naming the list over its limit
 */
async function mergedPreferences(
  { subscribers, addresses }: CliStores,
  email: string,
  given: { numbers: string[]; committees: string[]; initiators: string[]; language: Language | undefined },
): Promise<Preferences> {
  const id = await addresses.idOf(email);
  const current: Subscriber | undefined = id ? await subscribers.get(id) : undefined;
  const before = current ? preferencesOf(current) : undefined;
  const chosenBills = id ? (await subscribers.listFollows(id)).filter((follow) => !follow.originId).map((follow) => follow.billNumber) : [];
  const parsed = PreferencesSchema.safeParse({
    ...before,
    bills: [...new Set([...(before?.bills ?? []), ...chosenBills, ...given.numbers])],
    committees: [...(before?.committees ?? []), ...given.committees],
    initiators: [...(before?.initiators ?? []), ...given.initiators],
    language: given.language ?? current?.language ?? 'ru',
  });
  // Each name passed parseOriginNameArg: what is left to refuse is a list longer than any subscriber may have.
  if (!parsed.success) throw new UsageError(`subscribe: ${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`);
  const over = Object.values(overLimits(parsed.data, loadConfig().subscriberLimits));
  if (over.length > 0) throw new UsageError(`subscribe: ${over.join('; ')}`);
  return parsed.data;
}

function originLines(preferences: Preferences): string[] {
  return [
    ...(preferences.committees.length > 0 ? [`  committees: ${preferences.committees.join('; ')} (each new bill alerted and followed)`] : []),
    ...(preferences.initiators.length > 0 ? [`  initiators: ${preferences.initiators.join('; ')} (each new bill alerted and followed)`] : []),
  ];
}
