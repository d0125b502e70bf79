import type { PassportField } from '../../shared/bill/bill.js';
import { stageName } from '../../shared/bill/stages.js';
import { compareEventNumbers } from '../../shared/sozd/event-number.js';

/** A file attached to an event; the page links it as `/download/<id>`. */
export interface DocumentSpec {
  /** sozd's file GUID. */
  id: string;
  title: string;
}

/** A dated event of the bill's history. */
export interface EventSpec {
  /** The event's GUID (its element id on the page). */
  id: string;
  /** N of the `bhiN` stage block the event sits in (see shared/bill/stages.ts). */
  stageId: number;
  /** `data-eventnum`, e.g. `3.1`. */
  eventNumber: string;
  /** The event type's name, shown in the type header before the event. */
  name: string;
  /** Moscow wall-clock time as the page writes it: `YYYY-MM-DDTHH:mm:ss`. */
  date: string;
  decisions?: string[];
  protocol?: string;
  resolution?: string;
  lawNumber?: string;
  /** A publication.pravo.gov.ru address. */
  publication?: string;
  documents?: DocumentSpec[];
}

/** A planned event (`future_event`): "Дата события не определена", though the page may still carry a date. */
export interface PlannedEventSpec {
  stageId: number;
  eventNumber: string;
  name: string;
  /** Moscow wall-clock time, `YYYY-MM-DDTHH:mm:ss`, written to `data-eventdate` when given. */
  date?: string;
  documents?: DocumentSpec[];
}

/** What a built bill card shows. */
export interface BillPageSpec {
  /** e.g. `1075342-8`. */
  number: string;
  title: string;
  titleComment?: string;
  /** Archived bills show `sup.ico_arhiv` and no `#current_oz_status`. Default false. */
  archived?: boolean;
  /** The status text; defaults to "В архиве" for an archived bill and "На рассмотрении" otherwise. */
  status?: string;
  passport?: PassportField[];
  /**
   * The "Субъект права законодательной инициативы" row as sozd writes it (groups separated by `;`, people after their
   * role, e.g. `Депутаты Государственной Думы А.К.Исаев, Н.В.Костенко; Правительство Российской Федерации`); first row.
   */
  initiators?: string;
  /** The responsible committee: written, as on sozd, in both its "Ответственный комитет" and "Профильный комитет" rows. */
  committee?: string;
  /** The stage highlighted in the progress bar, if any. */
  currentStageId?: number;
  /** In page order within each stage and event number: the page does not sort by date. */
  events: EventSpec[];
  plannedEvents?: PlannedEventSpec[];
}

const PROGRESS_BAR_STAGES = [1, 2, 3, 4, 5, 6, 8, 11];

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function ruStageName(stageId: number): string {
  return stageName({ id: stageId, name: '' }, 'ru');
}

/** `2022-06-01T14:39:34` → `01.06.2022`, as the page shows dates. */
function shownDate(localDate: string): string {
  const [year, month, day] = localDate.slice(0, 10).split('-');
  return `${day}.${month}.${year}`;
}

function headerHtml(spec: BillPageSpec): string {
  const archived = spec.archived ?? false;
  const status = escapeHtml(spec.status ?? (archived ? 'В архиве' : 'На рассмотрении'));
  return `<div class="bill_data_top">
<h1 class="h4 bdt_name bdt_name_wrap">
<span class="pull-right margin-child noselect_el"><a class="roundb_oz" href="/bill/${escapeHtml(spec.number)}/rss">RSS</a></span>
<div class="bdt_name_text">
<div class="type_of_law zp_h1">Законопроект</div>
<span id="number_oz_id">№ ${escapeHtml(spec.number)}</span> ${archived ? `<sup class="ico_arhiv">${status}</sup>` : ''}
</div>
</h1>
<p class="text-justif mb0"><span id="oz_name" class="oz_naimen">${escapeHtml(spec.title)}</span></p>
${spec.titleComment ? `<p id="oz_name_comment" class="p_namecomment">\n${escapeHtml(spec.titleComment)}\n</p>` : ''}
<div class="text-muted bdt_status mb10">
<span class="text-uppercase">
${archived ? '' : `<span id="current_oz_status" class="vm_ib">${status}</span>`}
</span>
</div>
</div>`;
}

