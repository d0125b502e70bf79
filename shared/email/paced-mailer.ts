import type { Clock } from '../http/clock.js';
import type { Mailer } from './mailer.js';

/**
 * A mailer that starts at most `perSecond` sends a second, evenly spaced, however many callers send at once. With
 * send-email's maximum concurrency N and `perSecond` = the account's SES rate ÷ N, the whole service stays under
 * the SES sending rate without a shared counter (docs/deploy.md, "Send pace").
 */
export function pacedMailer(mailer: Mailer, perSecond: number, clock: Pick<Clock, 'now' | 'sleep'>): Mailer {
  const gapMs = 1000 / perSecond;
  let nextSlot = 0;
  return {
    async send(message) {
      const slot = Math.max(clock.now(), nextSlot);
      // Reserved before waiting, so concurrent callers queue behind one another.
      nextSlot = slot + gapMs;
      const wait = slot - clock.now();
      if (wait > 0) await clock.sleep(wait);
      return mailer.send(message);
    },
  };
}
