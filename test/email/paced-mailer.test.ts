import { describe, expect, it } from 'vitest';
import { pacedMailer } from '../../shared/email/paced-mailer.js';
import type { Mailer, OutgoingEmail } from '../../shared/email/mailer.js';

const MESSAGE: OutgoingEmail = { to: 'reader@example.org', subject: 'Bill 1075342-8', text: 't', html: '<p>t</p>', headers: [] };
const counting = (): Mailer & { sent: number } => {
  const mailer = { sent: 0, send: async () => ({ messageId: String(++mailer.sent) }) };
  return mailer;
};

describe('pacedMailer', () => {
  it('spaces ten sends made at the same instant 250 ms apart at 4 a second, the first at once', async () => {
    // Arrange: time stands still; each caller says how long it waits.
    const waits: number[] = [];
    const inner = counting();
    const mailer = pacedMailer(inner, 4, { now: () => 1_000_000, sleep: async (ms) => void waits.push(ms) });

    // Act
    await Promise.all(Array.from({ length: 10 }, () => mailer.send(MESSAGE)));

    // Assert
    expect(waits).toEqual([250, 500, 750, 1000, 1250, 1500, 1750, 2000, 2250]);
    expect(inner.sent).toBe(10);
  });

  it('does not wait when sends come slower than the pace', async () => {
    // Arrange
    let now = 1_000_000;
    const waits: number[] = [];
    const mailer = pacedMailer(counting(), 2, { now: () => now, sleep: async (ms) => void waits.push(ms) });

    // Act
    await mailer.send(MESSAGE);
    now += 600;
    await mailer.send(MESSAGE);

    // Assert
    expect(waits).toEqual([]);
  });
});
