import { Session } from 'node:inspector';
import type { Access, QueueKey, SecretKey } from '../../shared/access/access.js';
import { configFieldOf, type Config } from '../../shared/config/config.js';
import { SECRET_ARN_VARIABLES, SECRET_VARIABLES } from '../../shared/config/secrets.js';
import { queueOfUrl } from './queue-of-url.js';

/*
 * What a dependency builder actually built, in the terms of its access declaration (shared/access/access.ts), so a test
 * can hold `<name>Access` to it both ways: a declared store, queue or secret the builder never builds is a grant no code
 * uses. The builder is run on a configuration that records which secrets it reads; then the object graph it returns is
 * walked, closures included (most adapters are closures over their clients: a queue over its URL, the mailer over its
 * SES client), through the inspector's view of each function's scopes.
 */

/** An {@link Access} with its stores by class name, comparable with `toEqual`. */
export type AccessByName = Omit<Access, 'stores'> & { stores: string[] };

/** A declaration as {@link builtAccessOf} reports what was built. */
export function accessByName(access: Access): AccessByName {
  return { ...access, stores: access.stores.map((store) => store.name) };
}

/**
 * Runs `build` on `config` and reports what it built: the `Dynamo…` stores it holds (however deep, stores in stores
 * too), the queues of the message queues it holds, an SES client (`sendsEmail`), a bare SQS client (`operatesQueues`:
 * sending goes through a message queue), and the secrets it read from the configuration. `expand` returns the parts a
 * builder makes on first use (fan-out's news and dropped-bill dependencies); they are built with the secrets recorded.
 */
export function builtAccessOf<Built>(build: (config: Config) => Built, config: Config, expand: (built: Built) => unknown[] = () => []): AccessByName {
  const secrets = new Set<SecretKey>();
  const recording = { on: true };
  const roots: unknown[] = [];
  try {
    const built = build(recordingSecretReads(config, secrets, recording));
    roots.push(built, ...expand(built));
  } finally {
    recording.on = false;
  }
  const found = walk(roots);
  return {
    stores: [...found.stores].sort(),
    sendsTo: [...found.queues].sort(),
    secrets: [...secrets].sort(),
    sendsEmail: found.clients.has('SESv2Client'),
    operatesQueues: found.clients.has('SQSClient'),
  };
}

type SecretTree = { [field: string]: SecretKey | SecretTree };

/** The configuration fields that hold each secret, as a tree of field names (`sozd.proxyUrl` → dumaProxy). */
function secretFields(): SecretTree {
  const tree: SecretTree = {};
  for (const [key, arnVariable] of Object.entries(SECRET_ARN_VARIABLES) as [SecretKey, keyof typeof SECRET_VARIABLES][]) {
    const path = configFieldOf(SECRET_VARIABLES[arnVariable])!.split('.');
    let node = tree;
    for (const field of path.slice(0, -1)) node = (node[field] ??= {}) as SecretTree;
    node[path.at(-1)!] = key;
  }
  return tree;
}

/** `config` seen through proxies that add to `read` each secret read from it while `recording.on`. */
function recordingSecretReads(config: Config, read: Set<SecretKey>, recording: { on: boolean }): Config {
  const wrap = <T extends object>(target: T, fields: SecretTree): T =>
    new Proxy(target, {
      get(object, field, receiver) {
        const value: unknown = Reflect.get(object, field, receiver);
        const secret = typeof field === 'string' ? fields[field] : undefined;
        if (typeof secret === 'string' && recording.on) read.add(secret);
        return typeof secret === 'object' && typeof value === 'object' && value !== null ? wrap(value, secret) : value;
      },
    });
  return wrap(config, secretFields());
}

/** What {@link walk} found: store classes, queues sent to, and the SDK clients held outside a store or queue. */
interface Found {
  stores: Set<string>;
  queues: Set<QueueKey>;
  clients: Set<string>;
}

/** A store on the table: an instance of a `Dynamo…` class that declares its access. */
const isStore = (value: object) => /^Dynamo\w+$/.test(value.constructor?.name ?? '') && 'access' in value.constructor;
/** An AWS SDK client (its middleware stack and config are SDK internals, not walked). */
const isSdkClient = (value: object) => 'middlewareStack' in value && typeof (value as { send?: unknown }).send === 'function';
/** A message queue (shared/queue/message-queue.ts): it closes over its client and URL. */
const isMessageQueue = (value: object) => typeof (value as { sendAll?: unknown }).sendAll === 'function';
/** Objects made of the builder's parts: walked into. Any other class instance (a logger, an HTTP agent) is a leaf. */
const isComposite = (value: object) => {
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === null || prototype === Object.prototype || Array.isArray(value) || value instanceof Map || value instanceof Set;
};

