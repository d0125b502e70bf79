import { KNOWN_STAGE_IDS, stageName, type Language } from '../../bill/stages.js';
import { escapeHtml } from '../../email/html-escape.js';
import type { FormErrors, PreferencesFormValues } from '../preferences-form.js';
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

/** The preference fields shared by the sign-up and preferences forms, each labelled, hinted and with its error. */
export function preferenceFields(values: PreferencesFormValues, errors: FormErrors, language: Language): string {
  const words = pageStrings(language).fields;
  const languageNames = pageStrings(language).languages;
  return [
    textArea('bills', words.bills, words.billsHint, values.bills, errors.bills),
    textArea('topics', words.topics, words.topicsHint, values.topics, errors.topics),
    textArea('committees', words.committees, words.committeesHint, values.committees, errors.committees),
    textArea('initiators', words.initiators, words.initiatorsHint, values.initiators, errors.initiators),
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

function textArea(name: string, label: string, hint: string, value: string, error?: string): string {
  return `<div class="field"><label for="${name}">${escapeHtml(label)}</label>${hintAndError(name, hint, error)}<textarea id="${name}" name="${name}" rows="4"${describedBy(name, error)}>${escapeHtml(value)}</textarea></div>`;
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
