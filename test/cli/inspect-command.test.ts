import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Bill } from '../../shared/bill/bill.js';
import { run as inspect } from '../../shared/cli/inspect-command.js';
import { runCli } from '../../shared/cli/main.js';
import { buildBillPage, type BillPageSpec } from '../../local/simulator/sozd-page-builder.js';
import { realPagePath } from '../support/real-sozd-pages.js';
import { captureIo } from './capture-io.js';

const SPEC: BillPageSpec = {
  number: '1075342-8',
  title: 'О проверке командной строки',
  passport: [],
  currentStageId: 8,
  events: [
    // Page order is not date order: inspect must print date order.
    { id: '80000000-0000-4000-8000-000000000001', stageId: 8, eventNumber: '8.1', name: 'Закон подписан Президентом', date: '2024-07-08T18:00:00', decisions: ['закон подписан'], lawNumber: '312-ФЗ' },
    { id: '10000000-0000-4000-8000-000000000001', stageId: 1, eventNumber: '1.1', name: 'Регистрация законопроекта', date: '2024-03-04T10:15:00', decisions: ['зарегистрирован', 'направлен Председателю'] },
  ],
  plannedEvents: [{ stageId: 11, eventNumber: '11.1', name: 'Опубликование закона' }],
};

const STAGE_1 = { id: 1, name: 'Внесение законопроекта в Государственную Думу' };
const STAGE_8 = { id: 8, name: 'Прохождение закона у Президента Российской Федерации' };

const README_FIELDS = {
  number: '1075342-8',
  title: 'О проверке командной строки',
  status: 'На рассмотрении',
  archived: false,
  lawNumber: '312-ФЗ',
  events: [
    { id: '10000000-0000-4000-8000-000000000001', eventNumber: '1.1', stage: STAGE_1, date: '2024-03-04T10:15:00+03:00', decisions: ['зарегистрирован', 'направлен Председателю'] },
    { id: '80000000-0000-4000-8000-000000000001', eventNumber: '8.1', stage: STAGE_8, date: '2024-07-08T18:00:00+03:00', decisions: ['закон подписан'] },
  ],
  plannedEvents: [{ eventNumber: '11.1', name: 'Опубликование закона', stage: { id: 11, name: 'Опубликование закона' }, documents: [] }],
};

/** The fields the CLI promises in `--json`, picked from what it printed. */
function promisedFields(bill: Bill) {
  return {
    number: bill.number,
    title: bill.title,
    status: bill.status,
    archived: bill.archived,
    lawNumber: bill.lawNumber,
    events: bill.events.map(({ id, eventNumber, stage, date, decisions }) => ({ id, eventNumber, stage, date, decisions })),
    plannedEvents: bill.plannedEvents,
  };
}

const pageFile = join(mkdtempSync(join(tmpdir(), 'duma-alerts-inspect-')), 'bill.html');
writeFileSync(pageFile, buildBillPage(SPEC));

