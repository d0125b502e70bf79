import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { matchPrepared, type MatchExplanation } from '../shared/topics/match-topic.js';
import { parseTopicQuery } from '../shared/topics/parse-topic-query.js';
import { prepareDocument, type PreparedDocument, type TopicDocument } from '../shared/topics/prepared-document.js';
import { russianReadings } from '../shared/topics/russian-dictionary.js';
import { TopicIndex, type IndexedTopic } from '../shared/topics/topic-index.js';

const TOPIC_COUNT = 10_000;
const ITEM_COUNT = 1_000;
/** Brute force (every topic against every item) is timed on a sample only: in full it would take minutes. */
const BRUTE_FORCE_SAMPLE = 20;
const COMMON_TOPIC_WORD_SHARE = 0.2;

const RUSSIAN_LEMMAS = [
  'закон', 'законопроект', 'налог', 'суд', 'кодекс', 'штраф', 'бюджет', 'депутат', 'комитет', 'министр', 'гражданин',
  'мигрант', 'контракт', 'договор', 'порядок', 'срок', 'запрет', 'рынок', 'банк', 'вычет', 'регион', 'совет',
  'служба', 'пенсия', 'армия', 'поправка', 'дума', 'палата', 'граница', 'выплата', 'компания', 'лицензия', 'реклама',
  'школа', 'больница', 'земля', 'валюта', 'криптовалюта', 'платформа', 'торговля', 'защита', 'охрана', 'семья',
  'экстрадиция', 'санкция', 'регистрация', 'инициатива', 'комиссия', 'информация', 'экономия',
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

const SYNTHETIC_RUSSIAN_LEMMAS = 3000;
const SYNTHETIC_ENGLISH_WORDS = 1000;
const RUSSIAN_SYLLABLES = ['ка', 'ро', 'ми', 'ле', 'на', 'ту', 'вос', 'пра', 'гре', 'сло', 'дин', 'бер', 'зак', 'тор', 'смо', 'вел'];
const RUSSIAN_LEMMA_ENDINGS = ['', 'ан', 'ор', 'а', 'ия', 'ый', 'ов'];
const ENGLISH_SYLLABLES = ['ka', 'ro', 'mi', 'le', 'na', 'tu', 'vos', 'pra', 'gre', 'sto', 'din', 'ber', 'lex', 'tor', 'sim', 'vel'];

/**
 * A vocabulary the size of a news year's: the real domain words first (the most frequent ranks), then invented
 * words built like Russian and English ones, so that the stemmers treat them as they would real words.
 */
function buildVocabulary(random: () => number): { russian: Set<string>; words: string[] } {
  const syllables = (list: string[], count: number) =>
    Array.from({ length: count }, () => list[Math.floor(random() * list.length)] ?? '').join('');
  const russian = new Set(RUSSIAN_LEMMAS);
  while (russian.size < RUSSIAN_LEMMAS.length + SYNTHETIC_RUSSIAN_LEMMAS) {
    const ending = RUSSIAN_LEMMA_ENDINGS[Math.floor(random() * RUSSIAN_LEMMA_ENDINGS.length)] ?? '';
    russian.add(syllables(RUSSIAN_SYLLABLES, 2 + Math.floor(random() * 2)) + ending);
  }
  const english = new Set(ENGLISH_WORDS);
  while (english.size < ENGLISH_WORDS.length + SYNTHETIC_ENGLISH_WORDS) {
    english.add(syllables(ENGLISH_SYLLABLES, 2 + Math.floor(random() * 2)));
  }
  const invented = interleave([...russian].slice(RUSSIAN_LEMMAS.length), [...english].slice(ENGLISH_WORDS.length));
  return { russian, words: [...RUSSIAN_LEMMAS, ...ENGLISH_WORDS, ...invented] };
}

function interleave<T>(first: T[], second: T[]): T[] {
  return Array.from({ length: Math.max(first.length, second.length) }, (_, index) => [first[index], second[index]])
    .flat()
    .filter((value): value is T => value !== undefined);
}

function generateCorpus(seed: number): { topics: IndexedTopic[]; items: TopicDocument[] } {
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(list.length * random())] as T;
  const { russian, words } = buildVocabulary(random);
  // Log-uniform ranks: roughly Zipf's law, so a few words are everywhere and most are rare, as in news.
  const word = () => words[Math.floor(words.length ** random()) - 1] as string;
  // People watch specific subjects: a topic's words are mostly any words of the vocabulary, some of them the
  // commonest (the share sets how many topics an item matches: the figure is ~400 of 10,000 per item).
  const topicWord = () => (random() < COMMON_TOPIC_WORD_SHARE ? word() : pick(words));
  const inflect = (lemma: string) => (russian.has(lemma) ? pick(russianForms(lemma)) : lemma + pick(ENGLISH_SUFFIXES));
  const sentence = (length: number) =>
    Array.from({ length }, () => (random() < 0.25 ? pick(STOP_WORDS) : inflect(word()))).join(' ');

  const queryShapes = [
    () => topicWord(),
    () => `${topicWord()} ${topicWord()}`,
    () => `"${topicWord()} ${topicWord()}"`,
    () => `${topicWord()} OR ${topicWord()} OR ${inflect(topicWord())}`,
    () => `(${topicWord()} OR ${topicWord()}) AND ${topicWord()} NOT ${topicWord()}`,
    () => `"${topicWord()} ${topicWord()}" И ${topicWord()} ${topicWord()}`,
  ];
  const topics = Array.from({ length: TOPIC_COUNT }, (_, position) => ({
    topicId: `topic-${position}`,
    query: parseTopicQuery(pick(queryShapes)()),
  }));
  const items = Array.from({ length: ITEM_COUNT }, () => ({
    fields: { title: sentence(8 + Math.floor(random() * 7)), summary: sentence(30 + Math.floor(random() * 31)) },
  }));
  return { topics, items };
}

