import type { Language } from '../bill/stages.js';
import type { BillOrigin } from '../origins/bill-origin.js';
import { INITIATOR_BODIES } from './initiator-bodies.js';
import { compilePhrase, fillPhrase, matchPhrase } from './phrase-pattern.js';
import { hasCyrillic, ORIGINAL_MARK, translateCommittee } from './translate-sozd-text.js';
import { transliterate } from './transliterate.js';

const BODIES = INITIATOR_BODIES.map(compilePhrase);
// A person as passports write one: initials, then the surname (`А.К.Исаев`, `А. К. Исаев`).
const PERSON = /^\p{Lu}\.\s?(?:\p{Lu}\.\s?)?\p{Lu}/u;

/**
 * A committee's or an initiator's name in the reader's language: Russian as the passport writes it; English from the
 * vocabulary (committees from shared/vocabulary/committees.ts, bodies from initiator-bodies.ts, people transliterated),
 * else the Russian marked as the original.
 */
export function originName(origin: BillOrigin, language: Language): string {
  if (language === 'ru' || !hasCyrillic(origin.name)) return origin.name;
  if (origin.kind === 'committee') return translateCommittee(origin.name)?.text ?? `${ORIGINAL_MARK}${origin.name}`;
  if (PERSON.test(origin.name)) return transliterate(origin.name);
  const body = matchPhrase(BODIES, origin.name);
  if (body) return fillPhrase(body.entry.en, Object.fromEntries(Object.entries(body.captures).map(([name, value]) => [name, transliterate(value)])));
  return `${ORIGINAL_MARK}${origin.name}`;
}

/**
 * A committee's or an initiator's name standing alone (a list entry, a label): {@link originName} with a capital first
 * letter, since the vocabulary writes names to sit inside a sentence ("the Government of the Russian Federation").
 */
export function standaloneOriginName(origin: BillOrigin, language: Language): string {
  const name = originName(origin, language);
  return name.charAt(0).toUpperCase() + name.slice(1);
}
