import type { PhraseEntry } from './phrase-pattern.js';

/**
 * Bodies with the right of legislative initiative, as passports name them, in English. `{region}` is a region's
 * name, transliterated (a proper name, as English-language media write it). Specific entries come
 * before the general ones that would also match them.
 */
export const INITIATOR_BODIES: readonly PhraseEntry[] = [
  { ru: 'Правительство Российской Федерации', en: 'the Government of the Russian Federation' },
  { ru: 'Президент Российской Федерации', en: 'the President of the Russian Federation' },
  { ru: 'Совет Федерации', en: 'the Federation Council' },
  { ru: 'Верховный Суд Российской Федерации', en: 'the Supreme Court of the Russian Federation' },
  { ru: 'Конституционный Суд Российской Федерации', en: 'the Constitutional Court of the Russian Federation' },
  { ru: 'Депутаты Государственной Думы', en: 'Deputies of the State Duma' },
  { ru: 'Законодательное Собрание Санкт-Петербурга', en: 'the Legislative Assembly of Saint Petersburg' },
  { ru: 'Московская городская Дума', en: 'the Moscow City Duma' },
  { ru: 'Законодательное Собрание {region}', en: 'the Legislative Assembly of {region}' },
  { ru: 'Законодательная Дума {region}', en: 'the Legislative Duma of {region}' },
  { ru: 'Государственный Совет {region}', en: 'the State Council of {region}' },
  { ru: 'Государственное Собрание {region}', en: 'the State Assembly of {region}' },
  { ru: 'Областная Дума {region}', en: 'the Regional Duma of {region}' },
  { ru: '{region} областная Дума', en: 'the {region} Regional Duma' },
];
