import { prepareDocument, type KeyOccurrence, type PreparedDocument, type TopicDocument } from './prepared-document.js';
import type { TopicQuery, TopicTerm } from './topic-query.js';

/** One query term found in one field: the words as the text writes them, each once, in text order. */
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
 * a phrase needs its words consecutively within one sentence. Returns null when the query does not match, else which terms matched and where.
 */
export function matchTopic(query: TopicQuery, document: TopicDocument): MatchExplanation | null {
  return matchPrepared(query, prepareDocument(document));
}

/** {@link matchTopic} on a document already tokenised, for checking many topics against one document. */
export function matchPrepared(query: TopicQuery, document: PreparedDocument): MatchExplanation | null {
  const hits = evaluate(query, document);
  return hits ? { hits: mergeHits(hits) } : null;
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
      const branches = query.operands.map((operand) => evaluate(operand, document));
      return branches.some((hits) => hits !== undefined) ? branches.flatMap((hits) => hits ?? []) : undefined;
    }
  }
}

function findTerm(term: TopicTerm, document: PreparedDocument): TermHit[] | undefined {
  const [first, ...rest] = term.words;
  if (!first) return undefined;
  const hits: TermHit[] = [];
  for (const { field, index } of occurrencesOf(first.keys, document)) {
    const { text, tokens } = document.fields.get(field) ?? { text: '', tokens: [] };
    const start = tokens[index];
    const last = tokens[index + rest.length];
    if (!start || !last || last.sentence !== start.sentence) continue;
    if (!rest.every((word, offset) => sharesKey(tokens[index + 1 + offset]?.keys ?? [], word.keys))) continue;
    hits.push({ term: term.text, field, found: [text.slice(start.start, last.end)] });
  }
  return hits.length > 0 ? hits : undefined;
}

/** Where any of the keys occurs, each token once, in document order. */
function occurrencesOf(keys: readonly string[], document: PreparedDocument): readonly KeyOccurrence[] {
  const lists = keys.flatMap((key) => document.occurrences.get(key) ?? []);
  if (keys.length === 1) return lists;
  // One token often has two of a word's keys (its lemma and its stem): list it once.
  return [...new Map(lists.map((occurrence) => [occurrence.order, occurrence])).values()].sort((a, b) => a.order - b.order);
}

function sharesKey(tokenKeys: readonly string[], wordKeys: readonly string[]): boolean {
  return tokenKeys.some((key) => wordKeys.includes(key));
}

/** One hit per term and field, the words found there each listed once. */
function mergeHits(hits: TermHit[]): TermHit[] {
  const merged = new Map<string, TermHit>();
  for (const hit of hits) {
    const key = `${hit.term}\u0000${hit.field}`;
    const existing = merged.get(key);
    if (!existing) merged.set(key, { ...hit, found: [...hit.found] });
    else for (const word of hit.found) if (!existing.found.includes(word)) existing.found.push(word);
  }
  return [...merged.values()];
}
