import { describe, expect, it } from 'vitest';
import { englishIrregularBase } from '../../shared/topics/english-irregular-forms.js';

/*
 * The irregular forms of news English that matching reads as their base, as a reader would list them: each is a
 * word no suffix rule reaches, so each is stated.
 */
const PLURALS = `children child, men man, women woman, people person, mice mouse, feet foot, teeth tooth, geese goose,
  oxen ox, criteria criterion, phenomena phenomenon, crises crisis, analyses analysis, theses thesis, data datum,
  media medium, indices index, leaves leaf, lives life, wives wife, knives knife, thieves thief, halves half, wolves wolf`;
const VERBS = `is be, are be, was be, were be, been be, being be, went go, gone go, bought buy, brought bring,
  caught catch, sought seek, taught teach, thought think, fought fight, sold sell, told tell, held hold, left leave,
  met meet, led lead, paid pay, said say, made make, took take, taken take, gave give, given give, wrote write,
  written write, spoke speak, spoken speak, chose choose, chosen choose, broke break, broken break, froze freeze,
  frozen freeze, stole steal, stolen steal, rose rise, risen rise, fell fall, fallen fall, won win, lost lose, ran run,
  began begin, begun begin, fled flee, shot shoot, struck strike, sent send, spent spend, built build, kept keep,
  slept sleep, felt feel, found find, got get, gotten get, came come, became become, saw see, seen see, knew know,
  known know, grew grow, grown grow, drew draw, drawn draw, drove drive, driven drive, rode ride, ridden ride,
  forbade forbid, forbidden forbid`;

const pairs = (list: string) => list.split(',').map((pair) => pair.trim().split(' ') as [string, string]);

describe('englishIrregularBase', () => {
  it('reads each irregular plural as its singular', () => {
    const read = pairs(PLURALS).map(([form]) => [form, englishIrregularBase(form)]);

    expect(read).toEqual(pairs(PLURALS));
  });

  it('reads each irregular past form of a common verb as the verb', () => {
    const read = pairs(VERBS).map(([form]) => [form, englishIrregularBase(form)]);

    expect(read).toEqual(pairs(VERBS));
  });

  it('has no base for a regular word, a base itself, or a word not in lower case', () => {
    expect(englishIrregularBase('bills')).toBeUndefined();
    expect(englishIrregularBase('child')).toBeUndefined();
    expect(englishIrregularBase('Children')).toBeUndefined();
  });
});