/** The passport in sozd's row order: initiators, the form of the bill, the committee, the other rows, the profile committee. */
function passportRows(spec: BillPageSpec): PassportField[] {
  const committee = (label: string) => (spec.committee ? [{ label, value: spec.committee }] : []);
  return [
    ...(spec.initiators ? [{ label: 'Субъект права законодательной инициативы', value: spec.initiators }, { label: 'Форма законопроекта', value: 'Федеральный закон' }] : []),
    ...committee('Ответственный комитет'),
    ...(spec.passport ?? []),
    ...committee('Профильный комитет'),
  ];
}

function passportHtml(passport: PassportField[]): string {
  const rows = passport.map(
    (field) => `<tr>
<td class="td_hild_l w25p"><div class="opch_l"><span class="opch_l_txt">${escapeHtml(field.label)}</span></div></td>
<td><div class="opch_r">
${escapeHtml(field.value)}
</div></td>
</tr>`,
  );
  return `<div class="obj_passdata_cont">
<div id="bill_pass_data" class="opc_top"><h2 class="h5"><span class="p_opc_top">Паспортные данные</span></h2></div>
<div id="opc_hild" class="collapse in opc_hild">
<table class="table table-hover table-striped borderless fs13px"><tbody>
${rows.join('\n')}
</tbody></table>
</div>
</div>`;
}

function progressBarHtml(currentStageId: number | undefined): string {
  const steps = PROGRESS_BAR_STAGES.map((id) => {
    const reached = currentStageId !== undefined && id <= currentStageId;
    const classes = [`btm${id}`, reached ? 'green' : '', id === currentStageId ? 'active' : ''].filter(Boolean);
    return `<div class="${classes.join(' ')}">
<div class="ln"></div>
<a class="ar ar_rask" dat-id="arrh_div${id}" data-toggle="tooltip" title="" data-original-title="${escapeHtml(ruStageName(id))}">
<span class="icon-bhi icon-bhi${id}"></span>
</a>
</div>`;
  });
  return `<div class="bill_progress_wrap" id="law_progress">
<table class="fix_progress_table"><tbody><tr>
<td class="td_prog1"><span class="tit_progress1">Стадии рассмотрения</span></td>
<td class="td_prog2"><div class="bill_gorizontal_progress"><div class="bgp_middle">
${steps.join('\n')}
</div></div></td>
</tr></tbody></table>
</div>`;
}

function filesHtml(documents: DocumentSpec[] | undefined): string {
  if (!documents?.length) return '';
  const files = documents.map(
    (doc) => `<span data-fileid="${escapeHtml(doc.id)}">
<a id="${escapeHtml(doc.id)}" title="разместил пользователь CАДД" class="a_event_files" href="/download/${escapeHtml(doc.id)}">
<div class="table_icona"><div class="table_iconatd1"><span class="format-pdf icon-file"></span></div>
<div class="table_iconatd2"><div class="doc_wrap">
${escapeHtml(doc.title)}
</div></div></div>
</a>
</span>
<br>`,
  );
  return `<div class="event_files event_files_drag">\n${files.join('\n')}\n</div>`;
}

function tooltipHtml(title: string, value: string | undefined): string {
  return value === undefined
    ? ''
    : `<span class="flr_mr"><span data-placement="top" data-toggle="tooltip" data-original-title="${title}">\n${escapeHtml(value)}\n</span></span>`;
}

function publicationHtml(url: string | undefined): string {
  if (url === undefined) return '';
  const number = url.split('/').pop() ?? '';
  return `<div class="table_div table_divop table_divmob">
<div class="table_row">
<div class="table_td">Официальный Интернет-портал (www.pravo.gov.ru)</div>
<div class="table_td table_tdop"><span data-original-title="Номер опубликования">№&nbsp;<a href="${escapeHtml(url)}" target="_blank">${escapeHtml(number)}</a></span></div>
</div>
</div>`;
}

