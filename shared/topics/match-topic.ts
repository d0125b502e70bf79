import { prepareDocument, type KeyOccurrence, type PreparedDocument, type TopicDocument } from './prepared-document.js';
import type { TopicQuery, TopicTerm } from './topic-query.js';

/** One query term found in one field: the words as the text writes them, each once, in text order (at most 10). */
export interface TermHit {
  term: string;
  field: string;
  found: string[];
}

/** Why a document matched a topic: every query term that was found, and where. */
export interface MatchExplanation {
  hits: TermHit[];
}

/**
 * Matches one topic query against a document: words compared by their keys (lemmas, stems) on word boundaries,
 * a phrase needs its words consecutively within one sentence. Returns null when the query does not match, else
 * which terms matched and where.
 */
export function matchTopic(query: TopicQuery, document: TopicDocument): MatchExplanation | null {
  return matchPrepared(query, prepareDocument(document));
}

/** {@link matchTopic} on a document already tokenised, for checking many topics against one document. */
export function matchPrepared(query: TopicQuery, document: PreparedDocument): MatchExplanation | null {
  // Most candidates a topic index hands over do not match: deciding first, without building any explanation,
  // keeps their cost to a few map lookups.
  return matchesPrepared(query, document) ? explainMatch(query, document) : null;
}

/**
 * Why a query that matches a document (see {@link matchesPrepared}) matches it.
 * @throws Error when the query does not match the document.
 */
export function explainMatch(query: TopicQuery, document: PreparedDocument): MatchExplanation {
  const hits = evaluate(query, document);
  if (!hits) throw new Error('explainMatch: the query does not match this document');
  return { hits: mergeHits(hits) };
}

/** Whether the query matches the document, allocating nothing (plain loops: a callback would be a closure per call). */
export function matchesPrepared(query: TopicQuery, document: PreparedDocument): boolean {
  switch (query.kind) {
    case 'term':
      return occurs(query, document);
    case 'not':
      return !matchesPrepared(query.operand, document);
    case 'and':
      for (const operand of query.operands) if (!matchesPrepared(operand, document)) return false;
      return true;
    case 'or':
      for (const operand of query.operands) if (matchesPrepared(operand, document)) return true;
      return false;
  }
}

function occurs(term: TopicTerm, document: PreparedDocument): boolean {
  for (const key of term.words[0]?.keys ?? []) {
    const list = document.occurrences.get(key);
    if (!list) continue;
    if (term.words.length === 1) return true;
    for (const occurrence of list) if (termAt(term, document, occurrence)) return true;
  }
  return false;
}

/** Whether the term's words stand from this occurrence on, consecutively, in one sentence. */
function termAt(term: TopicTerm, document: PreparedDocument, { field, index }: KeyOccurrence): boolean {
  const tokens = document.fields.get(field)?.tokens ?? [];
  const start = tokens[index];
  const last = tokens[index + term.words.length - 1];
  if (!start || !last || last.sentence !== start.sentence) return false;
  for (let offset = 1; offset < term.words.length; offset += 1) {
    if (!sharesKey(tokens[index + offset]?.keys ?? [], term.words[offset]?.keys ?? [])) return false;
  }
  return true;
}

/** The hits of a matching query (possibly none, for a satisfied NOT), or undefined when it does not match. */
function evaluate(query: TopicQuery, document: PreparedDocument): TermHit[] | undefined {
  switch (query.kind) {
    case 'term':
      return findTerm(query, document);
    case 'not':
      return evaluate(query.operand, document) ? undefined : [];
    case 'and': {
      const hits: TermHit[] = [];
      for (const operand of query.operands) {
        const operandHits = evaluate(operand, document);
        if (!operandHits) return undefined;
        hits.push(...operandHits);
      }
      return hits;
    }
    case 'or': {
      // Every matching branch is reported, not just the first: the alert should show all reasons.
      let hits: TermHit[] | undefined;
      for (const operand of query.operands) {
        const operandHits = evaluate(operand, document);
        if (operandHits) hits = hits ? [...hits, ...operandHits] : operandHits;
      }
      return hits;
    }
  }
}

