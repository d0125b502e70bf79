import * as z from 'zod';
import { TermHitSchema } from '../../topics/alert.js';
import { tryTopic } from '../../topics/try-topic.js';
import { ErrorSchema } from '../api-schemas.js';
import { HttpError } from '../http-error.js';
import { errorPage } from '../pages/error-page.js';
import { withLanguage } from '../pages/layout.js';
import { pageLanguage } from '../pages/page-language.js';
import { pageStrings } from '../pages/page-strings.js';
import { TOPIC_TESTER_PATH, topicTesterPage } from '../pages/topic-tester.js';
import { htmlResponse, jsonResponse } from '../responses.js';
import { defineRoute } from '../route.js';

// A headline and a news summary as long as real ones get; the query's own limit (500) is the parser's to state.
const MAX_QUERY_CHARACTERS = 2_000;
const MAX_TEXT_CHARACTERS = 2_000;
const MAX_SUMMARY_CHARACTERS = 20_000;

const TopicTestRequestSchema = z.strictObject({
  query: z.string().min(1).max(MAX_QUERY_CHARACTERS).describe('A topic query, as a subscriber would follow it.'),
  text: z.string().min(1).max(MAX_TEXT_CHARACTERS).describe('A headline, matched as an alert’s title.'),
  summary: z.string().max(MAX_SUMMARY_CHARACTERS).optional().describe('A news summary, matched as an alert’s summary.'),
});

const TopicTestResultSchema = z.object({
  match: z.boolean(),
  why: z.array(TermHitSchema).describe('For a match the words an alert would show; otherwise every term found, to tell why not.'),
  missing: z.array(z.string()).describe('Terms of the query found nowhere.'),
});

/** POST /api/topics/test: whether a topic matches a headline (and summary), and why. */
export const topicTestApiRoute = defineRoute({
  method: 'POST',
  path: '/api/topics/test',
  operationId: 'testTopic',
  summary: 'Try a topic query on a headline exactly as alerts match news: whether it matches, and which words were found where.',
  tag: 'subscriptions',
  body: { kind: 'json', schema: TopicTestRequestSchema },
  responses: {
    200: { description: 'The outcome, match or not.', json: TopicTestResultSchema },
    400: { description: 'A malformed body, or a query that cannot be followed (code `invalid_query`, the parser’s message).', json: ErrorSchema },
  },
  async handle({ body }) {
    const trial = tryTopic(body.query, body);
    if (trial.match === null) {
      throw new HttpError(400, 'invalid_query', trial.error.message, [{ field: 'body.query', message: trial.error.message }]);
    }
    return jsonResponse(200, trial);
  },
});

const TesterQuerySchema = z.object({
  topic: z.string().max(MAX_QUERY_CHARACTERS).optional(),
  text: z.string().max(MAX_TEXT_CHARACTERS).optional(),
  lang: z.enum(['ru', 'en']).optional().catch(undefined),
});

/** GET /topics/test: the tester as a page of its own (the preferences page's form lands here); reads nothing stored. */
export const topicTesterPageRoute = defineRoute({
  method: 'GET',
  path: TOPIC_TESTER_PATH,
  operationId: 'topicTesterPage',
  summary: 'Try a topic on a headline (HTML): the form, and the outcome when `topic` and `text` are given.',
  tag: 'pages',
  query: TesterQuerySchema,
  responses: { 200: { description: 'The tester.', html: true }, 400: { description: 'A topic or headline too long.', html: true } },
  async handle({ request, query }) {
    const language = pageLanguage(request);
    const { topic, text } = query;
    const trial = topic?.trim() && text?.trim() ? tryTopic(topic, { text }) : undefined;
    const filled = { ...(topic === undefined ? {} : { topic }), ...(text === undefined ? {} : { text }) };
    return htmlResponse(
      200,
      topicTesterPage({
        language,
        ...filled,
        ...(trial ? { trial } : {}),
        otherLanguageHref: withLanguage(TOPIC_TESTER_PATH, filled, pageStrings(language).otherLanguage.code),
      }),
    );
  },
  renderError: errorPage,
});
