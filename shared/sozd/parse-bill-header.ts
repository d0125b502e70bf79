import type { Document, Element } from 'domhandler';
import type { Initiator, PassportField, Stage } from '../bill/bill.js';
import { BillPageError } from './bill-page-error.js';
import { committeeOf, initiatorsOf } from './passport-facts.js';
import { attribute, hasClass, normalizedText, numberedClass, parseRegion, queryAll, queryOne, sozdUrl } from './page-dom.js';

/** What the top of a bill card says about the bill. */
export interface BillHeader {
  number: string;
  title: string;
  titleComment?: string;
  status: string;
  archived: boolean;
  passport: PassportField[];
  /** The passport's responsible committee, when it names one. */
  committee?: string;
  /** The passport's initiators, when it names any. */
  initiators?: Initiator[];
  /** The stage the progress bar marks. */
  pageStage?: Stage;
}

const BILL_NUMBER = /\d{1,9}-\d{1,2}/;

function passportField(row: Element): PassportField | undefined {
  const label = normalizedText(queryOne('.opch_l_txt', row) ?? queryOne('.opch_l', row));
  const valueCell = queryOne('.opch_r', row);
  if (!label || !valueCell) return undefined;
  // Some rows hold only a file icon linking to the document: the link is then the value.
  const value =
    normalizedText(valueCell) ||
    queryAll('a[href]', valueCell)
      .map((link) => sozdUrl(attribute(link, 'href'))?.href)
      .filter((url) => url !== undefined)
      .join(' ');
  return { label, value };
}

/**
 * The progress bar's stage: the step marked `active`, else the last step reached (`green`). Pages of finished bills
 * (a published law, a rejected bill) mark none active, and their last green step is where the bill ended.
 */
function pageStageOf(doc: Document): Stage | undefined {
  const steps = queryAll('.bill_gorizontal_progress .bgp_middle > div', doc).filter((el) => numberedClass(el, 'btm') !== undefined);
  const step = steps.find((el) => hasClass(el, 'active')) ?? steps.findLast((el) => hasClass(el, 'green'));
  const id = step && numberedClass(step, 'btm');
  if (!step || id === undefined) return undefined;
  const link = queryOne('a', step);
  const name = link ? attribute(link, 'data-original-title') || attribute(link, 'title') : undefined;
  return { id, name: (name ?? '').trim() };
}

/**
 * Reads number, title, status, passport (with its committee and initiators) and progress bar from the header slice of a
 * bill card (its UTF-8 bytes).
 * @throws BillPageError `no-bill-number` when the number element holds no bill number.
 */
export function parseBillHeader(headerHtml: Buffer): BillHeader {
  const doc = parseRegion(headerHtml, 'header');
  const number = BILL_NUMBER.exec(normalizedText(queryOne('#number_oz_id', doc)))?.[0];
  if (!number) throw new BillPageError('no-bill-number', 'the bill number element (#number_oz_id) holds no bill number');

  const archiveMark = queryOne('sup.ico_arhiv', doc);
  const titleComment = normalizedText(queryOne('#oz_name_comment', doc));
  const pageStage = pageStageOf(doc);
  const passport = queryAll('#opc_hild tr', doc)
    .map(passportField)
    .filter((field) => field !== undefined);
  const committee = committeeOf(passport);
  const initiators = initiatorsOf(passport);
  return {
    number,
    title: normalizedText(queryOne('#oz_name', doc)),
    ...(titleComment ? { titleComment } : {}),
    status: normalizedText(archiveMark ?? queryOne('#current_oz_status', doc)),
    archived: archiveMark !== null,
    passport,
    ...(committee ? { committee } : {}),
    ...(initiators.length > 0 ? { initiators } : {}),
    ...(pageStage ? { pageStage } : {}),
  };
}
