import { STAGE_NAMES, type StageNameEntry } from '../vocabulary/stage-names.js';
import type { Stage } from './bill.js';

export type Language = 'ru' | 'en';

const BY_ID = new Map<number, StageNameEntry>(STAGE_NAMES.map((entry) => [entry.id, entry]));

/** The stage's name in the given language; the page's own name for a stage id we do not know. */
export function stageName(stage: Stage, language: Language): string {
  const entry = BY_ID.get(stage.id);
  if (!entry) return stage.name;
  return language === 'en' ? entry.en : entry.ru[0]!;
}

/** The stage's short name for subject lines; the page's own name for a stage id we do not know. */
export function shortStageName(stage: Stage, language: Language): string {
  const entry = BY_ID.get(stage.id);
  if (!entry) return stage.name;
  return language === 'en' ? entry.shortEn : entry.shortRu;
}

/** The stage with this id, named as sozd names it: for a stage a decision sends the bill to, whose block it is not in. */
export function knownStage(id: number): Stage {
  return { id, name: BY_ID.get(id)?.ru[0] ?? String(id) };
}

/** Stage ids a subscriber can pick as "the stage changes that matter". */
export const KNOWN_STAGE_IDS: readonly number[] = STAGE_NAMES.map((entry) => entry.id);
