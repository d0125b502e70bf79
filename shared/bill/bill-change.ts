import * as z from 'zod';
import { BillEventSchema, BillNumberSchema, StageSchema } from './bill.js';

/**
 * What a change says happened, typed. One change carries every fact that one dated event brought
 * (a new event that is also a stage change and a law number is one alert, not three).
 */
export const ChangeFactSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('new-event') }),
  z.object({ type: z.literal('stage-changed'), from: StageSchema.nullable(), to: StageSchema }),
  z.object({
    type: z.literal('status-changed'),
    from: z.string(),
    to: z.string(),
    archived: z.boolean(),
  }),
  z.object({ type: z.literal('law-number-assigned'), lawNumber: z.string() }),
  z.object({ type: z.literal('published'), publication: z.string() }),
]);
export type ChangeFact = z.infer<typeof ChangeFactSchema>;

export const BillChangeSchema = z.object({
  /** Deterministic: bill + event id (or the status reached) + kind, so a re-poll finds the same id. */
  id: z.string().min(1),
  kind: z.enum(['event', 'status']),
  billNumber: BillNumberSchema,
  billTitle: z.string(),
  billUrl: z.string().url(),
  /** When duma-alerts saw it (ISO). The event's own date is in `event.date`. */
  detectedAt: z.string().datetime({ offset: true }),
  /** The dated event this change is about; absent for a status change that came without a new event. */
  event: BillEventSchema.optional(),
  facts: z.array(ChangeFactSchema).min(1),
});
export type BillChange = z.infer<typeof BillChangeSchema>;
