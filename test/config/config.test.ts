import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../shared/config/config.js';

describe('loadConfig', () => {
  it('gives the documented defaults for an empty environment', () => {
    const config = loadConfig({});

    expect(config.tableName).toBe('duma-alerts');
    expect(config.sozd.baseUrl).toBe('https://sozd.duma.gov.ru');
    expect(config.schedules.pollBills).toBe('*/10 * * * *');
    expect(config.sozd.proxyUrl).toBeUndefined();
  });

  it('reads the environment, which wins over the config file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'config-'));
    const file = join(dir, 'config.json');
    writeFileSync(file, JSON.stringify({ sozd: { proxyUrl: 'http://file-proxy:3128', timeoutMs: 5000 } }));

    const config = loadConfig({ DUMA_ALERTS_CONFIG: file, DUMA_PROXY_URL: 'http://user:pw@ru-proxy:3128', TOKEN_SECRETS: `${'a'.repeat(32)}, ${'b'.repeat(32)}` });

    expect(config.sozd.proxyUrl).toBe('http://user:pw@ru-proxy:3128');
    expect(config.sozd.timeoutMs).toBe(5000);
    expect(config.tokenSecrets).toEqual(['a'.repeat(32), 'b'.repeat(32)]);
  });

  it('names each bad field and its variable', () => {
    expect(() => loadConfig({ DUMA_PROXY_URL: 'not a url', POLL_BILLS_SCHEDULE: 'often', SOZD_TIMEOUT_MS: '-1' })).toThrow(ConfigError);
    try {
      loadConfig({ DUMA_PROXY_URL: 'not a url', POLL_BILLS_SCHEDULE: 'often', SOZD_TIMEOUT_MS: '-1' });
    } catch (error) {
      const message = (error as Error).message;
      expect(message).toContain('sozd.proxyUrl (DUMA_PROXY_URL)');
      expect(message).toContain('schedules.pollBills (POLL_BILLS_SCHEDULE)');
      expect(message).toContain('sozd.timeoutMs (SOZD_TIMEOUT_MS)');
    }
  });

  it('caps what one subscriber follows at 100 bills and 50 topics by default, configurable within 200 and 50', () => {
    const configured = loadConfig({ MAX_BILLS_PER_SUBSCRIBER: '20', MAX_TOPICS_PER_SUBSCRIBER: '5' });

    expect(loadConfig({}).subscriberLimits).toEqual({ maxBills: 100, maxTopics: 50, maxOrigins: 20 });
    expect(configured.subscriberLimits).toEqual({ maxBills: 20, maxTopics: 5, maxOrigins: 20 });
    expect(() => loadConfig({ MAX_BILLS_PER_SUBSCRIBER: '201' })).toThrow(/subscriberLimits\.maxBills \(MAX_BILLS_PER_SUBSCRIBER\)/);
  });

  it('takes a sender with a display name, encoding a non-ASCII one, and refuses a line break in it', () => {
    const senders = ['duma-alerts <alerts@example.org>', '"Дума: оповещения" <alerts@пример.рф>', 'alerts@example.org'];

    expect(senders.map((sender) => loadConfig({ SENDER_EMAIL: sender }).email.from)).toEqual([
      '"duma-alerts" <alerts@example.org>',
      `=?UTF-8?B?${Buffer.from('Дума: оповещения').toString('base64')}?= <alerts@xn--e1afmkfd.xn--p1ai>`,
      'alerts@example.org',
    ]);
    expect(() => loadConfig({ SENDER_EMAIL: 'x <alerts@example.org>\nBcc: victim@example.org' })).toThrow(/email\.from \(SENDER_EMAIL\)/);
  });

  it('asks for an https PUBLIC_BASE_URL when running in AWS, and allows http locally', () => {
    const lambda = { AWS_LAMBDA_FUNCTION_NAME: 'duma-alerts-api' };

    expect(loadConfig({ PUBLIC_BASE_URL: 'http://127.0.0.1:8787' }).publicBaseUrl).toBe('http://127.0.0.1:8787');
    expect(loadConfig({ ...lambda, PUBLIC_BASE_URL: 'https://alerts.example.org' }).deployed).toBe(true);
    expect(() => loadConfig({ ...lambda, PUBLIC_BASE_URL: 'http://alerts.example.org' })).toThrow(/publicBaseUrl \(PUBLIC_BASE_URL\): must be an https URL when running in AWS/);
  });

  it('refuses a config file that is not JSON, naming the file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'config-'));
    const file = join(dir, 'broken.json');
    writeFileSync(file, '{ nope');

    expect(() => loadConfig({ DUMA_ALERTS_CONFIG: file })).toThrow(new RegExp(`${file.replace(/[/.]/g, '\\$&')} is not a JSON object`));
  });
});
