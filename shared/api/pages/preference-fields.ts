import { KNOWN_STAGE_IDS, stageName, type Language } from '../../bill/stages.js';
import { escapeHtml } from '../../email/html-escape.js';
import { normalizeOriginName } from '../../origins/bill-origin.js';
import type { SeenOrigins } from '../../origins/seen-origins.js';
import type { CatalogOrigin } from '../../store/origin-catalog.js';
import { standaloneOriginName } from '../../vocabulary/origin-names.js';
import { lines, type FormErrors, type PreferencesFormValues } from '../preferences-form.js';
import { pageStrings } from './page-strings.js';

/** The error summary at the top of a form: each problem links to its field. */
export function errorSummary(errors: FormErrors, language: Language): string {
  const entries = Object.entries(errors);
  if (entries.length === 0) return '';
  const words = pageStrings(language);
  const items = entries
    .map(([field, message]) => `<li><a href="#${field}">${escapeHtml(fieldLabel(field, language))}</a>: ${escapeHtml(message ?? '')}</li>`)
    .join('');
  return `<div class="errors" role="alert" tabindex="-1" id="errors"><p>${escapeHtml(words.errorSummary)}</p><ul>${items}</ul></div>`;
}

/**
 * The preference fields shared by the sign-up and preferences forms, each labelled, hinted and with its error;
 * `offered`: the committees and initiators to offer, those passports have named.
 */
export function preferenceFields(values: PreferencesFormValues, errors: FormErrors, language: Language, offered: SeenOrigins): string {
  const words = pageStrings(language).fields;
  const languageNames = pageStrings(language).languages;
  return [
    textArea('bills', words.bills, words.billsHint, values.bills, errors.bills),
    textArea('topics', words.topics, words.topicsHint, values.topics, errors.topics),
    committeeFields(values.committees, offered.committees, errors.committees, language),
    initiatorFields(values.initiators, offered.initiators, errors.initiators, language),
    radioGroup('frequency', words.frequency, values.frequency, [
      ['instant', words.frequencies.instant],
      ['daily', words.frequencies.daily],
      ['weekly', words.frequencies.weekly],
    ], errors.frequency),
    stageFieldset(values, errors.stages, language),
    checkbox('newsAlerts', words.newsAlerts, values.newsAlerts),
    checkbox('weekAhead', words.weekAhead, values.weekAhead),
    radioGroup('language', words.language, values.language, [
      ['ru', languageNames.ru],
      ['en', languageNames.en],
    ], errors.language),
    textInput('timeZone', 'text', words.timeZone, words.timeZoneHint, values.timeZone, errors.timeZone),
  ].join('\n');
}

/** A labelled single-line input with its hint and error tied to it for screen readers. */
export function textInput(name: string, type: 'text' | 'email', label: string, hint: string, value: string, error?: string): string {
  const extra = type === 'email' ? ' autocomplete="email" required' : ' autocomplete="off"';
  return `<div class="field"><label for="${name}">${escapeHtml(label)}</label>${hintAndError(name, hint, error)}<input id="${name}" name="${name}" type="${type}" value="${escapeHtml(value)}"${describedBy(name, error)}${extra}></div>`;
}

function textArea(name: string, label: string, hint: string, value: string, error?: string, rows = 4): string {
  return `<div class="field"><label for="${name}">${escapeHtml(label)}</label>${hintAndError(name, hint, error)}<textarea id="${name}" name="${name}" rows="${rows}"${describedBy(name, error)}>${escapeHtml(value)}</textarea></div>`;
}

/**
 * Committees: a checkbox for each one seen (ticked when followed), then the rest of the followed names, one per line,
 * in a text area of the same field name: the form sends both as `committees`, and no script is needed.
 */
function committeeFields(followed: string, offered: readonly CatalogOrigin[], error: string | undefined, language: Language): string {
  const words = pageStrings(language).fields;
  if (offered.length === 0) return textArea('committees', words.committees, words.committeesHint, followed, error);
  const names = lines(followed);
  const chosen = new Set(names.map(normalizeOriginName));
  const offeredNames = new Set(offered.map((origin) => normalizeOriginName(origin.name)));
  const boxes = offered
    .map((origin, index) => {
      const checked = chosen.has(normalizeOriginName(origin.name)) ? ' checked' : '';
      return `<div class="choice"><input type="checkbox" id="committee-${index}" name="committees" value="${escapeHtml(origin.name)}"${checked}><label for="committee-${index}">${originLabel(origin, language)}</label></div>`;
    })
    .join('');
  const others = names.filter((name) => !offeredNames.has(normalizeOriginName(name))).join('\n');
  return [
    `<fieldset${error ? ' aria-invalid="true"' : ''}><legend>${escapeHtml(words.committees)}</legend>`,
    `<p class="hint">${escapeHtml(words.committeesOffered)}</p>`,
    `<div class="origin-list">${boxes}</div>`,
    textArea('committees', words.committeesOther, words.committeesHint, others, error, 2),
    '</fieldset>',
  ].join('');
}

