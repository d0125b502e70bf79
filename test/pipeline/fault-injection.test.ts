import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { lawBill } from '../../local/simulator/demo-bills.js';
import { pollWatchedBills } from '../../shared/pipeline/poll-bills.js';
import { sweepOutbox } from '../../shared/pipeline/sweep-outbox.js';
import { sentEmails } from '../support/ses-store.js';
import { crashOnce, startPipelineHarness, type PipelineHarness } from '../support/pipeline-harness.js';

/*
 * A crash between any two steps of the pipeline (write, enqueue, mark queued, fan out, send, mark sent)
 * loses no alert, and costs at most one repeated email.
 */

const readers = [
  { email: 'a@example.org', language: 'ru' as const },
  { email: 'b@example.org', language: 'en' as const },
];

describe('fault injection', () => {
  let h: PipelineHarness;

  beforeEach(async () => {
    h = await startPipelineHarness();
    await h.subscribe(lawBill.page.number, readers);
    // The bill is not registered yet: known missing, so its first event is news.
    await pollWatchedBills(h.deps.poll);
    h.simulator.step();
  });
  afterEach(async () => {
    await h.stop();
  });

  /** Polls, lets the sweeper find anything stranded, and delivers everything. */
  async function runToQuiet(): Promise<void> {
    await pollWatchedBills(h.deps.poll);
    await h.drain();
    await new Promise((resolve) => setTimeout(resolve, 5));
    await sweepOutbox(h.deps.sweep, 0);
    await h.drain();
  }

  async function emailsTo(address: string): Promise<number> {
    return (await sentEmails(h.services.sesEndpoint)).filter((sent) => sent.destination.to[0] === address).length;
  }

  it('a crash between writing a change and saving the snapshot loses nothing', async () => {
    const crash = crashOnce(h.deps.poll.bills, 'saveSnapshot');
    await runToQuiet();
    await runToQuiet();
    expect(crash.crashed()).toBe(1);
    expect([await emailsTo('a@example.org'), await emailsTo('b@example.org')]).toEqual([1, 1]);
  });

  it('a crash between writing a change and queueing it loses nothing (the sweeper queues it)', async () => {
    const crash = crashOnce(h.deps.poll.fanOutQueue, 'sendAll');
    await runToQuiet();
    expect(crash.crashed()).toBe(1);
    expect([await emailsTo('a@example.org'), await emailsTo('b@example.org')]).toEqual([1, 1]);
  });

  it('a crash between queueing a change and marking it queued sends no second email', async () => {
    const crash = crashOnce(h.deps.poll.changes, 'markAllQueued');
    await runToQuiet();
    expect(crash.crashed()).toBe(1);
    expect([await emailsTo('a@example.org'), await emailsTo('b@example.org')]).toEqual([1, 1]);
  });

  it('a crash in fan-out before the email messages are queued loses nothing', async () => {
    const crash = crashOnce(h.deps.fanOut.emailQueue, 'sendAll');
    await runToQuiet();
    expect(crash.crashed()).toBe(1);
    expect([await emailsTo('a@example.org'), await emailsTo('b@example.org')]).toEqual([1, 1]);
  });

  it('a failed send is retried and delivered once', async () => {
    const crash = crashOnce(h.deps.email.mailer, 'send');
    await runToQuiet();
    expect(crash.crashed()).toBe(1);
    expect([await emailsTo('a@example.org'), await emailsTo('b@example.org')]).toEqual([1, 1]);
  });

  it('a crash between sending and marking sent costs exactly one repeated email, never a lost one', async () => {
    const crash = crashOnce(h.deps.email.deliveries, 'markSent');
    await runToQuiet();
    expect(crash.crashed()).toBe(1);
    const counts = [await emailsTo('a@example.org'), await emailsTo('b@example.org')].sort();
    expect(counts).toEqual([1, 2]);
  });

  it('re-polling an unchanged page, and two pollers racing on a changed one, make one email each', async () => {
    await Promise.all([pollWatchedBills(h.deps.poll), pollWatchedBills(h.deps.poll)]);
    await runToQuiet();
    await runToQuiet();
    expect([await emailsTo('a@example.org'), await emailsTo('b@example.org')]).toEqual([1, 1]);
    expect(await h.queueDepth(h.queues.email, 'dlqUrl')).toBe(0);
    expect(await h.queueDepth(h.queues.fanOut, 'dlqUrl')).toBe(0);
  });
});

describe('a message that keeps failing', () => {
  it('ends in the dead-letter queue without blocking the others', async () => {
    const h = await startPipelineHarness({ maxReceiveCount: 2 });
    try {
      await h.subscribe(lawBill.page.number, readers);
      await pollWatchedBills(h.deps.poll);
      h.simulator.step();
      const send = h.deps.email.mailer.send.bind(h.deps.email.mailer);
      h.deps.email.mailer.send = async (message) => {
        if (message.to === 'a@example.org') throw new Error('injected permanent failure');
        return send(message);
      };

      await pollWatchedBills(h.deps.poll);
      await h.drain();

      const sent = await sentEmails(h.services.sesEndpoint);
      expect(sent.map((email) => email.destination.to[0])).toEqual(['b@example.org']);
      expect(await h.queueDepth(h.queues.email, 'dlqUrl')).toBe(1);
      expect(await h.queueDepth(h.queues.email, 'url')).toBe(0);
    } finally {
      await h.stop();
    }
  });
});
