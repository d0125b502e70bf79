import * as z from 'zod';
import { TopicQueryTextSchema } from '../topics/topic-query-schema.js';

/**
 * A topic a subscriber follows: a saved query that must parse (shared/topics), trimmed. The one place that
 * decides what a valid topic is, for sign-up, the preference pages and the admin API.
 */
export const TopicSchema = z.string().trim().min(1, 'a topic cannot be empty').max(500).pipe(TopicQueryTextSchema);
