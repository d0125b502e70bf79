import { describe, expect, it } from 'vitest';
import { ParametersError, readParameters } from '../../infra/parameters.js';

const read = (context: Record<string, unknown>) => readParameters((key) => context[key]);
const required = { senderEmail: 'alerts@duma-alerts.test', alarmEmail: 'ops@duma-alerts.test' };

describe('readParameters', () => {
  it('fills every optional parameter with its documented default', () => {
    // Act
    const parameters = read(required);

    // Assert
    expect(parameters).toEqual({
      stackName: 'DumaAlerts',
      senderEmail: 'alerts@duma-alerts.test',
      alarmEmail: 'ops@duma-alerts.test',
      pollBillsRateMinutes: 10,
      pollFeedsRateMinutes: 15,
      sweepRateMinutes: 2,
      digestsRateMinutes: 60,
      digestHour: 8,
      redriveWebhooksRateMinutes: 1,
      logLevel: 'INFO',
      logRetentionDays: 30,
      apiRateLimit: 50,
      apiBurstLimit: 100,
      emailMaxConcurrency: 2,
      queueAgeAlarmMinutes: 30,
      mailFromSubdomain: 'mail',
      sesMaxSendRate: 1,
      sourceErrorsPerHourAlarm: 30,
      bounceRateAlarm: 0.04,
      complaintRateAlarm: 0.0008,
    });
  });

  it('accepts the strings that `cdk -c name=value` passes, including feeds as JSON', () => {
    // Act
    const parameters = read({
      ...required,
      pollBillsRateMinutes: '5',
      feeds: '[{"id":"meduza-ru","url":"https://meduza.io/rss/all","language":"ru","label":"Meduza"}]',
      senderIdentity: 'duma-alerts.test',
    });

    // Assert
    expect(parameters.pollBillsRateMinutes).toBe(5);
    expect(parameters.feeds).toEqual([{ id: 'meduza-ru', url: 'https://meduza.io/rss/all', language: 'ru', label: 'Meduza' }]);
    expect(parameters.senderIdentity).toBe('duma-alerts.test');
  });

  it('names every missing or bad parameter in one error', () => {
    // Act
    const attempt = () => read({ senderEmail: 'not-an-address', pollBillsRateMinutes: '0', digestHour: '24', logRetentionDays: 10 });

    // Assert
    expect(attempt).toThrow(ParametersError);
    expect(attempt).toThrow(
      'Invalid parameters in cdk.json context (set them under "context" in cdk.json or with -c name=value):\n' +
        '  senderEmail: Invalid email address\n' +
        '  alarmEmail: required but missing\n' +
        '  pollBillsRateMinutes: Too small: expected number to be >=1\n' +
        '  digestHour: Too big: expected number to be <=23\n' +
        '  logRetentionDays: one of 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653',
    );
  });

  it('refuses a sender identity that does not cover the sender address', () => {
    // Act
    const attempt = () => read({ ...required, senderIdentity: 'example.org' });

    // Assert
    expect(attempt).toThrow('senderIdentity: must be senderEmail itself or the domain it is in, or SES will refuse to send from it');
  });

  it('refuses a send pace at which one send-email batch of 10 cannot go out within its 30 s timeout', () => {
    // Act: 1 email/s shared by 4 invocations is 0.25/s each, 40 s for a batch.
    const attempt = () => read({ ...required, sesMaxSendRate: '1', emailMaxConcurrency: '4' });

    // Assert
    expect(attempt).toThrow(
      'sesMaxSendRate: ÷ emailMaxConcurrency must let one send-email batch (10 emails) go out within 30 s: lower emailMaxConcurrency',
    );
    expect(read({ ...required, sesMaxSendRate: '14', emailMaxConcurrency: '40' }).emailMaxConcurrency).toBe(40);
  });

  it('reports feeds that are not JSON as a parameter error, not a crash', () => {
    // Act
    const attempt = () => read({ ...required, feeds: '[{oops' });

    // Assert
    expect(attempt).toThrow(ParametersError);
    expect(attempt).toThrow(/feeds: not valid JSON/);
  });
});
