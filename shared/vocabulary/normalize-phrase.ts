/**
 * The form sozd phrases are compared in: lower case, ё as е, runs of whitespace (the pages indent heavily and use
 * &nbsp;) as one space, no trailing full stop. The same decision is typed with any of these variations on real pages.
 */
export function normalizePhrase(text: string): string {
  return text
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/\s+/g, ' ')
    .replace(/\s*\.$/, '')
    .trim();
}
