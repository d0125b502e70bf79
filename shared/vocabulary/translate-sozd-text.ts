import { COMMITTEES, type CommitteeBody } from './committees.js';
import { DAY_COUNTS, DECISION_DETAILS, DECISION_PHRASES, RECIPIENTS } from './decisions.js';
import { DOCUMENT_KINDS, DOCUMENT_QUALIFIERS } from './document-kinds.js';
import { EVENT_NAMES } from './event-names.js';
import { normalizePhrase } from './normalize-phrase.js';
import { compilePhrase, fillPhrase, matchPhrase, type Captures, type CompiledPhrase, type PhraseEntry } from './phrase-pattern.js';
import { STATUSES } from './statuses.js';
import { transliterate } from './transliterate.js';

/** Text in English, and the pieces of it left in Russian (each marked as the original in `text`). */
export interface Rendering {
  text: string;
  originals: string[];
}

/** What introduces text that has no English rendering: the reader sees it is sozd's own words, untranslated. */
export const ORIGINAL_MARK = '(original, Russian): ';

const CYRILLIC = /[\u0400-\u04FF]/;
/** No standard phrase is this long (the longest decision on the real pages is ~600 characters); longer text is free text. */
const MAX_STANDARD_LENGTH = 4_000;

const compile = (entries: readonly PhraseEntry[]): CompiledPhrase[] => entries.map(compilePhrase);
const TABLES = {
  eventNames: compile(EVENT_NAMES),
  statuses: compile(STATUSES),
  decisions: compile(DECISION_PHRASES),
  details: compile(DECISION_DETAILS),
  days: compile(DAY_COUNTS),
  recipients: compile(RECIPIENTS),
  documents: compile(DOCUMENT_KINDS),
  qualifiers: compile(DOCUMENT_QUALIFIERS),
};
const COMMITTEE_BY_REMIT = new Map(COMMITTEES.map((entry) => [`${entry.body} ${normalizePhrase(entry.ru)}`, entry.en]));
const BODIES: Record<string, CommitteeBody> = { 'государственной думы': 'duma', 'совета федерации': 'council' };
const BODY_NAMES: Record<CommitteeBody, string> = { duma: 'State Duma', council: 'Federation Council' };
const COMMITTEE = /^\s*комитет(?:а|у|ом)?\s+(государственной\s+думы|совета\s+федерации)\s+(по\s.+?)\s*$/iu;

function plain(text: string): Rendering {
  return { text, originals: [] };
}

function original(text: string): Rendering {
  const trimmed = text.replace(/\s+/g, ' ').trim();
  return { text: `${ORIGINAL_MARK}${trimmed}`, originals: [trimmed] };
}

function joined(parts: readonly Rendering[], separator: string): Rendering {
  return { text: parts.map((part) => part.text).join(separator), originals: parts.flatMap((part) => part.originals) };
}

/** Whether text holds Russian letters (sozd's English pages hold none). */
export function hasCyrillic(text: string): boolean {
  return CYRILLIC.test(text);
}

/** Renders text by `translate`, or keeps it as the marked original when it is too long to be a standard phrase. */
function bounded(text: string, translate: (text: string) => Rendering): Rendering {
  return text.length > MAX_STANDARD_LENGTH ? (untranslated(text) ?? original(text)) : translate(text);
}

/** Text that is not Russian (sozd's English pages, file names, numbers) is already readable as it is. */
function untranslated(text: string): Rendering | undefined {
  return CYRILLIC.test(text) ? undefined : plain(text.replace(/\s+/g, ' ').trim());
}

/** Splits on `separator` outside parentheses and quotes. */
function splitTopLevel(text: string, separator: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quoted = false;
  let start = 0;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i];
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '(' || char === '«')) depth += 1;
    else if (!quoted && (char === ')' || char === '»')) depth = Math.max(0, depth - 1);
    else if (!quoted && depth === 0 && char === separator) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts.map((part) => part.trim()).filter((part) => part !== '');
}

/** `head (last group)` → [head, group] when the text ends in a balanced parenthesised group. */
function splitTrailingGroup(text: string): [string, string] | undefined {
  const trimmed = text.trim();
  if (!trimmed.endsWith(')')) return undefined;
  let depth = 0;
  for (let i = trimmed.length - 1; i >= 0; i -= 1) {
    if (trimmed[i] === ')') depth += 1;
    else if (trimmed[i] === '(') {
      depth -= 1;
      if (depth === 0) return i === 0 ? undefined : [trimmed.slice(0, i).trim(), trimmed.slice(i + 1, -1).trim()];
    }
  }
  return undefined;
}

