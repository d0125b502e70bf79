import { readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { startLocalServices } from '../../local/local-services.js';

/*
 * The emulated AWS services and a loopback "sozd" serving `count` distinct bills made from the real pages in
 * the folder given (their numbers rewritten), in a process of their own so the benchmark's CPU figures are
 * duma-alerts' own. Prints its endpoints as one JSON line. Lines on stdin switch what the pages do:
 * - `conditional`: ETags honoured (a 304 for an unchanged page) — the start;
 * - `unconditional`: every request gets the whole page again, same bytes, same ETag;
 * - `new-event`: every page has gained one dated event (new bytes, new ETag), conditional GETs honoured.
 */

const [fixturesDir, countArg] = process.argv.slice(2);
const count = Number(countArg ?? 1000);
const NEW_EVENT_ID = 'B0000000-0000-4000-8000-00000000BE4C';

/** The end of the element opening at `start`: its matching `</div>`, counting the divs nested in it. */
function elementEnd(page: string, start: number): number {
  const tag = /<div[\s>]|<\/div\s*>/gi;
  tag.lastIndex = start;
  let depth = 0;
  for (let match = tag.exec(page); match; match = tag.exec(page)) {
    depth += match[0].startsWith('</') ? -1 : 1;
    if (depth === 0) return match.index + match[0].length;
  }
  throw new Error('unbalanced event element');
}

/** The page with a copy of its first dated event, under a new id and a later date, after the original. */
function withOneMoreEvent(page: string): string {
  const historyAt = page.indexOf('id="bh_histras"');
  const dated = /<div id="[0-9A-F-]{36}" class="oz_event[^"]*"\s+data-eventdate="[^"]+"/i.exec(page.slice(historyAt));
  if (!dated) throw new Error('no dated event in the events tab');
  const start = historyAt + dated.index;
  const end = elementEnd(page, start);
  const copy = page
    .slice(start, end)
    .replace(/id="[0-9A-F-]{36}"/i, `id="${NEW_EVENT_ID}"`)
    .replace(/data-eventdate="[^"]+"/, 'data-eventdate="2026-11-30T10:00:00"');
  return page.slice(0, end) + copy + page.slice(end);
}

/** A page cut at every occurrence of its own bill number, so a bill's page is the pieces joined by its number. */
function template(page: string, number: string): Buffer[] {
  return page.split(number).map((piece) => Buffer.from(piece));
}

const pages = readdirSync(fixturesDir!)
  .filter((file) => file.endsWith('.html'))
  .sort()
  .map((file) => {
    const html = readFileSync(path.join(fixturesDir!, file), 'utf8');
    const original = file.replace(/\.html$/, '');
    return { same: template(html, original), newEvent: template(withOneMoreEvent(html), original) };
  });
const bills = Array.from({ length: count }, (_, index) => ({ number: `${500000 + index}-8`, page: pages[index % pages.length]! }));
const byNumber = new Map(bills.map((bill) => [bill.number, bill]));

let mode: 'conditional' | 'unconditional' | 'new-event' = 'conditional';
const server = createServer((request, response) => {
  const bill = byNumber.get(request.url?.split('/').at(-1) ?? '');
  if (!bill) return void response.writeHead(404).end();
  const etag = `"${bill.number}-${mode === 'new-event' ? 2 : 1}"`;
  if (mode !== 'unconditional' && request.headers['if-none-match'] === etag) return void response.writeHead(304, { etag }).end();
  const pieces = mode === 'new-event' ? bill.page.newEvent : bill.page.same;
  const number = Buffer.from(bill.number);
  const body = Buffer.concat(pieces.flatMap((piece, index) => (index === 0 ? [piece] : [number, piece])));
  response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', etag, 'content-length': body.length }).end(body);
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));

const services = await startLocalServices();
const { port } = server.address() as AddressInfo;
process.stdout.write(`${JSON.stringify({ env: services.env, sozdUrl: `http://127.0.0.1:${port}`, bills: bills.map((bill) => bill.number) })}\n`);
for await (const line of createInterface({ input: process.stdin })) {
  if (line === 'conditional' || line === 'unconditional' || line === 'new-event') mode = line;
  process.stdout.write(`${mode}\n`);
}
