import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { TableAccess, TableAction } from '../../shared/access/access.js';

/*
 * The other half of test/support/check-aws-access.ts, which fails any call a store makes beyond its declaration: here
 * every declared action and partition must be one the store's source can reach, so no grant outlives the code.
 */

const STORE_DIR = new URL('../../shared/store/', import.meta.url);

const COMMAND_ACTIONS: Record<string, TableAction> = {
  Get: 'GetItem',
  Put: 'PutItem',
  Update: 'UpdateItem',
  Delete: 'DeleteItem',
  BatchWrite: 'BatchWriteItem',
  BatchGet: 'BatchGetItem',
};

/** The argument list of the call whose `(` is at `open`, parentheses balanced. */
function argumentsAt(source: string, open: number): string {
  let depth = 0;
  for (let at = open; at < source.length; at++) {
    if (source[at] === '(') depth++;
    if (source[at] === ')' && --depth === 0) return source.slice(open, at + 1);
  }
  return source.slice(open);
}

/**
 * The table actions a store's source can send: its commands, batchWriteAll and batchGetAll (their batch actions), leaveOutbox (an
 * update), and each query (the
 * command, queryAll, queryPage) that names no index (one on GSI1 is declared by `index`, which the keys check covers).
 */
function actionsIn(source: string): TableAction[] {
  const actions = new Set<TableAction>();
  for (const match of source.matchAll(/new (\w+)Command\(/g)) {
    const action = COMMAND_ACTIONS[match[1]!];
    if (action) actions.add(action);
  }
  if (source.includes('batchWriteAll(')) actions.add('BatchWriteItem');
  if (source.includes('batchGetAll(')) actions.add('BatchGetItem');
  if (source.includes('leaveOutbox(')) actions.add('UpdateItem');
  for (const match of source.matchAll(/(?:new QueryCommand|queryAll|queryPage)(?:<[^()]*>)?\(/g)) {
    const call = argumentsAt(source, match.index + match[0].length - 1);
    if (!/IndexName|index: true/.test(call)) actions.add('Query');
  }
  return [...actions];
}

const sorted = (values: Iterable<string>) => [...new Set(values)].sort();

describe('each store declares exactly what its code does on the table', () => {
  it('matches every Dynamo* store class to the commands it sends and the keys.* and gsi1.* it references (with those of the stores it builds)', async () => {
    // Arrange
    const files = readdirSync(STORE_DIR).filter((file) => file.endsWith('.ts'));
    const sources = new Map(files.map((file) => [file, readFileSync(new URL(file, STORE_DIR), 'utf8')]));
    const accessOf = async (className: string) => {
      const file = files.find((candidate) => sources.get(candidate)!.includes(`export class ${className} `))!;
      return ((await import(new URL(file, STORE_DIR).href)) as Record<string, { access: TableAccess }>)[className]!.access;
    };
    const checked: string[] = [];
    const mismatches: string[] = [];

    // Act
    for (const [file, source] of sources) {
      const className = /export class (Dynamo\w+)/.exec(source)?.[1];
      if (!className) continue;
      const inner = await Promise.all([...source.matchAll(/new (Dynamo\w+)\(this\.db/g)].map((match) => accessOf(match[1]!)));
      const used = {
        actions: sorted([...actionsIn(source), ...inner.flatMap((access) => access.actions)]),
        keys: sorted([...source.matchAll(/\bkeys\.(\w+)/g)].map((match) => match[1]!).concat(inner.flatMap((access) => access.keys))),
        index: sorted([...source.matchAll(/\bgsi1\.(\w+)/g)].map((match) => match[1]!).concat(inner.flatMap((access) => access.index))),
      };
      const access = await accessOf(className);
      const declared = { actions: sorted(access.actions), keys: sorted(access.keys), index: sorted(access.index) };
      checked.push(file);
      if (JSON.stringify(declared) !== JSON.stringify(used)) {
        mismatches.push(`${className}: declares ${JSON.stringify(declared)}, its code ${JSON.stringify(used)}`);
      }
    }

    // Assert
    expect(mismatches).toEqual([]);
    expect(checked.length).toBeGreaterThanOrEqual(20);
  });
});
