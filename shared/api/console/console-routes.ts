import type { ConsoleRoute } from './console-route.js';
import * as bills from './routes/bill-routes.js';
import * as endpoints from './routes/endpoint-routes.js';
import * as feeds from './routes/feed-routes.js';
import * as origins from './routes/origin-routes.js';
import * as queues from './routes/queue-routes.js';
import * as signIn from './routes/sign-in-routes.js';
import * as subscribers from './routes/subscriber-routes.js';
import * as topics from './routes/topic-routes.js';

/** Every route of the operator's console at /admin (HTML, behind the operator's session; not in the OpenAPI document). */
export const CONSOLE_ROUTES: readonly ConsoleRoute[] = [
  signIn.consoleHomeRoute,
  signIn.consoleSignInPageRoute,
  signIn.consoleSignInRoute,
  signIn.consoleSignOutRoute,
  bills.consoleBillsRoute,
  bills.consoleWatchBillRoute,
  bills.consoleUnwatchBillRoute,
  bills.consoleBillRoute,
  bills.consoleChangeRoute,
  subscribers.consoleSubscribersRoute,
  subscribers.consoleUnsubscribeRoute,
  topics.consoleTopicsRoute,
  topics.consoleTryTopicRoute,
  topics.consoleTopicRoute,
  origins.consoleOriginsRoute,
  origins.consoleOriginRoute,
  endpoints.consoleEndpointsRoute,
  endpoints.consoleRegisterEndpointRoute,
  endpoints.consoleEndpointRoute,
  endpoints.consolePingEndpointRoute,
  endpoints.consoleDisableEndpointRoute,
  endpoints.consoleEnableEndpointRoute,
  endpoints.consoleEndpointFollowsRoute,
  endpoints.consoleEndpointWeekAheadRoute,
  feeds.consoleFeedsRoute,
  feeds.consoleFeedRoute,
  queues.consoleQueuesRoute,
  queues.consoleRedriveRoute,
];
