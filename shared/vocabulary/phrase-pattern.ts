/**
 * One standard piece of sozd text and its English rendering. `ru` may hold placeholders, `{name}` or `{name:kind}`,
 * standing for the changing parts (a date, a committee, a person); `en` repeats them where they go in English.
 * Kinds: `date` (DD.MM.YYYY), `number`, `person` (initials and a surname, `А.Б. Фамилия`), `text` (anything, rendered
 * by the caller's rule for that placeholder's name).
 */
export interface PhraseEntry {
  ru: string;
  en: string;
}

/** A placeholder's value as the text gave it. */
export type Captures = Readonly<Record<string, string>>;

export interface CompiledPhrase {
  entry: PhraseEntry;
  /** Matches the whole text (case-, ё- and whitespace-insensitive), capturing the placeholders by name. */
  regex: RegExp;
}

const PLACEHOLDER = /\{(\w+)(?::(\w+))?\}/g;
const KIND_PATTERNS: Record<string, string> = {
  date: String.raw`\d{1,2}\.\d{1,2}\.\d{4}`,
  number: String.raw`\d+`,
  person: String.raw`[А-ЯЁ]\.\s?[А-ЯЁ]\.\s?[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?`,
  text: String.raw`.+?`,
};

function literal(text: string): string {
  return text
    .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    .replace(/[её]/gi, (letter) => (letter === letter.toUpperCase() ? '[ЕЁ]' : '[её]'))
    .replace(/\s+/g, String.raw`\s+`);
}

/** Compiles an entry's `ru` into a whole-text regex; a placeholder without a kind is `text`. */
export function compilePhrase(entry: PhraseEntry): CompiledPhrase {
  let source = '';
  let last = 0;
  for (const match of entry.ru.matchAll(PLACEHOLDER)) {
    source += literal(entry.ru.slice(last, match.index));
    source += `(?<${match[1]}>${KIND_PATTERNS[match[2] ?? 'text'] ?? KIND_PATTERNS.text})`;
    last = match.index + match[0].length;
  }
  source += literal(entry.ru.slice(last));
  return { entry, regex: new RegExp(`^\\s*${source}\\s*\\.?\\s*$`, 'iu') };
}

/** The first entry whose pattern matches the whole text, with its captures. */
export function matchPhrase(table: readonly CompiledPhrase[], text: string): { entry: PhraseEntry; captures: Captures } | undefined {
  for (const compiled of table) {
    const match = compiled.regex.exec(text);
    if (match) return { entry: compiled.entry, captures: { ...match.groups } };
  }
  return undefined;
}

/** Fills an entry's `en` with rendered placeholder values. */
export function fillPhrase(en: string, values: Captures): string {
  return en.replace(PLACEHOLDER, (_whole, name: string) => values[name] ?? '');
}
