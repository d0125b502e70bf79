import { randomBytes } from 'node:crypto';
import { createServer, type RequestListener, type Server } from 'node:http';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { startLocalServices } from '../../local/local-services.js';
import { ensureTable } from '../../local/provision.js';
import { createDocumentClient } from '../../shared/aws/clients.js';
import { createLogger } from '../../shared/log/logger.js';
import type { PollDependencies } from '../../shared/pipeline/poll-bills.js';
import { DynamoBillStore } from '../../shared/store/bill-store.js';
import { DynamoChangeStore } from '../../shared/store/change-store.js';
import { pageServerSource } from './page-server-source.js';

/** The local services and a loopback page server for tests that poll bills through the real sozd source. */
export interface PollTestWorld {
  server: Server;
  /**
   * Poll dependencies on a fresh table (named, for a test that writes an item as no store would), reading the page
   * server; the caller chooses the fan-out queue and clock.
   */
  freshDependencies(choices: Pick<PollDependencies, 'fanOutQueue' | 'now'>): Promise<PollDependencies & { tableName: string }>;
  stop(): Promise<void>;
}

/** Starts the local services and a page server that answers with `respond`. */
export async function startPollTestWorld(respond: RequestListener): Promise<PollTestWorld> {
  const services = await startLocalServices();
  Object.assign(process.env, services.env);
  const server = createServer(respond);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    server,
    async freshDependencies(choices) {
      const tableName = `t${randomBytes(4).toString('hex')}`;
      await ensureTable(new DynamoDBClient({}), tableName);
      const db = createDocumentClient();
      return {
        bills: new DynamoBillStore(db, tableName),
        changes: new DynamoChangeStore(db, tableName),
        source: pageServerSource(server),
        logger: createLogger('test'),
        tableName,
        ...choices,
      };
    },
    async stop() {
      await new Promise((resolve) => server.close(resolve));
      await services.stop();
    },
  };
}
