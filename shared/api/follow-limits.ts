import { overLimits, type FollowedLists } from '../subscriptions/subscription-preferences.js';
import type { ApiDependencies } from './api-dependencies.js';
import { HttpError } from './http-error.js';

/**
 * Refuses, with a 400 naming each field, preferences that follow more than one subscriber may (config
 * `subscriberLimits`): public sign-ups must not grow the watch list without bound.
 */
export function assertWithinLimits(preferences: FollowedLists, deps: Pick<ApiDependencies, 'followLimits'>): void {
  const issues = Object.entries(overLimits(preferences, deps.followLimits)).map(([field, message]) => ({ field: `body.${field}`, message }));
  if (issues.length > 0) throw new HttpError(400, 'validation_failed', `invalid ${issues.map((issue) => issue.field).join(', ')}`, issues);
}
