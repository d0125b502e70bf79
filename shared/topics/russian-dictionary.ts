import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Az from 'az';

import { DICTIONARY_FOLDER } from './dictionary-files.js';

/*
 * Russian morphology from OpenCorpora's dictionary (≈390,000 lemmas with every form: pymorphy2's data, read by
 * the `az` package), loaded on first use from beside the bundle when deployed (see dictionary-files.ts), else
 * from the package itself.
 */

/** One dictionary reading of a word: its lemma, and whether that lemma is a name (person, place, organisation). */
export interface RussianReading {
  lemma: string;
  proper: boolean;
}

const PROPER = /\b(Name|Surn|Patr|Geox|Orgn|Trad)\b/u;
// Only words the dictionary holds, as written: for the others matching falls back to the Snowball stemmer, which is
// more predictable than az's guessers (they invent lemmas from suffixes). az reads a doubled letter as one unless
// told not to (its `stutter` correction), which makes "ссуда" (a loan) a form of суд and "сумма" one of сума.
const DICTIONARY_AS_WRITTEN = { parsers: ['Dictionary'], stutter: 0 };

let loaded = false;

/**
 * The dictionary readings of one Russian word (lemmas lower-cased, ё kept), or none when the dictionary does not
 * hold it. A lower-case word gets no name readings ("песков" is only sand); a capitalised one gets both.
 */
export function russianReadings(word: string): RussianReading[] {
  if (!loaded) loadRussianDictionary(dictionaryFolder(import.meta.url));
  const readings = new Map<string, RussianReading>();
  for (const parse of Az.Morph(word, DICTIONARY_AS_WRITTEN)) {
    const lemma = parse.normalize().word;
    const proper = PROPER.test(parse.tag.toString());
    readings.set(`${lemma}:${proper}`, { lemma, proper });
  }
  return [...readings.values()];
}

/**
 * Where the dictionary files are for the module at `moduleUrl`: the folder the deployment lays beside its bundle
 * (infra/bundling-options.ts) when it holds them, else the `dicts` folder of the az package, found by `resolveAz`
 * (the package's entry file; a parameter so that a test can stand for a bundle with no az package beside it).
 * @throws Error naming the folder beside the bundle when neither holds the dictionary.
 */
export function dictionaryFolder(moduleUrl: string, resolveAz = () => createRequire(moduleUrl).resolve('az')): string {
  const besideBundle = fileURLToPath(new URL(`./${DICTIONARY_FOLDER}`, moduleUrl));
  if (existsSync(join(besideBundle, 'words.dawg'))) return besideBundle;
  try {
    return join(dirname(resolveAz()), '../dicts');
  } catch {
    throw new Error(`the Russian dictionary is missing: expected ${besideBundle} (copied there by the deployment) or the az package`);
  }
}

/**
 * Reads the dictionary from `folder` synchronously, so that tokenising stays a plain function; russianReadings
 * does this on first use (exported for tests of the deployed folder). az reads its files through the replaceable
 * `Az.load` and counts the reads it started before any may finish; the reads are therefore queued while `init`
 * starts them all and run once it has returned. A file that cannot be read throws its own error (naming it).
 */
export function loadRussianDictionary(folder: string): void {
  const queued: Array<() => void> = [];
  const originalLoad = Az.load;
  Az.load = (url, responseType, callback) => {
    queued.push(() => {
      const data = readFileSync(url);
      callback(
        null,
        responseType === 'json'
          ? JSON.parse(data.toString('utf8'))
          : data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength),
      );
    });
  };
  try {
    Az.Morph.init(folder);
    while (queued.length > 0) queued.shift()?.();
  } finally {
    Az.load = originalLoad;
  }
  loaded = true;
}
