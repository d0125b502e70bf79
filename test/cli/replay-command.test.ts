import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { run as replay, type ReplayedAlert } from '../../shared/cli/replay-command.js';
import { buildBillPage, type BillPageSpec } from '../../local/simulator/sozd-page-builder.js';
import { captureIo } from './capture-io.js';

const SPEC: BillPageSpec = {
  number: '1075342-8',
  title: 'О проверке повтора истории',
  currentStageId: 3,
  events: [
    { id: '30000000-0000-4000-8000-000000000001', stageId: 3, eventNumber: '3.3', name: 'Рассмотрение законопроекта Государственной Думой', date: '2024-05-14T13:20:00', decisions: ['принять законопроект в первом чтении'] },
    { id: '10000000-0000-4000-8000-000000000001', stageId: 1, eventNumber: '1.1', name: 'Регистрация законопроекта и материалов к нему в САДД ГД', date: '2024-03-04T10:15:00', decisions: ['зарегистрирован и направлен Председателю Государственной Думы'] },
    // A government letter filed after the first reading: an event of stage 1, no stage change.
    { id: '10000000-0000-4000-8000-000000000003', stageId: 1, eventNumber: '1.3', name: 'Регистрация писем и документов об изменении текста и паспортных данных законопроекта', date: '2024-05-20T09:00:00', decisions: ['официальный отзыв Правительства Российской Федерации'] },
  ],
};

describe('replay', () => {
  const dir = mkdtempSync(join(tmpdir(), 'duma-alerts-replay-'));
  const pageFile = join(dir, 'bill.html');
  writeFileSync(pageFile, buildBillPage(SPEC));
  let server: Server;
  let baseUrl: string;

  beforeAll(async () => {
    server = createServer((request, response) => {
      if (request.url === `/bill/${SPEC.number}`) response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(buildBillPage(SPEC));
      else response.writeHead(404).end('not found');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    rmSync(dir, { recursive: true, force: true });
  });
  beforeEach(() => {
    Object.assign(process.env, { SOZD_BASE_URL: baseUrl, SOZD_MIN_GAP_MS: '0', SOZD_RETRY_ATTEMPTS: '1' });
  });

  it('prints one JSON object per dated event, in date order, with the stage ids of each stage change', async () => {
    const io = captureIo();

    const code = await replay([pageFile, '--json', '--lang', 'en'], io);

    const alerts = io.out().trimEnd().split('\n').map((line) => JSON.parse(line) as ReplayedAlert);
    expect(code).toBe(0);
    expect(alerts.map(({ eventNumber, date, stageFrom, stageTo, subject }) => ({ eventNumber, date, stageFrom, stageTo, subject }))).toEqual([
      { eventNumber: '1.1', date: '2024-03-04T10:15:00+03:00', stageFrom: null, stageTo: 1, subject: 'Bill 1075342-8: new stage — submission to the State Duma: registered and sent to the Chairman of the State Duma' },
      { eventNumber: '3.3', date: '2024-05-14T13:20:00+03:00', stageFrom: 1, stageTo: 3, subject: 'Bill 1075342-8: submission to the State Duma → first reading: adopt the bill in the first reading' },
      { eventNumber: '1.3', date: '2024-05-20T09:00:00+03:00', stageFrom: null, stageTo: null, subject: "Bill 1075342-8: new event — Registration of letters and documents changing the bill's text or details: official response of the Government of the Russian Federation" },
    ]);
    expect(alerts.map((alert) => alert.eventId)).toEqual([
      '10000000-0000-4000-8000-000000000001',
      '30000000-0000-4000-8000-000000000001',
      '10000000-0000-4000-8000-000000000003',
    ]);
    expect(alerts[1]!.text).toContain('Stage: Submitted to the State Duma → First reading');
  });

  it('prints one block per alert, subject then text body, for a bill number read from SOZD_BASE_URL', async () => {
    const io = captureIo();

    const code = await replay(['1075342-8'], io);

    const blocks = io.out().split(/^=== /m).filter(Boolean);
    expect(code).toBe(0);
    expect(blocks.map((block) => block.split('\n').slice(0, 3))).toEqual([
      ['alert 1 of 3 · 2024-03-04T10:15:00+03:00 · event 1.1 · stage — → 1', 'Subject: Законопроект № 1075342-8: новая стадия — внесение в Государственную Думу: зарегистрирован и направлен Председателю Государственной Думы', ''],
      ['alert 2 of 3 · 2024-05-14T13:20:00+03:00 · event 3.3 · stage 1 → 3', 'Subject: Законопроект № 1075342-8: внесение в Государственную Думу → первое чтение: принять законопроект в первом чтении', ''],
      ['alert 3 of 3 · 2024-05-20T09:00:00+03:00 · event 1.3', expect.stringMatching(/^Subject: Законопроект № 1075342-8: новое событие — /), ''],
    ]);
    expect(blocks[0]).toContain('\nЗаконопроект № 1075342-8\nО проверке повтора истории\n');
  });
});
