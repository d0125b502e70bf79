import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { pathToFileURL } from 'node:url';
import { readFileSync } from 'node:fs';
import { createPoliteFetcher } from '../shared/http/polite-fetcher.js';
import { BillPageScan } from '../shared/sozd/slice-bill-page.js';

/** CPU and wall time per poll for the cheap paths of the polite fetcher. */
export interface FetchBenchFigures {
  polls: number;
  bodyBytes: number;
  notModifiedCpuUsPerPoll: number;
  notModifiedWallUsPerPoll: number;
  sameHashCpuUsPerPoll: number;
  sameHashWallUsPerPoll: number;
}

// The server runs in a child process so process.cpuUsage() below counts the fetcher's CPU only.
const serverSource = (page: string | number) => `
const http = require('node:http');
const body = ${typeof page === 'string' ? `require('node:fs').readFileSync(${JSON.stringify(page)})` : `Buffer.alloc(${page}, 0x61)`};
const server = http.createServer((request, response) => {
  if (request.headers['if-none-match'] === '"v1"') return response.writeHead(304, { etag: '"v1"' }).end();
  response.writeHead(200, { 'content-type': 'text/html; charset=windows-1251' }).end(body);
});
server.listen(0, '127.0.0.1', () => process.stdout.write(String(server.address().port) + '\\n'));
`;

async function measure(polls: number, poll: () => Promise<unknown>): Promise<{ cpuUs: number; wallUs: number }> {
  for (let i = 0; i < 200; i += 1) await poll();
  const cpuBefore = process.cpuUsage();
  const wallBefore = performance.now();
  for (let i = 0; i < polls; i += 1) await poll();
  const cpu = process.cpuUsage(cpuBefore);
  return { cpuUs: (cpu.user + cpu.system) / polls, wallUs: ((performance.now() - wallBefore) * 1000) / polls };
}

/** Polls a loopback server (in a child process) sequentially and reports CPU per 304 and per same-hash poll. */
/**
 * `page`: a saved sozd page (about 2.5 MB, fingerprinted by its significant bytes as the poller does), or the size
 * of a synthetic body.
 */
export async function runFetchBench(polls = 2_000, page: string | number = 64 * 1024): Promise<FetchBenchFigures> {
  const body = typeof page === 'string' ? readFileSync(page) : Buffer.alloc(page, 0x61);
  const bodyBytes = body.length;
  const bodyReader = typeof page === 'string' ? () => new BillPageScan() : undefined;
  const server = spawn(process.execPath, ['-e', serverSource(page)], { stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    const [firstLine] = (await once(server.stdout, 'data')) as [Buffer];
    const url = `http://127.0.0.1:${firstLine.toString().trim()}/bill/1234-8`;
    const fetcher = createPoliteFetcher({
      userAgent: 'duma-alerts-bench/1.0',
      timeoutMs: 5_000,
      maxBytes: bodyBytes * 2,
      maxInFlightPerHost: 1,
      minGapMsPerHost: 0,
      retry: { attempts: 1, baseDelayMs: 0, maxDelayMs: 0 },
    });
    try {
      const previousHash = createHash('sha256').update(bodyReader?.().significantBytes(body) ?? body).digest('hex');
      const notModified = await measure(polls, () => fetcher.get(url, { etag: '"v1"' }));
      const sameHash = await measure(polls, () => fetcher.get(url, { previousHash, bodyReader }));
      return {
        polls,
        bodyBytes,
        notModifiedCpuUsPerPoll: Math.round(notModified.cpuUs),
        notModifiedWallUsPerPoll: Math.round(notModified.wallUs),
        sameHashCpuUsPerPoll: Math.round(sameHash.cpuUs),
        sameHashWallUsPerPoll: Math.round(sameHash.wallUs),
      };
    } finally {
      await fetcher.close();
    }
  } finally {
    server.kill();
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(JSON.stringify(await runFetchBench(), null, 2));
}