/** Figures of one benchmark run. */
export interface TopicBenchFigures {
  /** Reading the Russian dictionary on first use, as a cold Lambda does once. */
  dictionaryLoadMs: number;
  topics: number;
  items: number;
  buildMs: number;
  /** CPU time tokenising the items (dictionary lookups included, cached per word). */
  prepareCpuMs: number;
  /** CPU time matching the tokenised items against the index, explanations included (the target's figure). */
  matchCpuMs: number;
  /** Wall time of both, on this machine as busy as it is. */
  wallMs: number;
  matches: number;
  matchesPerItem: number;
  /** Term hits in all the explanations (every match is explained). */
  hitsExplained: number;
  itemsWithMatches: number;
  bruteForceMsPerItem: number;
  /** Whether the index gave exactly the brute-force results on the sample (it must). */
  sampleAgrees: boolean;
  /** The slowest 500-character query against a long repetitive item, tokenising included (target ≤ 50 ms). */
  adversarial: { query: string; itemCharacters: number; ms: number; matched: boolean };
}

/**
 * Matches 10,000 generated topic queries (Russian and English, words, phrases, OR, NOT) against 1,000 generated
 * news items through a TopicIndex, times brute force on a sample for comparison, and times the worst
 * 500-character queries against a long repetitive item.
 */
