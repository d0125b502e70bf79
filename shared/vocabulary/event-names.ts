import type { PhraseEntry } from './phrase-pattern.js';

/**
 * The numbered event types of a bill's history (the type headers of the "ЭРК по событиям" tab), as the ten real
 * pages name them; the event numbers they carry there are noted. The last group are the demo's own simplified names.
 */
export const EVENT_NAMES: readonly PhraseEntry[] = [
  // 1.1
  { ru: 'Регистрация законопроекта и материалов к нему в САДД ГД', en: "Registration of the bill and its materials in the State Duma's document system" },
  // 1.2
  { ru: 'Прохождение законопроекта у Председателя Государственной Думы', en: 'The bill before the Chairman of the State Duma' },
  // 1.3
  { ru: 'Регистрация писем и документов об изменении текста и паспортных данных законопроекта', en: "Registration of letters and documents changing the bill's text or details" },
  // 2.1
  { ru: 'Принятие профильным комитетом решения о представлении законопроекта в Совет Государственной Думы', en: "The lead committee's decision to present the bill to the Council of the State Duma" },
  // 2.2
  { ru: 'Рассмотрение Советом Государственной Думы законопроекта, внесенного в Государственную Думу', en: 'The Council of the State Duma considers the bill as introduced' },
  // 3.1, 4.1, 5.1
  { ru: 'Принятие ответственным комитетом решения о представлении законопроекта в Совет Государственной Думы', en: "The responsible committee's decision to present the bill to the Council of the State Duma" },
  // 3.2, 4.2, 5.2
  { ru: 'Рассмотрение Советом Государственной Думы законопроекта, представленного ответственным комитетом', en: 'The Council of the State Duma considers the bill presented by the responsible committee' },
  // 3.3, 4.3, 5.3
  { ru: 'Рассмотрение законопроекта Государственной Думой', en: 'The State Duma considers the bill' },
  // 6.1
  { ru: 'Поступление закона из Государственной Думы', en: 'The law arrives from the State Duma' },
  // 6.2
  { ru: 'Предварительное рассмотрение закона ответственным комитетом (комиссией)', en: 'Preliminary consideration of the law by the responsible committee (commission)' },
  // 6.3
  { ru: 'Рассмотрение закона на заседании Совета Федерации', en: 'The Federation Council considers the law at its sitting' },
  // 8.1
  { ru: 'Рассмотрение закона Президентом Российской Федерации', en: 'The President of the Russian Federation considers the law' },
  // 8.2 (in stage block 11)
  { ru: 'Опубликование закона', en: 'Publication of the law' },
  // The demo's and the simulator's own pages.
  { ru: 'Регистрация законопроекта', en: 'Registration of the bill' },
  { ru: 'Назначение ответственного комитета', en: 'Appointment of the responsible committee' },
  { ru: 'Рассмотрение Советом Государственной Думы законопроекта', en: 'The Council of the State Duma considers the bill' },
  { ru: 'Рассмотрение законопроекта в первом чтении', en: 'First reading of the bill' },
  { ru: 'Рассмотрение законопроекта во втором чтении', en: 'Second reading of the bill' },
  { ru: 'Рассмотрение законопроекта в третьем чтении', en: 'Third reading of the bill' },
  { ru: 'Рассмотрение закона Советом Федерации', en: 'The Federation Council considers the law' },
  { ru: 'Закон подписан Президентом Российской Федерации', en: 'The law is signed by the President of the Russian Federation' },
];
