import { describe, expect, it } from 'vitest';
import { consoleStrings } from '../../shared/api/console/console-strings.js';
import { pageStrings } from '../../shared/api/pages/page-strings.js';
import { originId } from '../../shared/origins/bill-origin.js';
import { parseInitiators } from '../../shared/sozd/passport-facts.js';

/*
 * The sign-up, preferences and console forms show how to write a deputy to follow. Names match whatever the case or
 * the spaces in initials, but not in another order: an example spelt otherwise than a passport would be followed as
 * written and never match a bill.
 */

// The initiators row of the real page 1001390-6, as its passport writes it.
const [DEPUTY] = parseInitiators('Депутаты Государственной Думы А.К.Исаев, Н.Ф.Герасименко');

describe('the example deputy of the initiator fields', () => {
  it.each(['en', 'ru'] as const)('is spelt in %s as a passport names him', (language) => {
    const hints = [pageStrings(language).fields.initiatorsHint, consoleStrings(language).endpoints.follows.initiatorsHint];

    const examples = hints.map((hint) => /\(([^)]+)\)/.exec(hint)?.[1] ?? hint);

    expect(examples.map((name) => originId('initiator', name))).toEqual([DEPUTY, DEPUTY].map((deputy) => originId('initiator', deputy!.name)));
  });
});
