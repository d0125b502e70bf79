import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { matchPrepared } from '../shared/topics/match-topic.js';
import { parseTopicQuery } from '../shared/topics/parse-topic-query.js';
import { prepareDocument, type TopicDocument } from '../shared/topics/prepared-document.js';
import { TopicIndex, type IndexedTopic } from '../shared/topics/topic-index.js';

const TOPIC_COUNT = 10_000;
const ITEM_COUNT = 1_000;
/** Brute force (every topic against every item) is timed on a sample only: in full it would take minutes. */
const BRUTE_FORCE_SAMPLE = 20;

const RUSSIAN_LEMMAS = [
  'закон', 'законопроект', 'налог', 'суд', 'кодекс', 'штраф', 'бюджет', 'депутат', 'комитет', 'министр', 'гражданин',
  'мигрант', 'контракт', 'договор', 'порядок', 'срок', 'запрет', 'рынок', 'банк', 'вычет', 'регион', 'совет',
  'служба', 'пенсия', 'армия', 'поправка', 'дума', 'палата', 'граница', 'выплата', 'компания', 'лицензия', 'реклама',
  'школа', 'больница', 'земля', 'валюта', 'криптовалюта', 'платформа', 'торговля', 'защита', 'охрана', 'семья',
  'экстрадиция', 'санкция', 'регистрация', 'инициатива', 'комиссия', 'лицензия', 'информация', 'экономия',
  'военный', 'иностранный', 'федеральный', 'уголовный', 'налоговый', 'земельный', 'трудовой', 'социальный',
  'цифровой', 'бюджетный', 'административный', 'региональный', 'семейный', 'таможенный', 'миграционный',
];
const ENGLISH_WORDS = [
  'bill', 'law', 'tax', 'court', 'sanction', 'budget', 'deputy', 'committee', 'reading', 'amendment', 'migrant',
  'pension', 'army', 'border', 'bank', 'market', 'license', 'fine', 'crypto', 'currency', 'platform', 'school',
];
const ENGLISH_SUFFIXES = ['', 's', 'ed', 'ing'];
const STOP_WORDS = ['и', 'в', 'о', 'на', 'по', 'для', 'не', 'с', 'об', 'от', 'the', 'of', 'a', 'on'];

/** Inflected forms of a Russian lemma, by its ending: enough morphology to make stemming matter. */
function russianForms(lemma: string): string[] {
  const endings: Array<[string, string[]]> = [
    ['ия', ['ия', 'ии', 'ию', 'ией', 'ий', 'иям']],
    ['ый', ['ый', 'ого', 'ому', 'ым', 'ая', 'ой', 'ую', 'ые', 'ых', 'ыми']],
    ['ой', ['ой', 'ого', 'ому', 'ым', 'ая', 'ую', 'ые', 'ых']],
    ['а', ['а', 'ы', 'е', 'у', 'ой', 'ам', 'ах']],
  ];
  for (const [ending, forms] of endings) {
    if (lemma.endsWith(ending)) return forms.map((form) => lemma.slice(0, -ending.length) + form);
  }
  return ['', 'а', 'у', 'ом', 'е', 'ы', 'ов', 'ам'].map((form) => lemma + form);
}

/** mulberry32: small, fast and seeded, so every run measures the same topics and items. */
function seededRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function generateCorpus(seed: number): { topics: IndexedTopic[]; items: TopicDocument[] } {
  const random = seededRandom(seed);
  // Skewed towards the start of each list, as word frequencies in news are.
  const pick = <T>(list: readonly T[]): T => list[Math.floor(list.length * random() ** 1.5)] as T;
  const lemmas = [...RUSSIAN_LEMMAS, ...ENGLISH_WORDS];
  const lemma = () => (random() < 0.8 ? pick(RUSSIAN_LEMMAS) : pick(ENGLISH_WORDS));
  const inflect = (word: string) =>
    RUSSIAN_LEMMAS.includes(word) ? pick(russianForms(word)) : word + pick(ENGLISH_SUFFIXES);
  const sentence = (length: number) =>
    Array.from({ length }, () => (random() < 0.25 ? pick(STOP_WORDS) : inflect(lemma()))).join(' ');

  const queryShapes = [
    () => lemma(),
    () => `${lemma()} ${lemma()}`,
    () => `"${lemma()} ${lemma()}"`,
    () => `${lemma()} OR ${lemma()} OR ${inflect(lemma())}`,
    () => `(${lemma()} OR ${lemma()}) AND ${lemma()} NOT ${lemma()}`,
    () => `"${lemma()} ${lemma()}" И ${lemma()} ${lemma()}`,
  ];
  const topics = Array.from({ length: TOPIC_COUNT }, (_, position) => ({
    topicId: `topic-${position}`,
    query: parseTopicQuery(pick(queryShapes)()),
  }));
  const items = Array.from({ length: ITEM_COUNT }, () => ({
    fields: { title: sentence(8 + Math.floor(random() * 7)), summary: sentence(30 + Math.floor(random() * 31)) },
  }));
  return { topics, items: lemmas.length > 0 ? items : [] };
}

/** Figures of one benchmark run. */
export interface TopicBenchFigures {
  topics: number;
  items: number;
  buildMs: number;
  matchMs: number;
  matches: number;
  itemsWithMatches: number;
  bruteForceMsPerItem: number;
  /** Whether the index gave exactly the brute-force results on the sample (it must). */
  sampleAgrees: boolean;
}

/**
 * Matches 10,000 generated topic queries (Russian and English, words, phrases, OR, NOT) against 1,000 generated
 * news items through a TopicIndex, and times brute force on a sample for comparison.
 */
export async function runTopicBench(seed = 20241001): Promise<TopicBenchFigures> {
  const { topics, items } = generateCorpus(seed);

  const buildStart = performance.now();
  const index = new TopicIndex(topics);
  const buildMs = performance.now() - buildStart;

  const matchStart = performance.now();
  const results = items.map((item) => index.match(item));
  const matchMs = performance.now() - matchStart;

  const sample = items.slice(0, BRUTE_FORCE_SAMPLE);
  const bruteStart = performance.now();
  const bruteResults = sample.map((item) => {
    const prepared = prepareDocument(item);
    return topics.flatMap(({ topicId, query }) => {
      const explanation = matchPrepared(query, prepared);
      return explanation ? [{ topicId, explanation }] : [];
    });
  });
  const bruteForceMsPerItem = (performance.now() - bruteStart) / sample.length;

  return {
    topics: topics.length,
    items: items.length,
    buildMs: round(buildMs),
    matchMs: round(matchMs),
    matches: results.reduce((sum, list) => sum + list.length, 0),
    itemsWithMatches: results.filter((list) => list.length > 0).length,
    bruteForceMsPerItem: round(bruteForceMsPerItem),
    sampleAgrees: JSON.stringify(bruteResults) === JSON.stringify(results.slice(0, BRUTE_FORCE_SAMPLE)),
  };
}

function round(ms: number): number {
  return Math.round(ms * 10) / 10;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const figures = await runTopicBench();
  console.log(`topic index: ${figures.topics} topics × ${figures.items} items`);
  console.log(`  build ${figures.buildMs} ms, match ${figures.matchMs} ms total (${round(figures.matchMs / figures.items)} ms/item)`);
  console.log(`  ${figures.matches} matches, ${figures.itemsWithMatches} items with at least one`);
  console.log(`  brute force: ${figures.bruteForceMsPerItem} ms/item; index agrees on the sample: ${figures.sampleAgrees}`);
}
