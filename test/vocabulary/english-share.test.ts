import { describe, expect, it } from 'vitest';
import { parseBillPage } from '../../shared/sozd/parse-bill-page.js';
import { HAVE_REAL_PAGES, readRealPage, realPageNumbers } from '../support/real-sozd-pages.js';
import { countEnglishAlertLetters, type LetterCount } from './english-share.js';

// Measured once, at collection, so that the figure can be the test's own name: printed, never logged.
const totals: LetterCount = { letters: 0, cyrillic: 0, originalLetters: 0 };
for (const number of realPageNumbers()) {
  const counted = countEnglishAlertLetters(parseBillPage(readRealPage(number)));
  totals.letters += counted.letters;
  totals.cyrillic += counted.cyrillic;
  totals.originalLetters += counted.originalLetters;
}
const share = totals.letters === 0 ? 0 : (100 * totals.cyrillic) / totals.letters;
const figure = `${share.toFixed(2)} % Cyrillic (${totals.cyrillic} of ${totals.letters} letters; ${totals.originalLetters} more in marked originals)`;

describe.skipIf(!HAVE_REAL_PAGES)('English alerts on the full histories of the real sozd pages', () => {
  it(`are English outside bill titles and marked originals: ${figure}, at most 2 %`, () => {
    expect(totals.letters).toBeGreaterThan(100_000);
    expect(share).toBeLessThanOrEqual(2);
  });
});
