import type { BillChange } from '../bill/bill-change.js';
import { replayBillHistory } from '../bill/replay-history.js';
import { loadConfig } from '../config/config.js';
import { renderChangeEmail } from '../email/render-change-email.js';
import { parseCommandArgs, parseLanguageArg } from './cli-args.js';
import type { CliIo } from './cli-io.js';
import { readBill } from './read-page.js';

/** One replayed alert as `--json` prints it. */
export interface ReplayedAlert {
  changeId: string;
  eventId: string | null;
  eventNumber: string | null;
  date: string;
  stageFrom: number | null;
  stageTo: number | null;
  facts: BillChange['facts'];
  subject: string;
  text: string;
}

/** `replay`: parses one page, replays its history through the diff and renders each alert as its email would read. */
export async function run(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    'replay',
    args,
    { lang: { type: 'string', default: 'ru' }, json: { type: 'boolean' } },
    ['page.html|number|url'],
  );
  const language = parseLanguageArg(values.lang);
  const config = loadConfig();
  const bill = await readBill(positionals[0]!, config, 'replay');
  // The footer's links are the real ones' shape; a preview has no subscriber to sign them for.
  const links = { unsubscribeUrl: `${config.publicBaseUrl}/unsubscribe?token=preview`, manageUrl: `${config.publicBaseUrl}/preferences?token=preview` };
  const alerts = replayBillHistory(bill).map((change): ReplayedAlert => {
    const email = renderChangeEmail(change, { language, ...links });
    const stageChange = change.facts.find((fact) => fact.type === 'stage-changed');
    return {
      changeId: change.id,
      eventId: change.event?.id ?? null,
      eventNumber: change.event?.eventNumber ?? null,
      date: change.event?.date ?? change.detectedAt,
      stageFrom: stageChange?.from?.id ?? null,
      stageTo: stageChange?.to.id ?? null,
      facts: change.facts,
      subject: email.subject,
      text: email.text,
    };
  });
  if (values.json) {
    for (const alert of alerts) io.stdout.write(`${JSON.stringify(alert)}\n`);
  } else {
    io.stdout.write(alerts.map((alert, index) => alertBlock(alert, index, alerts.length)).join('\n'));
  }
  return 0;
}

function alertBlock(alert: ReplayedAlert, index: number, count: number): string {
  const stage = alert.stageTo === null ? '' : ` · stage ${alert.stageFrom ?? '—'} → ${alert.stageTo}`;
  const event = alert.eventNumber === null ? '' : ` · event ${alert.eventNumber}`;
  return `=== alert ${index + 1} of ${count} · ${alert.date}${event}${stage}\nSubject: ${alert.subject}\n\n${alert.text}`;
}