/**
 * Distinct forms reported per term and field: enough to explain a match, and a bound on the work a long,
 * repetitive text can cause (a field stops being read for a term once this many forms were found in it).
 */
export const MAX_FORMS_PER_FIELD = 10;

function findTerm(term: TopicTerm, document: PreparedDocument): TermHit[] | undefined {
  let only: KeyOccurrence[] | undefined;
  let several: KeyOccurrence[][] | undefined;
  for (const key of term.words[0]?.keys ?? []) {
    const list = document.occurrences.get(key);
    if (!list) continue;
    if (!only) only = list;
    else (several ??= [only]).push(list);
  }
  if (!only) return undefined;
  const hits: TermHit[] = [];
  if (several) collectInDocumentOrder(hits, term, document, several);
  else for (const occurrence of only) collectHit(hits, term, document, occurrence);
  return hits.length > 0 ? hits : undefined;
}

/** Adds the term's words at this occurrence to the hit of its field (the last one: occurrences come in field order). */
function collectHit(hits: TermHit[], term: TopicTerm, document: PreparedDocument, occurrence: KeyOccurrence): void {
  const { field, index } = occurrence;
  const fieldHit = hits.at(-1)?.field === field ? hits.at(-1) : undefined;
  if (fieldHit && fieldHit.found.length >= MAX_FORMS_PER_FIELD) return;
  if (!termAt(term, document, occurrence)) return;
  const { text, tokens } = document.fields.get(field) ?? EMPTY_FIELD;
  const found = text.slice(tokens[index]?.start ?? 0, tokens[index + term.words.length - 1]?.end ?? 0);
  if (!fieldHit) hits.push({ term: term.text, field, found: [found] });
  else if (!fieldHit.found.includes(found)) fieldHit.found.push(found);
}

const EMPTY_FIELD = { text: '', tokens: [] };

/**
 * Collects the occurrences of several keys in document order, each token once (a token often has two of a word's
 * keys: its lemma, and its stem when that is the query word itself). The lists are each in document order and
 * are merged in place: copying and sorting them cost more than the rest of a match.
 */
function collectInDocumentOrder(hits: TermHit[], term: TopicTerm, document: PreparedDocument, lists: readonly KeyOccurrence[][]): void {
  const cursors = new Array<number>(lists.length).fill(0);
  for (;;) {
    let next: KeyOccurrence | undefined;
    for (let at = 0; at < lists.length; at += 1) {
      const head = lists[at]?.[cursors[at] ?? 0];
      if (head && (!next || head.order < next.order)) next = head;
    }
    if (!next) return;
    for (let at = 0; at < lists.length; at += 1) {
      if (lists[at]?.[cursors[at] ?? 0] === next) cursors[at] = (cursors[at] ?? 0) + 1;
    }
    collectHit(hits, term, document, next);
  }
}

function sharesKey(tokenKeys: readonly string[], wordKeys: readonly string[]): boolean {
  return tokenKeys.some((key) => wordKeys.includes(key));
}

/** One hit per term and field, the words found there each listed once. */
function mergeHits(hits: TermHit[]): TermHit[] {
  // The common case, one hit per term and field already, costs no copy.
  if (!hasRepeatedTermAndField(hits)) return hits;
  const merged = new Map<string, TermHit>();
  for (const hit of hits) {
    const key = `${hit.term}\u0000${hit.field}`;
    const existing = merged.get(key);
    if (!existing) merged.set(key, { ...hit, found: [...hit.found] });
    else for (const word of hit.found) if (!existing.found.includes(word)) existing.found.push(word);
  }
  return [...merged.values()];
}

function hasRepeatedTermAndField(hits: readonly TermHit[]): boolean {
  for (let at = 1; at < hits.length; at += 1) {
    for (let before = 0; before < at; before += 1) {
      if (hits[at]?.term === hits[before]?.term && hits[at]?.field === hits[before]?.field) return true;
    }
  }
  return false;
}
