import { describe, expect, it } from 'vitest';
import { feedItemIdentities, feedItemKey, normaliseLink } from '../../shared/feeds/feed-item-key.js';

describe('normaliseLink: one page, one spelling', () => {
  it.each([
    ['http and https', 'http://news.example/a', 'news.example/a'],
    ['https', 'https://news.example/a', 'news.example/a'],
    ['www.', 'https://www.news.example/a', 'news.example/a'],
    ['a trailing slash', 'https://news.example/a/', 'news.example/a'],
    ['the root', 'https://news.example/', 'news.example'],
    ['upper-case host, default port', 'HTTPS://News.Example:443/a', 'news.example/a'],
    ['a fragment', 'https://news.example/a#comments', 'news.example/a'],
    ['utm_ parameters', 'https://news.example/a?utm_source=rss&utm_medium=feed&utm_campaign=x', 'news.example/a'],
    ['click ids', 'https://news.example/a?fbclid=1&gclid=2&yclid=3&ysclid=4&_openstat=5', 'news.example/a'],
    ['kept parameters, sorted', 'https://news.example/a?id=7&utm_source=rss&b=2', 'news.example/a?b=2&id=7'],
    ['path case kept', 'https://news.example/News/A', 'news.example/News/A'],
  ])('%s: %s → %s', (_case, link, expected) => {
    expect(normaliseLink(link)).toBe(expected);
  });

  it.each(['urn:uuid:1', 'mailto:a@b.example', 'not a url', 'ftp://news.example/a'])('is undefined for %s', (link) => {
    expect(normaliseLink(link)).toBeUndefined();
  });
});

describe('feedItemIdentities', () => {
  const title = '  Законопроект   об экстрадиции ';
  const publishedAt = '2024-10-02T09:30:00.000Z';

  it('gives a URL guid as a link, the link, and the title with the date', () => {
    expect(feedItemIdentities({ guid: 'http://news.example/a', link: 'https://www.news.example/a/?utm_source=rss', title, publishedAt })).toEqual([
      'link:news.example/a',
      `title:законопроект об экстрадиции\n${publishedAt}`,
    ]);
  });

  it('keeps a guid that is no URL as a guid', () => {
    expect(feedItemIdentities({ guid: 'urn:uuid:1', link: 'https://news.example/a', title, publishedAt })).toEqual([
      'guid:urn:uuid:1',
      'link:news.example/a',
      `title:законопроект об экстрадиции\n${publishedAt}`,
    ]);
  });

  it('leaves the title out when the item has a guid or link but no date (one headline can head many items)', () => {
    expect(feedItemIdentities({ guid: 'g', title })).toEqual(['guid:g']);
  });

  it('recognises an item by its title alone when it has nothing else', () => {
    expect(feedItemIdentities({ title })).toEqual(['title:законопроект об экстрадиции\n']);
  });
});

describe('feedItemKey', () => {
  it('is the guid, else the link, else a hash of the normalised title and date', () => {
    expect([
      feedItemKey({ guid: 'g', link: 'https://news.example/a', title: 'T' }),
      feedItemKey({ link: 'https://news.example/a', title: 'T' }),
      feedItemKey({ title: ' A  b ' }) === feedItemKey({ title: 'a b' }),
      feedItemKey({ title: 'a b', publishedAt: '2024-10-02T09:30:00.000Z' }) === feedItemKey({ title: 'a b' }),
    ]).toEqual(['g', 'https://news.example/a', true, false]);
  });
});

describe('normaliseLink: what it keeps', () => {
  it('drops every tracking parameter, in any case', () => {
    const tracking = 'UTM_Source=x&MSCLKID=1&dclid=1&gbraid=1&wbraid=1&mc_cid=1&mc_eid=1&igshid=1&ref_src=1&_ga=1&_gl=1&gclid=1';

    expect(normaliseLink(`https://news.example/a?${tracking}&id=7`)).toBe('news.example/a?id=7');
  });

  it('keeps a parameter whose name only contains a tracking parameter\'s', () => {
    expect(normaliseLink('https://news.example/a?_gallery=2&page_ref_src=1&xutm_a=3')).toBe('news.example/a?_gallery=2&page_ref_src=1&xutm_a=3');
  });

  it('sorts repeated parameters by value, and writes every parameter encoded one way', () => {
    expect(normaliseLink('https://news.example/a?b=2&b=1&a=3')).toBe('news.example/a?a=3&b=1&b=2');
    expect(normaliseLink('https://news.example/a?q=a+b&r=%D0%B0')).toBe(normaliseLink('https://news.example/a?r=а&q=a%20b'));
  });

  it('reads a link with white space around it that the URL parser does not remove, such as a non-breaking space', () => {
    expect(normaliseLink('\u00A0https://news.example/a\u00A0')).toBe('news.example/a');
  });

  it('keeps a www. that does not start the host, a port other than the default, and removes every trailing slash', () => {
    expect(normaliseLink('https://sub.www.example/a')).toBe('sub.www.example/a');
    expect(normaliseLink('https://news.example:8080/a//')).toBe('news.example:8080/a');
  });
});

describe('feedItemIdentities: items with little to go by', () => {
  it('recognises an item with a link and no guid or date by its link alone', () => {
    expect(feedItemIdentities({ link: 'https://news.example/a', title: 'T' })).toEqual(['link:news.example/a']);
  });

  it('recognises an item by its title when its only link is no web address', () => {
    expect(feedItemIdentities({ link: 'urn:x', title: 'T' })).toEqual(['title:t\n']);
    expect(feedItemIdentities({ guid: 'g', link: 'urn:x', title: 'T' })).toEqual(['guid:g']);
  });

  it('lists a guid and a link that name the same page once', () => {
    expect(feedItemIdentities({ guid: 'https://news.example/a', link: 'https://news.example/a/', title: 'T', publishedAt: 'D' })).toEqual([
      'link:news.example/a',
      'title:t\nD',
    ]);
  });
});

describe('feedItemKey: keys already stored', () => {
  it('hashes the normalised title and the date as keys stored before did, so no stored item alerts again', () => {
    // The SHA-256 of "a b\n" and of "a b\n2024-10-02T09:30:00.000Z".
    expect([feedItemKey({ title: ' A  B ' }), feedItemKey({ title: 'a b', publishedAt: '2024-10-02T09:30:00.000Z' })]).toEqual([
      'sha256:01186fcf04b4b447f393e552964c08c7b419c1ad7a25c342a0b631b1967d3a27',
      'sha256:2cf950f5d1fd618b7c7647d4380013fb96285e1abf1c403c19fa9d7044f57577',
    ]);
  });
});
