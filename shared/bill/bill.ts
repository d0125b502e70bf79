import * as z from 'zod';

/** The latest convocation of the Duma (the 9th was elected in 2026); raise it when the next one sits. */
export const MAX_CONVOCATION = 9;

/** Whether the part of a bill number after the dash names a convocation that has sat (1 to {@link MAX_CONVOCATION}). */
export function isRealConvocation(convocation: number): boolean {
  return Number.isInteger(convocation) && convocation >= 1 && convocation <= MAX_CONVOCATION;
}

/**
 * A convocation that will never sit: the demo's bills (and the tests') are numbered in it, so that none can ever be
 * mistaken for, or collide with, a bill on sozd.
 */
export const DEMO_CONVOCATION = 99;

/**
 * A bill number as sozd writes it: digits, a dash, the convocation (e.g. `1075342-8`). Only the canonical spelling
 * passes (no leading zeros), so one bill can never be stored, watched or followed under two keys. Convocation 99 is
 * the demo's ({@link DEMO_CONVOCATION}).
 */
export const BillNumberSchema = z
  .string()
  .trim()
  .regex(/^[1-9]\d{0,8}-[1-9]\d?$/, { error: 'a bill number looks like 1075342-8', abort: true })
  .refine((number) => {
    const convocation = Number(number.split('-')[1]);
    return isRealConvocation(convocation) || convocation === DEMO_CONVOCATION;
  }, `the part after the dash is the convocation, 1 to ${MAX_CONVOCATION}`);
export type BillNumber = z.infer<typeof BillNumberSchema>;

/** A stage of the legislative process, from the `bhiN` class of a stage block. */
export const StageSchema = z.object({
  /**
   * N of `bhiN`: 1 registration, 2 preliminary consideration, 3/4/5 readings, 6 Federation Council, 7 reconsideration
   * after its rejection, 8 President, 9 reconsideration after a veto, 10 Constitutional Court, 11 publication.
   */
  id: z.number().int().nonnegative(),
  /** The stage title as the page writes it (Russian). */
  name: z.string(),
});
export type Stage = z.infer<typeof StageSchema>;

export const DocumentLinkSchema = z.object({
  /** sozd's file GUID when the link is a sozd download. */
  id: z.string().optional(),
  title: z.string(),
  url: z.string().url(),
});
export type DocumentLink = z.infer<typeof DocumentLinkSchema>;

/** A dated event of the "ЭРК по событиям" tab. */
export const BillEventSchema = z.object({
  /** The element id on the page: a GUID that stays stable across page versions. */
  id: z.string().min(1),
  /** `data-eventnum`, e.g. `3.1`: the event type within its stage. */
  eventNumber: z.string(),
  /** The event type's name, from the type header that precedes it (e.g. "Рассмотрение законопроекта в первом чтении"). */
  name: z.string(),
  stage: StageSchema,
  /** ISO 8601 with the Moscow offset of that moment, e.g. `2022-06-01T14:39:34+03:00`. */
  date: z.string().datetime({ offset: true }),
  decisions: z.array(z.string()),
  protocol: z.string().optional(),
  /** The resolution number of the Duma or the Federation Council that the event records (e.g. `4562-7 ГД`, `415-СФ`). */
  resolution: z.string().optional(),
  lawNumber: z.string().optional(),
  publication: z.string().optional(),
  documents: z.array(DocumentLinkSchema),
});
export type BillEvent = z.infer<typeof BillEventSchema>;

/** A planned event (`future_event`): shown on the page, never alerted. */
export const PlannedEventSchema = z.object({
  id: z.string().optional(),
  eventNumber: z.string(),
  name: z.string(),
  stage: StageSchema,
  /** The date the page carries in `data-eventdate`, if any; the page itself says the date is not fixed. */
  date: z.string().datetime({ offset: true }).optional(),
  documents: z.array(DocumentLinkSchema),
});
export type PlannedEvent = z.infer<typeof PlannedEventSchema>;

export const PassportFieldSchema = z.object({ label: z.string(), value: z.string() });
export type PassportField = z.infer<typeof PassportFieldSchema>;

/**
 * One holder of the right of legislative initiative named in a bill's passport: a deputy of the State Duma, a member
 * of the Federation Council (each by name, as sozd writes it: `А.К.Исаев`), or a body (`Правительство Российской
 * Федерации`, a region's legislature, a group the page names without names).
 */
export const InitiatorSchema = z.object({
  kind: z.enum(['deputy', 'senator', 'body']),
  name: z.string().min(1),
});
export type Initiator = z.infer<typeof InitiatorSchema>;

/** Everything duma-alerts knows about a bill from its sozd page. */
export const BillSchema = z.object({
  number: BillNumberSchema,
  url: z.string().url(),
  title: z.string().min(1),
  titleComment: z.string().optional(),
  /** The status text: `#current_oz_status` on a pending bill, the archive note on an archived one. */
  status: z.string(),
  archived: z.boolean(),
  /** Passport rows in page order ("Субъект права законодательной инициативы", "Профильный комитет", …). */
  passport: z.array(PassportFieldSchema),
  /** The responsible committee ("Ответственный комитет"), as the passport names it; absent until one is assigned. */
  committee: z.string().min(1).optional(),
  /** Who introduced the bill ("Субъект права законодательной инициативы"), in passport order; absent when the row is. */
  initiators: z.array(InitiatorSchema).min(1).optional(),
  /**
   * The stage the bill has reached, by the stage model (shared/bill/stage-model.ts, docs/stage-model.md): the one value
   * the CLI, the API and every alert use. Optional only because snapshots stored before it was added lack it.
   */
  currentStage: StageSchema.optional(),
  /** The stage the page's own progress bar marks (active, else the last reached), a cross-check of `currentStage`. */
  pageStage: StageSchema.optional(),
  /** Federal law number once signed (e.g. `353-ФЗ`). */
  lawNumber: z.string().optional(),
  /** Dated events, ordered by date then event number (page order is not date order). */
  events: z.array(BillEventSchema),
  /** Planned events; none for an archived bill, which has no future (sozd leaves stale ones on its page). */
  plannedEvents: z.array(PlannedEventSchema),
});
export type Bill = z.infer<typeof BillSchema>;

/** The canonical sozd address of a bill. */
export function billUrl(number: BillNumber, base = 'https://sozd.duma.gov.ru'): string {
  return `${base.replace(/\/$/, '')}/bill/${number}`;
}
