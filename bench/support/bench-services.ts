import { createInterface } from 'node:readline';
import { startLocalServices } from '../../local/local-services.js';
import { lawBill, type SimulatedBill } from '../../local/simulator/demo-bills.js';
import { startDumaSimulator } from '../../local/simulator/duma-simulator.js';

/*
 * The emulated AWS services and the Duma simulator in a process of their own, so that the benchmark's
 * process.cpuUsage() counts duma-alerts' code only. Prints its endpoints as one JSON line; a line "step"
 * on stdin reveals one more event of every bill.
 */

const count = Number(process.argv[2] ?? 1000);
const bills: SimulatedBill[] = Array.from({ length: count }, (_, index) => ({
  ...lawBill,
  page: { ...lawBill.page, number: `${100000 + index}-8` },
  // Event GUIDs end in 4 digits of bill and 8 of event: give each bill its own.
  history: lawBill.history.map((event) => ({ ...event, id: `${event.id.slice(0, 24)}${String(index).padStart(4, '0')}${event.id.slice(28)}` })),
}));

const services = await startLocalServices();
const simulator = await startDumaSimulator({ bills, pace: { kind: 'manual' } });
for (let step = 0; step < 3; step++) simulator.step();
process.stdout.write(`${JSON.stringify({ env: services.env, simulatorUrl: simulator.url, bills: bills.map((bill) => bill.page.number) })}\n`);
for await (const line of createInterface({ input: process.stdin })) {
  if (line === 'step') {
    simulator.step();
    process.stdout.write('stepped\n');
  }
}