function typeHeaderHtml(eventNumber: string, name: string, attributes = ''): string {
  return `<div${attributes} class="oz_event bh_etap bh_etap_not" data-eventnum="${escapeHtml(eventNumber)}">
<div class="table_td"><span class="name">
${escapeHtml(name)}
</span></div>
</div>`;
}

function datedEventHtml(event: EventSpec, eventNumberAttribute = event.eventNumber): string {
  const decisions = (event.decisions ?? []).map((decision) => `<li>\n${escapeHtml(decision)}\n</li>`).join('\n');
  const resolutionTitle =
    event.stageId === 6 ? 'Номер постановления Совета Федерации' : 'Номер постановления Государственной Думы';
  return `<div id="${escapeHtml(event.id)}" class="oz_event bh_etap with_datatime" data-eventdate="${escapeHtml(event.date)}" data-eventnum="${escapeHtml(eventNumberAttribute)}">
<div class="arr"></div>
<div class="bh_etap_date"><span class="mob_not">${shownDate(event.date)}</span><div class="bh_etap_date_time">${event.date.slice(11, 16)}</div></div>
<div class="algstname table_div table_top table_divmob">
<div class="table_td"><span class="name" title="Автор события: CАДД"><ul>
${decisions}
</ul></span></div>
<div class="table_td mw70">
${tooltipHtml('Номер и пункт протокола', event.protocol)}${tooltipHtml(resolutionTitle, event.resolution)}${tooltipHtml('Номер федерального закона', event.lawNumber)}
</div>
</div>
${publicationHtml(event.publication)}
${filesHtml(event.documents)}
</div>`;
}

function plannedEventHtml(event: PlannedEventSpec): string {
  const date = event.date === undefined ? '' : ` data-eventdate="${escapeHtml(event.date)}"`;
  return `<div class="bh_etap oz_event future_event"${date} data-eventnum="${escapeHtml(event.eventNumber)}">
<div class="arr"></div><div class="arr arr2"></div><div class="bh_etap_date"></div>
<span class="no_data_fevent">Дата события не определена</span>
<div>${escapeHtml(event.name)}</div>
${filesHtml(event.documents)}
</div>`;
}

function stageBlockHtml(stageId: number, content: string, extraClasses = ''): string {
  return `<div data-id="stage-${stageId}" class="root-stage bh_item bhi${stageId} green ${extraClasses}" id="arrh_d${stageId}">
<div class="ar"><span class="icon-bhi icon-bhi${stageId}"></span></div>
<div class="ttl"><a href="#" id="arrh${stageId}" class="lnk">${escapeHtml(ruStageName(stageId))}</a></div>
<div class="child_etaps arrh_div${stageId}">
${content}
</div>
</div>`;
}

/** The "ЭРК по событиям" tab: stages in order, each event type's header followed by its events. */
function eventsTabHtml(spec: BillPageSpec): string {
  const planned = spec.plannedEvents ?? [];
  const stageIds = [...new Set([...spec.events, ...planned].map((event) => event.stageId))].sort((a, b) => a - b);
  const blocks = stageIds.map((stageId) => {
    const dated = spec.events.filter((event) => event.stageId === stageId);
    const plannedHere = planned.filter((event) => event.stageId === stageId);
    const numbers = [...new Set([...dated, ...plannedHere].map((event) => event.eventNumber))].sort(compareEventNumbers);
    const groups = numbers.map((eventNumber) => {
      const datedGroup = dated.filter((event) => event.eventNumber === eventNumber);
      // Real pages give a planned event no type header of its own.
      const header = datedGroup[0] ? typeHeaderHtml(eventNumber, datedGroup[0].name) : '';
      const plannedGroup = plannedHere.filter((event) => event.eventNumber === eventNumber);
      return [header, ...datedGroup.map((event) => datedEventHtml(event)), ...plannedGroup.map(plannedEventHtml)].join('\n');
    });
    return stageBlockHtml(stageId, groups.join('\n'), stageId === spec.currentStageId ? 'active' : '');
  });
  return `<div data-id="${escapeHtml(spec.number)}" role="tabpanel" class="tab-pane active bh_histras " id="bh_histras">
<div id="oz_stages" class="oz_stages_div oz_stages_all">
<div class="pos_rel oz_stages_sdiv"><div class="kn_raskr"><span class="kn_raskr_pod" data-original-title="<div class='tol90tc'>Свернуть все</div>" data-html="true"></span></div></div>
${blocks.join('\n')}
</div>
</div>`;
}

