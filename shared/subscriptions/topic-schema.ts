import * as z from 'zod';
import { TopicQueryTextSchema } from '../topics/topic-query-schema.js';

// Bidirectional controls (embeddings, overrides, isolates, marks) reorder text where it is shown: an email subject.
const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;
// Every other control character, line breaks and tabs included: a topic is one line of text.
const CONTROLS = /[\p{Cc}\u2028\u2029]+/gu;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * A topic a subscriber follows: a saved query that must parse (shared/topics), as one normalised line: line breaks,
 * tabs and other control characters become a space, bidirectional controls go, runs of spaces are one, NFC. A query
 * with an unpaired surrogate is refused (it is not text). The one place that decides what a valid topic is, for
 * sign-up, the preference pages and the admin API.
 */
export const TopicSchema = z
  .string()
  .refine((text) => !LONE_SURROGATE.test(text), 'a topic must be text (it holds an unpaired surrogate)')
  .transform((text) => text.replace(BIDI_CONTROLS, '').replace(CONTROLS, ' ').replace(/\s+/g, ' ').trim().normalize('NFC'))
  .pipe(z.string().min(1, 'a topic cannot be empty').max(500).pipe(TopicQueryTextSchema));
