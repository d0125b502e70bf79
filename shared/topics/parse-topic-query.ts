import { anchorKeys } from './anchor-keys.js';
import { lexTopicQuery, type QueryLexeme } from './lex-topic-query.js';
import type { TopicQuery } from './topic-query.js';
import { TopicQueryError } from './topic-query-error.js';
import { isStopWord } from './stop-words.js';
import { tokenize } from './tokenize.js';
import { foldCase, queryWordKeys } from './word-keys.js';

/** Longer queries are almost certainly pasted text, not a topic. */
export const MAX_TOPIC_QUERY_LENGTH = 500;
/** Parentheses and NOTs nested deeper than this are refused (they only ever come from a machine). */
export const MAX_TOPIC_QUERY_DEPTH = 16;

/**
 * Parses a topic query: words and "quoted phrases" (also «…» and “…”), AND / OR / NOT (or И / ИЛИ / НЕ) and
 * parentheses, and a comma for OR; words side by side mean AND. NOT binds tightest, then AND, then OR.
 * @throws TopicQueryError pointing at the problem, also for a query that would match (nearly) everything: NOT
 * alone, or only stop words ("и", "the").
 */
export function parseTopicQuery(text: string): TopicQuery {
  if (text.length > MAX_TOPIC_QUERY_LENGTH) {
    throw new TopicQueryError(`the query is longer than ${MAX_TOPIC_QUERY_LENGTH} characters`, MAX_TOPIC_QUERY_LENGTH);
  }
  return new QueryParser(lexTopicQuery(text)).parse();
}

class QueryParser {
  private next = 0;
  /** Where each NOT was written, to point at the one that makes a query match everything. */
  private readonly notPositions = new Map<TopicQuery, number>();
  /** Where each term was written, to point at one made only of stop words. */
  private readonly termPositions = new Map<TopicQuery, number>();

  constructor(private readonly lexemes: QueryLexeme[]) {}

  parse(): TopicQuery {
    if (this.lexemes.length === 0) throw new TopicQueryError('the query is empty', 0);
    const query = this.parseOr(0);
    const extra = this.peek();
    if (extra) throw new TopicQueryError("unbalanced parenthesis: ')' has no matching '('", extra.position);
    this.requireAnchor(query);
    return query;
  }

  private parseOr(depth: number): TopicQuery {
    const operands = [this.parseAnd(depth)];
    for (let operator = this.peek(); operator?.kind === 'or'; operator = this.peek()) {
      this.next += 1;
      this.requireTermAfter(operator);
      operands.push(this.parseAnd(depth));
    }
    return combine('or', operands);
  }

  private parseAnd(depth: number): TopicQuery {
    const operands = [this.parseUnary(depth)];
    for (let lexeme = this.peek(); lexeme; lexeme = this.peek()) {
      if (lexeme.kind === 'and') {
        this.next += 1;
        this.requireTermAfter(lexeme);
      } else if (!startsTerm(lexeme)) {
        break;
      }
      operands.push(this.parseUnary(depth));
    }
    return combine('and', operands);
  }

  private parseUnary(depth: number): TopicQuery {
    const lexeme = this.peek();
    if (!lexeme) throw new Error('parseUnary is only called where a lexeme follows');
    this.next += 1;
    switch (lexeme.kind) {
      case 'word':
      case 'phrase': {
        const term = termOf(lexeme);
        this.termPositions.set(term, lexeme.position);
        return term;
      }
      case 'not': {
        this.requireDepth(depth, lexeme);
        this.requireTermAfter(lexeme);
        const not: TopicQuery = { kind: 'not', operand: this.parseUnary(depth + 1) };
        this.notPositions.set(not, lexeme.position);
        return not;
      }
      case 'open': {
        this.requireDepth(depth, lexeme);
        if (this.peek()?.kind === 'close') throw new TopicQueryError('empty parentheses', lexeme.position);
        if (!this.peek()) throw unclosedParenthesis(lexeme);
        const inner = this.parseOr(depth + 1);
        if (this.peek()?.kind !== 'close') throw unclosedParenthesis(lexeme);
        this.next += 1;
        return inner;
      }
      case 'close':
        throw new TopicQueryError("unbalanced parenthesis: ')' has no matching '('", lexeme.position);
      case 'and':
      case 'or':
        throw new TopicQueryError(`${lexeme.text} needs a term before it`, lexeme.position);
    }
  }

  private peek(): QueryLexeme | undefined {
    return this.lexemes[this.next];
  }

  private requireTermAfter(operator: QueryLexeme): void {
    const following = this.peek();
    if (!following || !startsTerm(following)) {
      throw new TopicQueryError(`${operator.text} needs a term after it`, operator.position);
    }
  }

  private requireDepth(depth: number, lexeme: QueryLexeme): void {
    if (depth >= MAX_TOPIC_QUERY_DEPTH) {
      throw new TopicQueryError(`nested deeper than ${MAX_TOPIC_QUERY_DEPTH} levels`, lexeme.position);
    }
  }

  /** A query that a document without any of its words (or with only stop words) could match alerts on everything. */
  private requireAnchor(query: TopicQuery): void {
    if (anchorKeys(query) !== undefined) return;
    const culprit = unanchored(query);
    if (culprit.kind === 'term') {
      throw new TopicQueryError(
        `'${culprit.text}' has only stop words, which appear in almost every text: add a word that names the topic`,
        this.termPositions.get(culprit) ?? 0,
      );
    }
    throw new TopicQueryError(
      'NOT needs a word beside it that must appear (on its own it matches everything)',
      this.notPositions.get(culprit) ?? 0,
    );
  }
}

function startsTerm(lexeme: QueryLexeme): boolean {
  return lexeme.kind === 'word' || lexeme.kind === 'phrase' || lexeme.kind === 'not' || lexeme.kind === 'open';
}

function termOf(lexeme: QueryLexeme): TopicQuery {
  const tokens = tokenize(lexeme.text);
  const first = tokens[0];
  const last = tokens.at(-1);
  if (!first || !last) {
    throw new TopicQueryError(
      lexeme.kind === 'phrase' ? 'empty phrase' : `'${lexeme.text}' has no letters or digits`,
      lexeme.position,
    );
  }
  return {
    kind: 'term',
    text: lexeme.text.slice(first.start, last.end),
    words: tokens.map((token) => ({ keys: [...queryWordKeys(token.word)], stop: isStopWord(foldCase(token.word)) })),
  };
}

function combine(kind: 'and' | 'or', operands: TopicQuery[]): TopicQuery {
  const [only] = operands;
  if (only && operands.length === 1) return only;
  // "a AND (b AND c)" is one AND of three: a flat tree is simpler to explain and to index.
  return { kind, operands: operands.flatMap((operand) => (operand.kind === kind ? operand.operands : [operand])) };
}

function unclosedParenthesis(open: QueryLexeme): TopicQueryError {
  return new TopicQueryError("unbalanced parenthesis: '(' is never closed", open.position);
}

/** The NOT, or the term of stop words only, that leaves a query without a word that must appear. */
function unanchored(query: TopicQuery): TopicQuery {
  if (query.kind === 'not' || query.kind === 'term') return query;
  const culprit = query.operands.find((operand) => anchorKeys(operand) === undefined);
  return culprit ? unanchored(culprit) : query;
}
