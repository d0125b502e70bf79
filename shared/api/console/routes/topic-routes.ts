import * as z from 'zod';
import { escapeHtml } from '../../../email/html-escape.js';
import type { Page } from '../../../store/subscription-store.js';
import type { TopicMatchAlert } from '../../../topics/alert.js';
import { topicKeyOfText } from '../../../topics/topic-key.js';
import { tryTopic } from '../../../topics/try-topic.js';
import type { ConsoleAppDependencies } from '../../api-dependencies.js';
import { TopicIdParamsSchema } from '../../api-schemas.js';
import { HttpError } from '../../http-error.js';
import { htmlResponse } from '../../responses.js';
import { withCursor } from '../../with-cursor.js';
import { badge, CONSOLE_ROOT, consoleHref, consolePage, dataTable, link, pager, timeText, type ConsoleView } from '../console-page.js';
import { ConsolePageQuerySchema, consoleRoute } from '../console-route.js';
import { followerHeaders, followerRows } from '../follower-rows.js';

const TOPICS = `${CONSOLE_ROOT}/topics`;
/** A query that no longer parses has no key, so nothing can be filed under it. */
const noMatches: Page<TopicMatchAlert> = { items: [] };
const PER_PAGE = 25;
/** Followers counted per topic in the list; more shows as "100+" (the topic's page lists them all). */
const COUNTED_FOLLOWERS = 100;

const TryFormSchema = z.object({
  query: z.string().trim().min(1).max(500),
  headline: z.string().trim().min(1).max(1000),
  summary: z.string().trim().max(4000).default(''),
});
type TryForm = z.infer<typeof TryFormSchema>;

/** GET /admin/topics: every topic followed, its follower count, and the "try on a headline" box. */
export const consoleTopicsRoute = consoleRoute({
  method: 'GET',
  path: TOPICS,
  operationId: 'consoleTopics',
  query: ConsolePageQuerySchema,
  async handle({ query, deps }, view) {
    return htmlResponse(200, await topicsPage(deps, view, query.cursor));
  },
});

/** POST /admin/topics/try: the same page with the query tried on the headline; nothing is saved or sent. */
export const consoleTryTopicRoute = consoleRoute({
  method: 'POST',
  path: `${TOPICS}/try`,
  operationId: 'consoleTryTopic',
  query: ConsolePageQuerySchema,
  form: TryFormSchema,
  async handle({ body, deps }, view) {
    return htmlResponse(200, await topicsPage(deps, view, undefined, body));
  },
});

/** GET /admin/topics/{topicId}: one topic, its followers and the alerts it raised, each a page at a time. */
export const consoleTopicRoute = consoleRoute({
  method: 'GET',
  path: `${TOPICS}/{topicId}`,
  operationId: 'consoleTopic',
  params: TopicIdParamsSchema,
  query: ConsolePageQuerySchema.extend({ matches: z.string().max(2048).optional() }),
  async handle({ params, query, deps }, view) {
    const { words, language } = view;
    const topic = await deps.subscriptions.getTopic(params.topicId);
    if (!topic) throw new HttpError(404, 'not_found', words.topics.notFound);
    const key = topicKeyOfText(topic.query);
    const [followers, matches] = await Promise.all([
      withCursor(() => deps.console.topics.followerPage(topic.topicId, { limit: PER_PAGE, cursor: query.cursor })),
      key ? withCursor(() => deps.console.alerts.listTopicMatches(key, { limit: PER_PAGE, cursor: query.matches })) : noMatches,
    ]);
    const matchColumns = words.topics.matchColumns;
    const matchRows = matches.items.map((alert) => [
      timeText(alert.createdAt, language),
      `${alert.item.link ? `<a href="${escapeHtml(alert.item.link)}" rel="noreferrer">${escapeHtml(alert.item.title)}</a>` : escapeHtml(alert.item.title)}${
        alert.item.sourceLabel ? `<br><span class="detail">${escapeHtml(alert.item.sourceLabel)}</span>` : ''
      }`,
      hitsList(alert.why, view),
    ]);
    const pageQuery = { cursor: query.cursor, matches: query.matches };
    const main = [
      `<h2>${escapeHtml(words.topics.followersTitle)}</h2>`,
      dataTable(words.topics.followersTitle, followerHeaders(view), await followerRows(followers.items, deps, view), words.none),
      pager(words, language, `${TOPICS}/${topic.topicId}`, pageQuery, followers.cursor),
      `<h2>${escapeHtml(words.topics.matchesTitle)}</h2>`,
      dataTable(words.topics.matchesTitle, [matchColumns.when, matchColumns.item, matchColumns.why], matchRows, words.topics.noMatches),
      pager(words, language, `${TOPICS}/${topic.topicId}`, pageQuery, matches.cursor, 'matches'),
    ].join('\n');
    return htmlResponse(200, consolePage(view, { section: 'topics', title: topic.query, main }));
  },
});

