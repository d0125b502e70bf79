import type { Language } from '../../bill/stages.js';
import { escapeHtml } from '../../email/html-escape.js';
import type { TopicTrial } from '../../topics/try-topic.js';
import { paragraph, renderPage } from './layout.js';

const STRINGS = {
  en: {
    title: 'Try a topic on a headline',
    intro: 'See whether a topic would alert on a headline, and which words it finds, before you follow it.',
    topic: 'Topic',
    topicHint: 'As you would write it in your preferences: words, "a phrase", commas or OR for alternatives, NOT to exclude.',
    text: 'Headline',
    submit: 'Try it',
    matches: 'This topic matches the headline.',
    noMatch: 'This topic does not match the headline.',
    refused: 'This topic cannot be followed:',
    found: (term: string, words: string) => `${term}: found as ${words}`,
    missing: (term: string) => `${term}: not found`,
  },
  ru: {
    title: 'Проверить тему на заголовке',
    intro: 'Посмотрите, сработает ли тема на заголовке и какие слова она найдёт, прежде чем подписаться.',
    topic: 'Тема',
    topicHint: 'Как в настройках: слова, «фраза», запятая или ИЛИ для вариантов, НЕ чтобы исключить.',
    text: 'Заголовок',
    submit: 'Проверить',
    matches: 'Тема срабатывает на этом заголовке.',
    noMatch: 'Тема не срабатывает на этом заголовке.',
    refused: 'На такую тему подписаться нельзя:',
    found: (term: string, words: string) => `${term}: найдено как ${words}`,
    missing: (term: string) => `${term}: не найдено`,
  },
} satisfies Record<Language, unknown>;

/** Where the tester's form sends its GET: a page of its own, so it works without script and changes nothing. */
export const TOPIC_TESTER_PATH = '/topics/test';

/** The tester's form (topic and headline), as a section other pages include: the preferences page does. */
export function topicTesterForm(language: Language, values: { topic?: string; text?: string } = {}): string {
  const words = STRINGS[language];
  return [
    `<section aria-labelledby="topic-tester"><h2 id="topic-tester">${escapeHtml(words.title)}</h2>`,
    paragraph(words.intro, 'hint'),
    `<form method="get" action="${TOPIC_TESTER_PATH}">`,
    `<input type="hidden" name="lang" value="${language}">`,
    `<div class="field"><label for="tester-topic">${escapeHtml(words.topic)}</label><p class="hint" id="tester-topic-hint">${escapeHtml(words.topicHint)}</p>`,
    `<input type="text" id="tester-topic" name="topic" maxlength="500" aria-describedby="tester-topic-hint" value="${escapeHtml(values.topic ?? '')}"></div>`,
    `<div class="field"><label for="tester-text">${escapeHtml(words.text)}</label>`,
    `<textarea id="tester-text" name="text" rows="2" maxlength="2000">${escapeHtml(values.text ?? '')}</textarea></div>`,
    `<button type="submit" class="secondary">${escapeHtml(words.submit)}</button>`,
    '</form></section>',
  ].join('\n');
}

/** The tester's own page: the form, filled in, and the outcome of the last try when there was one. */
export function topicTesterPage(input: {
  language: Language;
  topic?: string;
  text?: string;
  trial?: TopicTrial;
  otherLanguageHref: string;
}): string {
  const words = STRINGS[input.language];
  return renderPage({
    language: input.language,
    title: words.title,
    otherLanguageHref: input.otherLanguageHref,
    main: [input.trial ? outcome(input.trial, input.language) : '', topicTesterForm(input.language, input)].join('\n'),
  });
}

function outcome(trial: TopicTrial, language: Language): string {
  const words = STRINGS[language];
  if (trial.match === null) {
    return `<div class="notice problem" role="alert">${paragraph(words.refused)}${paragraph(trial.error.message)}</div>`;
  }
  const lines = [
    ...trial.why.map((hit) => words.found(hit.term, hit.found.map((word) => `«${word}»`).join(', '))),
    ...trial.missing.map(words.missing),
  ];
  return [
    `<div class="notice${trial.match ? ' success' : ''}" role="status">`,
    paragraph(trial.match ? words.matches : words.noMatch),
    lines.length > 0 ? `<ul>${lines.map((line) => `<li>${escapeHtml(line)}</li>`).join('')}</ul>` : '',
    '</div>',
  ].join('');
}
