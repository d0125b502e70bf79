import { EndpointIdSchema } from '../api/routes/endpoint-schemas.js';
import { loadConfig } from '../config/config.js';
import { endpointServiceDependencies } from '../runtime/endpoint-service-dependencies.js';
import type { ZodError } from 'zod';
import { normalizeOriginName } from '../origins/bill-origin.js';
import type { EndpointOrigins } from '../store/endpoint-store.js';
import { EndpointOriginsSchema, EndpointRegistrationSchema, type Endpoint } from '../webhooks/endpoint.js';
import {
  EndpointRegistrationError,
  enableEndpoint,
  listDeliveries,
  registerEndpoint,
  sendTestEvent,
  setEndpointOrigins,
  setEndpointWeekAhead,
  WeekAheadNotForWebhooksError,
  type EndpointServiceDependencies,
} from '../webhooks/endpoint-service.js';
import { allEndpoints } from './all-endpoints.js';
import { parseCommandArgs } from './cli-args.js';
import type { CliIo } from './cli-io.js';
import { formatDelivery, formatEndpoint, formatOrigins } from './format-endpoint.js';
import { plural } from './plural.js';
import { UsageError } from './usage-error.js';
import { withStores } from './with-stores.js';

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
  committees: '--committee',
  initiators: '--initiator',
};

const SUBCOMMANDS: Record<string, (args: readonly string[], io: CliIo) => Promise<void>> = {
  add,
  list,
  test,
  enable,
  deliveries,
  'week-ahead': weekAhead,
  follow: (args, io) => changeOrigins('follow', args, io),
  unfollow: (args, io) => changeOrigins('unfollow', args, io),
};

/** The flags that name committees and initiators, each repeatable. */
const ORIGIN_FLAGS = { committee: { type: 'string', multiple: true }, initiator: { type: 'string', multiple: true } } as const;

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
    ...ORIGIN_FLAGS,
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
    ...(values.committee ? { committees: values.committee } : {}),
    ...(values.initiator ? { initiators: values.initiator } : {}),
    ...(values.lang !== undefined ? { language: values.lang } : {}),
    ...(values.frequency !== undefined ? { frequency: values.frequency } : {}),
    ...(values['time-zone'] !== undefined ? { timeZone: values['time-zone'] } : {}),
    ...(values['week-ahead'] ? { weekAhead: true } : {}),
  });
  if (!parsed.success) throw invalidInput('add', parsed.error);
  const registered = await registerEndpoint(serviceDependencies(), parsed.data).catch(refusal('add'));
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

/**
 * `follow` adds the committees and initiators given to those the endpoint follows; `unfollow` takes them off (matched
 * as names are, so any spelling of a followed name will do). Either prints what the endpoint follows now.
 */
async function changeOrigins(subcommand: 'follow' | 'unfollow', args: readonly string[], io: CliIo): Promise<void> {
  const { values, positionals } = parseCommandArgs(`endpoint ${subcommand}`, args, ORIGIN_FLAGS, ['id']);
  if (!values.committee && !values.initiator) throw new UsageError(`endpoint ${subcommand}: give --committee or --initiator (each may be repeated)`);
  const given = EndpointOriginsSchema.safeParse({ committees: values.committee, initiators: values.initiator });
  if (!given.success) throw invalidInput(subcommand, given.error);
  const deps = serviceDependencies();
  const endpoint = await requireEndpoint(deps, subcommand, positionals[0]!);
  const change: EndpointOrigins = {};
  for (const field of ['committees', 'initiators'] as const) {
    const names = given.data[field];
    if (!names) continue;
    const current = endpoint[field] ?? [];
    const followed = new Set(current.map(normalizeOriginName));
    if (subcommand === 'follow') {
      change[field] = [...current, ...names.filter((name) => !followed.has(normalizeOriginName(name)))];
      continue;
    }
    const missing = names.find((name) => !followed.has(normalizeOriginName(name)));
    if (missing !== undefined) throw new UsageError(`endpoint unfollow: ${endpoint.id} does not follow ${FLAG_OF[field]!.slice(2)} "${missing}"`);
    const unfollowed = new Set(names.map(normalizeOriginName));
    change[field] = current.filter((name) => !unfollowed.has(normalizeOriginName(name)));
  }
  const updated = await setEndpointOrigins(deps, endpoint.id, change).catch(refusal(subcommand));
  io.stdout.write(`${updated.id}  ${formatOrigins(updated)}\n`);
}

/** The first problem with what was typed, naming the flag that typed it. */
function invalidInput(subcommand: string, error: ZodError): UsageError {
  const issue = error.issues[0]!;
  return new UsageError(`endpoint ${subcommand}: invalid ${FLAG_OF[String(issue.path[0])] ?? 'input'}: ${issue.message}`);
}

/** Turns the service's refusal of one field into a usage error naming its flag; anything else is thrown on. */
function refusal(subcommand: string): (error: unknown) => never {
  return (error) => {
    if (error instanceof EndpointRegistrationError) throw new UsageError(`endpoint ${subcommand}: invalid ${FLAG_OF[error.field]}: ${error.message}`);
    throw error;
  };
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
