import { existsSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { BillNumberSchema, billUrl, type Bill } from '../bill/bill.js';
import type { Config } from '../config/config.js';
import { createSozdFetcher } from '../runtime/fetchers.js';
import { decodePage } from '../sozd/page-charset.js';
import { BillPageError, parseBillPage } from '../sozd/parse-bill-page.js';
import { UsageError } from './usage-error.js';

/** A page to parse and the address it stands for (absent for a file: the parser then uses the canonical one). */
export interface PageText {
  html: string;
  url?: string;
}

/**
 * Reads the page `target` names: a bill number is fetched from the configured sozd, an http(s) URL as it is
 * (both through the polite fetcher, so the proxy and limits apply), anything else is read as a file.
 * @param command names the command in error messages.
 * @throws UsageError when `target` is none of the three; FetchError or a file error when the read fails.
 */
export async function readPage(target: string, config: Config, command = 'inspect'): Promise<PageText> {
  if (BillNumberSchema.safeParse(target).success) return fetchPage(billUrl(target.trim(), config.sozd.baseUrl), config);
  if (/^https?:\/\//i.test(target)) return fetchPage(target, config);
  if (!existsSync(target)) {
    throw new UsageError(`${command}: "${target}" is not a bill number like 1075342-8, an http(s) URL or an existing file`);
  }
  if (statSync(target).isDirectory()) throw new UsageError(`inspect: "${target}" is a folder: name a saved bill page (an .html file) in it`);
  return { html: await readFile(target, 'utf8') };
}

/**
 * Reads and parses the bill page `target` names (see {@link readPage}).
 * @throws UsageError for a target that is no page; Error (exit 1) naming the command when the page is not a bill card.
 */
export async function readBill(target: string, config: Config, command: string): Promise<Bill> {
  const page = await readPage(target, config, command);
  try {
    return parseBillPage(page.html, page.url ? { url: page.url } : {});
  } catch (error) {
    if (error instanceof BillPageError) throw new Error(`${command}: ${target} is not a readable bill page: ${error.message}`);
    throw error;
  }
}

async function fetchPage(url: string, config: Config): Promise<PageText> {
  const fetcher = createSozdFetcher(config);
  try {
    // No validators are sent, so the only success is a fetched body.
    const page = await fetcher.get(url);
    if (page.kind !== 'fetched') throw new Error(`${url}: unexpected ${page.kind} answer to an unconditional GET`);
    return { html: decodePage(page.body, page.contentType), url: page.finalUrl };
  } finally {
    await fetcher.close();
  }
}