/**
 * Initiators: the followed names, one per line, and a field to add one more with the names seen suggested as the
 * person types (a datalist: the browser's own suggestions, no script). Seen initiators run to hundreds, too many to tick.
 */
function initiatorFields(followed: string, offered: readonly CatalogOrigin[], error: string | undefined, language: Language): string {
  const words = pageStrings(language).fields;
  const list = textArea('initiators', words.initiators, words.initiatorsHint, followed, error);
  if (offered.length === 0) return list;
  const options = offered
    .map((origin) => {
      const label = standaloneOriginName(origin, language);
      return `<option value="${escapeHtml(origin.name)}"${label === origin.name ? '' : ` label="${escapeHtml(label)}"`}></option>`;
    })
    .join('');
  return [
    list,
    `<div class="field"><label for="initiator-add">${escapeHtml(words.initiatorsAdd)}</label><p class="hint" id="initiator-add-hint">${escapeHtml(words.initiatorsAddHint)}</p>`,
    `<input id="initiator-add" name="initiators" type="text" list="initiator-names" autocomplete="off" aria-describedby="initiator-add-hint">`,
    `<datalist id="initiator-names">${options}</datalist></div>`,
  ].join('');
}

/** A seen origin's label: its name in the page's language, and the name as sozd writes it when that differs. */
function originLabel(origin: CatalogOrigin, language: Language): string {
  const shown = standaloneOriginName(origin, language);
  return shown === origin.name ? escapeHtml(shown) : `${escapeHtml(shown)} <span class="detail" lang="ru">${escapeHtml(origin.name)}</span>`;
}

function radioGroup(name: string, legend: string, selected: string, options: [string, string][], error?: string): string {
  const choices = options
    .map(([value, label], index) => {
      const id = index === 0 ? name : `${name}-${value}`;
      const checked = value === selected ? ' checked' : '';
      return `<div class="choice"><input type="radio" id="${id}" name="${name}" value="${value}"${checked}><label for="${id}">${escapeHtml(label)}</label></div>`;
    })
    .join('');
  return `<fieldset${error ? ' aria-invalid="true"' : ''}><legend>${escapeHtml(legend)}</legend>${error ? `<p class="error">${escapeHtml(error)}</p>` : ''}${choices}</fieldset>`;
}

function checkbox(name: string, label: string, checked: boolean): string {
  return `<div class="field choice"><input type="checkbox" id="${name}" name="${name}" value="on"${checked ? ' checked' : ''}><label for="${name}">${escapeHtml(label)}</label></div>`;
}

function stageFieldset(values: PreferencesFormValues, error: string | undefined, language: Language): string {
  const words = pageStrings(language).fields;
  const chosen = new Set(values.stages);
  const stages = KNOWN_STAGE_IDS.map((id) => {
    const checked = chosen.has(String(id)) ? ' checked' : '';
    const label = stageName({ id, name: '' }, language);
    return `<div class="choice"><input type="checkbox" id="stage-${id}" name="stages" value="${id}"${checked}><label for="stage-${id}">${escapeHtml(label)}</label></div>`;
  }).join('');
  const mode = (value: 'all' | 'chosen', id: string, label: string) =>
    `<div class="choice"><input type="radio" id="${id}" name="stageMode" value="${value}"${values.stageMode === value ? ' checked' : ''}><label for="${id}">${escapeHtml(label)}</label></div>`;
  return [
    `<fieldset id="stages"${error ? ' aria-invalid="true"' : ''}><legend>${escapeHtml(words.stages)}</legend>`,
    error ? `<p class="error">${escapeHtml(error)}</p>` : '',
    mode('all', 'stageMode', words.allStages),
    mode('chosen', 'stageMode-chosen', words.chosenStages),
    `<div class="stage-list">${stages}</div>`,
    '</fieldset>',
  ].join('');
}

function hintAndError(name: string, hint: string, error?: string): string {
  return `<p class="hint" id="${name}-hint">${escapeHtml(hint)}</p>${error ? `<p class="error" id="${name}-error">${escapeHtml(error)}</p>` : ''}`;
}

function describedBy(name: string, error?: string): string {
  return ` aria-describedby="${name}-hint${error ? ` ${name}-error` : ''}"${error ? ' aria-invalid="true"' : ''}`;
}

function fieldLabel(field: string, language: Language): string {
  const words = pageStrings(language).fields;
  const labels: Record<string, string> = {
    email: words.email,
    bills: words.bills,
    topics: words.topics,
    committees: words.committees,
    initiators: words.initiators,
    language: words.language,
    timeZone: words.timeZone,
    frequency: words.frequency,
    stages: words.stages,
  };
  return labels[field] ?? field;
}
