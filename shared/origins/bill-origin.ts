import { createHash } from 'node:crypto';
import * as z from 'zod';
import type { Bill } from '../bill/bill.js';
import { personName } from '../sozd/passport-facts.js';

/**
 * Where a bill comes from, as its sozd passport says: the responsible committee, or one of its initiators (a deputy,
 * a senator, a body such as the Government or a region's legislature). Subscribers follow an origin to hear of every
 * new bill from it.
 */
export const OriginKindSchema = z.enum(['committee', 'initiator']);
export type OriginKind = z.infer<typeof OriginKindSchema>;

export interface BillOrigin {
  kind: OriginKind;
  /** As the passport writes it (or as the subscriber typed it, when it names no seen origin). */
  name: string;
}

// A name is one line of text: controls and bidirectional marks would reorder or split an email subject.
const CONTROLS = /[\p{Cc}\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069\u2028\u2029]+/gu;

/** An origin's name as a subscriber gives it: one line, 2–300 characters, spaces collapsed. */
export const OriginNameSchema = z
  .string()
  .transform((text) => text.replace(CONTROLS, ' ').replace(/\s+/g, ' ').trim().normalize('NFC'))
  .pipe(z.string().min(2, 'a name has at least 2 characters').max(300, 'a name has at most 300 characters'));

/**
 * The form two spellings of one origin share: lower case, ё as е, whitespace collapsed, initials joined to the
 * surname (`А. К. Исаев` is `а.к.исаев`), quotes of any kind alike. Ids and index keys are built from it.
 */
export function normalizeOriginName(name: string): string {
  return personName(name.normalize('NFC'))
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[«»“”„"]/g, '"')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The id of an origin: one per kind and normalised name, so every spelling of it shares its followers. */
export function originId(kind: OriginKind, name: string): string {
  return `o${createHash('sha256').update(`${kind}\n${normalizeOriginName(name)}`).digest('hex').slice(0, 24)}`;
}

/** The origins of a bill: its committee first, then its initiators in passport order; none before its passport is read. */
export function billOrigins(bill: Pick<Bill, 'committee' | 'initiators'> | undefined | null): BillOrigin[] {
  if (!bill) return [];
  return [
    ...(bill.committee ? [{ kind: 'committee' as const, name: bill.committee }] : []),
    ...(bill.initiators ?? []).map((initiator) => ({ kind: 'initiator' as const, name: initiator.name })),
  ];
}

/** The committees and initiators a follower (a subscriber's preferences or profile, an endpoint) follows, committees first. */
export function followedOrigins(followed: { committees?: readonly string[] | undefined; initiators?: readonly string[] | undefined }): BillOrigin[] {
  return [
    ...(followed.committees ?? []).map((name) => ({ kind: 'committee' as const, name })),
    ...(followed.initiators ?? []).map((name) => ({ kind: 'initiator' as const, name })),
  ];
}

/** A short fingerprint of a bill's origins: a new one means its committee or initiators were assigned or changed. */
export function originSignature(bill: Pick<Bill, 'committee' | 'initiators'> | undefined | null): string {
  const origins = billOrigins(bill).map((origin) => originId(origin.kind, origin.name));
  return origins.length === 0 ? '' : createHash('sha256').update(origins.join('\n')).digest('base64url').slice(0, 22);
}
