import type { QueryWord, TopicQuery } from './topic-query.js';

/**
 * Keys of which every document matching the query contains at least one, or undefined when a document with none
 * of the query's words could still match (a NOT alone) or would match nearly always (only stop words). The topic
 * index files a query under these keys only, so a short set of rare keys keeps the candidate lists short.
 */
export function anchorKeys(query: TopicQuery): string[] | undefined {
  switch (query.kind) {
    case 'term': {
      const words = query.words.filter((word) => !word.stop);
      return words.length > 0 ? words.reduce(rarer).keys : undefined;
    }
    case 'not':
      return undefined;
    case 'or': {
      const branches = query.operands.map(anchorKeys);
      if (branches.some((keys) => keys === undefined)) return undefined;
      return [...new Set(branches.flatMap((keys) => keys ?? []))];
    }
    case 'and': {
      const candidates = query.operands.map(anchorKeys).filter((keys) => keys !== undefined);
      return candidates.reduce<string[] | undefined>(
        (best, keys) => (best === undefined || isMoreSelective(keys, best) ? keys : best),
        undefined,
      );
    }
  }
}

/** Of two words of a phrase, the one with fewer keys, then longer ones (longer words are rarer). */
function rarer(best: QueryWord, word: QueryWord): QueryWord {
  return isMoreSelective(word.keys, best.keys) ? word : best;
}

function isMoreSelective(keys: string[], than: string[]): boolean {
  if (keys.length !== than.length) return keys.length < than.length;
  return Math.min(...keys.map((key) => key.length)) > Math.min(...than.map((key) => key.length));
}
