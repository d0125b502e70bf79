import * as z from 'zod';

/** What is known of a queue's oldest message: when it was sent, that the queue is empty, or why it is not known. */
export type OldestMessage = { kind: 'sent'; at: string } | { kind: 'empty' } | { kind: 'unknown'; reason: string };

/** Reads the oldest message of each queue without receiving any (a receive would count towards its redrive policy). */
export type OldestMessageReader = (queueUrls: readonly string[]) => Promise<OldestMessage[]>;

/** The part of fauxqs's inspection answer read here: every message, ready, delayed or in flight, with when it was sent. */
const InspectionSchema = z.object({
  messages: z.object({
    ready: z.array(z.object({ sentTimestamp: z.number() })),
    delayed: z.array(z.object({ sentTimestamp: z.number() })),
    inflight: z.array(z.object({ message: z.object({ sentTimestamp: z.number() }) })),
  }),
});

/**
 * The oldest message of each queue of the local emulator, read from fauxqs's inspection endpoint
 * (`GET <endpoint>/_fauxqs/queues/<name>`), which lists every message without receiving it: no receive count moves
 * and no consumer misses a message while the console looks.
 */
export function fauxqsOldestMessages(inspectUrl: string, fetchImpl: typeof fetch = fetch): OldestMessageReader {
  return (queueUrls) =>
    Promise.all(
      queueUrls.map(async (queueUrl): Promise<OldestMessage> => {
        const name = new URL(queueUrl).pathname.split('/').filter(Boolean).at(-1) ?? '';
        try {
          const response = await fetchImpl(new URL(`/_fauxqs/queues/${encodeURIComponent(name)}`, inspectUrl), { signal: AbortSignal.timeout(2000) });
          if (!response.ok) return { kind: 'unknown', reason: `the emulator answered ${response.status}` };
          const { messages } = InspectionSchema.parse(await response.json());
          const sent = [...messages.ready, ...messages.delayed, ...messages.inflight.map((entry) => entry.message)].map((message) => message.sentTimestamp);
          return sent.length === 0 ? { kind: 'empty' } : { kind: 'sent', at: new Date(Math.min(...sent)).toISOString() };
        } catch (error) {
          return { kind: 'unknown', reason: (error as Error).message };
        }
      }),
    );
}

/**
 * Where SQS itself runs: its API gives no message's age without receiving the message, and the console does not
 * receive from a working queue. CloudWatch's ApproximateAgeOfOldestMessage (the queue-age alarms) says it instead.
 */
export const notReadableHere: OldestMessageReader = async (queueUrls) =>
  queueUrls.map(() => ({ kind: 'unknown', reason: 'cloudwatch' }) as const);
