import type { Bill } from '../../bill/bill.js';
import { stageName, type Language } from '../../bill/stages.js';
import { escapeHtml } from '../../email/html-escape.js';
import { formatMoscowDate } from '../../email/moscow-date.js';
import { webLink } from '../../email/web-link.js';
import { billStrings, type BillStrings } from '../../syndication/bill-strings.js';
import { billTimeline, plannedItems, type TimelineDocument, type TimelineItem } from '../../syndication/bill-timeline.js';
import { billPagePath, eventAnchor } from '../../syndication/public-urls.js';
import { hasCyrillic } from '../../vocabulary/translate-sozd-text.js';
import { lawNumberText, sozdText } from '../../vocabulary/sozd-text.js';
import { paragraph, renderPage } from './layout.js';
import { pageStrings } from './page-strings.js';

/**
 * The public page of a bill: its facts, the feeds, a "follow this bill" form, the timeline of its events (newest
 * first) and its planned events. The page is the same for every reader of a language (it is cached publicly), so the
 * follow form carries no per-reader token: it opens the sign-up form with the bill filled in, and the double opt-in
 * runs from there.
 */
export function billPage(input: { language: Language; bill: Bill }): string {
  const { bill, language } = input;
  const words = billStrings(language);
  const path = billPagePath(bill.number);
  const sozd = webLink(bill.url);
  const titleLabel = language === 'en' && hasCyrillic(bill.title) ? words.titleOriginal : words.title;
  const facts: [string, string][] = [
    [titleLabel, escapeHtml(bill.title)],
    [words.stage, escapeHtml(bill.currentStage ? stageName(bill.currentStage, language) : '—')],
    [words.status, escapeHtml(bill.status ? sozdText('status', bill.status, language) : '—')],
    ...(bill.lawNumber ? [[words.lawNumber, escapeHtml(lawNumberText(bill.lawNumber, language))] as [string, string]] : []),
    ...(sozd ? [[words.sozd, `<a href="${escapeHtml(sozd)}">${escapeHtml(sozd)}</a>`] as [string, string]] : []),
  ];
  const timeline = billTimeline(bill, language).reverse();
  const planned = plannedItems(bill, language);
  return renderPage({
    language,
    title: words.billLabel(bill.number),
    otherLanguageHref: `${path}?lang=${pageStrings(language).otherLanguage.code}`,
    main: [
      `<dl class="facts">${facts.map(([term, value]) => `<dt>${escapeHtml(term)}</dt><dd>${value}</dd>`).join('')}</dl>`,
      section('follow', words.follow.title, [
        paragraph(words.follow.intro),
        `<form method="get" action="/">`,
        `<input type="hidden" name="bill" value="${escapeHtml(bill.number)}">`,
        `<input type="hidden" name="lang" value="${language}">`,
        `<button type="submit">${escapeHtml(words.follow.submit)}</button>`,
        '</form>',
      ]),
      section('feeds', words.feeds, [
        '<ul>',
        `<li><a href="${path}/feed.atom?lang=${language}" type="application/atom+xml">${escapeHtml(words.atomFeed)}</a></li>`,
        `<li><a href="${path}/calendar.ics?lang=${language}" type="text/calendar">${escapeHtml(words.calendar)}</a></li>`,
        '</ul>',
        paragraph(words.feedsHint, 'hint'),
      ]),
      section('planned', words.planned, [
        planned.length === 0
          ? paragraph(words.noPlanned, 'empty')
          : [
              paragraph(words.plannedCaveat, 'hint'),
              `<ul class="planned">${planned
                .map(
                  (item) =>
                    `<li><strong>${escapeHtml(item.name)}</strong> — ${escapeHtml(item.stage)}<br>${
                      item.event.date
                        ? `<time datetime="${escapeHtml(item.event.date)}">${escapeHtml(formatMoscowDate(item.event.date, language))}</time>`
                        : `<span class="detail">${escapeHtml(words.dateNotFixed)}</span>`
                    }${documentList(item.documents, words)}</li>`,
                )
                .join('')}</ul>`,
            ].join(''),
      ]),
      section('timeline', words.timeline, [
        timeline.length === 0 ? paragraph(words.noEvents, 'empty') : `<ol class="timeline" reversed>${timeline.map((item) => timelineEntry(item, words, language)).join('')}</ol>`,
      ]),
    ].join('\n'),
  });
}

function section(id: string, heading: string, content: string[]): string {
  return `<section aria-labelledby="${id}"><h2 id="${id}">${escapeHtml(heading)}</h2>${content.join('\n')}</section>`;
}

function timelineEntry(item: TimelineItem, words: BillStrings, language: Language): string {
  return [
    `<li id="${eventAnchor(item.event.id)}">`,
    `<h3>${escapeHtml(item.name)}</h3>`,
    `<p><time datetime="${escapeHtml(item.event.date)}">${escapeHtml(formatMoscowDate(item.event.date, language))}</time></p>`,
    item.stageChange ? `<p><strong>${escapeHtml(words.stageChange(item.stageChange.from, item.stageChange.to))}</strong></p>` : '',
    item.decisions.length > 0 ? `<ul class="decisions">${item.decisions.map((text) => `<li>${escapeHtml(text)}</li>`).join('')}</ul>` : '',
    item.lawNumber ? paragraph(`${words.lawNumber}: ${item.lawNumber}`) : '',
    item.protocol ? paragraph(`${words.protocol}: ${item.protocol}`, 'detail') : '',
    documentList(item.documents, words),
    '</li>',
  ].join('');
}

function documentList(documents: readonly TimelineDocument[], words: BillStrings): string {
  if (documents.length === 0) return '';
  const items = documents.map((document) =>
    document.url ? `<li><a href="${escapeHtml(document.url)}">${escapeHtml(document.title)}</a></li>` : `<li>${escapeHtml(document.title)}</li>`,
  );
  return `<details><summary>${escapeHtml(words.documents)} (${documents.length})</summary><ul>${items.join('')}</ul></details>`;
}
