import type { PhraseEntry } from './phrase-pattern.js';

/** A bill's status line (`#current_oz_status`, or the archive mark `sup.ico_arhiv`). */
export const STATUSES: readonly PhraseEntry[] = [
  { ru: 'На рассмотрении', en: 'Under consideration' },
  { ru: 'В архиве', en: 'Archived' },
  { ru: 'Принят', en: 'Adopted' },
  { ru: 'Отклонен', en: 'Rejected' },
  { ru: 'Снят с рассмотрения', en: 'Withdrawn from consideration' },
  { ru: 'Возвращен субъекту права законодательной инициативы', en: 'Returned to its initiator' },
  { ru: 'Опубликован', en: 'Published' },
];
