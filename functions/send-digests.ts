import { sendDueDigests } from '../shared/digests/send-digests.js';
import { loadConfigWithSecrets } from '../shared/runtime/function-config.js';
import { sendDigestsDependencies } from '../shared/runtime/send-digests-dependencies.js';

const deps = sendDigestsDependencies(await loadConfigWithSecrets());

/** Scheduled (hourly): sends the daily and weekly digests whose local hour has come. */
export const handler = async () => sendDueDigests(deps);
