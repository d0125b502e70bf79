import { loadConfig } from '../shared/config/config.js';
import { sendDueDigests } from '../shared/digests/send-digests.js';
import { sendDigestsDependencies } from '../shared/runtime/dependencies.js';

const deps = sendDigestsDependencies(loadConfig());

/** Scheduled (hourly): sends the daily and weekly digests whose local hour has come. */
export const handler = async () => sendDueDigests(deps);
