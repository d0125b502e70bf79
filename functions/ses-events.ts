import type { SNSEvent } from 'aws-lambda';
import { loadConfig } from '../shared/config/config.js';
import { lambdaHandler } from '../shared/runtime/lambda-handler.js';
import { sesEventsDependencies } from '../shared/runtime/ses-events-dependencies.js';
import { handleSesEvents } from '../shared/subscriptions/ses-events.js';

const deps = sesEventsDependencies(loadConfig());

/** SNS subscriber of the SES configuration set's events: hard bounces and complaints are suppressed. */
export const handler = lambdaHandler(async (event: SNSEvent) => handleSesEvents(deps, event));
