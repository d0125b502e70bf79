import { describe, expect, it } from 'vitest';
import { nextPoll } from '../../shared/pipeline/next-poll.js';

const SETTINGS = { activeEveryMinutes: 10, dormantEveryMinutes: 120, restingEveryMinutes: 1440 };
const NOW = new Date('2026-12-02T12:00:00Z');
const LAST_RUN = '2026-12-02T11:55:00Z';

describe('a watched bill\'s next poll, said before it happens', () => {
  it('is the next run for an active bill and for one not filed in a tier yet', () => {
    // Act
    const active = nextPoll({ number: '1-8', tier: 'active' }, {}, SETTINGS, LAST_RUN, NOW);
    const unfiled = nextPoll({ number: '1-8' }, {}, SETTINGS, LAST_RUN, NOW);

    // Assert
    expect(active).toEqual({ kind: 'next-run', tier: 'active', at: '2026-12-02T12:05:00.000Z' });
    expect(unfiled).toEqual({ kind: 'next-run', tier: undefined, at: '2026-12-02T12:05:00.000Z' });
  });

  it('is now when the runs are late or none ran yet', () => {
    // Act
    const late = nextPoll({ number: '1-8', tier: 'active' }, {}, SETTINGS, '2026-12-02T10:00:00Z', NOW);
    const first = nextPoll({ number: '1-8', tier: 'active' }, {}, SETTINGS, undefined, NOW);

    // Assert
    expect([late.at, first.at]).toEqual([NOW.toISOString(), NOW.toISOString()]);
  });

  it('is the next run for a dormant bill its tier\'s current pass has not reached yet', () => {
    // Arrange
    const passes = { dormant: { tier: 'dormant' as const, startedAt: '2026-12-02T11:55:00Z', cursor: '200-8', done: false } };

    // Act
    const ahead = nextPoll({ number: '300-8', tier: 'dormant' }, passes, SETTINGS, LAST_RUN, NOW);

    // Assert
    expect(ahead).toEqual({ kind: 'next-run', tier: 'dormant', at: '2026-12-02T12:05:00.000Z' });
  });

  it('is the first run of the next pass for a dormant bill already polled in this one, half a run early at most', () => {
    // Arrange: the pass started at 11:55 and passed the bill; the next may start at 13:55 less 5 minutes of slack.
    const passes = { dormant: { tier: 'dormant' as const, startedAt: '2026-12-02T11:55:00Z', cursor: '200-8', done: false } };

    // Act
    const behind = nextPoll({ number: '100-8', tier: 'dormant' }, passes, SETTINGS, LAST_RUN, NOW);
    const finished = nextPoll({ number: '300-8', tier: 'dormant' }, { dormant: { ...passes.dormant, done: true } }, SETTINGS, LAST_RUN, NOW);

    // Assert
    expect(behind).toEqual({ kind: 'next-pass', tier: 'dormant', at: '2026-12-02T13:55:00.000Z' });
    expect(finished).toEqual(behind);
  });

  it('waits out the back-off of a bill sozd does not have yet', () => {
    // Act
    const missing = nextPoll({ number: '1-8', tier: 'active', missingRetryAt: '2026-12-02T18:00:00Z' }, {}, SETTINGS, LAST_RUN, NOW);

    // Assert
    expect(missing).toEqual({ kind: 'backoff', tier: 'active', at: '2026-12-02T18:00:00Z' });
  });
});
