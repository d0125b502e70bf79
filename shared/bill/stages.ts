import type { Stage } from './bill.js';

export type Language = 'ru' | 'en';

/**
 * Names of the legislative stages by the N of sozd's `bhiN` stage blocks, in both languages.
 * The page writes the name in its own language; alerts speak the subscriber's, so the names live here.
 */
const STAGE_NAMES: Record<number, { ru: string; en: string }> = {
  1: { ru: 'Внесение законопроекта в Государственную Думу', en: 'Submitted to the State Duma' },
  2: { ru: 'Предварительное рассмотрение законопроекта', en: 'Preliminary consideration' },
  3: { ru: 'Рассмотрение законопроекта в первом чтении', en: 'First reading' },
  4: { ru: 'Рассмотрение законопроекта во втором чтении', en: 'Second reading' },
  5: { ru: 'Рассмотрение законопроекта в третьем чтении', en: 'Third reading' },
  6: { ru: 'Прохождение закона в Совете Федерации', en: 'Federation Council' },
  7: { ru: 'Повторное рассмотрение закона, отклоненного Советом Федерации', en: 'Reconsideration after rejection by the Federation Council' },
  8: { ru: 'Прохождение закона у Президента Российской Федерации', en: 'President of the Russian Federation' },
  9: { ru: 'Повторное рассмотрение закона, отклоненного Президентом Российской Федерации', en: 'Reconsideration after a presidential veto' },
  10: { ru: 'Рассмотрение закона в Конституционном Суде', en: 'Constitutional Court' },
  11: { ru: 'Опубликование закона', en: 'Publication of the law' },
};

/** The stage's name in the given language; the page's own name for a stage id we do not know. */
export function stageName(stage: Stage, language: Language): string {
  return STAGE_NAMES[stage.id]?.[language] ?? stage.name;
}

/** Stage ids a subscriber can pick as "the stage changes that matter". */
export const KNOWN_STAGE_IDS: readonly number[] = Object.keys(STAGE_NAMES).map(Number);
