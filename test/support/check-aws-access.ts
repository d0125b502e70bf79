import { afterAll, afterEach, expect } from 'vitest';
import { tableAccessOf, type Access, type TableAccess, type TableAction } from '../../shared/access/access.js';
import { leadingKeysOf } from '../../shared/store/table-schema.js';
import { listenToDynamoDbCalls } from './dynamodb-call-hooks.js';

/*
 * vitest setupFile: every DynamoDB call any test makes is held to the access declarations the IAM grants come from
 * (shared/access/access.ts). A call made inside a store method (the innermost `Dynamo…` class on the call stack) must be one of
 * that store's declared actions on one of its declared partitions; a call on a client that a function's dependency
 * builder created (`<name>Dependencies` on the stack when the client was made) must be within that builder's
 * `<name>Access`, the grants of the function it builds for. So must the SQS and SES calls of a client a builder made
 * (recorded-tracer.ts reports every client shared/aws/clients.ts makes): a send to a queue its access does not list, a
 * receive, delete or depth read without `operatesQueues`, an email without `sendsEmail`, any call on a queue whose name
 * says no queue of the service (queue-of-url.ts). A call the role would lack fails the test that made it.
 */

type Call = { action: TableAction; index: boolean; partitions: string[]; store?: Frame; heldStores: Frame[]; builders: Frame[] };
type Frame = { name: string; file: string };

const ACTIONS: Record<string, TableAction> = {
  GetCommand: 'GetItem',
  PutCommand: 'PutItem',
  UpdateCommand: 'UpdateItem',
  DeleteCommand: 'DeleteItem',
  QueryCommand: 'Query',
  BatchWriteCommand: 'BatchWriteItem',
  BatchGetCommand: 'BatchGetItem',
};

const calls: Call[] = [];

/**
 * The current stack as V8's call sites, innermost first. Reading them directly skips the `stack` string, which vitest
 * builds by source-mapping every frame: at a hundred frames a call, that string cost more than the calls themselves.
 */
function callSites(): NodeJS.CallSite[] {
  const { prepareStackTrace, stackTraceLimit } = Error;
  Error.prepareStackTrace = (_error, sites) => sites;
  Error.stackTraceLimit = 100;
  try {
    const holder: { stack?: NodeJS.CallSite[] } = {};
    Error.captureStackTrace(holder, callSites);
    return holder.stack ?? [];
  } finally {
    Error.prepareStackTrace = prepareStackTrace;
    Error.stackTraceLimit = stackTraceLimit;
  }
}

