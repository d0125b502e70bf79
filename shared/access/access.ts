import type { StoreKeys } from '../store/table-schema.js';

/*
 * What a piece of code may touch in AWS, declared beside the code itself: each store on the table, each queue, the
 * mailer and each secret say what they use, each function's dependency builder composes the declarations of what it
 * builds, and the CDK stack grants exactly that composition (infra/function-catalog.ts). Tests hold the declarations
 * to the code: every DynamoDB, SQS and SES call a test makes is checked against its store's and its function's
 * declaration (test/support/check-aws-access.ts), each store's declared actions against the calls its source can make
 * (test/store/store-access.test.ts), and each builder's access against what the builder builds and the secrets it reads
 * (test/runtime/builder-access.test.ts).
 */

/** DynamoDB actions on the table (granted one by one, never a wildcard). A Query on GSI1 is declared by `index`. */
export type TableAction = 'GetItem' | 'PutItem' | 'UpdateItem' | 'DeleteItem' | 'Query' | 'BatchWriteItem' | 'BatchGetItem';

/** What one store does on the table: its actions, and the partitions (table and GSI1) it reads and writes. */
export interface TableAccess extends StoreKeys {
  /** Actions on the table itself (Query here is a Query of a table partition; one on GSI1 is declared by `index`). */
  actions: readonly TableAction[];
}

/** A store class that declares its table access. */
export interface DeclaredStore {
  readonly name: string;
  readonly access: TableAccess;
}

/** The queues of the service; each exists only when its consumer does. */
export type QueueKey = 'fanOut' | 'email' | 'webhook' | 'slack' | 'telegram' | 'pollTasks';

/** The secrets a function may read. */
export type SecretKey = 'tokenSecrets' | 'dumaProxy' | 'adminApiKey' | 'telegramBotToken';

/** Everything one function may touch: what its role is granted and its environment names. */
export interface Access {
  /** The stores its dependency builder makes: their actions and partitions are its table grants. */
  stores: readonly DeclaredStore[];
  /** Queues it sends to (SendMessage, which also authorises SendMessageBatch). */
  sendsTo: readonly QueueKey[];
  /** Secrets its handler resolves at cold start. */
  secrets: readonly SecretKey[];
  /** Sends email through SES from the sender identity. */
  sendsEmail: boolean;
  /**
   * The operator console: reads every queue's depth, peeks at the dead-letter queues (receive, then visibility 0),
   * and redrives them (receive, send to the source queue, delete).
   */
  operatesQueues: boolean;
}

/** The access of some stores. */
export function storeAccess(...stores: DeclaredStore[]): Partial<Access> {
  return { stores };
}

/** Sending to some queues. */
export function queueAccess(...queues: QueueKey[]): Partial<Access> {
  return { sendsTo: queues };
}

/** Reading some secrets. */
export function secretAccess(...secrets: SecretKey[]): Partial<Access> {
  return { secrets };
}

/** The union of some declarations, each list distinct and in a stable order (stores by name, the rest sorted). */
export function combineAccess(...parts: Partial<Access>[]): Access {
  const distinct = <T>(values: T[], key: (value: T) => string) =>
    [...new Map(values.map((value) => [key(value), value])).entries()].sort(([a], [b]) => a.localeCompare(b)).map(([, value]) => value);
  return {
    stores: distinct(parts.flatMap((part) => part.stores ?? []), (store) => store.name),
    sendsTo: distinct(parts.flatMap((part) => part.sendsTo ?? []), String),
    secrets: distinct(parts.flatMap((part) => part.secrets ?? []), String),
    sendsEmail: parts.some((part) => part.sendsEmail),
    operatesQueues: parts.some((part) => part.operatesQueues),
  };
}

/** The table access of a function: the union of its stores' actions and partitions, each sorted and distinct. */
export function tableAccessOf(access: Pick<Access, 'stores'>): TableAccess {
  const union = <T extends string>(pick: (store: TableAccess) => readonly T[]) => [...new Set(access.stores.flatMap((store) => pick(store.access)))].sort();
  return { actions: union((store) => store.actions), keys: union((store) => store.keys), index: union((store) => store.index) };
}
