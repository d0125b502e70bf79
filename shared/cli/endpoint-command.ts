import { EndpointIdSchema } from '../api/routes/endpoint-schemas.js';
import { loadConfig } from '../config/config.js';
import { endpointServiceDependencies } from '../runtime/endpoint-service-dependencies.js';
import { EndpointRegistrationSchema, type Endpoint } from '../webhooks/endpoint.js';
import {
  EndpointRegistrationError,
  enableEndpoint,
  listDeliveries,
  registerEndpoint,
  sendTestEvent,
  setEndpointWeekAhead,
  WeekAheadNotForWebhooksError,
  type EndpointServiceDependencies,
} from '../webhooks/endpoint-service.js';
import { allEndpoints } from './all-endpoints.js';
import { parseCommandArgs } from './cli-args.js';
import type { CliIo } from './cli-io.js';
import { formatDelivery, formatEndpoint } from './format-endpoint.js';
import { plural } from './plural.js';
import { UsageError } from './usage-error.js';
import { withStores } from './with-stores.js';

export const usage = `duma-alerts endpoint add --kind webhook|slack --url <url> --owner <email> [--bill <number> …] [--lang ru|en]
                      [--frequency instant|daily|weekly] [--time-zone <IANA zone>] [--week-ahead]
duma-alerts endpoint add --kind telegram --chat <@channel or chat id> --owner <email> [--bill …] [--lang …] [--frequency …]
                      [--time-zone …] [--week-ahead]
duma-alerts endpoint list | test <id> | enable <id> | deliveries <id> [--limit N] | week-ahead <id> on|off
  add         registers a webhook or Slack incoming-webhook URL, or a Telegram chat the service's bot posts to,
              following the bills (each put on the watch list), and sends it a test event (a Telegram chat at once:
              one the bot cannot post to is refused); prints the endpoint id, a webhook's signing secret (shown
              only now) and the test event's id.
              --frequency is for Slack and Telegram (a daily or weekly digest); webhooks get each change as it comes.
  list        every endpoint: kind, state (disabled, why and since when), frequency, URL and bills
  test        sends the endpoint a test event (ping)
  enable      enables a disabled endpoint and replays what it missed
  deliveries  the endpoint's delivery log, newest first (--limit, default 20, at most 100)
  week-ahead  turns a Slack or Telegram endpoint's Monday post of its bills' planned events for the week on or off
              (08:00 in its --time-zone, Europe/Moscow by default; --week-ahead on add turns it on from the start)
  An unknown endpoint id is bad input (exit 2).`;

/** The CLI flag that sets each registration field, so a refusal names what the user typed. */
const FLAG_OF: Record<string, string> = {
  kind: '--kind',
  url: '--url',
  chatId: '--chat',
  ownerEmail: '--owner',
  bills: '--bill',
  language: '--lang',
  frequency: '--frequency',
  timeZone: '--time-zone',
  weekAhead: '--week-ahead',
};

const SUBCOMMANDS: Record<string, (args: readonly string[], io: CliIo) => Promise<void>> = { add, list, test, enable, deliveries, 'week-ahead': weekAhead };

/** `endpoint`: registers, lists, tests and re-enables webhook, Slack and Telegram endpoints, and shows their delivery logs. */
export async function run(args: readonly string[], io: CliIo): Promise<number> {
  const [name, ...rest] = args;
  const subcommand = name === undefined ? undefined : SUBCOMMANDS[name];
  if (!subcommand) {
    throw new UsageError(`endpoint: expected one of ${Object.keys(SUBCOMMANDS).join(', ')}${name === undefined ? '' : `, got "${name}"`}`);
  }
  await subcommand(rest, io);
  return 0;
}

