import { join } from 'node:path';

/** Where one local run keeps its data and listens: `npm start` and `npm run demo` never share any of it. */
export interface StartMode {
  name: 'start' | 'demo';
  /** Its data: dynalite's files, the key files, local-env.json for the CLI, the log file. */
  dataDir: string;
  tableName: string;
  /** 0 means any free port. */
  ports: { dynamodb: number; ses: number; sqs: number; api: number; simulator: number };
}

/**
 * `npm start` keeps its data in `.data/` and listens on the well-known ports; the demo keeps its own in
 * `.data/demo/`, in a table and on ports of its own, so the CLI of `npm start` never sees a demo bill or subscriber
 * and both can run at once. `anyPorts` takes free ports instead (a second copy, the start-up benchmark, tests).
 */
export function startMode(options: { demo: boolean; root: string; anyPorts?: boolean }): StartMode {
  const mode: StartMode = options.demo
    ? { name: 'demo', dataDir: join(options.root, 'demo'), tableName: 'duma-alerts-demo', ports: { dynamodb: 8100, ses: 8105, sqs: 4666, api: 8887, simulator: 8790 } }
    : { name: 'start', dataDir: options.root, tableName: 'duma-alerts', ports: { dynamodb: 8000, ses: 8005, sqs: 4566, api: 8787, simulator: 0 } };
  if (options.anyPorts) mode.ports = { dynamodb: 0, ses: 0, sqs: 0, api: 0, simulator: 0 };
  return mode;
}
