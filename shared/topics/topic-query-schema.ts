import * as z from 'zod';
import { parseTopicQuery } from './parse-topic-query.js';
import { TopicQueryError } from './topic-query-error.js';

/** A topic query as an API accepts it: a string that parses, with the parser's message (and position) on failure. */
export const TopicQueryTextSchema = z.string().superRefine((text, context) => {
  try {
    parseTopicQuery(text);
  } catch (error) {
    if (!(error instanceof TopicQueryError)) throw error;
    context.addIssue({ code: 'custom', message: error.message, params: { position: error.position } });
  }
});