async function add(args: readonly string[], io: CliIo): Promise<void> {
  const { values } = parseCommandArgs('endpoint add', args, {
    kind: { type: 'string' },
    url: { type: 'string' },
    chat: { type: 'string' },
    owner: { type: 'string' },
    bill: { type: 'string', multiple: true },
    lang: { type: 'string' },
    frequency: { type: 'string' },
    'time-zone': { type: 'string' },
    'week-ahead': { type: 'boolean' },
  });
  const address = values.kind === 'telegram' ? 'chat' : 'url';
  for (const flag of ['kind', address, 'owner'] as const) {
    if (values[flag] === undefined) throw new UsageError(`endpoint add: --${flag} is required`);
  }
  if (values.kind === 'webhook' && values.frequency !== undefined && values.frequency !== 'instant') {
    throw new UsageError('endpoint add: --frequency is for slack and telegram; a webhook gets each change as it comes');
  }
  const parsed = EndpointRegistrationSchema.safeParse({
    kind: values.kind,
    ...(values.url !== undefined ? { url: values.url } : {}),
    ...(values.chat !== undefined ? { chatId: values.chat } : {}),
    ownerEmail: values.owner,
    ...(values.bill ? { bills: values.bill } : {}),
    ...(values.lang !== undefined ? { language: values.lang } : {}),
    ...(values.frequency !== undefined ? { frequency: values.frequency } : {}),
    ...(values['time-zone'] !== undefined ? { timeZone: values['time-zone'] } : {}),
    ...(values['week-ahead'] ? { weekAhead: true } : {}),
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new UsageError(`endpoint add: invalid ${FLAG_OF[String(issue.path[0])] ?? 'input'}: ${issue.message}`);
  }
  const registered = await registerEndpoint(serviceDependencies(), parsed.data).catch((error: unknown) => {
    if (error instanceof EndpointRegistrationError) throw new UsageError(`endpoint add: invalid ${FLAG_OF[error.field]}: ${error.message}`);
    throw error;
  });
  const lines = [registered.endpoint.id, ...(registered.secret ? [`secret ${registered.secret} (shown only now)`] : []), `test event ${registered.testEventId}`];
  io.stdout.write(`${lines.join('\n')}\n`);
}

async function list(args: readonly string[], io: CliIo): Promise<void> {
  parseCommandArgs('endpoint list', args, {});
  const all = await withStores(({ endpoints }) => allEndpoints(endpoints));
  const lines = all.length > 0 ? all.map(formatEndpoint) : ['no endpoints: add one with duma-alerts endpoint add'];
  io.stdout.write(`${lines.join('\n')}\n`);
}

async function test(args: readonly string[], io: CliIo): Promise<void> {
  const { positionals } = parseCommandArgs('endpoint test', args, {}, ['id']);
  const deps = serviceDependencies();
  const endpoint = await requireEndpoint(deps, 'test', positionals[0]!);
  io.stdout.write(`test event ${await sendTestEvent(deps, endpoint.id)} queued for ${endpoint.id}\n`);
}

async function enable(args: readonly string[], io: CliIo): Promise<void> {
  const { positionals } = parseCommandArgs('endpoint enable', args, {}, ['id']);
  const deps = serviceDependencies();
  const endpoint = await requireEndpoint(deps, 'enable', positionals[0]!);
  const replayed = await enableEndpoint(deps, endpoint.id);
  io.stdout.write(`enabled ${endpoint.id}; ${plural(replayed, 'missed change')} replayed\n`);
}

async function weekAhead(args: readonly string[], io: CliIo): Promise<void> {
  const { positionals } = parseCommandArgs('endpoint week-ahead', args, {}, ['id', 'on|off']);
  const [id, state] = positionals as [string, string];
  if (state !== 'on' && state !== 'off') throw new UsageError(`endpoint week-ahead: expected on or off, got "${state}"`);
  const deps = serviceDependencies();
  const endpoint = await requireEndpoint(deps, 'week-ahead', id);
  try {
    await setEndpointWeekAhead(deps, endpoint.id, state === 'on');
  } catch (error) {
    if (error instanceof WeekAheadNotForWebhooksError) throw new UsageError(`endpoint week-ahead: ${error.message}`);
    throw error;
  }
  io.stdout.write(`week ahead ${state} for ${endpoint.id} (Mondays 08:00 ${endpoint.timeZone})\n`);
}

async function deliveries(args: readonly string[], io: CliIo): Promise<void> {
  const { values, positionals } = parseCommandArgs('endpoint deliveries', args, { limit: { type: 'string', default: '20' } }, ['id']);
  const limit = Number(values.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 100) {
    throw new UsageError(`endpoint deliveries: invalid --limit "${values.limit}": a whole number from 1 to 100`);
  }
  const deps = serviceDependencies();
  const endpoint = await requireEndpoint(deps, 'deliveries', positionals[0]!);
  const { items } = await listDeliveries(deps, endpoint.id, { limit });
  const lines = items.length > 0 ? items.map(formatDelivery) : [`no deliveries to ${endpoint.id} yet`];
  io.stdout.write(`${lines.join('\n')}\n`);
}

function serviceDependencies(): EndpointServiceDependencies {
  return endpointServiceDependencies(loadConfig());
}

/** @throws UsageError for an id that is malformed or names no endpoint. */
async function requireEndpoint(deps: EndpointServiceDependencies, subcommand: string, id: string): Promise<Endpoint> {
  if (!EndpointIdSchema.safeParse(id).success) throw new UsageError(`endpoint ${subcommand}: invalid endpoint id "${id}": expected ep_ and 24 hex digits`);
  const endpoint = await deps.endpoints.get(id);
  if (!endpoint) throw new UsageError(`endpoint ${subcommand}: no endpoint ${id}`);
  return endpoint;
}
