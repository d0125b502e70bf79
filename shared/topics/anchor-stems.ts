import type { TopicQuery } from './topic-query.js';

/**
 * Stems of which every document matching the query contains at least one, or undefined when a document with none
 * of the query's words could still match (a NOT alone). The topic index files a query under these stems only, so a
 * short set made of long (rarer) stems keeps the candidate lists short.
 */
export function anchorStems(query: TopicQuery): string[] | undefined {
  switch (query.kind) {
    case 'term':
      return [longest(query.stems)];
    case 'not':
      return undefined;
    case 'or': {
      const branches = query.operands.map(anchorStems);
      if (branches.some((stems) => stems === undefined)) return undefined;
      return [...new Set(branches.flatMap((stems) => stems ?? []))];
    }
    case 'and': {
      const candidates = query.operands.map(anchorStems).filter((stems) => stems !== undefined);
      return candidates.reduce<string[] | undefined>(
        (best, stems) => (best === undefined || isMoreSelective(stems, best) ? stems : best),
        undefined,
      );
    }
  }
}

function longest(stems: string[]): string {
  return stems.reduce((best, stem) => (stem.length > best.length ? stem : best), '');
}

function isMoreSelective(stems: string[], than: string[]): boolean {
  if (stems.length !== than.length) return stems.length < than.length;
  return Math.min(...stems.map((stem) => stem.length)) > Math.min(...than.map((stem) => stem.length));
}