/** A committee of the State Duma or the Federation Council, in any case ("Комитет", "Комитета", …). */
export function translateCommittee(text: string): Rendering | undefined {
  const match = COMMITTEE.exec(text);
  if (!match) return untranslated(text);
  const body = BODIES[normalizePhrase(match[1]!)]!;
  const remit = COMMITTEE_BY_REMIT.get(`${body} ${normalizePhrase(match[2]!)}`);
  return remit ? plain(`${BODY_NAMES[body]} Committee on ${remit}`) : undefined;
}

/** Renders a matched entry, each placeholder by the rule for its name. */
function filled(entry: PhraseEntry, captures: Captures): Rendering | undefined {
  const values: Record<string, string> = {};
  const originals: string[] = [];
  for (const [name, value] of Object.entries(captures)) {
    const rendered = placeholder(name, value);
    if (!rendered) return undefined;
    values[name] = rendered.text;
    originals.push(...rendered.originals);
  }
  return { text: fillPhrase(entry.en, values), originals };
}

function placeholder(name: string, value: string): Rendering | undefined {
  switch (name) {
    case 'committee':
      return translateCommittee(value);
    case 'person':
      return plain(transliterate(value));
    case 'title':
      return original(`"${value}"`);
    case 'days':
      return fromTable(TABLES.days, value);
    case 'recipients':
      return joinedOrNothing(value.split(/,\s*|\s+и\s+/).map((recipient) => fromTable(TABLES.recipients, recipient)), ', ');
    case 'clause':
      return translateClause(value);
    case 'rest':
      return plain('');
    default:
      return untranslated(value);
  }
}

function joinedOrNothing(parts: ReadonlyArray<Rendering | undefined>, separator: string): Rendering | undefined {
  return parts.every((part) => part !== undefined) ? joined(parts as Rendering[], separator) : undefined;
}

function fromTable(table: readonly CompiledPhrase[], text: string): Rendering | undefined {
  const match = matchPhrase(table, text);
  return match ? filled(match.entry, match.captures) : untranslated(text);
}

/** One detail inside a decision's parentheses: a date, a deadline, a session, a committee, a person, a nested clause. */
function translateDetail(text: string): Rendering {
  return fromTable(TABLES.details, text) ?? translateCommittee(text) ?? translateClause(text) ?? original(text);
}

/** One clause of a decision: a standard phrase, with its details in parentheses. */
function translateClause(text: string): Rendering | undefined {
  const whole = fromTable(TABLES.decisions, text);
  if (whole) return whole;
  const split = splitTrailingGroup(text);
  if (!split) return undefined;
  const head = fromTable(TABLES.decisions, split[0]);
  if (!head) return undefined;
  const details = joined(splitTopLevel(split[1], ';').map(translateDetail), '; ');
  return { text: `${head.text} (${details.text})`, originals: [...head.originals, ...details.originals] };
}

/** What a decision says first, without its details: its first clause ("; "), without the parentheses ending it. */
export function decisionHeadline(text: string): string {
  const clause = splitTopLevel(text, ';')[0] ?? text.trim();
  return splitTrailingGroup(clause)?.[0] ?? clause;
}

/** A decision of an event: its clauses in English; a clause with no known rendering stays as the marked original. */
export function translateDecision(text: string): Rendering {
  return bounded(text, () => joined(splitTopLevel(text, ';').map((clause) => translateClause(clause) ?? original(clause)), '; '));
}

/** The name of an event type. */
export function translateEventName(text: string): Rendering {
  return bounded(text, () => fromTable(TABLES.eventNames, text) ?? original(text));
}

/** A bill's status. */
export function translateStatus(text: string): Rendering {
  return bounded(text, () => fromTable(TABLES.statuses, text) ?? original(text));
}

/** A document's title: its kind, then what its parentheses say (a committee, "new version", a reading). */
export function translateDocumentTitle(text: string): Rendering {
  return bounded(text, documentTitle);
}

function documentTitle(text: string): Rendering {
  const known = untranslated(text);
  if (known) return known;
  const groups: string[] = [];
  let head = text.trim();
  for (let split = splitTrailingGroup(head); split; split = splitTrailingGroup(head)) {
    const kind = fromTable(TABLES.documents, head);
    if (kind) break;
    groups.unshift(split[1]);
    head = split[0];
  }
  const kind = fromTable(TABLES.documents, head);
  if (!kind) return original(text);
  const qualifiers = groups.map((group) => fromTable(TABLES.qualifiers, group) ?? translateCommittee(group) ?? original(group));
  return joined([kind, ...qualifiers.map((qualifier) => ({ ...qualifier, text: `(${qualifier.text})` }))], ' ');
}