export async function runTopicBench(seed = 20241001): Promise<TopicBenchFigures> {
  const dictionaryStart = performance.now();
  russianReadings('закон');
  const dictionaryLoadMs = performance.now() - dictionaryStart;

  const { topics, items } = generateCorpus(seed);

  const buildStart = performance.now();
  const index = new TopicIndex(topics);
  const buildMs = performance.now() - buildStart;

  // As a poller does: each item is tokenised, matched, its matches used and dropped; only the sample is kept, to
  // check it against brute force. CPU time is taken around each step, so the two are told apart.
  let prepareCpuUs = 0;
  let matchCpuUs = 0;
  const sample: PreparedDocument[] = [];
  const sampleResults: Array<Array<{ topicId: string; explanation: MatchExplanation }>> = [];
  let hitsExplained = 0;
  const counts: number[] = [];
  const matchStart = performance.now();
  for (const item of items) {
    const beforePrepare = process.cpuUsage();
    const prepared = prepareDocument(item);
    const beforeMatch = process.cpuUsage();
    const found = index.matchPrepared(prepared);
    // Every match is explained, one at a time, as alertTopicMatches does when it raises the alerts.
    for (const match of found) hitsExplained += match.explain().hits.length;
    const afterMatch = process.cpuUsage();
    prepareCpuUs += cpuMicros(beforePrepare, beforeMatch);
    matchCpuUs += cpuMicros(beforeMatch, afterMatch);
    counts.push(found.length);
    if (sample.length < BRUTE_FORCE_SAMPLE) {
      sample.push(prepared);
      sampleResults.push(found.map((match) => ({ topicId: match.topicId, explanation: match.explain() })));
    }
  }
  const wallMs = performance.now() - matchStart;

  const bruteStart = performance.now();
  const bruteResults = sample.map((item) =>
    topics.flatMap(({ topicId, query }) => {
      const explanation = matchPrepared(query, item);
      return explanation ? [{ topicId, explanation }] : [];
    }),
  );
  const bruteForceMsPerItem = (performance.now() - bruteStart) / sample.length;
  const matches = counts.reduce((sum, count) => sum + count, 0);

  return {
    dictionaryLoadMs: round(dictionaryLoadMs),
    topics: topics.length,
    items: items.length,
    buildMs: round(buildMs),
    prepareCpuMs: round(prepareCpuUs / 1000),
    matchCpuMs: round(matchCpuUs / 1000),
    wallMs: round(wallMs),
    matches,
    matchesPerItem: round(matches / items.length),
    hitsExplained,
    itemsWithMatches: counts.filter((count) => count > 0).length,
    bruteForceMsPerItem: round(bruteForceMsPerItem),
    sampleAgrees: JSON.stringify(bruteResults) === JSON.stringify(sampleResults),
    adversarial: worstAdversarialQuery(),
  };
}

const ADVERSARIAL_ITEM_CHARACTERS = 50_000;

/**
 * 500-character queries built to make matching work hardest, each against a 50,000-character item repeating the
 * query's words: one phrase of ~80 words (each start must be checked word by word), an OR of ~70 words (every
 * term found thousands of times), and an AND of parenthesised ORs nested to the depth limit.
 */
function worstAdversarialQuery(): TopicBenchFigures['adversarial'] {
  const fill = (unit: string, separator: string, length: number) => {
    const parts: string[] = [];
    while ([...parts, unit].join(separator).length <= length) parts.push(unit);
    return parts.join(separator);
  };
  const queries = [
    `"${fill('налога', ' ', 498)}"`,
    fill('налоги', ', ', 500),
    `${'(налог OR '.repeat(15)}сбор${')'.repeat(15)} ${fill('налоговый', ' ', 500 - 15 * 11 - 5)}`,
  ];
  let worst: TopicBenchFigures['adversarial'] | undefined;
  for (const text of queries) {
    const query = parseTopicQuery(text);
    const item = { fields: { title: 'налог', summary: fill('налоги налога налоговый налогов', ' ', ADVERSARIAL_ITEM_CHARACTERS) } };
    const start = performance.now();
    const matched = matchPrepared(query, prepareDocument(item)) !== null;
    const ms = performance.now() - start;
    if (!worst || ms > worst.ms) worst = { query: `${text.slice(0, 40)}… (${text.length} characters)`, itemCharacters: ADVERSARIAL_ITEM_CHARACTERS, ms: round(ms), matched };
  }
  if (!worst) throw new Error('no adversarial query');
  return worst;
}

function cpuMicros(from: NodeJS.CpuUsage, to: NodeJS.CpuUsage): number {
  return to.user - from.user + (to.system - from.system);
}

function round(ms: number): number {
  return Math.round(ms * 10) / 10;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const figures = await runTopicBench();
  console.log(`topic index: ${figures.topics} topics × ${figures.items} items; dictionary loaded in ${figures.dictionaryLoadMs} ms`);
  console.log(`  build ${figures.buildMs} ms; CPU: tokenise ${figures.prepareCpuMs} ms, match ${figures.matchCpuMs} ms (wall ${figures.wallMs} ms)`);
  console.log(`  ${figures.matches} matches (${figures.matchesPerItem} per item), ${figures.itemsWithMatches} items with at least one`);
  console.log(`  adversarial: ${figures.adversarial.ms} ms for ${figures.adversarial.query} on ${figures.adversarial.itemCharacters} characters`);
  console.log(`  brute force: ${figures.bruteForceMsPerItem} ms/item; index agrees on the sample: ${figures.sampleAgrees}`);
}
