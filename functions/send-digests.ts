import { sendDueDigests } from '../shared/digests/send-digests.js';
import { sendDueWeekAheads } from '../shared/digests/send-week-ahead.js';
import { withFreshSecrets } from '../shared/runtime/function-config.js';
import { lambdaHandler } from '../shared/runtime/lambda-handler.js';
import { sendDigestsDependencies } from '../shared/runtime/send-digests-dependencies.js';

/** Scheduled (hourly): sends the daily and weekly digests whose local hour has come, then the week-ahead emails and posts due. */
export const handler = lambdaHandler(
  await withFreshSecrets((config) => {
    const deps = sendDigestsDependencies(config);
    return async () => ({ digests: await sendDueDigests(deps), weekAhead: await sendDueWeekAheads(deps) });
  }),
);
