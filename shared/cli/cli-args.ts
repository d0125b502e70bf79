import { parseArgs, type ParseArgsConfig } from 'node:util';
import { BillNumberSchema, type BillNumber } from '../bill/bill.js';
import type { Language } from '../bill/stages.js';
import { OriginNameSchema, type OriginKind } from '../origins/bill-origin.js';
import { EmailAddressSchema, LanguageSchema } from '../store/subscriber-store.js';
import { UsageError } from './usage-error.js';

type Options = NonNullable<ParseArgsConfig['options']>;

/**
 * Parses a command's arguments strictly with node:util parseArgs, expecting exactly `positionals` names.
 * @throws UsageError with a one-line message for an unknown flag, a flag without its value or a wrong count of arguments.
 */
export function parseCommandArgs<const O extends Options>(
  command: string,
  args: readonly string[],
  options: O,
  positionals: readonly string[] = [],
) {
  type StrictConfig = { args: string[]; options: O; strict: true; allowPositionals: true };
  let parsed: ReturnType<typeof parseArgs<StrictConfig>>;
  try {
    // Positionals are always allowed so that a wrong count gets the message below, which names what was expected.
    parsed = parseArgs<StrictConfig>({ args: [...args], options, strict: true, allowPositionals: true });
  } catch (error) {
    // parseArgs explains how to pass a positional that starts with '-': a second sentence that is no help here.
    throw new UsageError(`${command}: ${firstSentence((error as Error).message)}`);
  }
  if (parsed.positionals.length !== positionals.length) {
    const expected = positionals.map((name) => `<${name}>`).join(' ');
    throw new UsageError(`${command}: expected ${expected || 'no arguments'}, got ${parsed.positionals.length} argument(s)`);
  }
  return parsed;
}

/** @throws UsageError unless `text` is a bill number like `1075342-8`. */
export function parseBillNumberArg(text: string): BillNumber {
  const parsed = BillNumberSchema.safeParse(text);
  if (!parsed.success) throw new UsageError(`invalid bill number "${text}": ${parsed.error.issues[0]?.message}`);
  return parsed.data;
}

/** @throws UsageError unless `text` is an email address; returns it trimmed and lower-cased. */
export function parseEmailArg(text: string): string {
  const parsed = EmailAddressSchema.safeParse(text);
  if (!parsed.success) throw new UsageError(`invalid email address "${text}": ${parsed.error.issues[0]?.message}`);
  return parsed.data;
}

/** @throws UsageError unless `text` is `ru` or `en`. */
export function parseLanguageArg(text: string): Language {
  const parsed = LanguageSchema.safeParse(text);
  if (!parsed.success) throw new UsageError(`invalid language "${text}": expected ru or en`);
  return parsed.data;
}

/** @throws UsageError unless `text` is a committee's or an initiator's name as the API takes one; returns it tidied. */
export function parseOriginNameArg(kind: OriginKind, text: string): string {
  const parsed = OriginNameSchema.safeParse(text);
  if (!parsed.success) throw new UsageError(`invalid ${kind} "${text}": ${parsed.error.issues[0]?.message}`);
  return parsed.data;
}

function firstSentence(message: string): string {
  const sentence = message.split(/\.\s|\n/)[0]!;
  return sentence.charAt(0).toLowerCase() + sentence.slice(1);
}
