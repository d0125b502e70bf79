import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../shared/config/config.js';

function configErrorOf(env: Record<string, string>): string {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('feed configuration', () => {
  it('defaults to the feeds of the issue, each with its language and label, polled every 15 minutes', () => {
    const config = loadConfig({});

    expect(config.feeds.map((feed) => [feed.id, feed.url, feed.language])).toEqual([
      ['duma-news', 'http://duma.gov.ru/news/rss/', 'ru'],
      ['duma-api-bills', 'http://api.duma.gov.ru/api/search.rss', 'ru'],
      ['moscow-times-en', 'https://www.themoscowtimes.com/rss/news', 'en'],
      ['moscow-times-ru', 'https://ru.themoscowtimes.com/rss/news', 'ru'],
      ['meduza-en', 'https://meduza.io/rss/en/all', 'en'],
      ['meduza-ru', 'https://meduza.io/rss/all', 'ru'],
      ['tass-en', 'https://tass.com/rss/v2.xml', 'en'],
      ['tass-ru', 'https://tass.ru/rss/v2.xml', 'ru'],
    ]);
    expect(config.schedules.pollFeeds).toBe('*/15 * * * *');
  });

  it('takes the feed list from FEEDS as JSON', () => {
    const feeds = [{ id: 'local', url: 'http://127.0.0.1:9/feed.xml', language: 'en', label: 'Local' }];

    expect(loadConfig({ FEEDS: JSON.stringify(feeds) }).feeds).toEqual(feeds);
  });

  it('refuses FEEDS that is not JSON, repeats an id, or lacks a field, naming the variable', () => {
    const feed = { id: 'a', url: 'http://127.0.0.1:9/a.xml', language: 'ru', label: 'A' };

    expect(configErrorOf({ FEEDS: '[{' })).toMatch(/^Invalid configuration: feeds \(FEEDS\) is not JSON: /);
    expect(configErrorOf({ FEEDS: JSON.stringify([feed, feed]) })).toBe('Invalid configuration:\n  feeds (FEEDS): feed ids must be unique');
    expect(configErrorOf({ FEEDS: JSON.stringify([{ ...feed, language: 'de' }]) })).toContain('feeds.0.language');
  });
});
