import { pathToFileURL } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { pollWatchedBills } from '../shared/pipeline/poll-bills.js';
import { pollDependencies } from '../shared/runtime/poll-bills-dependencies.js';
import { startBenchChild } from './support/bench-child.js';
import { benchPollConfig } from './support/bench-poll-config.js';

export interface PollCycleFigures {
  bills: number;
  /** First cycle: every page fetched, parsed, diffed and stored as the baseline. */
  baseline: CycleFigures;
  /** Second cycle: nothing moved, every page answers 304. */
  unchanged: CycleFigures;
  /** Third cycle: one new event on every bill, written, snapshotted and queued. */
  changed: CycleFigures & { changes: number };
  /** Heap in use after a full GC once the bills are watched, before the first cycle: the baseline retained. */
  heapBeforeMb: number;
  /**
   * The whole process at its fullest, tsx and the SDK included: mostly garbage V8 had no reason to collect yet,
   * since nothing bounds its heap here. heapAfterGcMb, compared with heapBeforeMb, is what a cycle retains.
   */
  peakRssMb: number;
}

interface CycleFigures {
  wallMs: number;
  cpuMs: number;
  cpuMsPerBill: number;
  /** Heap in use after the cycle and a full GC. */
  heapAfterGcMb: number;
}

/** Heap in use after a full garbage collection, in MB: what is retained, not garbage V8 has not swept yet. */
function heapAfterGcMb(): number {
  // Run as plain `npx tsx`, without --expose-gc: V8 exposes gc() to contexts created after the flag is set.
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
  return Math.round(process.memoryUsage().heapUsed / 1024 / 1024);
}

/**
 * One poll cycle of `count` bills against the Duma simulator on loopback. The emulators and the simulator run
 * in a child process: the CPU figures are duma-alerts' own.
 */
export async function runPollCycleBench(count = 1000): Promise<PollCycleFigures> {
  const child = await startBenchChild<{ env: Record<string, string>; simulatorUrl: string; bills: string[] }>(
    new URL('./support/bench-services.ts', import.meta.url),
    [String(count)],
  );
  const { setup } = child;
  try {
    const config = await benchPollConfig(setup.env, setup.simulatorUrl);
    const deps = pollDependencies(config);
    for (const number of setup.bills) await deps.bills.watch(number);
    const heapBeforeMb = heapAfterGcMb();

    let peakRss = 0;
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 20);
    const cycle = async () => {
      const cpu = process.cpuUsage();
      const start = performance.now();
      const summary = await pollWatchedBills(deps, { concurrency: 16 });
      const used = process.cpuUsage(cpu);
      const cpuMs = (used.user + used.system) / 1000;
      const wallMs = Math.round(performance.now() - start);
      const cpuMsPerBill = Math.round((cpuMs / count) * 100) / 100;
      return { summary, figures: { wallMs, cpuMs: Math.round(cpuMs), cpuMsPerBill, heapAfterGcMb: heapAfterGcMb() } };
    };
    const baseline = await cycle();
    const unchanged = await cycle();
    await child.command('step');
    const changed = await cycle();
    clearInterval(sampler);
    return {
      bills: count,
      baseline: baseline.figures,
      unchanged: unchanged.figures,
      changed: { ...changed.figures, changes: changed.summary.changes },
      heapBeforeMb,
      peakRssMb: Math.round(peakRss / 1024 / 1024),
    };
  } finally {
    await child.stop();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(JSON.stringify(await runPollCycleBench(Number(process.argv[2] ?? 1000)), null, 2));
}
