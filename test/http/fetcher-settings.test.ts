import { describe, expect, it } from 'vitest';
import { createPoliteFetcher } from '../../shared/http/polite-fetcher.js';
import { testSettings } from './test-settings.js';

describe('polite fetcher settings', () => {
  it('names every invalid field in one error', () => {
    const create = () =>
      createPoliteFetcher(testSettings({ userAgent: '', timeoutMs: 0, maxInFlightPerHost: 1.5, minGapMsPerHost: -1 }));

    expect(create).toThrowError(/userAgent[\s\S]*timeoutMs[\s\S]*maxInFlightPerHost[\s\S]*minGapMsPerHost/);
  });

  it('refuses a User-Agent that would inject a header', () => {
    expect(() => createPoliteFetcher(testSettings({ userAgent: 'bot\r\nX-Evil: 1' }))).toThrowError(
      /userAgent must be a single line/,
    );
  });

  it.each(['socks5://alice:hunter2@127.0.0.1:1080', 'alice:hunter2@proxy', 'ftp://alice:hunter2@proxy'])(
    'refuses proxy URL %j without echoing its credentials',
    (proxyUrl) => {
      let message = '';
      try {
        createPoliteFetcher(testSettings({ proxyUrl }));
      } catch (error) {
        message = (error as Error).message;
      }

      expect(message).toContain('proxyUrl must be an http:// or https:// URL');
      expect(message).not.toContain('hunter2');
    },
  );
});