const pathOf = (site: NodeJS.CallSite) => (site.getFileName() ?? '').replace(/^file:\/\//, '');

/** The `<name>Dependencies` functions on the stack, in shared/runtime/*-dependencies.ts, innermost first. */
function builderFrames(): Frame[] {
  return callSites().flatMap((site) => {
    const name = /^(\w+)Dependencies$/.exec(site.getFunctionName() ?? '')?.[1];
    const file = pathOf(site);
    return name && site.isToplevel() && /\/shared\/runtime\/[\w-]+-dependencies\.ts$/.test(file) ? [{ name, file }] : [];
  });
}

/** The methods of `Dynamo…` store classes on the stack, in shared/store/, innermost first. */
function storeFrames(): Frame[] {
  return callSites().flatMap((site) => {
    const name = site.getTypeName() ?? '';
    const file = pathOf(site);
    return /^Dynamo\w+$/.test(name) && !site.isToplevel() && !site.isConstructor() && /\/shared\/store\/[\w-]+\.ts$/.test(file) ? [{ name, file }] : [];
  });
}

/** A command on an SQS or SES client a dependency builder made. */
type ServiceCall = { command: string; queueUrl?: unknown; builders: Frame[] };
const serviceCalls: ServiceCall[] = [];

/** What an SQS or SES call needs of a function's access, described; undefined for a call no grant here covers. */
async function serviceNeed(call: ServiceCall): Promise<{ what: string; allowed: (access: Access) => boolean } | undefined> {
  if (call.command === 'SendEmailCommand') return { what: 'sends an email', allowed: (access) => access.sendsEmail };
  if (call.queueUrl === undefined) return undefined;
  // By the local queues' names (loaded only by a file whose code made such a call: it loads the SQS client).
  const { queueOfUrl } = await import('./queue-of-url.js');
  const queue = queueOfUrl(String(call.queueUrl));
  // Left unchecked, a queue named otherwise would let any send through.
  if (!queue) return { what: `makes ${call.command.replace(/Command$/, '')} on ${String(call.queueUrl)}, a queue of no known name`, allowed: () => false };
  const { key, dlq } = queue;
  const label = `the ${key}${dlq ? ' dead-letter' : ''} queue`;
  if (/^SendMessage(Batch)?Command$/.test(call.command)) {
    return { what: `sends to ${label}`, allowed: (access) => access.operatesQueues || (!dlq && access.sendsTo.includes(key)) };
  }
  return { what: `makes ${call.command.replace(/Command$/, '')} on ${label}`, allowed: (access) => access.operatesQueues };
}

const buildersOf = new WeakMap<object, Frame[]>();
// Reported by the SDK as vitest.config.ts resolves it for the code under test (recorded-lib-dynamodb.ts).
listenToDynamoDbCalls({
  created(client) {
    buildersOf.set(client, builderFrames());
  },
  sent(client, command) {
    const action = ACTIONS[command.constructor.name];
    if (!action || !command.input) return;
    const stores = storeFrames();
    calls.push({
      action,
      index: Boolean(command.input.IndexName),
      partitions: partitionsOf(command.input),
      // The innermost store's code sends; the function must hold one of the stores on the way (a store may build or be handed others).
      store: stores[0],
      heldStores: stores,
      builders: buildersOf.get(client) ?? [],
    });
  },
  sentOther(client, command) {
    const builders = buildersOf.get(client) ?? [];
    if (builders.length > 0) serviceCalls.push({ command: command.constructor.name, queueUrl: command.input?.QueueUrl, builders });
  },
});

/** The partition keys a request reaches (PK, or GSI1PK for a Query on the index). */
function partitionsOf(input: Record<string, unknown>): string[] {
  const pk = (item: unknown) => String((item as Record<string, unknown>).PK);
  if (input.Key) return [pk(input.Key)];
  if (input.Item) return [pk(input.Item)];
  if (input.KeyConditionExpression) {
    const names = (input.ExpressionAttributeNames ?? {}) as Record<string, string>;
    const values = (input.ExpressionAttributeValues ?? {}) as Record<string, unknown>;
    const match = /(#?\w+)\s*=\s*(:\w+)/.exec(String(input.KeyConditionExpression))!;
    return [String(values[match[2]!])].filter(() => ['PK', 'GSI1PK'].includes(names[match[1]!] ?? match[1]!));
  }
  const requests = Object.values((input.RequestItems ?? {}) as Record<string, unknown>).flatMap((request) =>
    Array.isArray(request) ? request : ((request as { Keys: unknown[] }).Keys ?? []),
  );
  return requests.map((request) => {
    const write = request as { PutRequest?: { Item: unknown }; DeleteRequest?: { Key: unknown } };
    return pk(write.PutRequest?.Item ?? write.DeleteRequest?.Key ?? request);
  });
}

/** Whether IAM StringLike patterns admit a partition key (`*` matches any run of characters). */
const admits = (patterns: readonly string[], partition: string) =>
  patterns.some((pattern) => new RegExp(`^${pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`).test(partition));

/** Why `access` does not allow the call, or undefined when it does. */
function refusal(call: Call, access: TableAccess): string | undefined {
  const patterns = leadingKeysOf([access]);
  if (call.index ? access.index.length === 0 : !access.actions.includes(call.action)) return `${call.action}${call.index ? ' on GSI1' : ''}`;
  const outside = call.partitions.filter((partition) => !admits(call.index ? patterns.index : patterns.table, partition));
  return outside.length > 0 ? `${call.action}${call.index ? ' on GSI1' : ''} of partition ${outside.join(', ')}` : undefined;
}

/** Each declaring module once: a dynamic import through vitest's module runner costs milliseconds even when cached. */
const modules = new Map<string, Promise<Record<string, unknown>>>();

async function declared<T>(frame: Frame, exportName: string): Promise<T | undefined> {
  let module = modules.get(frame.file);
  if (!module) modules.set(frame.file, (module = import(frame.file) as Promise<Record<string, unknown>>));
  return (await module)[exportName] as T | undefined;
}

/** The outermost of some `…Dependencies` frames that its module exports. */
async function outermostBuilder(frames: Frame[]): Promise<Frame | undefined> {
  for (const frame of [...frames].reverse()) {
    if (typeof (await declared<unknown>(frame, `${frame.name}Dependencies`)) === 'function') return frame;
  }
  return undefined;
}

/** Every recorded call that a declaration does not allow, described. */
async function undeclaredCalls(): Promise<string[]> {
  const found: string[] = [];
  for (const call of calls.splice(0)) {
    const { store } = call;
    if (store) {
      const access = (await declared<{ access: TableAccess }>(store, store.name))?.access;
      const why = access ? refusal(call, access) : 'a call, and it declares no access';
      if (why) found.push(`${store.name} makes ${why}, which its access does not declare`);
    }
    // The outermost exported builder (scheduledPollDependencies, not the pollDependencies it calls, nor a local helper).
    const builder = await outermostBuilder(call.builders);
    if (builder) {
      const access = await declared<Access>(builder, `${builder.name}Access`);
      const label = `${builder.name}Dependencies`;
      if (!access) found.push(`${label} makes a DynamoDB client but exports no ${builder.name}Access`);
      else {
        const why = refusal(call, tableAccessOf(access));
        if (why) found.push(`${label}'s client makes ${why}, which ${builder.name}Access does not grant`);
        const listed = (frame: Frame) => access.stores.some((declaredStore) => declaredStore.name === frame.name);
        if (call.heldStores.length > 0 && !call.heldStores.some(listed)) {
          found.push(`${label}'s client is used by ${call.heldStores.map((frame) => frame.name).join(' in ')}, none of which ${builder.name}Access lists`);
        }
      }
    }
  }
  for (const call of serviceCalls.splice(0)) {
    const need = await serviceNeed(call);
    const builder = need && (await outermostBuilder(call.builders));
    if (!need || !builder) continue;
    const access = await declared<Access>(builder, `${builder.name}Access`);
    const label = `${builder.name}Dependencies`;
    if (!access) found.push(`${label} makes an AWS client but exports no ${builder.name}Access`);
    else if (!need.allowed(access)) found.push(`${label}'s client ${need.what}, which ${builder.name}Access does not declare`);
  }
  return [...new Set(found)];
}

afterEach(async () => {
  expect(await undeclaredCalls()).toEqual([]);
});

afterAll(async () => {
  expect(await undeclaredCalls()).toEqual([]);
});
