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
