import { describe, expect, it } from 'vitest';
import { explainMatch, matchPrepared, matchTopic } from '../../shared/topics/match-topic.js';
import { parseTopicQuery } from '../../shared/topics/parse-topic-query.js';
import { prepareDocument } from '../../shared/topics/prepared-document.js';

/* How the parts of a query combine, decided and explained alike (the decision runs first, without explanations). */

function match(query: string, fields: Record<string, string>) {
  return matchTopic(parseTopicQuery(query), { fields });
}

describe('matchTopic, combining terms', () => {
  it('explains a term the query names twice once per field, each form once', () => {
    expect(match('налог AND (налог OR суд)', { title: 'Налог', summary: 'налоги в суде, налоги' })).toEqual({
      hits: [
        { term: 'налог', field: 'title', found: ['Налог'] },
        { term: 'налог', field: 'summary', found: ['налоги'] },
        { term: 'суд', field: 'summary', found: ['суде'] },
      ],
    });
  });

  it('matches NOT beside AND and inside a group, reporting only the terms found', () => {
    const document = { title: 'Налоги на роскошь' };

    const results = ['налог AND NOT суд', 'налог AND NOT роскошь', '(суд OR роскошь) AND NOT пенсия'].map((query) => match(query, document));

    expect(results).toEqual([
      { hits: [{ term: 'налог', field: 'title', found: ['Налоги'] }] },
      null,
      { hits: [{ term: 'роскошь', field: 'title', found: ['роскошь'] }] },
    ]);
  });

  it('matches an OR none of whose branches is found as nothing, and an AND of found terms as all of them', () => {
    const document = { title: 'Пенсии и налоги' };

    expect([match('суд OR армия', document), match('пенсия AND налог', document)]).toEqual([
      null,
      {
        hits: [
          { term: 'пенсия', field: 'title', found: ['Пенсии'] },
          { term: 'налог', field: 'title', found: ['налоги'] },
        ],
      },
    ]);
  });

  it('finds a phrase wherever it stands, also after a first word that starts no phrase', () => {
    expect(match('"военная служба"', { title: 'Военная техника и военная служба, военная служба' })).toEqual({
      hits: [{ term: 'военная служба', field: 'title', found: ['военная служба'] }],
    });
  });

  it('matches NOT a phrase where the phrase\'s first word stands without the phrase', () => {
    expect(match('налог AND NOT "военная служба"', { title: 'Налоги на военную технику' })).toEqual({
      hits: [{ term: 'налог', field: 'title', found: ['Налоги'] }],
    });
  });

  it('reports every word a query word finds, in text order, though different words are found by different keys', () => {
    // "песков" finds forms of песок by its lemma, and "Пескова" by itself as a stem.
    expect(match('песков', { title: 'Песок, Пескова и песков' })).toEqual({
      hits: [{ term: 'песков', field: 'title', found: ['Песок', 'Пескова', 'песков'] }],
    });
  });

  it('does not match a phrase whose last word would lie past the end of the text', () => {
    expect(match('"военная служба"', { title: 'Техника военная' })).toBeNull();
  });

  it('gives the same answer through a prepared document, and refuses to explain a query that does not match', () => {
    // Arrange
    const document = prepareDocument({ fields: { title: 'Налоги' } });

    // Act + Assert
    expect(matchPrepared(parseTopicQuery('налог'), document)).toEqual({ hits: [{ term: 'налог', field: 'title', found: ['Налоги'] }] });
    expect(matchPrepared(parseTopicQuery('суд'), document)).toBeNull();
    expect(() => explainMatch(parseTopicQuery('суд'), document)).toThrow('explainMatch: the query does not match this document');
  });
});
