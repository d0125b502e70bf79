const LETTERS: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'yo', ж: 'zh', з: 'z', и: 'i', й: 'y', к: 'k', л: 'l', м: 'm',
  н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch',
  ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya',
};

/**
 * A Russian personal name in Latin letters (a simplified BGN/PCGN romanisation, as English-language media write
 * names): `С.Ш. Мурзабаева` → `S.Sh. Murzabaeva`. A name has no translation; this is its English spelling.
 */
export function transliterate(text: string): string {
  return text.replace(/[а-яё]/giu, (letter) => {
    const lower = letter.toLowerCase();
    const latin = LETTERS[lower] ?? letter;
    return letter === lower ? latin : latin.charAt(0).toUpperCase() + latin.slice(1);
  });
}
