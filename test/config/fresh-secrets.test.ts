import { describe, expect, it } from 'vitest';
import { SECRETS_CACHE_MS, withFreshSecrets } from '../../shared/runtime/function-config.js';

/** The environment of a function whose token key is in Secrets Manager. */
const ENV = { TOKEN_SECRETS_ARN: 'arn:aws:secretsmanager:eu-central-1:111122223333:secret:token-AbCdEf', TABLE_NAME: 'duma-alerts-test' };
const OLD = 'o'.repeat(40);
const NEW = 'n'.repeat(40);

/** A Secrets Manager whose value the test changes, counting reads; and a clock the test moves. */
function world(initial: string, failing = false) {
  const state = { value: initial, reads: 0, failing, now: 1_000_000, builds: [] as string[][] };
  const read = async () => {
    state.reads++;
    if (state.failing) throw new Error('throttled');
    return state.value;
  };
  const handler = withFreshSecrets(
    (config) => {
      state.builds.push(config.tokenSecrets ?? []);
      const keys = config.tokenSecrets ?? [];
      return async () => keys;
    },
    { env: ENV, read, now: () => state.now },
  );
  return { state, handler };
}

describe('secrets held by a warm function', () => {
  it('reads the secret once at cold start and not again within the cache time', async () => {
    // Arrange
    const { state, handler } = world(OLD);
    const invoke = await handler;

    // Act
    state.now += SECRETS_CACHE_MS - 1;
    const keys = await invoke();

    // Assert
    expect([keys, state.reads, state.builds.length]).toEqual([[OLD], 1, 1]);
  });

  it('sees each rotation step once the cache time has passed: the new key as verifier, then as signer', async () => {
    // Arrange
    const { state, handler } = world(OLD);
    const invoke = await handler;

    // Act: step 1 adds the new key after the old one; step 2 promotes it.
    state.value = `${OLD},${NEW}`;
    const beforeExpiry = await invoke();
    state.now += SECRETS_CACHE_MS;
    const afterStep1 = await invoke();
    state.value = `${NEW},${OLD}`;
    state.now += SECRETS_CACHE_MS;
    const afterStep2 = await invoke();

    // Assert
    expect([beforeExpiry, afterStep1, afterStep2]).toEqual([[OLD], [OLD, NEW], [NEW, OLD]]);
  });

  it('rebuilds the handler only when a secret changed, and keeps the secrets it holds when a re-read fails', async () => {
    // Arrange
    const { state, handler } = world(OLD);
    const invoke = await handler;

    // Act
    state.now += SECRETS_CACHE_MS;
    await invoke();
    state.failing = true;
    state.now += SECRETS_CACHE_MS;
    const whileFailing = await invoke();

    // Assert
    expect([whileFailing, state.reads, state.builds.length]).toEqual([[OLD], 3, 1]);
  });

  it('fails at cold start when the secret cannot be read', async () => {
    // Arrange
    const { handler } = world(OLD, true);

    // Act + Assert
    await expect(handler).rejects.toThrow(`Invalid configuration: cannot read TOKEN_SECRETS_ARN (${ENV.TOKEN_SECRETS_ARN}): throttled`);
  });
});
