/** One legislative stage: the N of sozd's `bhiN` stage blocks, its Russian names as pages write them, its English name. */
export interface StageNameEntry {
  id: number;
  /** The name in the stage block's title (`.ttl`); the first is the canonical one. */
  ru: readonly string[];
  en: string;
  /** For subject lines, where the full name would push the change itself out of sight. */
  shortRu: string;
  shortEn: string;
}

/** sozd's stages, from the stage blocks and progress bars of the real pages (ids 7, 9 and 10 from sozd's own list). */
export const STAGE_NAMES: readonly StageNameEntry[] = [
  { id: 1, ru: ['Внесение законопроекта в Государственную Думу'], en: 'Submitted to the State Duma', shortRu: 'внесение в Государственную Думу', shortEn: 'submission to the State Duma' },
  {
    id: 2,
    ru: ['Предварительное рассмотрение законопроекта', 'Предварительное рассмотрение законопроекта, внесенного в Государственную Думу'],
    en: 'Preliminary consideration',
    shortRu: 'предварительное рассмотрение',
    shortEn: 'preliminary consideration',
  },
  { id: 3, ru: ['Рассмотрение законопроекта в первом чтении'], en: 'First reading', shortRu: 'первое чтение', shortEn: 'first reading' },
  { id: 4, ru: ['Рассмотрение законопроекта во втором чтении'], en: 'Second reading', shortRu: 'второе чтение', shortEn: 'second reading' },
  { id: 5, ru: ['Рассмотрение законопроекта в третьем чтении'], en: 'Third reading', shortRu: 'третье чтение', shortEn: 'third reading' },
  { id: 6, ru: ['Прохождение закона в Совете Федерации'], en: 'Federation Council', shortRu: 'Совет Федерации', shortEn: 'Federation Council' },
  {
    id: 7,
    ru: ['Повторное рассмотрение закона, отклоненного Советом Федерации'],
    en: 'Reconsideration after rejection by the Federation Council',
    shortRu: 'повторное рассмотрение после отклонения Советом Федерации',
    shortEn: 'reconsideration after Federation Council rejection',
  },
  { id: 8, ru: ['Прохождение закона у Президента Российской Федерации'], en: 'President of the Russian Federation', shortRu: 'Президент', shortEn: 'President' },
  {
    id: 9,
    ru: ['Повторное рассмотрение закона, отклоненного Президентом Российской Федерации'],
    en: 'Reconsideration after a presidential veto',
    shortRu: 'повторное рассмотрение после вето Президента',
    shortEn: 'reconsideration after a presidential veto',
  },
  { id: 10, ru: ['Рассмотрение закона в Конституционном Суде'], en: 'Constitutional Court', shortRu: 'Конституционный Суд', shortEn: 'Constitutional Court' },
  { id: 11, ru: ['Опубликование закона'], en: 'Publication of the law', shortRu: 'опубликование', shortEn: 'publication' },
];