function walk(roots: unknown[]): Found {
  const found: Found = { stores: new Set(), queues: new Set(), clients: new Set() };
  const seen = new WeakSet<object>();
  const scopes = new ClosureReader();
  try {
    const pending = [...roots];
    while (pending.length > 0) {
      const value = pending.pop();
      if ((typeof value !== 'object' && typeof value !== 'function') || value === null || seen.has(value)) continue;
      seen.add(value);
      if (typeof value === 'function') {
        pending.push(...scopes.captured(value));
      } else if (isSdkClient(value)) {
        found.clients.add(value.constructor.name);
      } else if (isMessageQueue(value)) {
        const methods = Object.values(value).filter((method): method is object => typeof method === 'function');
        for (const url of methods.flatMap((method) => scopes.captured(method))) {
          const queue = typeof url === 'string' ? queueOfUrl(url) : undefined;
          if (queue) found.queues.add(queue.key);
        }
      } else if (isStore(value) || isComposite(value)) {
        if (isStore(value)) found.stores.add(value.constructor.name);
        if (value instanceof Map) pending.push(...value.keys(), ...value.values());
        else if (value instanceof Set) pending.push(...value);
        // Descriptors, not property reads: a getter is left unrun.
        else pending.push(...Reflect.ownKeys(value).map((key) => Reflect.getOwnPropertyDescriptor(value, key)?.value));
      }
    }
  } finally {
    scopes.close();
  }
  return found;
}

type RemoteObject = { type: string; value?: unknown; objectId?: string; description?: string };
type PropertyDescriptor = { name: string; value?: RemoteObject };

/** Reads the variables a function closes over, through an in-process inspector session (synchronous in Node). */
class ClosureReader {
  private static readonly GROUP = 'built-access';
  private static readonly PROBE = '__builtAccessProbe';
  private readonly session = new Session();

  constructor() {
    this.session.connect();
  }

  /**
   * The values of the variables `fn` closes over, in the scopes of the named functions that made it, and a bound
   * function's target and arguments. Not the scopes all code shares: a module's top level (a block in vitest's module
   * wrapper, with its imports), an anonymous module wrapper (CommonJS), the global scope.
   */
  captured(fn: object): unknown[] {
    const holder = globalThis as Record<string, unknown>;
    holder[ClosureReader.PROBE] = fn;
    try {
      const { result } = this.post<{ result: RemoteObject }>('Runtime.evaluate', { expression: `globalThis.${ClosureReader.PROBE}` });
      const internal = this.properties(result.objectId!, 'internalProperties');
      const bound = internal.filter((property) => /^\[\[Bound(TargetFunction|This|Args)\]\]$/.test(property.name)).map((property) => property.value!);
      const scopeList = internal.find((property) => property.name === '[[Scopes]]')?.value;
      const closures = scopeList
        ? this.properties(scopeList.objectId!, 'result').flatMap((scope) => (/^Closure \(/.test(scope.value?.description ?? '') ? [scope.value!] : []))
        : [];
      const variables = closures.flatMap((scope) => this.properties(scope.objectId!, 'result').map((variable) => variable.value!));
      return [...bound, ...variables].map((remote) => this.local(remote));
    } finally {
      delete holder[ClosureReader.PROBE];
    }
  }

  close(): void {
    this.post('Runtime.releaseObjectGroup', { objectGroup: ClosureReader.GROUP });
    this.session.disconnect();
  }

  private properties(objectId: string, kind: 'result' | 'internalProperties'): PropertyDescriptor[] {
    return this.post<Record<typeof kind, PropertyDescriptor[] | undefined>>('Runtime.getProperties', { objectId, ownProperties: true })[kind] ?? [];
  }

  /** The value a remote object stands for, in this realm. */
  private local(remote: RemoteObject): unknown {
    if (!remote.objectId) return remote.value;
    const holder = globalThis as Record<string, unknown>;
    this.post('Runtime.callFunctionOn', { objectId: remote.objectId, functionDeclaration: `function () { globalThis.${ClosureReader.PROBE} = this; }` });
    return holder[ClosureReader.PROBE];
  }

  private post<T>(method: string, params: Record<string, unknown>): T {
    let outcome: { error: Error | null; result?: T } | undefined;
    this.session.post(method, { ...params, objectGroup: ClosureReader.GROUP }, (error, result) => (outcome = { error, result: result as T }));
    if (!outcome) throw new Error(`the inspector did not answer ${method} at once`);
    if (outcome.error) throw outcome.error;
    return outcome.result!;
  }
}