describe('inspect', () => {
  let server: Server;
  let baseUrl: string;
  const requested: string[] = [];

  beforeAll(async () => {
    server = createServer((request, response) => {
      requested.push(request.url ?? '');
      if (request.url === `/bill/${SPEC.number}`) response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(buildBillPage(SPEC));
      else response.writeHead(404).end('not found');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  beforeEach(() => {
    requested.length = 0;
    Object.assign(process.env, { SOZD_BASE_URL: baseUrl, SOZD_MIN_GAP_MS: '0', SOZD_RETRY_ATTEMPTS: '1' });
  });

  it('prints a page file as the Bill in JSON with the promised fields, events in date order', async () => {
    const io = captureIo();

    const code = await inspect([pageFile, '--json'], io);

    expect(code).toBe(0);
    expect(promisedFields(JSON.parse(io.out()) as Bill)).toEqual(README_FIELDS);
  });

  it('prints a readable summary: header, events in date order with stage and decisions, planned events', async () => {
    const io = captureIo();

    await inspect([pageFile], io);

    expect(io.out()).toBe(
      [
        'Number:      1075342-8',
        'Title:       О проверке командной строки',
        'Status:      На рассмотрении',
        'Stage:       8: Прохождение закона у Президента Российской Федерации (President of the Russian Federation)',
        'Law number:  312-ФЗ',
        'URL:         https://sozd.duma.gov.ru/bill/1075342-8',
        '',
        'Events (2, in date order):',
        '  2024-03-04 10:15  1.1  Регистрация законопроекта',
        '                    stage 1: Внесение законопроекта в Государственную Думу',
        '                    → зарегистрирован',
        '                    → направлен Председателю',
        '  2024-07-08 18:00  8.1  Закон подписан Президентом',
        '                    stage 8: Прохождение закона у Президента Российской Федерации',
        '                    → закон подписан',
        '                    law 312-ФЗ',
        '',
        'Planned events (1):',
        '  11.1  Опубликование закона  (stage 11: Опубликование закона; date not fixed)',
        '',
      ].join('\n'),
    );
  });

  it('fetches a bill number from SOZD_BASE_URL and keeps that address as the Bill url', async () => {
    const io = captureIo();

    const code = await inspect(['1075342-8', '--json'], io);

    expect(code).toBe(0);
    expect(requested).toEqual(['/bill/1075342-8']);
    const bill = JSON.parse(io.out()) as Bill;
    expect({ url: bill.url, fields: promisedFields(bill) }).toEqual({ url: `${baseUrl}/bill/1075342-8`, fields: README_FIELDS });
  });

  it('fetches an http URL as it is', async () => {
    const io = captureIo();

    await inspect([`${baseUrl}/bill/1075342-8`, '--json'], io);

    expect(requested).toEqual(['/bill/1075342-8']);
    expect((JSON.parse(io.out()) as Bill).number).toBe('1075342-8');
  });

  it('fails with exit code 1 and one line when the page is not a bill card', async () => {
    const notABill = join(mkdtempSync(join(tmpdir(), 'duma-alerts-inspect-')), 'error.html');
    writeFileSync(notABill, '<html><body><h1>Страница не найдена</h1></body></html>');
    process.env.DUMA_ALERTS_ENV_FILE = '/nonexistent/local-env.json';
    const io = captureIo();

    const code = await runCli(['inspect', notABill], io);

    expect({ code, stdout: io.out(), stderr: io.err() }).toEqual({
      code: 1,
      stdout: '',
      stderr: `duma-alerts: inspect: ${notABill} is not a readable bill page: no-bill-number: the page has no bill number (#number_oz_id)\n`,
    });
  });

  it('fails with exit code 1 and one line when sozd has no such bill', async () => {
    process.env.DUMA_ALERTS_ENV_FILE = '/nonexistent/local-env.json';
    const io = captureIo();

    const code = await runCli(['inspect', '999-8'], io);

    expect({ code, stdout: io.out(), stderr: io.err() }).toEqual({
      code: 1,
      stdout: '',
      stderr: `duma-alerts: GET ${baseUrl}/bill/999-8 answered 404: no such page (yet)\n`,
    });
  });

  const realPage = realPagePath('134824-8');
  it.skipIf(!existsSync(realPage))('reads a real sozd page: 134824-8 has 10 dated events and 1 planned, no law yet', async () => {
    const io = captureIo();

    await inspect([realPage, '--json'], io);

    const bill = JSON.parse(io.out()) as Bill;
    expect({
      number: bill.number,
      status: bill.status,
      archived: bill.archived,
      lawNumber: bill.lawNumber,
      events: bill.events.length,
      plannedEvents: bill.plannedEvents.length,
      firstEvent: bill.events[0]?.date,
      lastEvent: bill.events.at(-1)?.date.slice(0, 10),
    }).toEqual({
      number: '134824-8',
      status: 'На рассмотрении',
      archived: false,
      lawNumber: undefined,
      events: 10,
      plannedEvents: 1,
      firstEvent: '2022-06-01T14:39:34+03:00',
      lastEvent: '2023-09-06',
    });
  });
});
