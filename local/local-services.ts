import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdirSync } from 'node:fs';
import dynalite from 'dynalite';
import sesLocal from 'aws-ses-v2-local';
import { buildApp as buildFauxqsApp } from 'fauxqs';

// A CommonJS module compiled from ESM: Node hands its whole exports object to a default import, while
// vitest's loader hands the `default` export itself.
const startSesEmulator = (typeof sesLocal === 'function' ? sesLocal : sesLocal.default) as typeof sesLocal.default;

/** Where the emulated AWS services listen, as the SDK's per-service endpoint variables expect them. */
export interface LocalServices {
  dynamodbEndpoint: string;
  sesEndpoint: string;
  sqsEndpoint: string;
  /** The variables that point every AWS SDK client at these services. */
  env: Record<string, string>;
  stop(): Promise<void>;
}

export interface LocalServicesOptions {
  /** LevelDB folder for dynalite; in memory when absent (tests). */
  dataDir?: string;
  /** Fixed ports for `npm start`; 0 (any free port) for tests. */
  ports?: { dynamodb?: number; ses?: number; sqs?: number };
  host?: string;
  /** Called as each service listens, with its name and address (`npm start` prints a line for each). */
  onReady?: (part: string, url: string) => void;
}

/**
 * Starts dynalite, aws-ses-v2-local and fauxqs in this process on loopback.
 * These stand in for DynamoDB, SES v2 and SQS with no AWS account and no Docker.
 */
export async function startLocalServices(options: LocalServicesOptions = {}): Promise<LocalServices> {
  const host = options.host ?? '127.0.0.1';
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });

  const url = (server: Server): string => `http://${host}:${(server.address() as AddressInfo).port}`;
  const ready = <T>(part: string, address: (started: T) => string) => (started: T) => {
    options.onReady?.(part, address(started));
    return started;
  };
  // The three are independent: started together, the slowest alone sets the pace.
  const [dynamo, ses, sqs] = await Promise.all([
    startDynalite(options.dataDir, options.ports?.dynamodb ?? 0, host).then(ready('DynamoDB (dynalite)', url)),
    startSesEmulator({ host, port: options.ports?.ses ?? 0 }).then(ready('SES (aws-ses-v2-local)', url)),
    startFauxqs(options.ports?.sqs ?? 0, host).then(ready('SQS (fauxqs)', (started) => `http://${host}:${started.port}`)),
  ]);
  const dynamodbEndpoint = url(dynamo);
  const sesEndpoint = url(ses);
  const sqsEndpoint = `http://${host}:${sqs.port}`;

  return {
    dynamodbEndpoint,
    sesEndpoint,
    sqsEndpoint,
    env: {
      AWS_ENDPOINT_URL_DYNAMODB: dynamodbEndpoint,
      AWS_ENDPOINT_URL_SESV2: sesEndpoint,
      AWS_ENDPOINT_URL_SQS: sqsEndpoint,
      AWS_REGION: 'us-east-1',
      AWS_ACCESS_KEY_ID: 'local',
      AWS_SECRET_ACCESS_KEY: 'local',
    },
    async stop() {
      await sqs.stop();
      await new Promise<void>((resolve) => ses.close(() => resolve()));
      ses.closeAllConnections?.();
      await new Promise<void>((resolve) => dynamo.close(() => resolve()));
    },
  };
}

/**
 * fauxqs's own `startFauxqs` listens on every address (0.0.0.0) whatever its `host` option says (that option only
 * names the host in queue URLs), which would open the queues to the network: its app is listened on here instead.
 */
async function startFauxqs(port: number, host: string): Promise<{ port: number; stop(): Promise<void> }> {
  const app = buildFauxqsApp({ logger: false });
  await app.listen({ port, host });
  return { port: (app.server.address() as AddressInfo).port, stop: () => app.close() };
}

async function startDynalite(path: string | undefined, port: number, host: string): Promise<Server> {
  const server: Server = dynalite({ path, createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  return server;
}
