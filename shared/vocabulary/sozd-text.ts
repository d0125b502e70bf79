import type { Language } from '../bill/stages.js';
import { ORIGINAL_MARK, translateCommittee, translateDecision, translateDocumentTitle, translateEventName, translateStatus, type Rendering } from './translate-sozd-text.js';

/** The kinds of standard sozd text a subscriber reads. */
export type SozdTextKind = 'event' | 'decision' | 'status' | 'document';

const TRANSLATORS: Record<SozdTextKind, (text: string) => Rendering> = {
  event: translateEventName,
  decision: translateDecision,
  status: translateStatus,
  document: translateDocumentTitle,
};

/**
 * A piece of sozd's text in the reader's language: Russian as the page wrote it; English from the vocabulary, with
 * anything it has no rendering for kept in Russian behind "(original, Russian): ".
 */
export function sozdText(kind: SozdTextKind, text: string, language: Language): string {
  return language === 'ru' ? text : TRANSLATORS[kind](text).text;
}

/** The English rendering with the Russian pieces it kept (for measuring how much of an alert is English). */
export function englishSozdText(kind: SozdTextKind, text: string): Rendering {
  return TRANSLATORS[kind](text);
}

/** A federal law number as English texts write it: `386-ФЗ` → `386-FZ` (федеральный закон), `1-ФКЗ` → `1-FKZ`. */
export function lawNumberText(lawNumber: string, language: Language): string {
  return language === 'ru' ? lawNumber : lawNumber.replace(/ФКЗ/g, 'FKZ').replace(/ФЗ/g, 'FZ');
}

/** A protocol reference as English texts write it: `289, п.65` (пункт) → `289, item 65`, `б/н` (без номера) → `no number`. */
export function protocolText(protocol: string, language: Language): string {
  if (language === 'ru') return protocol;
  return protocol
    .replace(/б\/н/g, 'no number')
    .replace(/п\.\s*/g, 'item ')
    .replace(/\s*от\s+/g, ' of ');
}

/** A committee's name as sozd writes it, in the reader's language: English from the committee table, else the original marked. */
export function committeeText(name: string, language: Language): string {
  if (language === 'ru') return name;
  return translateCommittee(name)?.text ?? `${ORIGINAL_MARK}${name}`;
}
