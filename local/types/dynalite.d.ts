declare module 'dynalite' {
  import type { Server } from 'node:http';
  interface DynaliteOptions {
    path?: string | undefined;
    createTableMs?: number;
    deleteTableMs?: number;
    updateTableMs?: number;
    maxItemSizeKb?: number;
    verbose?: boolean;
  }
  /** Returns an http.Server speaking the DynamoDB API over a LevelDB store. */
  export default function dynalite(options?: DynaliteOptions): Server;
}