/**
 * The "ЭРК по хронологии" tab as sozd renders it: a short list, then every event again in date order with the SAME
 * element ids and dates (type headers included), each in a stage block of its own — the trap a parser must avoid.
 */
function chronologyTabHtml(spec: BillPageSpec): string {
  const byDate = [...spec.events].sort((a, b) => a.date.localeCompare(b.date));
  const items = byDate.map(
    (event) => `<div class="ch-item">
<div class="ch-item-header">${escapeHtml(event.eventNumber)} ${escapeHtml(event.name)}</div>
<div class="ch-item-event"><span class="hron_date">${shownDate(event.date)}</span> ${escapeHtml((event.decisions ?? []).join('; '))}</div>
</div>`,
  );
  const repeated = byDate.map((event) => {
    const header = typeHeaderHtml(
      event.eventNumber,
      event.name,
      ` id="${escapeHtml(event.id)}" data-eventdate="${escapeHtml(event.date)}"`,
    );
    return stageBlockHtml(event.stageId, `${header}\n${datedEventHtml(event, event.name)}`);
  });
  return `<div role="tabpanel" class="tab-pane fade bh_hron" id="bh_hron">
<div class="bhr_item" id="div_date_nd"><div class="child_etaps">
${items.join('\n')}
</div></div>
<div id="div_date" style="display: none;">
<div id="oz_stages" class="oz_stages_div oz_stages_all">
${repeated.join('\n')}
</div>
</div>
</div>`;
}

/**
 * Builds a bill card in the structure of sozd.duma.gov.ru/bill/<number> (header, passport, progress bar, the events
 * tab, the chronology tab that repeats every event with the same ids, a note tab), small enough for tests and the
 * local Duma simulator.
 */
export function buildBillPage(spec: BillPageSpec): string {
  return `<!DOCTYPE html>
<html lang="ru">
<head><meta charset="utf-8"><title>Законопроект №${escapeHtml(spec.number)} - Система обеспечения законодательной деятельности</title></head>
<body>
<ol id="wo-breadcrumbs" class="breadcrumb"><li><a href="/"><span>Главная</span></a></li><li><span>Законопроект №${escapeHtml(spec.number)}</span></li></ol>
<div class="panel panel-default panel_normal_mode"><div class="panel-body ">
<div class="bill_data_wrap">
${headerHtml(spec)}
${passportHtml(passportRows(spec))}
</div>
${progressBarHtml(spec.currentStageId)}
<div class="bill_history_wrap bill_hist ">
<ul class="nav nav-tabs nav_bbordered greensozd_nav" id="bh_tabs" role="tablist">
<li class="td_co1 active"><a id="link_id_histras" href="#bh_histras" data-toggle="tab">ЭРК по событиям</a></li>
<li class="td_co2"><a id="link_id_hron" href="#bh_hron" data-toggle="tab">ЭРК по хронологии</a></li>
<li class="td_co2"><a id="link_id_note" href="#bh_note" data-toggle="tab">Пояснительная записка</a></li>
</ul>
<div id="bh_tab_content" class="tab-content ">
${eventsTabHtml(spec)}
${chronologyTabHtml(spec)}
<div role="tabpanel" class="tab-pane fade bh_note pt20" id="bh_note"><p>ПОЯСНИТЕЛЬНАЯ ЗАПИСКА</p></div>
</div>
</div>
</div></div>
</body>
</html>
`;
}