async function topicsPage(deps: ConsoleAppDependencies, view: ConsoleView, cursor: string | undefined, tried?: TryForm): Promise<string> {
  const { words, language } = view;
  const page = await withCursor(() => deps.subscriptions.listTopics({ limit: PER_PAGE, cursor }));
  const rows = await Promise.all(
    page.items.map(async (topic) => {
      const followers = await deps.console.topics.followerPage(topic.topicId, { limit: COUNTED_FOLLOWERS });
      return [
        link(consoleHref(`${TOPICS}/${topic.topicId}`, language), topic.query),
        escapeHtml(`${followers.items.length}${followers.cursor ? '+' : ''}`),
      ];
    }),
  );
  const main = [
    `<p>${escapeHtml(words.topics.intro)}</p>`,
    dataTable(words.sections.topics, [words.topics.columns.query, words.topics.columns.followers], rows, words.none),
    pager(words, language, TOPICS, { cursor }, page.cursor),
    tryBox(view, tried),
  ].join('\n');
  return consolePage(view, { section: 'topics', title: words.sections.topics, main });
}

function tryBox(view: ConsoleView, tried: TryForm | undefined): string {
  const { words, language } = view;
  const field = (name: keyof TryForm, label: string, multiline: boolean) =>
    `<div class="field"><label for="try-${name}">${escapeHtml(label)}</label>${
      multiline
        ? `<textarea id="try-${name}" name="${name}" rows="2">${escapeHtml(tried?.[name] ?? '')}</textarea>`
        : `<input type="text" id="try-${name}" name="${name}" value="${escapeHtml(tried?.[name] ?? '')}"${name === 'summary' ? '' : ' required'}>`
    }</div>`;
  return [
    `<section aria-labelledby="try"><h2 id="try">${escapeHtml(words.topics.tryTitle)}</h2>`,
    `<p>${escapeHtml(words.topics.tryIntro)}</p>`,
    `<form method="post" action="${escapeHtml(consoleHref(`${TOPICS}/try`, language))}">`,
    `<input type="hidden" name="csrf" value="${escapeHtml(view.csrfToken)}">`,
    field('query', words.topics.query, false),
    field('headline', words.topics.headline, false),
    field('summary', words.topics.summary, true),
    `<button type="submit">${escapeHtml(words.topics.tryButton)}</button></form>`,
    tried ? `<div class="result" role="status">${tryResult(view, tried)}</div>` : '',
    '</section>',
  ].join('\n');
}

/** The verdict of trying a query (shared/topics/try-topic.ts), with where each term was found and which were not. */
function tryResult(view: ConsoleView, tried: TryForm): string {
  const { words } = view;
  const trial = tryTopic(tried.query, { text: tried.headline, ...(tried.summary ? { summary: tried.summary } : {}) });
  if (trial.match === null) return `<p>${badge(words.topics.badQuery(trial.error.problem), 'bad')}</p>`;
  const missing = trial.missing.length > 0 ? `<p class="detail">${escapeHtml(words.topics.missingTerms(trial.missing.join(', ')))}</p>` : '';
  return `<p>${trial.match ? badge(words.topics.matches, 'ok') : badge(words.topics.noMatch, 'neutral')}</p>${hitsList(trial.why, view)}${missing}`;
}

function hitsList(hits: readonly { term: string; field: string; found: string[] }[], view: ConsoleView): string {
  if (hits.length === 0) return '';
  return `<ul class="hits">${hits.map((hit) => `<li>${escapeHtml(view.words.topics.foundIn(hit.term, hit.field, hit.found.join(', ')))}</li>`).join('')}</ul>`;
}
